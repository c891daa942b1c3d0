#include "args/local_rank.h"

#include "text/ascii.h"

namespace hydra_adapt {
namespace {

bool is_rank(std::string_view text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

// "local_rank" or "local-rank" when `word` is "--NAME" or "--NAME=..."; empty otherwise.
std::string_view rank_flag_name(std::string_view word) {
  for (const std::string_view name : {"local_rank", "local-rank"}) {
    if (!starts_with(word, "--") || word.substr(2, name.size()) != name) continue;
    const std::string_view rest = word.substr(2 + name.size());
    if (rest.empty() || rest.front() == '=') return name;
  }
  return {};
}

}  // namespace

LocalRank take_local_rank(const std::vector<std::string>& words, std::size_t first,
                          const std::function<bool(std::string_view)>& taken) {
  LocalRank result;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const std::string& word = words[i];
    const std::string_view name = i >= first ? rank_flag_name(word) : std::string_view();
    if (name.empty() || !taken(name)) {
      result.words.push_back(word);
      continue;
    }
    const bool attached = word.size() > name.size() + 2;
    const std::string_view value = attached ? std::string_view(word).substr(name.size() + 3) : std::string_view();
    if (attached ? !is_rank(value) : i + 1 == words.size() || !is_rank(words[i + 1])) {
      result.words.push_back(word);  // not a launcher's rank: the mapping or its error has it
      continue;
    }
    result.rank_words.push_back(word);
    if (attached) {
      result.rank = std::string(value);
    } else {
      result.rank = words[++i];
      result.rank_words.push_back(*result.rank);
    }
  }
  return result;
}

}  // namespace hydra_adapt
