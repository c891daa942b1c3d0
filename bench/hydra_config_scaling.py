#!/usr/bin/env python3
"""Cost of --hydra-config against the size of the app's config (issue 8: 10,000 leaves stay linear).

    python3 bench/hydra_config_scaling.py [BINARY]     (default build/hydra-adapt; not a test)

For configs of 1,000 to 20,000 leaves (lightning-like: each group of leaves under its own
mapping, every one with a `_target_` and a `name`, so the ambiguous names have thousands of
candidates), counts with callgrind the instructions of `--hydra-config CFG --dry-run=json` with
three flags (a leaf, a suffix, a path) and of `schema --hydra-config CFG`, which matches every
leaf, and the peak memory (maximum resident set) of each, run natively (/usr/bin/time). Linear: the
instructions per leaf stay flat as the config grows."""
from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SIZES = [1000, 5000, 10000, 20000]


def config(leaves: int) -> str:
    lines = ["hydra:\n  runtime:\n    choices: {trainer: default}\n"]
    for group in range(leaves // 5):
        lines.append(f"g{group}:\n  _target_: pkg.G{group}\n  name: n{group}\n  inner:\n"
                     f"    lr_{group}: 0.1\n    size: {group}\n    tags: [a, b]\n")
    return "".join(lines)


def instructions(words: list[str], out: Path) -> int:
    subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *words],
                   check=True, capture_output=True)
    return int(re.search(r"^(?:summary|totals): (\d+)", out.read_text(), re.M).group(1))


def peak_kib(words: list[str]) -> int:
    """Peak resident set of the run, as /usr/bin/time reports it (as bench/run_benchmark.py)."""
    result = subprocess.run(["/usr/bin/time", "-f", "%M", *words], check=True, capture_output=True, text=True)
    return int(result.stderr.strip().splitlines()[-1])


def main() -> None:
    binary = sys.argv[1] if len(sys.argv) > 1 else str(REPO / "build" / "hydra-adapt")
    print("| leaves | config bytes | run: instructions | per leaf | peak KiB | schema: instructions | per leaf | peak KiB |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as folder:
        for leaves in SIZES:
            cfg = Path(folder) / f"cfg{leaves}.yaml"
            cfg.write_text(config(leaves))
            last = leaves // 5 - 1
            run_words = [binary, "--hydra-config", str(cfg), "--dry-run=json", "--", "prog",
                         f"--lr-{last}", "0.5", f"--g{last}.name", "x", "--g1.inner.size", "3"]
            schema_words = [binary, "schema", "--hydra-config", str(cfg)]
            run = instructions(run_words, Path(folder) / "run.out")
            schema = instructions(schema_words, Path(folder) / "schema.out")
            print(f"| {leaves} | {cfg.stat().st_size} | {run} | {run // leaves} | {peak_kib(run_words)} "
                  f"| {schema} | {schema // leaves} | {peak_kib(schema_words)} |", flush=True)


if __name__ == "__main__":
    main()
