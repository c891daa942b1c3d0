"""Secrets: a flag marked `secret: true` never shows in the tool's logs (any level), dry-run
output (text or json) or error messages: only in the program's argv. Every secret below holds
the marker S3CRET, and each test greps all the tool's output for it."""
import pytest

from adapt import config_tree

MARK = "S3CRET"
SCHEMA = """
flags:
  token: {key: auth.token, type: str, secret: true}
  seed: {key: seed, type: int, secret: true}
  creds: {key: creds, type: json, secret: true}
  model-dir: {key: model_dir, type: output_path, secret: true}
  lr: {key: lr, type: float}
  name: {key: name, type: str}
"""
SECRET_ARGS = ["--token", f"tok-{MARK}-x'y", f"--creds={{\"k\": \"{MARK}\"}}", "--model-dir",
               "{tmp}/" + MARK + "-dir/model.pt", "--lr", "0.1"]
VERBOSE = ["--log-level", "trace"]


def with_tmp(words, tmp):
    return [word.replace("{tmp}", str(tmp)) for word in words]


@pytest.fixture
def run_app(run_tool):
    """The record app with the trust tree, the incoming args after a second '--'."""
    def run(args, options, schema):
        return run_tool(args, options=options, schema=schema, config=config_tree("trust"), second_dashes=True)
    return run


def assert_no_secret(run):
    for stream in (run.stdout, run.stderr):
        assert MARK not in stream, stream


def test_a_secret_reaches_only_the_programs_argv(run_app, tmp_path):
    run = run_app(with_tmp(SECRET_ARGS, tmp_path), options=VERBOSE, schema=SCHEMA)
    assert run.rc == 0 and run.cfg is not None, run.describe()
    assert "hydra-adapt: info: --token -> 'auth.token=***'" in run.stderr  # the logs ran, masked
    assert_no_secret(run)
    assert run.cfg["auth"]["token"] == f"tok-{MARK}-x'y"
    assert run.cfg["creds"] == {"k": MARK}
    assert any(MARK in word for word in run.argv)
    assert (tmp_path / f"{MARK}-dir").is_dir()


@pytest.mark.parametrize("dry_run", ["--dry-run", "--dry-run=text", "--dry-run=json"])
def test_a_dry_run_does_not_show_a_secret(run_app, tmp_path, dry_run):
    run = run_app(with_tmp(SECRET_ARGS + ["--seed", "12345"], tmp_path), options=[dry_run, *VERBOSE], schema=SCHEMA)
    assert run.rc == 0, run.describe()
    assert "auth.token=***" in run.stdout
    assert "12345" not in run.stdout + run.stderr
    assert_no_secret(run)
    assert not run.started


ERROR_CASES = {
    "mistyped-int": ["--seed", f"12-{MARK}"],
    "placeholder": ["--token", "{{$.inputs.parameters['token']}}" + MARK],
    "output-folder-under-a-file": ["--model-dir", "{tmp}/a-file/" + MARK + "/model.pt"],
    "invalid-json": ["--creds", f"{{{MARK}: 1}}"],
    "json-bad-key": ["--creds", f'{{"1": "{MARK}"}}'],
    "word-too-long": ["--token", "'" * 66000 + MARK],  # quoting doubles each quote
    "unknown-flag-after-secret": ["--token", MARK, "--nope", "1"],
    "missing-required-after-secret": ["--token", MARK],
    "stray-word-after-secret": ["--token", MARK, "word"],
}


@pytest.mark.parametrize("args", ERROR_CASES.values(), ids=ERROR_CASES.keys())
def test_an_error_does_not_show_a_secret(run_app, tmp_path, args):
    (tmp_path / "a-file").write_text("")
    required = args is ERROR_CASES["missing-required-after-secret"]
    schema = SCHEMA + ("  must: {key: must, required: true}\n" if required else "")
    run = run_app(with_tmp(args, tmp_path), options=VERBOSE, schema=schema)
    assert run.rc == 2 and not run.started, run.describe()
    assert "hydra-adapt: error: " in run.stderr
    assert_no_secret(run)
