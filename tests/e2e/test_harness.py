"""The harness keeps a developer's HYDRA_ADAPT_* settings out of every run (tests/conftest.py
and adapt.base_env); CTest sets HYDRA_ADAPT_SCHEMA (a missing file) and HYDRA_ADAPT_DRY_RUN=1 to
stand for them, which any leak would turn into failures."""
import os
import subprocess

from adapt import BIN, TOOL_ENV_PREFIX, assert_ok


def test_no_tool_variable_is_left_in_a_tests_environment():
    assert [name for name in os.environ if name.startswith(TOOL_ENV_PREFIX)] == []


def test_a_subprocess_a_test_starts_itself_sees_no_developer_schema(tmp_path):
    result = subprocess.run([BIN, "--", "echo", "--lr", "1"], cwd=tmp_path, capture_output=True, text=True)
    assert (result.returncode, result.stdout, result.stderr) == (0, "lr=1\n", "")


def test_a_variable_set_after_the_clean_up_still_does_not_reach_a_run(run_tool, monkeypatch):
    monkeypatch.setenv("HYDRA_ADAPT_SCHEMA", "/nonexistent/developer-schema.yaml")
    monkeypatch.setenv("HYDRA_ADAPT_DRY_RUN", "1")
    assert assert_ok(run_tool(["--lr", "0.5"]))["lr"] == 0.5


def test_a_variable_a_test_passes_does_reach_the_run(run_tool, tmp_path):
    missing = str(tmp_path / "missing.yaml")
    assert run_tool(["--lr", "0.5"], env={"HYDRA_ADAPT_SCHEMA": missing}).rc == 2
