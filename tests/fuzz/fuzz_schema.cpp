// Fuzzes the schema loader with arbitrary YAML text. Invariant: a schema it accepts has unique,
// well-formed flag names and keys Hydra can address.
#include <cstdint>
#include <set>

#include "adapt_error.h"
#include "fuzz_check.h"
#include "schema/schema_yaml.h"
#include "values/hydra_key.h"

using namespace hydra_adapt;
using hydra_adapt::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Schema schema;
  try {
    schema = parse_schema_yaml(std::string(reinterpret_cast<const char*>(data), size), "fuzz.yaml");
  } catch (const AdaptError&) {
    return 0;
  }
  std::set<std::string> names;
  for (const FlagSpec& flag : schema.flags) {
    require(names.insert(flag.name).second, "flag names are unique");
    require(!flag.name.empty() && flag.name.front() != '-', "a flag name has no leading dash");
    require(flag.name.find('=') == std::string::npos, "a flag name has no '='");
    require(is_addressable_key(split_override_key(flag.key).path), "a key is addressable");
    require(schema.find(flag.name) != nullptr, "a declared flag is found");
  }
  return 0;
}
