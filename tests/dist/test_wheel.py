"""The release wheel of this machine type (scripts/build-wheel.sh): what it carries, and that it
installs into a fresh venv without an index and runs, found on PATH, in front of a real Hydra app;
and that the sdist (scripts/build-wheel.sh --sdist) carries the license, the third-party notices
and what relinking with a modified glibc needs.

Wheel: the one of this machine type and version in DIST_DIR; its binary must be the released
static binary, STATIC_BIN, byte for byte (artifacts.py: CTest names them).
"""
from __future__ import annotations

import os
import platform
import re
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from adapt import REPO, assert_ok, run_tool_in
from artifacts import DIST_DIR, STATIC_BIN, VERSION, artifact

MACHINE = platform.machine()
# In the order `wheel tags` writes them (sorted).
TAGS = f"manylinux2014_{MACHINE}.manylinux_2_17_{MACHINE}.musllinux_1_1_{MACHINE}"
# Shipped beside the binary in the wheel, the sdist and the image (pyproject.toml's license-files).
LICENSE_FILES = ["LICENSE", "THIRD-PARTY-NOTICES"]
SCHEMA = {"flags": {"lr": {"key": "optimizer.lr", "type": "float"},
                    "data-path": {"key": "data.path", "type": "path"}}}


@pytest.fixture(scope="module")
def wheel() -> Path:
    return artifact(DIST_DIR / f"hydra_adapt-{VERSION}-py3-none-{TAGS}.whl", "bash scripts/build-wheel.sh")


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh venv (Debian's python, nothing installed) and its own pip installing the wheel
    file alone: --no-index, nothing may come from a server."""
    venv = tmp_path_factory.mktemp("wheel-venv") / "venv"
    subprocess.run(["/usr/bin/python3", "-m", "venv", str(venv)], check=True)
    subprocess.run([venv / "bin" / "pip", "install", "--no-index", "--disable-pip-version-check", str(wheel)],
                   check=True, capture_output=True)
    return venv / "bin"


@pytest.fixture(scope="module")
def sdist() -> Path:
    return artifact(DIST_DIR / f"hydra_adapt-{VERSION}.tar.gz", "bash scripts/build-wheel.sh --sdist")


def test_the_wheel_carries_only_the_static_binary_its_license_notices_and_metadata(wheel):
    with zipfile.ZipFile(wheel) as z:
        names = sorted(z.namelist())
        info = f"hydra_adapt-{VERSION}.dist-info"
        assert names == sorted([f"hydra_adapt-{VERSION}.data/scripts/hydra-adapt", f"{info}/METADATA",
                                f"{info}/RECORD", f"{info}/WHEEL"] + [f"{info}/licenses/{name}" for name in LICENSE_FILES])
        for name in LICENSE_FILES:
            assert z.read(f"{info}/licenses/{name}") == (REPO / name).read_bytes(), name
        metadata = z.read(f"{info}/METADATA").decode()
        wheel_file = z.read(f"{info}/WHEEL").decode()
        binary = z.getinfo(f"hydra_adapt-{VERSION}.data/scripts/hydra-adapt")
        assert binary.external_attr >> 16 & 0o111, "the binary must be executable"
        assert z.read(binary) == artifact(STATIC_BIN, "bash scripts/build-static.sh").read_bytes(), "the wheel must carry the released binary"
    assert f"\nVersion: {VERSION}\n" in metadata
    assert "\nLicense-Expression: MIT\n" in metadata
    assert re.findall(r"^License-File: (.*)$", metadata, re.M) == LICENSE_FILES
    assert "Root-Is-Purelib: false" in wheel_file
    assert sorted(re.findall(r"^Tag: (.*)$", wheel_file, re.M)) == sorted(
        f"py3-none-{tag}" for tag in TAGS.split("."))


def test_the_sdist_carries_the_license_the_notices_and_the_relinking_build(sdist):
    """THIRD-PARTY-NOTICES tells how to relink the static binary with a modified glibc (LGPL-2.1):
    build-static.sh on the sdist's sources. The reproducible suite builds the binary from it."""
    top = f"hydra_adapt-{VERSION}"
    with tarfile.open(sdist) as tar:
        names = set(tar.getnames())
        for name in LICENSE_FILES:
            assert tar.extractfile(f"{top}/{name}").read() == (REPO / name).read_bytes(), name
        pkg_info = tar.extractfile(f"{top}/PKG-INFO").read().decode()
    assert f"{top}/scripts/build-static.sh" in names and f"{top}/CMakeLists.txt" in names
    assert re.findall(r"^License-File: (.*)$", pkg_info, re.M) == LICENSE_FILES
    assert "scripts/build-static.sh" in (REPO / "THIRD-PARTY-NOTICES").read_text()


def test_auditwheel_finds_nothing_the_tags_do_not_allow(wheel):
    shown = subprocess.run([sys.executable, "-m", "auditwheel", "show", str(wheel)], capture_output=True,
                           text=True)
    assert shown.returncode == 0, shown.stderr
    text = " ".join(shown.stdout.split())
    assert "is consistent with the following platform tag" in text, text
    assert "The wheel requires no external shared libraries!" in text, text


def test_the_installed_tool_reports_the_version_set_in_cmakelists(installed):
    result = subprocess.run([installed / "hydra-adapt", "--version"], capture_output=True, text=True)
    assert (result.returncode, result.stdout, result.stderr) == (0, f"hydra-adapt {VERSION}\n", "")


def test_the_installed_tool_on_path_runs_a_hydra_app(installed, tmp_path):
    env = {"PATH": f"{installed}{os.pathsep}{os.environ['PATH']}"}
    res = run_tool_in(tmp_path, ["--lr", "0.01", "--data-path", "/gcs/b/it's here"], env, schema=SCHEMA,
                      binary="hydra-adapt")
    cfg = assert_ok(res)
    assert res.cmd[0] == "hydra-adapt"
    assert cfg["optimizer"]["lr"] == 0.01 and type(cfg["optimizer"]["lr"]) is float
    assert cfg["data"]["path"] == "/gcs/b/it's here"
