"""What every pytest suite shares (e2e, differential): the binary under test must be there,
and no HYDRA_ADAPT_* variable of the developer's shell reaches any run.

The harness itself is e2e/adapt.py (importable everywhere: pytest.ini's pythonpath)."""
from __future__ import annotations

import os

import pytest

from adapt import TOOL_ENV_PREFIX, binary_problem


@pytest.fixture(autouse=True, scope="session")
def _binary_present():
    problem = binary_problem()
    if problem is not None:
        pytest.fail(problem, pytrace=False)


@pytest.fixture(autouse=True, scope="session")
def _no_tool_variables():
    """Removes every HYDRA_ADAPT_* variable from this process's environment for the whole
    session (before any other fixture, module-scoped ones included), so neither the harness
    nor a test's own subprocess passes one on; a test sets the ones it means in env=."""
    with pytest.MonkeyPatch.context() as patch:
        for name in [name for name in os.environ if name.startswith(TOOL_ENV_PREFIX)]:
            patch.delenv(name)
        yield
