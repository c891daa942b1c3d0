"""THE harness of the tests: the BUILT hydra-adapt binary in front of a REAL Hydra app.

Binary: env HYDRA_ADAPT_BIN, an absolute path (CTest passes $<TARGET_FILE:hydra-adapt>; by
hand: HYDRA_ADAPT_BIN=$PWD/build/hydra-adapt .venv/bin/pytest tests/e2e/...). Nothing guesses
it: unset or not an executable file, every test fails with a message saying so
(tests/conftest.py). Every HYDRA_ADAPT_* variable, this one included, is removed from the
environment of each run (tests/conftest.py and base_env), so a developer's settings never
leak into a test.

The app is tests/e2e/apps/record/main.py, run by this venv's python (sys.executable). It
writes its sys.argv[1:] to $RECORD_ARGV before Hydra starts, the composed config to
$RECORD_OUT and what Hydra saw to $RECORD_HYDRA; run_raw points them into a folder of its own
(never the run's cwd) and reads them into Result. "The program did not start" is checked by
no argv file existing; a run under `--cfg all` (hydra-adapt composing the config, --compose)
is no start: it is one entry of Result.compositions. Another config tree: config_tree(NAME) (tests/e2e/apps/NAME), passed
as run_tool_in(..., config=...) or record_program(config=...).
"""
from __future__ import annotations

import itertools
import json
import os
import resource
import shlex
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
E2E = Path(__file__).resolve().parent
APPS = E2E / "apps"
RECORD_MAIN = str(APPS / "record" / "main.py")
PY = sys.executable
# The binary under test (read once, here; the variable itself never reaches a run).
BIN_VARIABLE = "HYDRA_ADAPT_BIN"
BIN = os.environ.get(BIN_VARIABLE, "")

ERROR_PREFIX = "hydra-adapt: error: "
# Every variable with this prefix is the tool's (or the harness's): none reaches a run
# unless the test itself passes it in env=.
TOOL_ENV_PREFIX = "HYDRA_ADAPT_"

# What the record app writes into each output path named by RECORD_WRITE (apps/record/main.py).
WRITTEN = "written by the record app\n"

# The record app's config has free slots s0..s299 (default null) for batches.
SLOTS = 300

try:  # the venv must have Hydra; fail loudly, not with an obscure traceback later
    import hydra  # noqa: F401
except ImportError as e:  # pragma: no cover
    raise pytest.UsageError(
        f"hydra-core is not importable by {PY} ({e}); run scripts/setup.sh and use "
        ".venv/bin/pytest") from e


def binary_problem() -> str | None:
    """Why BIN cannot be the binary under test, or None when it can."""
    if not BIN:
        return (f"{BIN_VARIABLE} is not set: run the suites with ctest (ctest --preset plain, "
                f"or scripts/test.sh), or by hand as {BIN_VARIABLE}=$PWD/build/hydra-adapt "
                ".venv/bin/pytest tests/e2e")
    if not os.path.isabs(BIN):
        return f"{BIN_VARIABLE}={BIN!r} is not an absolute path"
    if not os.path.isfile(BIN):
        return f"{BIN_VARIABLE}={BIN!r}: no such file; build it first (cmake --build --preset plain)"
    if not os.access(BIN, os.X_OK):
        return f"{BIN_VARIABLE}={BIN!r} is not executable"
    return None


def config_tree(name: str) -> str:
    """The folder of another config tree for the record app: tests/e2e/apps/NAME."""
    folder = APPS / name
    assert (folder / "config.yaml").is_file(), f"no config tree {folder}"
    return str(folder)


def record_program(config: str | None = None) -> list:
    """The record app's command; config: a folder with config.yaml instead of its own conf/."""
    return [PY, RECORD_MAIN] + (["--config-path", config] if config is not None else [])


# --------------------------------------------------------------------------------------
# Running the tool
# --------------------------------------------------------------------------------------

@dataclass
class Result:
    """Unpacks as (rc, stdout, stderr, cfg); more details as attributes."""
    rc: int
    stdout: str
    stderr: str
    cfg: dict | None          # the config the app received, None if main() never ran
    argv: list | None         # the app's sys.argv[1:], None if the program never started
    cmd: list = field(default_factory=list)
    hydra: dict | None = None  # what Hydra saw: run_dir, task_overrides, hydra_overrides
    compositions: list = field(default_factory=list)  # argv[1:] of each `--cfg all` run

    def __iter__(self):
        return iter((self.rc, self.stdout, self.stderr, self.cfg))

    @property
    def started(self) -> bool:
        return self.argv is not None

    def describe(self) -> str:
        cmd = " ".join(shlex.quote(os.fsdecode(c)) for c in self.cmd)
        if len(cmd) > 2000:
            cmd = cmd[:2000] + "...(cut)"
        return printable(
            f"\n--- command: {cmd}\n--- exit status: {self.rc}\n"
            f"--- program started: {self.started}\n--- app argv: {_cut(self.argv)}\n"
            f"--- stdout:\n{_cut(self.stdout)}\n--- stderr:\n{_cut(self.stderr)}\n")


def printable(s: str) -> str:
    """Lone surrogates (non-UTF-8 bytes) as \\udcXX escapes: a failure message holding
    them would crash pytest-xdist, which sends reports as UTF-8."""
    return s.encode("utf-8", "backslashreplace").decode("utf-8")


def _cut(x: Any, n: int = 4000) -> str:
    s = x if isinstance(x, str) else repr(x)
    return s if len(s) <= n else s[:n] + f"...(cut, {len(s)} chars)"


_counter = itertools.count()


def write_schema(folder: Path, schema: Mapping | str) -> str:
    """Write a schema (a dict, dumped as YAML, or YAML text) into folder; return its path."""
    p = Path(folder) / f"schema-{next(_counter)}.yaml"
    text = schema if isinstance(schema, str) else yaml.safe_dump(
        dict(schema), allow_unicode=True, sort_keys=False)
    p.write_text(text, encoding="utf-8")
    return str(p)


def base_env(env: Mapping[str, str | None] | None = None) -> dict:
    """This process's environment without any HYDRA_ADAPT_* variable, plus env (None: unset)."""
    e = {k: v for k, v in os.environ.items() if not k.startswith(TOOL_ENV_PREFIX)}
    e.pop("HYDRA_FULL_ERROR", None)
    e["PYTHONUTF8"] = "1"  # the app decodes argv as UTF-8 with surrogateescape
    e["PYTHONDONTWRITEBYTECODE"] = "1"
    for k, v in (env or {}).items():
        if v is None:
            e.pop(k, None)
        else:
            e[k] = v
    return e


def _limit_stack():
    # argv+env limit = 1/4 of the stack limit: pin it to Linux's usual 8 MiB (2 MiB).
    soft, hard = resource.getrlimit(resource.RLIMIT_STACK)
    want = 8 * 1024 * 1024
    if hard != resource.RLIM_INFINITY and hard < want:
        want = hard
    resource.setrlimit(resource.RLIMIT_STACK, (want, hard))


def _read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="ascii")) if path.exists() else None


def run_raw(argv_after_bin: Sequence, *, cwd: Path | str | None = None,
            env: Mapping | None = None, input: bytes | None = None,
            timeout: float = 120, prefix: Sequence[str] = (), binary: str | None = None) -> Result:
    """Run [*prefix, BIN, *argv_after_bin] exactly (list argv, no shell) in cwd (default:
    this process's). Words may be str or bytes; prefix runs the binary under another
    program (valgrind, unshare); binary is another hydra-adapt in BIN's place (the one a wheel
    installed; a bare name is looked up in env's PATH)."""
    words = [*prefix, binary or BIN, *argv_after_bin]
    if any(isinstance(w, bytes) for w in words):
        cmd = [w if isinstance(w, bytes) else os.fsencode(w) for w in words]
    else:
        cmd = [str(w) for w in words]
    return run_command(cmd, cwd=cwd, env=env, input=input, timeout=timeout)


def run_command(cmd: Sequence, *, cwd: Path | str | None = None, env: Mapping | None = None,
                input: bytes | None = None, timeout: float = 120) -> Result:
    """Run cmd exactly (list argv, no shell): the tool in front of the record app, directly
    (run_raw) or somewhere inside a platform's launcher (sagemaker-training's `train`), and
    read what the app received. The record app's files go to a folder of their own, so the
    run creates nothing in cwd."""
    rec = Path(tempfile.mkdtemp(prefix="hydra-adapt-record-"))
    try:
        out, argv_file, hydra_file = rec / "out.json", rec / "argv.json", rec / "hydra.json"
        cfg_runs = rec / "cfg_runs.jsonl"
        e = base_env({"RECORD_OUT": str(out), "RECORD_ARGV": str(argv_file),
                      "RECORD_HYDRA": str(hydra_file), "RECORD_CFG_RUNS": str(cfg_runs), **(env or {})})
        p = subprocess.run(list(cmd), cwd=cwd, env=e, input=input if input is not None else b"",
                           capture_output=True, timeout=timeout, preexec_fn=_limit_stack)
        return Result(p.returncode, p.stdout.decode("utf-8", "surrogateescape"),
                      p.stderr.decode("utf-8", "surrogateescape"), _read_json(out),
                      _read_json(argv_file), list(cmd), _read_json(hydra_file),
                      [json.loads(line) for line in cfg_runs.read_text(encoding="ascii").splitlines()]
                      if cfg_runs.exists() else [])
    finally:
        shutil.rmtree(rec, ignore_errors=True)


def run_tool_in(cwd: Path, args: Iterable = (), env: Mapping | None = None, *,
                options: Iterable = (), schema: Mapping | str | None = None,
                program: Sequence | None = None, config: str | None = None,
                second_dashes: bool = False, **kw) -> Result:
    """[BIN, *options, (--schema F), "--", *program, ("--"), *args].

    program defaults to the record app (record_program(config)); args are the incoming
    args; second_dashes inserts the optional second "--" before them. A schema is written
    into cwd."""
    opts = list(options)
    if schema is not None:
        opts += ["--schema", write_schema(cwd, schema)]
    assert program is None or config is None, "config= is for the record app"
    prog = list(program) if program is not None else record_program(config)
    words = opts + ["--"] + prog + (["--"] if second_dashes else []) + list(args)
    return run_raw(words, cwd=cwd, env=env, **kw)


# --------------------------------------------------------------------------------------
# Assertions
# --------------------------------------------------------------------------------------

def assert_ok(res: Result) -> dict:
    assert res.rc == 0 and res.cfg is not None, "expected a successful run" + res.describe()
    return res.cfg


def assert_usage_error(res: Result, *needles: str) -> str:
    """Exit 2, stderr is exactly one line starting 'hydra-adapt: error: ', the program
    did not start, and the line contains every needle. Returns the message line."""
    return assert_refused(res, 2, *needles)


def assert_refused(res: Result, status: int, *needles: str) -> str:
    """assert_usage_error with another exit status (126, 127: the program cannot run)."""
    ctx = res.describe()
    assert res.rc == status, f"expected exit status {status}" + ctx
    assert not res.started and res.cfg is None, "the program must not start" + ctx
    lines = res.stderr.splitlines()
    assert len(lines) == 1, "expected exactly one stderr line" + ctx
    assert lines[0].startswith(ERROR_PREFIX), f"stderr must start {ERROR_PREFIX!r}" + ctx
    for n in needles:
        assert n in lines[0], f"error message should mention {n!r}" + ctx
    return lines[0]


def same(a: Any, b: Any) -> bool:
    """Equal with the same types all the way down (1 != 1.0 != True, dict key types too)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return (len(a) == len(b) and all(type(k) is type(k2) for k, k2 in zip(a, b))
                and set(a) == set(b) and all(same(a[k], b[k]) for k in a))
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b


def typed(v: Any) -> str:
    return f"{type(v).__name__} {v!r}"


# --------------------------------------------------------------------------------------
# Batches: many values in ONE run (one flag per value), checked row by row
# --------------------------------------------------------------------------------------

def slot_args(values: Sequence, *, flag: str = "s") -> list:
    """--s0 v0 --s1 v1 ... ; a value beginning with '--' uses the --sK=value form."""
    words: list = []
    for i, v in enumerate(values):
        name = f"--{flag}{i}"
        if isinstance(v, bytes):
            if v.startswith(b"--"):
                words.append(name.encode() + b"=" + v)
            else:
                words += [name.encode(), v]
        elif v.startswith("--"):
            words.append(f"{name}={v}")
        else:
            words += [name, v]
    return words


def slot_schema(n: int, type_: str | None, *, flag: str = "s", **extra) -> dict:
    flags = {}
    for i in range(n):
        spec = {"key": f"s{i}"}
        if type_ is not None:
            spec["type"] = type_
        spec.update(extra)
        flags[f"{flag}{i}"] = spec
    return {"flags": flags}


class Batch:
    """Runs all values at once (type_=None: zero-config, no schema). If the whole run
    fails, each row is re-run alone so that only the rows at fault fail."""

    def __init__(self, folder: Path, values: Sequence, type_: str | None):
        assert len(values) <= SLOTS
        self.folder, self.values, self.type = Path(folder), list(values), type_
        self._all: Result | None = None
        self._single: dict[int, Result] = {}

    def _run(self, values: Sequence) -> Result:
        schema = slot_schema(len(values), self.type) if self.type is not None else None
        return run_tool_in(self.folder, slot_args(values), schema=schema)

    def result(self, i: int) -> tuple[Result, str]:
        if self._all is None:
            self._all = self._run(self.values)
        if self._all.rc == 0 and self._all.cfg is not None:
            return self._all, f"s{i}"
        if i not in self._single:
            self._single[i] = self._run([self.values[i]])
        return self._single[i], "s0"

    def received(self, i: int) -> Any:
        res, key = self.result(i)
        assert res.rc == 0 and res.cfg is not None, (
            f"value {self.values[i]!r} (alone) did not reach the app" + res.describe())
        return res.cfg[key]
