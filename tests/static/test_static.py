"""The fully static hydra-adapt: built by the static preset (scripts/build-static.sh), run in
an empty root, and the same script and output that Dockerfile.adapter uses.

Binary: the harness's (adapt.BIN): `ctest --preset static` passes the static build's
hydra-adapt; these tests fail on any other build.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from adapt import APPS, BIN, REPO

STATIC_BIN = Path(BIN)
SHOW_ARGS_C = APPS / "show_args" / "show_args.c"
SCHEMA = "flags:\n  lr: {key: optimizer.lr, type: float}\n  data-path: {key: data.path, type: path}\n"
INCOMING = ["--lr", "0.01", "--data-path", "/x y"]
EXPECTED_ARGS = ["optimizer.lr=0.01", "data.path='/x y'"]


@pytest.fixture(scope="module")
def static_bin() -> Path:
    if "There is no dynamic section in this file." not in readelf(STATIC_BIN, "-d"):
        pytest.fail(f"{STATIC_BIN} is not the static build; run these tests with ctest --preset static",
                    pytrace=False)
    return STATIC_BIN


@pytest.fixture
def empty_root(tmp_path, static_bin) -> Path:
    """A root holding only /hydra-adapt, the static /show-args and the schema (user data)."""
    root = tmp_path / "root"
    root.mkdir()
    shutil.copy2(static_bin, root / "hydra-adapt")
    subprocess.run(["gcc", "-static", "-Os", "-o", str(root / "show-args"), str(SHOW_ARGS_C)], check=True)
    (root / "schema.yaml").write_text(SCHEMA)
    assert sorted(p.name for p in root.iterdir()) == ["hydra-adapt", "schema.yaml", "show-args"]
    return root


def run_in(root: Path, words: list[str], *, new_pid_namespace: bool = False) -> subprocess.CompletedProcess:
    enter = ([shutil.which("unshare"), "--pid", "--fork", f"--root={root}"] if new_pid_namespace
             else [shutil.which("chroot"), str(root)])
    # A usual container environment: a UTF-8 locale the root has no files for, PATH to /.
    env = {"PATH": "/", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "HOME": "/"}
    return subprocess.run(enter + words, env=env, capture_output=True, text=True, timeout=60)


def readelf(binary: Path, what: str) -> str:
    return subprocess.run(["readelf", what, "-W", str(binary)], capture_output=True, text=True, check=True).stdout


def test_the_binary_has_no_dynamic_section_and_no_loader(static_bin):
    assert "There is no dynamic section in this file." in readelf(static_bin, "-d")
    assert "INTERP" not in readelf(static_bin, "-l")


def test_the_binary_is_stripped(static_bin):
    assert ".symtab" not in readelf(static_bin, "-S")


def test_version_in_an_empty_root(empty_root):
    result = run_in(empty_root, ["/hydra-adapt", "--version"])
    assert (result.returncode, result.stderr) == (0, "")
    assert re.fullmatch(r"hydra-adapt \d+\.\d+\.\d+\n", result.stdout)


def test_dry_run_in_an_empty_root(empty_root):
    result = run_in(empty_root, ["/hydra-adapt", "--schema", "/schema.yaml", "--dry-run=json", "--",
                                 "show-args"] + INCOMING)
    assert (result.returncode, result.stderr) == (0, "")
    assert '"argv":["show-args","optimizer.lr=0.01","data.path=\'/x y\'"]' in result.stdout


def test_real_exec_in_an_empty_root_found_through_path(empty_root):
    result = run_in(empty_root, ["/hydra-adapt", "--schema", "/schema.yaml", "--", "show-args"] + INCOMING)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines()[1:] == EXPECTED_ARGS


def test_pid1_duty_in_an_empty_root(empty_root):
    result = run_in(empty_root, ["/hydra-adapt", "--schema", "/schema.yaml", "--", "/show-args"] + INCOMING,
                    new_pid_namespace=True)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines() == ["pid=2"] + EXPECTED_ARGS  # a child of PID 1, not PID 1


def test_an_error_in_an_empty_root_is_one_line(empty_root):
    result = run_in(empty_root, ["/hydra-adapt", "--", "no-such-program"])
    assert result.returncode == 127
    assert result.stderr.startswith("hydra-adapt: error: program 'no-such-program' not found")
    assert result.stderr.count("\n") == 1


# --- Dockerfile.adapter ----------------------------------------------------------------

def dockerfile_stages(path: Path) -> list[list[tuple[str, str]]]:
    """The Dockerfile's stages, each a list of (INSTRUCTION, arguments), comments dropped."""
    stages: list[list[tuple[str, str]]] = []
    text = re.sub(r"\\\n", " ", path.read_text())
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        instruction, _, arguments = line.partition(" ")
        if instruction.upper() == "FROM":
            stages.append([])
        stages[-1].append((instruction.upper(), arguments.strip()))
    return stages


def test_dockerfile_adapter_builds_with_the_tested_script_and_ships_its_output_with_the_notices():
    builder, final = dockerfile_stages(REPO / "Dockerfile.adapter")
    # The builder runs on the build machine and cross-compiles for each target platform.
    assert builder[0] == ("FROM", "--platform=$BUILDPLATFORM debian:12 AS builder")
    assert ("ARG", "TARGETARCH") in builder
    workdir = dict(builder)["WORKDIR"]
    runs = [arguments for instruction, arguments in builder if instruction == "RUN"]
    assert len(runs) == 1
    script_words = runs[0].split()
    assert script_words[:4] == ["bash", "scripts/build-static.sh", "--arch", '"$TARGETARCH"']

    # The same script, with the same arguments, run here for this machine's platform: its
    # output is the tested binary (tests/dist/test_arm64.py tests the arm64 one).
    docker_arch = {"x86_64": "amd64", "aarch64": "arm64"}[os.uname().machine]
    script_words[3] = docker_arch
    built = subprocess.run(script_words, cwd=REPO, capture_output=True, text=True, timeout=1800)
    assert built.returncode == 0, built.stderr
    output = built.stdout.splitlines()[-1]
    assert (REPO / output).resolve() == STATIC_BIN.resolve()

    assert final == [("FROM", "scratch"),
                     ("COPY", f"--from=builder {workdir}/{output} /hydra-adapt"),
                     ("COPY", f"--from=builder {workdir}/LICENSE {workdir}/THIRD-PARTY-NOTICES /usr/share/doc/hydra-adapt/"),
                     ("ENTRYPOINT", '["/hydra-adapt"]')]
    assert (REPO / "THIRD-PARTY-NOTICES").is_file()


def test_the_example_dockerfile_copies_the_adapter_image_binary_and_its_notices():
    (stage,) = dockerfile_stages(REPO / "examples" / "Dockerfile")
    assert ("COPY", "--from=hydra-adapt /hydra-adapt /hydra-adapt") in stage
    assert ("COPY", "--from=hydra-adapt /usr/share/doc/hydra-adapt/ /usr/share/doc/hydra-adapt/") in stage
    entrypoint = dict(stage)["ENTRYPOINT"]
    assert entrypoint.startswith('["/hydra-adapt", ') and '"--"' in entrypoint
