#pragma once

#include <string>

#include "check/sent_flags.h"

namespace hydra_adapt {

// What a Vertex AI hyperparameter tuning job (`check --vertex-study FILE`: YAML or JSON, as
// `gcloud ai hp-tuning-jobs create --config` and the REST API take it) sends each trial: each
// studySpec.parameters[] parameterId as --ID=VALUE with the values of its spec (bounds and
// default of a doubleValueSpec or integerValueSpec, whose int64 bounds may be JSON strings; each
// value of a discreteValueSpec or categoricalValueSpec), the children of its
// conditionalParameterSpecs likewise, and the fixed --flags of
// trialJobSpec.workerPoolSpecs[].containerSpec.args (a list of pools, or one pool as a
// mapping). Throws AdaptError naming the file and the spot for a file that is no such job.
SourceFlags vertex_study_flags(const std::string& text, const std::string& file);

}  // namespace hydra_adapt
