"""valgrind (memcheck) on the end-to-end path: a dry run, a refused input and a real exec, with
--leak-check=full. Any memcheck error or leak makes valgrind exit 99. The program the tool
execs runs natively (valgrind does not trace children). Skipped for an ASan build, which
valgrind cannot run."""
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[1] / "apps" / "trust_app" / "trust_app.py"

VALGRIND = ["valgrind", "--quiet", "--error-exitcode=99", "--leak-check=full", "--show-leak-kinds=definite,indirect",
            "--errors-for-leak-kinds=definite,indirect"]
SCHEMA = """
flags:
  lr: {key: lr, type: float}
  epochs: {key: epochs, type: int}
  name: {key: name, type: str}
  meta: {key: meta, type: json}
  token: {key: auth.token, type: str, secret: true}
  model-dir: {key: model_dir, type: output_path}
"""
ARGS = ["--lr", "1e-05", "--epochs", "256.0", "--name", "it's ${x} a,b", "--meta", '{"aws:tag": [1, 2.5e300, null]}',
        "--token", "hunter2"]


@pytest.fixture
def memcheck(adapt_binary, tmp_path):
    if shutil.which("valgrind") is None:
        pytest.fail("valgrind is not installed (scripts/setup.sh installs it)")
    if b"__asan_init" in Path(adapt_binary).read_bytes():
        pytest.skip("an ASan build: valgrind runs the plain build")
    (tmp_path / "schema.yaml").write_text(SCHEMA)

    def run(options, program, args, env_extra=None):
        command = [*VALGRIND, adapt_binary, "--schema", str(tmp_path / "schema.yaml"), *options, "--", *program, "--",
                   *args]
        return subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=300,
                               env={**os.environ, **(env_extra or {})})

    return run


@pytest.mark.parametrize("dry_run", ["--dry-run=text", "--dry-run=json"])
def test_a_dry_run_is_clean(memcheck, dry_run):
    result = memcheck([dry_run, "--log-level", "trace"], ["python3", "main.py"], ARGS)
    assert result.returncode == 0, result.stderr
    assert "==" not in result.stderr  # no valgrind report at all
    assert "auth.token=***" in result.stdout


def test_a_refused_input_is_clean(memcheck):
    result = memcheck([], ["python3", "main.py"], ["--epochs", "1.5"])
    assert result.returncode == 2, result.stderr
    assert result.stderr.endswith("hydra-adapt: error: --epochs: the value '1.5' is not an int (a whole number such "
                                  "as 10, or 256.0); fix the value or the flag's type in the schema\n")


def test_a_real_exec_is_clean(memcheck, tmp_path):
    out = tmp_path / "received.pickle"
    result = memcheck(["--log-level", "debug"], [sys.executable, str(APP)],
                      ARGS + ["--model-dir", str(tmp_path / "models" / "m.pt")], {"TRUST_APP_OUT": str(out)})
    assert result.returncode == 0, result.stderr
    assert "==" not in result.stderr
    cfg = pickle.loads(out.read_bytes())["cfg"]
    assert (cfg["lr"], cfg["epochs"], cfg["name"], cfg["auth"]["token"]) == (1e-05, 256, "it's ${x} a,b", "hunter2")
    assert cfg["meta"] == {"aws:tag": [1, 2.5e300, None]}
    assert (tmp_path / "models").is_dir()
