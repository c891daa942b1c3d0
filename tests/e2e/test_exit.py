"""(f) The tool execs the program: its exit status, signals, pid, stdin and stdout are
the program's own."""
import signal
import subprocess

import pytest

from adapt import BIN, PY, base_env

SCHEMA = {"flags": {"lr": {"key": "optimizer.lr", "type": "float"}}}


@pytest.mark.parametrize("code", [0, 1, 3, 7, 126, 127, 255])
def test_plain_program_exit_status(run_tool, code):
    res = run_tool([], program=[PY, "-c", f"import sys; sys.exit({code})"])
    assert res.rc == code, res.describe()


def test_hydra_app_exit_status_from_main(run_tool):
    res = run_tool(["--lr", "0.5", "fail_with=7"], schema=SCHEMA)
    assert res.rc == 7 and res.cfg is not None, res.describe()


def test_hydra_app_exception_exits_1(run_tool):
    res = run_tool(["--lr", "0.5", "raise_error=true"], schema=SCHEMA)
    assert res.rc == 1 and res.cfg is not None, res.describe()
    assert "raise_error was set" in res.stderr


def test_hydra_override_error_exits_1(run_tool):
    # zero-config: --no-such-key 5 -> no_such_key=5, which Hydra refuses
    res = run_tool(["--no-such-key", "5"])
    assert res.rc == 1 and res.started and res.cfg is None, res.describe()
    assert "no_such_key" in res.stderr, res.describe()


def test_program_killed_by_signal(run_tool):
    res = run_tool([], program=[PY, "-c",
                                "import os, signal; os.kill(os.getpid(), signal.SIGTERM)"])
    assert res.rc == -signal.SIGTERM, "exec'd program's signal death is seen as is" + \
        res.describe()


def test_exec_keeps_the_pid(tmp_path):
    proc = subprocess.Popen([BIN, "--", PY, "-c", "import os; print(os.getpid())"],
                            cwd=tmp_path, env=base_env(), stdout=subprocess.PIPE, text=True)
    out, _ = proc.communicate(timeout=60)
    assert proc.returncode == 0
    assert int(out.strip()) == proc.pid, "the tool must exec the program, not fork it"


def test_stdin_and_stdout_are_the_programs(run_tool):
    res = run_tool(["--name", "n"], program=[
        PY, "-c", "import sys; sys.stdout.write(sys.stdin.read().upper()); "
                  "print(sys.argv[1:]); sys.stderr.write('err-line')"],
        input=b"hello\n")
    assert res.rc == 0, res.describe()
    assert res.stdout.startswith("HELLO\n") and "name=" in res.stdout, res.describe()
    assert res.stderr == "err-line", res.describe()


def test_environment_is_passed_to_the_program(run_tool):
    res = run_tool([], program=[PY, "-c", "import os; print(os.environ['MY_VAR'])"],
                   env={"MY_VAR": "value 1"})
    assert res.rc == 0 and res.stdout == "value 1\n", res.describe()
