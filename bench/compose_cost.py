"""What --compose adds to a job's start: one `PROGRAM WORDS --cfg all` per composition.

    python3 bench/compose_cost.py [path/to/hydra-adapt]   (default: build/hydra-adapt)

Times each command (median wall time of 10 runs after 2 warm-ups, the commands taking turns), all under --dry-run so that only
the tool's work and its compositions are timed, beside the app's own start (`--cfg all`):
examples/trainer (no config groups: a composition runs when the job passes an override) and
tests/e2e/apps/lightning_tree, a lightning-hydra-template-sized tree (a choice, --trainer gpu,
and the key it brings, --devices). Prints the Markdown table for BENCHMARKS.md."""
from __future__ import annotations

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
TRAINER = str(REPO / "examples" / "trainer" / "main.py")
LIGHTNING = str(REPO / "tests" / "e2e" / "apps" / "lightning_tree")


def median_ms(commands: list[list[str]], env: dict, runs: int = 10) -> list[float]:
    """The median wall time of each command, the commands taking turns (the machine's load hits all alike)."""
    times: list[list[float]] = [[] for _ in commands]
    for turn in range(runs + 2):
        for i, command in enumerate(commands):
            start = time.perf_counter()
            subprocess.run(command, env=env, check=True, capture_output=True)
            if turn >= 2:  # two warm-ups
                times[i].append((time.perf_counter() - start) * 1000)
    return [statistics.median(t) for t in times]


def config_file(program: list[str], env: dict, folder: Path) -> str:
    path = folder / "hydra_config.yaml"
    path.write_bytes(subprocess.run(program + ["--cfg", "all"], env=env, check=True, capture_output=True).stdout)
    return str(path)


def main() -> None:
    tool = sys.argv[1] if len(sys.argv) > 1 else str(REPO / "build" / "hydra-adapt")
    env = {k: v for k, v in os.environ.items() if not k.startswith("HYDRA_ADAPT_")}
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        trainer = [PY, TRAINER]
        file = config_file(trainer, env, Path(folder))
        app, plain, composed = median_ms([
            trainer + ["--cfg", "all"],
            [tool, "--dry-run", "--hydra-config", file, "--", *trainer, "--lr", "0.1", "trainer.seed=1"],
            [tool, "--dry-run", "--compose", "--hydra-config", file, "--", *trainer, "--lr", "0.1", "trainer.seed=1"],
        ], env)
        rows.append(("examples/trainer, an override (1 composition)", app, plain, composed))
        lightning_env = {**env, "RECORD_CONFIG_DIR": LIGHTNING}
        lightning = [PY, RECORD]
        file = config_file(lightning, lightning_env, Path(folder))
        app, plain, composed = median_ms([
            lightning + ["--cfg", "all"],
            [tool, "--dry-run", "--unknown=pass", "--hydra-config", file, "--", *lightning, "--trainer", "gpu",
             "--devices", "2"],
            [tool, "--dry-run", "--compose", "--hydra-config", file, "--", *lightning, "--trainer", "gpu",
             "--devices", "2"],
        ], lightning_env)
        rows.append(("lightning_tree, --trainer gpu --devices 2 (1 composition)", app, plain, composed))
    print("| job | the app's own start (`--cfg all`) | hydra-adapt with the file | hydra-adapt --compose | "
          "added by the composition |")
    print("|---|---:|---:|---:|---:|")
    for name, app, plain, composed in rows:
        print(f"| {name} | {app:.0f} ms | {plain:.1f} ms | {composed:.0f} ms | {composed - plain:.0f} ms |")


if __name__ == "__main__":
    main()
