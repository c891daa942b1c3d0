"""Fixtures of the end-to-end tests (helpers live in adapt.py).

Binary: env HYDRA_ADAPT_BIN, default <repo>/build/hydra-adapt (e.g. point it at
build-asan/hydra-adapt). If it is missing, every test errors with a clear message;
nothing is skipped.
"""
from __future__ import annotations

import os
from typing import Iterable, Mapping, Sequence

import pytest

from adapt import BIN, Result, run_raw, run_tool_in


@pytest.fixture(autouse=True, scope="session")
def _binary_present():
    if not os.path.isfile(BIN):
        pytest.fail(
            f"hydra-adapt binary not found at {BIN!r}. Build it first (cmake -S . -B build "
            "-G Ninja && cmake --build build) or set HYDRA_ADAPT_BIN to the binary.",
            pytrace=False)
    if not os.access(BIN, os.X_OK):
        pytest.fail(f"hydra-adapt binary {BIN!r} is not executable", pytrace=False)


@pytest.fixture
def run_tool(tmp_path):
    """run_tool(args, env=None, *, options=(), schema=None, program=None, ...) -> Result.

    Result unpacks as (returncode, stdout, stderr, received_config_or_None)."""
    def _run(args: Iterable = (), env: Mapping | None = None, **kw) -> Result:
        return run_tool_in(tmp_path, args, env, **kw)
    return _run


@pytest.fixture
def run_cmd(tmp_path):
    """run_cmd(words_after_bin, env=None) -> Result, for hand-built command lines."""
    def _run(words: Sequence, env: Mapping | None = None, **kw) -> Result:
        return run_raw(words, cwd=tmp_path, env=env, **kw)
    return _run


