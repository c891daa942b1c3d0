#pragma once

#include <string>
#include <string_view>

#include "values/value_type.h"

namespace hydra_adapt {

// What a value of the printed config (`--cfg all`) says about its key: the type the app
// expects there, and the key it follows when it is an interpolation of one.
struct DefaultValue {
  ValueType type = ValueType::kAuto;  // kAuto: null, ??? or an interpolation, which give no type
  std::string follows;                // `${a.b}` (or relative `${.b}`) and nothing else: "a.b"
};

// A scalar as the YAML text holds it. `quoted`: written in quotes, so a str whatever it looks
// like ('007'); else typed as OmegaConf's YAML loader types plain scalars (YAML 1.1 ints,
// bools and nulls; floats as OmegaConf reads them, 1e-3 included). `parent` is the path of the
// mapping that holds it ("" at the top), against which a relative interpolation resolves.
DefaultValue scalar_default(std::string_view text, bool quoted, std::string_view parent);

}  // namespace hydra_adapt
