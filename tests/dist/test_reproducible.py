"""The static binaries are reproducible: the same commit built again in another folder gives the
same bytes (CMakeLists.txt maps the folders away; nothing takes a date). Each test builds once
more, from the sources alone, and compares with the binary the test run built in the repository.

- x86_64 through the sdist: pip unpacks it into a temporary folder and scikit-build-core builds
  it there from source (which also proves that the sdist builds).
- arm64: scripts/build-static.sh --arch aarch64 in a copy of the sources.

The artifacts: artifacts.py (CTest names them).
"""
from __future__ import annotations

import platform
import shutil
import subprocess
import sys
import zipfile

from adapt import REPO
from artifacts import ARM64_BIN, DIST_DIR, STATIC_BIN, VERSION, artifact

BUILD_TIMEOUT = 3600


def test_the_sdist_builds_from_source_to_the_same_static_binary(tmp_path):
    sdist = artifact(DIST_DIR / f"hydra_adapt-{VERSION}.tar.gz", "bash scripts/build-wheel.sh --sdist")
    released = artifact(STATIC_BIN, "bash scripts/build-static.sh")
    # The pinned scikit-build-core of this venv, no index: what pip install hydra-adapt does
    # from the sdist, offline.
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-build-isolation", "--no-index", "--no-deps",
                            "--disable-pip-version-check", "--wheel-dir", str(tmp_path), str(sdist)],
                           capture_output=True, text=True, timeout=BUILD_TIMEOUT)
    assert built.returncode == 0, built.stdout[-4000:] + built.stderr[-4000:]
    (wheel,) = tmp_path.glob(f"hydra_adapt-{VERSION}-py3-none-linux_{platform.machine()}.whl")
    with zipfile.ZipFile(wheel) as z:
        from_source = z.read(f"hydra_adapt-{VERSION}.data/scripts/hydra-adapt")
    assert from_source == released.read_bytes(), "the sdist's build differs from build-static/hydra-adapt"


def test_two_arm64_builds_in_different_folders_give_the_same_bytes(tmp_path):
    released = artifact(ARM64_BIN, "bash scripts/build-static.sh --arch aarch64")
    copy = tmp_path / "elsewhere"
    files = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=REPO,
                           capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, files):
        if (REPO / name).is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, copy / name)
    built = subprocess.run(["bash", "scripts/build-static.sh", "--arch", "aarch64", "out"], cwd=copy,
                           capture_output=True, text=True, timeout=BUILD_TIMEOUT)
    assert built.returncode == 0, built.stderr[-4000:]
    assert (copy / "out" / "hydra-adapt").read_bytes() == released.read_bytes(), \
        f"{copy}/out/hydra-adapt differs from {released}"
