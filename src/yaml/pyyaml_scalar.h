#pragma once

#include <string_view>

namespace hydra_adapt {

// What PyYAML's SafeLoader (YAML 1.1) makes of a plain (unquoted) scalar by its implicit
// resolvers. Timestamps are left as strings: OmegaConf's loader drops that resolver, and W&B
// never writes one.
enum class PlainScalar { kNull, kBool, kInt, kFloat, kStr };

// `float_rule`: kPyYaml as SafeLoader itself (a '.' needed, an exponent signed: 1.0e-05);
// kOmegaConf as OmegaConf's loader, which also reads 1e-3 and 1e5 as floats.
enum class FloatRule { kPyYaml, kOmegaConf };
PlainScalar plain_scalar_kind(std::string_view text, FloatRule float_rule);

// YAML 1.1 bools: yes/no/on/off/true/false in three cases.
bool plain_scalar_is_true(std::string_view text);

}  // namespace hydra_adapt
