#pragma once

#include <string>
#include <vector>

#include "args/program_split.h"
#include "sagemaker/hyperparameters.h"

namespace hydra_adapt {

// The words after hydra-adapt's "--" less script mode's rendering of the hyperparameters: the
// sagemaker-training toolkit runs the entry point with to_cmd_args(hyperparameters), keys
// sorted, each as "--name" (a one-character name as "-n") and one word of Python's str() of
// its value (lossy: True, ['a', 'b'], k=v,k2=v2, an empty word for None). The exact values
// come from SM_HPS or hyperparameters.json instead. The last run of words shaped like that
// rendering is removed; the program's own first word is never part of it.
std::vector<std::string> without_script_mode_rendering(const std::vector<std::string>& words,
                                                       const Hyperparameters& hyperparameters);

// SageMaker starts a bring-your-own container as `docker run IMAGE train`: the word "train"
// arrives after the ENTRYPOINT's words, as the program's last word when no flag follows, or as
// the first incoming word after a second "--". Either is dropped.
void drop_train_word(ProgramSplit& split);

}  // namespace hydra_adapt
