#!/usr/bin/env bash
# The demo: builds hydra-adapt and runs the example Hydra app through it with the
# argparse-style args a Vertex AI / Kubeflow job would pass, first as a dry run, then for real.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# The demo sets what it shows; a HYDRA_ADAPT_ variable from the caller's shell would change it.
unset "${!HYDRA_ADAPT_@}"

bash scripts/setup.sh
bash scripts/build.sh plain

out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
# As in an image: ENTRYPOINT ["/hydra-adapt", "--", "python3", "main.py"], schema by env var.
# Set for these two runs only (env, not export): the "no schema" part below must run without it.
entrypoint=(env HYDRA_ADAPT_SCHEMA=examples/trainer/schema.yaml build/hydra-adapt -- .venv/bin/python examples/trainer/main.py)
platform_args=(
  --lr 0.01 --epochs=3 --use-gpu
  --data-path "/gcs/my bucket/train, v2.csv"
  --model-out "$out/models/run 1/model.pkl"
  --params '{"hidden": 128, "layers": 3}'
  --run-name 'it'"'"'s ${not} interpolated, [really]'
  --api-key 's3cr3t'
)

echo "== dry run: what the program would receive (HYDRA_ADAPT_DRY_RUN=1)"
HYDRA_ADAPT_DRY_RUN=1 "${entrypoint[@]}" "${platform_args[@]}"
echo
echo "== real run: the example app, started through hydra-adapt"
"${entrypoint[@]}" "${platform_args[@]}"
echo
echo "== the output folder was created before the app started:"
find "$out" -type d | sed "s|$out|<tmp>|"

echo
echo "== no schema: the app's own Hydra config is the mapping (docs/hydra-config.md)"
.venv/bin/python examples/trainer/main.py --cfg all > "$out/hydra_config.yaml"
build/hydra-adapt --hydra-config "$out/hydra_config.yaml" -- .venv/bin/python examples/trainer/main.py \
  --lr 0.01 --max-epochs 256.0 --gpu --batch-size 64 --model.params '{"hidden": 128, "layers": 3}' --run.name 'no schema'

echo
echo "== the pipeline demo: examples/pipeline run locally as Vertex AI / Kubeflow would"
bash scripts/pipeline-demo.sh
