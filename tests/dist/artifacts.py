"""The release artifacts the dist suite checks, named by CTest: the static preset makes them
first with the release's own scripts (CMakeLists.txt, fixture dist_artifacts) and passes their
paths here. Nothing guesses them; a missing one fails its tests with a message saying how to
make it.

- STATIC_BIN: the x86_64 static binary, the harness's BIN (the static preset's build)
- ARM64_BIN: env HYDRA_ADAPT_ARM64_BIN (scripts/build-static.sh --arch aarch64)
- DIST_DIR: env HYDRA_ADAPT_DIST_DIR, the wheels and the sdist (scripts/build-wheel.sh)

Read at import: tests/conftest.py then removes every HYDRA_ADAPT_* variable for the session.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from adapt import BIN, REPO

STATIC_BIN = Path(BIN)
ARM64_BIN = Path(os.environ.get("HYDRA_ADAPT_ARM64_BIN", ""))
DIST_DIR = Path(os.environ.get("HYDRA_ADAPT_DIST_DIR", ""))
VERSION = re.search(r"project\(hydra-adapt VERSION ([0-9.]+)", (REPO / "CMakeLists.txt").read_text())[1]


def artifact(path: Path, how: str) -> Path:
    """path, or the test fails saying how to make it (ctest --preset static makes them all)."""
    if not path.is_absolute() or not path.is_file():
        pytest.fail(f"{path} not found; run ctest --preset static, or: {how}", pytrace=False)
    return path
