"""valgrind (memcheck) on the end-to-end path: a dry run, a refused input and a real exec, with
--leak-check=full. Any memcheck error or leak makes valgrind exit 99. The program the tool
execs runs natively (valgrind does not trace children). Skipped for an ASan build, which
valgrind cannot run."""
import shutil
from pathlib import Path

import pytest

from adapt import BIN, config_tree, run_tool_in

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
def memcheck(tmp_path):
    if shutil.which("valgrind") is None:
        pytest.fail("valgrind is not installed (scripts/setup.sh installs it)")
    if b"__asan_init" in Path(BIN).read_bytes():
        pytest.skip("an ASan build: valgrind runs the plain build")

    def run(options, args, program=None, config=None):
        return run_tool_in(tmp_path, args, options=options, schema=SCHEMA, program=program, config=config,
                           second_dashes=True, prefix=VALGRIND, timeout=300)

    return run


@pytest.mark.parametrize("dry_run", ["--dry-run=text", "--dry-run=json"])
def test_a_dry_run_is_clean(memcheck, dry_run):
    result = memcheck([dry_run, "--log-level", "trace"], ARGS, program=["python3", "main.py"])
    assert result.rc == 0, result.describe()
    assert "==" not in result.stderr  # no valgrind report at all
    assert "auth.token=***" in result.stdout


def test_a_refused_input_is_clean(memcheck):
    result = memcheck([], ["--epochs", "1.5"], program=["python3", "main.py"])
    assert result.rc == 2, result.describe()
    assert result.stderr.endswith("hydra-adapt: error: --epochs: the value '1.5' is not an int (a whole number such "
                                  "as 10, or 256.0); fix the value or the flag's type in the schema\n")


def test_a_real_exec_is_clean(memcheck, tmp_path):
    result = memcheck(["--log-level", "debug"], ARGS + ["--model-dir", str(tmp_path / "models" / "m.pt")],
                      config=config_tree("trust"))
    assert result.rc == 0 and result.cfg is not None, result.describe()
    assert "==" not in result.stderr
    cfg = result.cfg
    assert (cfg["lr"], cfg["epochs"], cfg["name"], cfg["auth"]["token"]) == (1e-05, 256, "it's ${x} a,b", "hunter2")
    assert cfg["meta"] == {"aws:tag": [1, 2.5e300, None]}
    assert (tmp_path / "models").is_dir()
