#!/usr/bin/env python3
"""Cost of reading a KFP component spec: `schema --component SPEC` at 2,000 inputs (issue 17).

    python3 bench/component_reader.py [BINARY...]    (default build/hydra-adapt; not a test)

For a v1 component YAML and a spec compiled by kfp 2.x (its shape, written here: no kfp
needed) with N inputs, each passed as `--fI VALUE`, types cycling over int, float, str, bool
and path, measures with valgrind the peak heap (massif: the largest heap the process held,
its allocator's overhead included) and the instructions (callgrind) of each BINARY's
`schema --component SPEC`. Give two binaries to compare a change: before, then after."""
from __future__ import annotations

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
INPUTS = 2000
V1_TYPES = ["Integer", "Float", "String", "Boolean", "Dataset"]
V2_TYPES = ["NUMBER_INTEGER", "NUMBER_DOUBLE", "STRING", "BOOLEAN", None]  # None: an artifact


def v1_spec(count: int) -> str:
    inputs = [{"name": f"f{i}", "type": V1_TYPES[i % 5]} for i in range(count)]
    args = []
    for i in range(count):
        args += [f"--f{i}", {"inputPath" if V1_TYPES[i % 5] == "Dataset" else "inputValue": f"f{i}"}]
    return json.dumps({"name": "bench", "inputs": inputs, "implementation": {"container": {
        "image": "x", "command": ["python3", "main.py"], "args": args}}}, indent=1)


def v2_spec(count: int) -> str:
    parameters, artifacts, args = {}, {}, []
    for i in range(count):
        kind = V2_TYPES[i % 5]
        if kind:
            parameters[f"f{i}"] = {"parameterType": kind}
            args += [f"--f{i}", f"{{{{$.inputs.parameters['f{i}']}}}}"]
        else:
            artifacts[f"f{i}"] = {"artifactType": {"schemaTitle": "system.Dataset", "schemaVersion": "0.0.1"}}
            args += [f"--f{i}", f"{{{{$.inputs.artifacts['f{i}'].path}}}}"]
    return json.dumps({
        "components": {"comp-bench": {"executorLabel": "exec-bench",
                                      "inputDefinitions": {"parameters": parameters, "artifacts": artifacts}}},
        "deploymentSpec": {"executors": {"exec-bench": {"container": {
            "image": "x", "command": ["python3", "main.py"], "args": args}}}}}, indent=1)


def peak_heap(words: list[str], out: Path) -> int:
    subprocess.run(["valgrind", "--tool=massif", f"--massif-out-file={out}", *words], check=True,
                   capture_output=True)
    snapshots = re.findall(r"^mem_heap_B=(\d+)\nmem_heap_extra_B=(\d+)", out.read_text(), re.M)
    return max(int(heap) + int(extra) for heap, extra in snapshots)


def instructions(words: list[str], out: Path) -> int:
    subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *words], check=True,
                   capture_output=True)
    return int(re.search(r"^(?:summary|totals): (\d+)", out.read_text(), re.M).group(1))


def main() -> None:
    binaries = sys.argv[1:] or [str(REPO / "build" / "hydra-adapt")]
    print(f"| binary | spec ({INPUTS} inputs) | bytes | peak heap (massif) | instructions (callgrind) |")
    print("|---|---|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for binary in binaries:
            for name, text in (("v1 component YAML", v1_spec(INPUTS)), ("v2 compiled by kfp 2.x", v2_spec(INPUTS))):
                spec = work / "spec.yaml"
                spec.write_text(text)
                words = [binary, "schema", "--component", str(spec)]
                heap = peak_heap(words, work / "massif.out")
                count = instructions(words, work / "callgrind.out")
                print(f"| {binary} | {name} | {len(text):,} | {heap / 1048576:.1f} MiB | {count:,} |", flush=True)


if __name__ == "__main__":
    main()
