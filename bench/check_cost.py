"""What `hydra-adapt check` costs over a lightning-hydra-template-sized tree: a W&B grid over
two config groups (trainer: default, gpu; data: mnist, cifar; four categorical values, four
compositions) and 18 other parameters, 20 flags in all.

    python3 bench/check_cost.py [path/to/hydra-adapt]   (default: build/hydra-adapt)

Times (median wall time of 3 runs) the check against the config file alone (the rules), with
the program (Hydra's own --cfg job runs), and with --compose (each composition too), beside one
start of the app (`--cfg all`), and counts the program's starts (`program_starts` of --format
json). Prints the Markdown table for BENCHMARKS.md."""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PY = str(REPO / ".venv" / "bin" / "python")
RECORD = str(REPO / "tests" / "e2e" / "apps" / "record" / "main.py")
LIGHTNING = str(REPO / "tests" / "e2e" / "apps" / "lightning_tree")

SWEEP = """\
method: grid
parameters:
  trainer: {values: [default, gpu]}
  data: {values: [mnist, cifar]}
  lr: {min: 0.0001, max: 0.1}
  weight_decay: {values: [0.0, 0.01, 0.1]}
  batch_size: {values: [64, 128, 256]}
  num_workers: {values: [0, 4]}
  pin_memory: {values: [true, false]}
  max_epochs: {min: 5, max: 50}
  min_epochs: {value: 1}
  lin1_size: {values: [32, 64, 128]}
  input_size: {value: 784}
  output_size: {value: 10}
  factor: {values: [0.1, 0.5]}
  seed: {values: [1, 2, 3]}
  deterministic: {values: [true, false]}
  compile: {value: false}
  gradient_clip_val: {values: [0.5, 1.0]}
  devices: {values: [1, 2]}
  task_name: {value: sweep}
  run_id: {value: '008'}
"""


def timed(command: list[str], env: dict, runs: int = 3) -> tuple[float, subprocess.CompletedProcess]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run(command, env=env, capture_output=True, text=True)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def main() -> None:
    tool = sys.argv[1] if len(sys.argv) > 1 else str(REPO / "build" / "hydra-adapt")
    env = {k: v for k, v in os.environ.items() if not k.startswith("HYDRA_ADAPT_")}
    env["RECORD_CONFIG_DIR"] = LIGHTNING
    program = [PY, RECORD]
    with tempfile.TemporaryDirectory() as folder:
        sweep = Path(folder) / "sweep.yaml"
        sweep.write_text(SWEEP)
        config = Path(folder) / "cfg.yaml"
        config.write_bytes(subprocess.run(program + ["--cfg", "all"], env=env, check=True, capture_output=True).stdout)
        app, _ = timed(program + ["--cfg", "all"], env)
        rows = []
        for name, words in [
            ("the rules (--hydra-config FILE)", ["--hydra-config", str(config)]),
            ("with the program (`-- PROGRAM`: Hydra's --cfg job runs)", []),
            ("with --compose (each composition too)", ["--compose"]),
        ]:
            command = [tool, "check", *words, "--wandb-sweep", str(sweep), "--format", "json"]
            if "--hydra-config" not in words:
                command += ["--", *program]
            ms, result = timed(command, env)
            document = json.loads(result.stdout)
            rows.append((name, ms, document["program_starts"], document["errors"], document["flags"]))
    print(f"One start of the app (`--cfg all`): {app:.0f} ms.\n")
    print("| check of a 20-flag sweep over 4 compositions | wall time | program starts | errors |")
    print("|---|---:|---:|---:|")
    for name, ms, starts, errors, flags in rows:
        assert flags == 20, flags
        print(f"| {name} | {ms:.0f} ms | {starts} | {errors} |")


if __name__ == "__main__":
    main()
