#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hydra_adapt {

// The rank a distributed launcher adds to its worker's args: DeepSpeed's launcher and
// torch.distributed.launch (unless --use-env) put `--local_rank=N` (PyTorch 2: `--local-rank=N`)
// right after the worker's program, so before hydra-adapt's own "--" when the tool is that
// program (`--no_python hydra-adapt ...`). The two-word forms (`--local_rank N`) count too.
struct LocalRank {
  std::vector<std::string> words;       // the words less the rank's
  std::vector<std::string> rank_words;  // the rank's words as they came
  std::optional<std::string> rank;      // N
};

// Takes every rank word off `words`, the first word from `first` on (the program's own first
// word is never one); a later rank wins. `taken(name)` says whether a rank named `name`
// ("local_rank" or "local-rank") is to be taken: one a mapping declares stays an arg.
LocalRank take_local_rank(const std::vector<std::string>& words, std::size_t first,
                          const std::function<bool(std::string_view)>& taken);

}  // namespace hydra_adapt
