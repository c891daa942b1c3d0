"""Fixtures of the trust tests (injection, bad inputs, secrets, valgrind): the binary under test
and the app it starts. Self-contained so that it does not depend on tests/e2e/conftest.py."""
import os
import pickle
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

import pytest
from omegaconf import OmegaConf

REPO = Path(__file__).resolve().parents[3]
APP = REPO / "tests" / "e2e" / "apps" / "trust_app" / "trust_app.py"


@pytest.fixture(scope="session")
def adapt_binary() -> str:
    return os.environ.get("HYDRA_ADAPT_BIN", str(REPO / "build" / "hydra-adapt"))


@pytest.fixture(scope="session")
def app_defaults() -> dict:
    return OmegaConf.to_container(OmegaConf.load(APP.parent / "conf" / "config.yaml"))


@dataclass
class AppRun:
    returncode: int
    stdout: bytes
    stderr: bytes
    received: Optional[dict]  # what the app wrote; None when it did not start

    @property
    def err(self) -> str:
        return self.stderr.decode("utf-8", "replace")


@pytest.fixture
def run_app(adapt_binary, tmp_path):
    """Runs `hydra-adapt [OPTIONS] -- python trust_app.py -- ARGS` in tmp_path/work and returns
    what the app received. Words may be str or bytes; program=[] leaves the command at "--"."""
    def run(args, options=(), schema: Optional[str] = None, env_extra=None, program=None) -> AppRun:
        work = tmp_path / "work"
        work.mkdir(exist_ok=True)
        out = tmp_path / "received.pickle"
        out.unlink(missing_ok=True)
        command = [adapt_binary, *options]
        if schema is not None:
            (tmp_path / "schema.yaml").write_text(schema)
            command += ["--schema", str(tmp_path / "schema.yaml")]
        program = [sys.executable, str(APP)] if program is None else program
        command += ["--", *program] + (["--", *args] if program or args else [])
        env = {**os.environ, "TRUST_APP_OUT": str(out), **(env_extra or {})}
        result = subprocess.run(command, cwd=work, env=env, capture_output=True, timeout=120)
        received = pickle.loads(out.read_bytes()) if out.exists() else None
        return AppRun(result.returncode, result.stdout, result.stderr, received)

    return run
