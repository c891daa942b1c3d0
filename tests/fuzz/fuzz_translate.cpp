// Fuzzes the whole translation: NUL-separated words after "-- prog" against a schema with a
// flag of every type, under each unknown-flag policy. Invariants: the same words translate to
// the same argv twice; each schema flag yields one word, "key=" and its value (a JSON object two,
// "key=null" first); the mappings cover the final words after the program, in order, without gaps.
#include <cstdint>

#include "adapt_error.h"
#include "fuzz_check.h"
#include "schema/schema_yaml.h"
#include "translate/translator.h"

using namespace hydra_adapt;
using hydra_adapt::fuzz::require;

namespace {

const Schema& fuzz_schema() {
  static const Schema schema = parse_schema_yaml(R"(
flags:
  name: {key: name, type: str}
  data-path: {key: data.path, type: path}
  out: {key: +out.dir, type: output_path}
  lr: {key: optimizer.lr, type: float}
  epochs: {key: epochs, type: int}
  flag: {key: flag, type: bool}
  meta: {key: ++meta, type: json}
  token: {key: token, type: str, secret: true}
  cfg: {key: cfg_value, type: str}
)",
                                                 "fuzz-schema");
  return schema;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  constexpr UnknownPolicy kPolicies[] = {UnknownPolicy::kError, UnknownPolicy::kPass, UnknownPolicy::kAuto};
  const UnknownPolicy policy = kPolicies[data[0] % std::size(kPolicies)];
  std::vector<std::string> words{"prog"};
  for (std::string& word : fuzz::split_words({reinterpret_cast<const char*>(data) + 1, size - 1}))
    words.push_back(std::move(word));

  Translation translation;
  try {
    translation = translate(fuzz_schema(), split_program_words(words), policy);
  } catch (const AdaptError&) {
    return 0;
  }
  require(translate(fuzz_schema(), split_program_words(words), policy).argv == translation.argv,
          "translation is deterministic");
  std::size_t next_word = translation.program_word_count;
  for (const Mapping& mapping : translation.mappings) {
    require(mapping.first_word == next_word, "mappings cover the final words in order");
    next_word += mapping.word_count;
    if (mapping.origin != Mapping::Origin::kSchema) continue;
    const std::string& value_word = translation.argv[mapping.first_word + mapping.word_count - 1];
    require(value_word.rfind(mapping.key + "=", 0) == 0, "the last word is key=value");
    if (mapping.word_count == 2) {
      require(
          translation.argv[mapping.first_word] == mapping.key + "=null" && value_word[mapping.key.size() + 1] == '{',
          "only a JSON object takes two words, resetting its key to null first");
    } else {
      require(mapping.word_count == 1, "a schema flag yields one word");
    }
  }
  require(next_word == translation.argv.size(), "mappings cover every final word");
  return 0;
}
