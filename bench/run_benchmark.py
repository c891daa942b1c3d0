#!/usr/bin/env python3
"""Start-up cost of hydra-adapt against the alternatives; writes BENCHMARKS.md.

    python3 bench/run_benchmark.py [--runs 40]      (from anywhere; not part of the test run)

Needs (Debian 12): hyperfine, valgrind, time, busybox-static, tini, build-essential, and what
scripts/build-static.sh installs. It builds the static hydra-adapt with that script and a
trivial static program (noop.c), then for N = 1, 20, 200, 2000 flags and for one 100 KiB
JSON value (flat records, and nested with quoted strings) times, side by side in one
hyperfine run per case:
  (a) noop given the Hydra overrides directly                    the floor
  (b) hydra-adapt --schema -- noop ARGS                          exec in place (not PID 1)
      hydra-adapt --component SPEC -- noop ARGS                  the same flags as a KFP v1 component
      hydra-adapt --init --schema -- noop ARGS                   fork + wait, as PID 1 does
      hydra-adapt -- noop ARGS                                   zero-config: no schema
  (c) python3 python_shim.py KEYS.json noop ARGS                 what teams paste into main.py
  (d) sh sed_shim.sh KEYS.sed noop ARGS                          the seed's shell/sed rewrite
  (e) busybox env noop OVERRIDES                                 floor of any tool in front
      tini-static -s -- noop OVERRIDES                           reference init
plus callgrind instruction counts of hydra-adapt, peak RSS (/usr/bin/time) and file sizes.
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
WORK = REPO / "build-bench"
TOOLS = {"hyperfine": "hyperfine", "valgrind": "valgrind", "/usr/bin/time": "time",
         "busybox": "busybox-static", "tini-static": "tini", "gcc": "build-essential"}
FLAG_COUNTS = [1, 20, 200, 2000]
JSON_KIB = 100
# Types cycle over the flags so the schema and the rendering are not one trivial path.
COMPONENT_TYPES = {"int": "Integer", "float": "Float", "str": "String", "bool": "Boolean", "path": "Dataset",
                   "json": "JsonArray"}
TYPES = [("int", lambda i: str(i)), ("float", lambda i: f"{i}.5"), ("str", lambda i: f"run_{i}"),
         ("bool", lambda i: "true" if i % 2 else "false"), ("path", lambda i: f"/data/part_{i}")]


def run(words, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(words, check=True, capture_output=True, text=True, **kw)


def json_value(kib: int) -> str:
    """Compact JSON of about KIB KiB: a list of small records, as a config blob would be."""
    records, size = [], 2
    while size < kib * 1024:
        record = {"name": f"layer_{len(records)}", "width": len(records) * 8, "dropout": 0.1, "act": "gelu"}
        records.append(record)
        size += len(json.dumps(record, separators=(",", ":"))) + 1
    return json.dumps(records, separators=(",", ":"))


def nested_json_value(kib: int) -> str:
    """JSON of about KIB KiB nested four levels deep: objects in lists in objects, and strings
    Hydra must quote (blanks, quotes, backslashes, an interpolation), as a model config is."""
    stages, size = [], 2
    while size < kib * 1024:
        i = len(stages)
        stage = {"name": f"stage {i}: it's \"warm-up\"", "enabled": i % 2 == 0,
                 "optimizer": {"kind": "adamw", "lr": 0.001 * (i + 1), "betas": [0.9, 0.999],
                               "schedule": {"warmup_steps": 100 * i, "note": "see ${paths.notes}"}},
                 "layers": [{"units": 64 * (j + 1), "activation": "gelu", "dropout": 0.1,
                             "init": {"scheme": "kaiming normal", "path": f"C:\\weights\\l{j}.bin"}}
                            for j in range(3)],
                 "tags": ["baseline", "two words", "quote ' inside"]}
        stages.append(stage)
        size += len(json.dumps(stage, separators=(",", ":"))) + 1
    return json.dumps({"experiment": {"name": "nested", "stages": stages}}, separators=(",", ":"))


class Case:
    """One argument set: the schema, the shims' key maps, the incoming args, the floor."""

    def __init__(self, name: str, flags: list[tuple[str, str, str]]):  # (flag, type, value)
        self.name = name
        folder = WORK / name
        folder.mkdir(parents=True, exist_ok=True)
        keys = {flag: f"group.{flag.replace('-', '_')}" for flag, _, _ in flags}
        self.schema = folder / "schema.yaml"
        self.schema.write_text("flags:\n" + "".join(
            f"  {flag}: {{key: {keys[flag]}, type: {kind}}}\n" for flag, kind, _ in flags))
        self.keys_json = folder / "keys.json"
        self.keys_json.write_text(json.dumps(keys))
        self.keys_sed = folder / "keys.sed"
        self.keys_sed.write_text("".join(f"s/^{flag}=/{key}=/\n" for flag, key in keys.items()))
        self.incoming = [word for flag, _, value in flags for word in (f"--{flag}", value)]
        # The same flags as an official-style KFP v1 component (YAML flow style is JSON).
        inputs = [{"name": flag, "type": COMPONENT_TYPES[kind]} for flag, kind, _ in flags]
        args = [word for flag, kind, _ in flags
                for word in (f"--{flag}", {"inputPath" if kind == "path" else "inputValue": flag})]
        self.component = folder / "component.yaml"
        self.component.write_text(json.dumps({"name": name, "inputs": inputs, "implementation": {"container": {
            "image": "python:3.11-slim", "command": ["/hydra-adapt", "--", "noop"], "args": args}}}))


def flag_case(count: int) -> Case:
    flags = []
    for i in range(count):
        kind, value = TYPES[i % len(TYPES)]
        flags.append((f"f{i}", kind, value(i)))
    return Case(f"n{count}", flags)


def json_case(kib: int) -> Case:
    return Case(f"json{kib}k", [("payload", "json", json_value(kib))])


def nested_case(kib: int) -> Case:
    return Case(f"nested{kib}k", [("payload", "json", nested_json_value(kib))])


def column_title(case: Case) -> str:
    if case.name.startswith("nested"):
        return f"one {JSON_KIB} KiB nested JSON value"
    if case.name.startswith("json"):
        return f"one {JSON_KIB} KiB JSON value"
    return f"N = {case.name[1:]}"


def adapt_words(binary: Path, case: Case, noop: Path, *options: str) -> list[str]:
    return [str(binary), *options, "--schema", str(case.schema), "--", str(noop), *case.incoming]


def floor_argv(binary: Path, case: Case, noop: Path) -> list[str]:
    dry_run = run(adapt_words(binary, case, noop, "--dry-run=json"))
    return json.loads(dry_run.stdout)["argv"]


def rows(binary: Path, case: Case, noop: Path) -> list[tuple[str, list[str]]]:
    overrides = floor_argv(binary, case, noop)
    return [
        ("(a) program, overrides given directly", overrides),
        ("(b) hydra-adapt --schema", adapt_words(binary, case, noop)),
        ("(b) hydra-adapt --init --schema", adapt_words(binary, case, noop, "--init")),
        ("(b) hydra-adapt, zero-config (no schema)", [str(binary), "--", str(noop), *case.incoming]),
        ("(c) Python shim", ["/usr/bin/python3", str(BENCH / "python_shim.py"),
                             str(case.keys_json), str(noop), *case.incoming]),
        ("(d) sh + sed rewrite", ["/bin/sh", str(BENCH / "sed_shim.sh"), str(case.keys_sed), str(noop),
                                  *case.incoming]),
        ("(e) busybox env (exec only)", [shutil.which("busybox"), "env", *overrides]),
        ("(e) tini-static -s (fork + wait)", [shutil.which("tini-static"), "-s", "--", *overrides]),
        ("(b) hydra-adapt --component (KFP v1 spec)",
         [str(binary), "--component", str(case.component), "--", str(noop), *case.incoming]),
    ]


def time_rows(case: Case, rows_: list[tuple[str, list[str]]], runs: int) -> dict[str, tuple[float, float]]:
    """(median wall time, mean user + system CPU time) in ms of each row, all rows in one
    hyperfine run. CPU time is shown too: on a shared machine it is less disturbed than
    wall time by other work."""
    for _, words in rows_:  # every row must really succeed before it is timed
        run(words)
    export = WORK / case.name / "hyperfine.json"
    command = ["hyperfine", "-N", "--style", "none", "--warmup", "5", "--runs", str(runs),
               "--export-json", str(export)]
    for label, words in rows_:
        command += ["--command-name", label, shlex.join(words)]
    run(command)
    results = json.loads(export.read_text())["results"]
    return {result["command"]: (statistics.median(result["times"]) * 1000,
                                (result["user"] + result["system"]) * 1000) for result in results}


def instructions(words: list[str]) -> int:
    """Instructions WORDS' process runs. Callgrind loses the count of a process that execs,
    so the tool runs with --init here: its own process does everything but the exec (which
    the forked child does, uncounted) and then ends normally."""
    out = WORK / "callgrind.out"
    run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *words])
    totals = re.search(r"^(?:summary|totals): (\d+)", out.read_text(), re.M)
    return int(totals.group(1))


def peak_rss_kib(words: list[str]) -> int:
    """Peak resident set of the process (the tool, then the program it became or started)."""
    result = run(["/usr/bin/time", "-f", "%M", *words])
    return int(result.stderr.strip().splitlines()[-1])


def machine() -> list[str]:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    debian = Path("/etc/debian_version").read_text().strip()
    load = Path("/proc/loadavg").read_text().split()[:3]
    return [f"- CPU: {cpu}, {os.cpu_count()} cores (shared with other work; load average {' '.join(load)} "
            "at the start)",
            f"- Linux {platform.release()}, Debian {debian}, {run(['ldd', '--version']).stdout.splitlines()[0]}",
            f"- {run(['hyperfine', '--version']).stdout.strip()}, "
            f"{run(['valgrind', '--version']).stdout.strip()}, "
            f"{run(['busybox']).stdout.splitlines()[0].split(' multi-call')[0]}, "
            f"tini {run(['tini-static', '--version']).stdout.split()[2]}, "
            f"{run(['/usr/bin/python3', '--version']).stdout.strip()}",
            f"- date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC"]


def build(noop: Path) -> Path:
    output = run(["bash", str(REPO / "scripts" / "build-static.sh")], cwd=REPO).stdout.splitlines()[-1]
    run(["gcc", "-static", "-O2", "-s", "-o", str(noop), str(BENCH / "noop.c")])
    return REPO / output


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=40, help="hyperfine runs per row (default 40)")
    parser.add_argument("--output", type=Path, default=REPO / "BENCHMARKS.md")
    options = parser.parse_args()
    missing = [package for tool, package in TOOLS.items() if shutil.which(tool) is None]
    if missing:
        sys.exit(f"missing tools; run: apt-get install {' '.join(sorted(set(missing)))}")

    WORK.mkdir(exist_ok=True)
    noop = WORK / "noop"
    binary = build(noop)
    cases = [flag_case(count) for count in FLAG_COUNTS] + [json_case(JSON_KIB), nested_case(JSON_KIB)]
    timings, commands = {}, {}
    for case in cases:
        print(f"timing {case.name} ...", file=sys.stderr)
        case_rows = rows(binary, case, noop)
        timings[case.name] = time_rows(case, case_rows, options.runs)
        commands[case.name] = case_rows

    print("callgrind, peak memory ...", file=sys.stderr)
    ir = {case.name: instructions(adapt_words(binary, case, noop, "--init")) for case in cases}
    for kib in (1, 10):
        ir[f"json{kib}k"] = instructions(adapt_words(binary, json_case(kib), noop, "--init"))
        ir[f"nested{kib}k"] = instructions(adapt_words(binary, nested_case(kib), noop, "--init"))
    ir_nothing = instructions([str(binary), "--init", "--", str(noop)])
    without_schema = [str(binary), "--unknown=auto", "--", str(noop), *cases[3].incoming]
    ir_without_schema = instructions([without_schema[0], "--init", *without_schema[1:]])
    rss = {label: peak_rss_kib(words) for label, words in rows(binary, cases[3], noop)}
    rss_extra = {f"(b) hydra-adapt --schema, one {JSON_KIB} KiB JSON value": adapt_words(binary, cases[4], noop),
                 f"(b) hydra-adapt --schema, one {JSON_KIB} KiB nested JSON value": adapt_words(binary, cases[5], noop),
                 "hydra-adapt --unknown=auto (no schema), N = 2000": without_schema,
                 "hydra-adapt -- noop (no schema, no args)": [str(binary), "--", str(noop)]}
    rss_extra = {label: peak_rss_kib(words) for label, words in rss_extra.items()}
    sizes = {"hydra-adapt (static, stripped)": binary.stat().st_size,
             "tini-static": Path(shutil.which("tini-static")).stat().st_size,
             "busybox (static, all applets)": Path(shutil.which("busybox")).resolve().stat().st_size,
             "noop (static C, stripped)": noop.stat().st_size}

    options.output.write_text(report(binary, noop, cases, timings, commands, ir, ir_nothing, ir_without_schema, rss,
                                     rss_extra, sizes, options.runs))
    print(f"wrote {options.output}", file=sys.stderr)


def report(binary, noop, cases, timings, commands, ir, ir_nothing, ir_without_schema, rss, rss_extra, sizes,
           runs) -> str:
    labels = [label for label, _ in commands[cases[0].name]]
    floor = labels[0]
    lines = ["# Benchmarks", "",
             "Written by `python3 bench/run_benchmark.py` (not part of the test run). Every number below was",
             "measured by that run; nothing is edited by hand except the notes under *Reading the numbers*.", "",
             "## Machine", "", *machine(), "",
             "## Start-up time", "",
             f"Median wall time of {runs} runs (after 5 warm-up runs) of `hyperfine -N`, all rows of a column in",
             "one hyperfine run. Every row starts the same trivial static program (`bench/noop.c`, exits 0).",
             "The number in brackets is the cost added over row (a), the floor.", "",
             "| row | " + " | ".join(column_title(case) for case in cases) + " |",
             "|---|" + "---:|" * len(cases)]
    header = lines[-2:]

    def table(measure: int) -> None:
        for label in labels:
            cells = []
            for case in cases:
                value = timings[case.name][label][measure]
                extra = value - timings[case.name][floor][measure]
                cells.append(f"{value:.2f} ms" if label == floor else f"{value:.2f} ms ({extra:+.2f})")
            lines.append(f"| {label} | " + " | ".join(cells) + " |")

    table(0)
    lines += ["", "The same runs, mean user + system CPU time (less disturbed by other work on the machine):", "",
              *header]
    table(1)

    def added(case: str, label: str, measure: int = 0) -> float:
        return timings[case][label][measure] - timings[case][floor][measure]

    adapt, zero_config = "(b) hydra-adapt --schema", "(b) hydra-adapt, zero-config (no schema)"
    busybox, python = "(e) busybox env (exec only)", "(c) Python shim"

    def ratio(over: str, under: str, measure: int) -> float:
        return added("n20", over, measure) / added("n20", under, measure)
    per_flag_low = (ir["n200"] - ir["n20"]) / 180
    per_flag_high = (ir["n2000"] - ir["n200"]) / 1800
    per_kib_low = (ir["json10k"] - ir["json1k"]) / 9
    per_kib_high = (ir["json100k"] - ir["json10k"]) / 90
    nested_per_kib_low = (ir["nested10k"] - ir["nested1k"]) / 9
    nested_per_kib_high = (ir["nested100k"] - ir["nested10k"]) / 90
    size = sizes["hydra-adapt (static, stripped)"]
    rss_adapt = rss[adapt]

    def verdict(met: bool) -> str:
        return "**met**" if met else "**missed**"

    lines += ["", "## Instructions (callgrind)", "",
              "`valgrind --tool=callgrind` on the static hydra-adapt with the schema and `--init`: every",
              "instruction the tool runs (start-up, schema load, translation, checks, fork, wait). Callgrind",
              "loses the count of a process that execs, so `--init` lets the forked child do the exec.", "",
              "| arguments | instructions | per flag / per KiB since the row above |", "|---|---:|---:|",
              f"| `hydra-adapt --init -- noop` (no schema, no args) | {ir_nothing:,} | |",
              f"| N = 2000 without a schema (`--unknown=auto`) | {ir_without_schema:,} | |"]
    previous = None
    for name, count in (("n1", 1), ("n20", 20), ("n200", 200), ("n2000", 2000)):
        step = f"{(ir[name] - ir[previous[0]]) / (count - previous[1]):,.0f} per flag" if previous else ""
        lines.append(f"| N = {count} | {ir[name]:,} | {step} |")
        previous = (name, count)
    for document, title in (("json", "JSON value (a list of flat records)"),
                            ("nested", "nested JSON value (objects in lists in objects, quoted strings)")):
        previous = None
        for kib in (1, 10, 100):
            name = f"{document}{kib}k"
            step = f"{(ir[name] - ir[previous[0]]) / (kib - previous[1]):,.0f} per KiB" if previous else ""
            lines.append(f"| one {kib} KiB {title} | {ir[name]:,} | {step} |")
            previous = (name, kib)

    lines += ["", "## Peak memory at N = 2000 (`/usr/bin/time -f %M`, max RSS of the process)", "",
              "| row | peak RSS |", "|---|---:|"]
    lines += [f"| {label} | {kib / 1024:.1f} MiB |" for label, kib in rss.items()]
    lines += [f"| {label} | {kib / 1024:.1f} MiB |" for label, kib in rss_extra.items()]
    lines += ["", "## Sizes", "", "| file | bytes | MB |", "|---|---:|---:|"]
    lines += [f"| {name} | {value:,} | {value / 1e6:.2f} |" for name, value in sizes.items()]

    lines += ["", "## Targets", "", "| target | measured | |", "|---|---|---|",
              f"| static stripped binary at most 2.0 MB (goal 1.5 MB) | {size / 1e6:.2f} MB ({size:,} bytes) | "
              f"{verdict(size <= 2_000_000)} |",
              *[f"| added cost at N = 20 at most 1.5x the floor's (e) added cost ({name}) | "
                f"{added('n20', adapt, m):+.2f} ms vs busybox env {added('n20', busybox, m):+.2f} ms = "
                f"{ratio(adapt, busybox, m):.1f}x | {verdict(0 < ratio(adapt, busybox, m) <= 1.5)} |"
                for m, name in ((0, "wall medians"), (1, "CPU means"))],
              *[f"| zero-config: added cost at N = 20 at most 1.2x the floor's (e) added cost ({name}) | "
                f"{added('n20', zero_config, m):+.2f} ms vs busybox env {added('n20', busybox, m):+.2f} ms = "
                f"{ratio(zero_config, busybox, m):.1f}x | {verdict(0 < ratio(zero_config, busybox, m) <= 1.2)} |"
                for m, name in ((0, "wall medians"), (1, "CPU means"))],
              *[f"| added cost at N = 20 at least 20x below the Python shim (c) ({name}) | "
                f"{added('n20', python, m):+.2f} ms vs {added('n20', adapt, m):+.2f} ms = "
                f"{ratio(python, adapt, m):.0f}x | {verdict(ratio(python, adapt, m) >= 20)} |"
                for m, name in ((0, "wall medians"), (1, "CPU means"))],
              f"| linear in N | {per_flag_low:,.0f} instructions per flag from 20 to 200, "
              f"{per_flag_high:,.0f} from 200 to 2000 | {verdict(per_flag_high <= 1.5 * per_flag_low)} |",
              f"| at most 30,000 instructions per flag with its schema entry | {per_flag_high:,.0f} from 200 to 2000 | "
              f"{verdict(per_flag_high <= 30_000)} |",
              f"| linear in value size | {per_kib_low:,.0f} instructions per KiB from 1 to 10 KiB, "
              f"{per_kib_high:,.0f} from 10 to 100 KiB; nested {nested_per_kib_low:,.0f} and "
              f"{nested_per_kib_high:,.0f} | "
              f"{verdict(per_kib_high <= 1.5 * per_kib_low and nested_per_kib_high <= 1.5 * nested_per_kib_low)} |",
              f"| at most 150,000 instructions per KiB of a JSON value | {per_kib_high:,.0f} (flat records), "
              f"{nested_per_kib_high:,.0f} (nested), from 10 to 100 KiB | "
              f"{verdict(max(per_kib_high, nested_per_kib_high) <= 150_000)} |",
              f"| peak memory under 5 MiB at N = 2000 | {rss_adapt / 1024:.1f} MiB | {verdict(rss_adapt < 5 * 1024)} |",
              "", f"Load average at the end: {' '.join(Path('/proc/loadavg').read_text().split()[:3])}.",
              "", "## Commands", "",
              "Each row, for N = 2 (the N = 1 ... 2000 rows repeat the flag pattern; paths shortened):", "", "```"]
    sample = flag_case(2)
    for label, words in rows(binary, sample, noop):
        lines.append(f"# {label}")
        lines.append(shlex.join(words).replace(str(REPO) + "/", ""))
    lines += ["```", "", "with build-bench/n2/schema.yaml:", "", "```yaml", sample.schema.read_text().rstrip()]
    notes = BENCH / "notes.md"  # written by hand from the numbers above
    lines += ["```", "", "## Reading the numbers", "", notes.read_text() if notes.exists() else ""]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
