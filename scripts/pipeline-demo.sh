#!/usr/bin/env bash
# The pipeline demo: compiles examples/pipeline (data prepare, then train, two Hydra apps
# behind component specs written the official argparse way) with kfp 2.x, and runs it on this
# machine the way Vertex AI / Kubeflow would, hydra-adapt in front of each app. First
# `hydra-adapt check` holds each component spec against its app's own config (a drifted spec
# stops here). Prints each task's container command, hydra-adapt's translation, and the final
# accuracy.
# usage: scripts/pipeline-demo.sh [--param NAME=VALUE ...]   (e.g. --param experiment=large)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup.sh
bash scripts/build.sh plain

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
top="$PWD"
for app in prepare train; do
  echo "== hydra-adapt check: what examples/pipeline/$app/component.yaml can send, against its app's config"
  (cd "examples/pipeline/$app" &&
    "$top/build/hydra-adapt" check --compose --component component.yaml -- "$top/.venv/bin/python" main.py)
done
echo "== compiling examples/pipeline/pipeline.py with kfp"
.venv/bin/python examples/pipeline/pipeline.py "$work/digits.yaml"
.venv/bin/python scripts/run_pipeline_locally.py "$work/digits.yaml" \
  --image hydra-adapt-demo/prepare=examples/pipeline/prepare \
  --image hydra-adapt-demo/train=examples/pipeline/train \
  --tool build/hydra-adapt --python .venv/bin/python --gcs "$work/gcs" "$@"
