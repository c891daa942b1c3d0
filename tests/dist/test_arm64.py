"""The arm64 static binary (scripts/build-static.sh --arch aarch64), run under qemu-aarch64-static
in an empty root: --version, a dry run, a real exec and the PID 1 path.

Binary: ARM64_BIN (artifacts.py: CTest names it).

Without a binfmt_misc entry for arm64 (a container cannot register one), the kernel cannot run
an arm64 program that the emulated tool execs; so the program the tool execs is qemu itself,
running the static arm64 test program. The exec is still the tool's own execve, emulated by qemu.
"""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from adapt import APPS
from artifacts import ARM64_BIN, VERSION, artifact

QEMU = "qemu-aarch64-static"
SHOW_ARGS_C = APPS / "show_args" / "show_args.c"
SCHEMA = "flags:\n  lr: {key: optimizer.lr, type: float}\n  data-path: {key: data.path, type: path}\n"
INCOMING = ["--lr", "0.01", "--data-path", "/x y"]
EXPECTED_ARGS = ["optimizer.lr=0.01", "data.path='/x y'"]


@pytest.fixture(scope="module")
def arm64_bin() -> Path:
    return artifact(ARM64_BIN, "bash scripts/build-static.sh --arch aarch64")


@pytest.fixture
def empty_root(tmp_path, arm64_bin) -> Path:
    """A root holding only the arm64 /hydra-adapt and /show-args, the static qemu that runs them,
    and the schema."""
    root = tmp_path / "root"
    root.mkdir()
    shutil.copy2(arm64_bin, root / "hydra-adapt")
    shutil.copy2(shutil.which(QEMU), root / QEMU)
    subprocess.run(["aarch64-linux-gnu-gcc", "-static", "-Os", "-o", str(root / "show-args"), str(SHOW_ARGS_C)],
                   check=True)
    (root / "schema.yaml").write_text(SCHEMA)
    return root


def run_in(root: Path, words: list[str], *, new_pid_namespace: bool = False) -> subprocess.CompletedProcess:
    enter = ([shutil.which("unshare"), "--pid", "--fork", f"--root={root}"] if new_pid_namespace
             else [shutil.which("chroot"), str(root)])
    env = {"PATH": "/", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "HOME": "/"}
    return subprocess.run(enter + [f"/{QEMU}"] + words, env=env, capture_output=True, text=True, timeout=120)


def test_the_binary_is_a_static_stripped_arm64_executable(arm64_bin):
    def readelf(what: str) -> str:
        return subprocess.run(["readelf", what, "-W", str(arm64_bin)], capture_output=True, text=True,
                              check=True).stdout
    assert re.search(r"Machine:\s+AArch64\n", readelf("-h"))
    assert "There is no dynamic section in this file." in readelf("-d")
    assert "INTERP" not in readelf("-l")
    assert ".symtab" not in readelf("-S")


def test_version_under_qemu(empty_root):
    result = run_in(empty_root, ["/hydra-adapt", "--version"])
    assert (result.returncode, result.stdout, result.stderr) == (0, f"hydra-adapt {VERSION}\n", "")


def test_dry_run_under_qemu(empty_root):
    result = run_in(empty_root, ["/hydra-adapt", "--schema", "/schema.yaml", "--dry-run=json", "--",
                                 "/show-args"] + INCOMING)
    assert (result.returncode, result.stderr) == (0, "")
    assert '"argv":["/show-args","optimizer.lr=0.01","data.path=\'/x y\'"]' in result.stdout


def test_real_exec_under_qemu_found_through_path(empty_root):
    result = run_in(empty_root, ["/hydra-adapt", "--schema", "/schema.yaml", "--", QEMU, "/show-args"] + INCOMING)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines()[1:] == EXPECTED_ARGS


def test_pid1_duty_under_qemu(empty_root):
    result = run_in(empty_root, ["/hydra-adapt", "--schema", "/schema.yaml", "--", f"/{QEMU}", "/show-args"]
                    + INCOMING, new_pid_namespace=True)
    assert (result.returncode, result.stderr) == (0, "")
    pid_line, *args = result.stdout.splitlines()
    # The tool kept PID 1 and ran the program as its child (qemu's own thread takes a PID too,
    # so the child's number is not always 2); exec in place would have given it PID 1.
    assert pid_line != "pid=1" and re.fullmatch(r"pid=\d+", pid_line)
    assert args == EXPECTED_ARGS


def test_an_error_under_qemu_is_one_line(empty_root):
    result = run_in(empty_root, ["/hydra-adapt", "--", "no-such-program"])
    assert result.returncode == 127
    assert result.stderr.startswith("hydra-adapt: error: program 'no-such-program' not found")
    assert result.stderr.count("\n") == 1
