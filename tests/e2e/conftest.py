"""Fixtures of the end-to-end tests (the harness is adapt.py; the binary check and the
HYDRA_ADAPT_* clean-up for every suite are in tests/conftest.py)."""
from __future__ import annotations

from typing import Iterable, Mapping, Sequence

import pytest

from adapt import Result, run_raw, run_tool_in


@pytest.fixture
def run_tool(tmp_path):
    """run_tool(args, env=None, *, options=(), schema=None, program=None, config=None, ...)
    -> Result, run in tmp_path.

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
