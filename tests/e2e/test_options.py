"""(d) The tool's own options and their environment variables:
--schema / HYDRA_ADAPT_SCHEMA, --unknown / HYDRA_ADAPT_UNKNOWN,
--dry-run / HYDRA_ADAPT_DRY_RUN, --log-level / HYDRA_ADAPT_LOG_LEVEL, --help, --version."""
import json
import re
import shlex
import subprocess

import pytest

from adapt import (PY, RECORD_MAIN, assert_ok, assert_usage_error, base_env, same,
                   write_schema)

SCHEMA = {
    "flags": {
        "lr": {"key": "optimizer.lr", "type": "float"},
        "epochs": {"key": "trainer.max_epochs", "type": "int"},
        "use-gpu": {"key": "trainer.gpu", "type": "bool"},
        "data-path": {"key": "data.path", "type": "path"},
        "params": {"key": "payload", "type": "json"},
        "name": {},
        "api-key": {"key": "secrets.key", "type": "str", "secret": True},
        "pin": {"key": "s0", "type": "int", "secret": True},
    }
}
SECRET = "TOPSECRET-9f3c1"


# ---------------------------------------------------------------- --schema
def test_schema_option(run_tool):
    cfg = assert_ok(run_tool(["--lr", "0.5"], schema=SCHEMA))
    assert same(cfg["optimizer"]["lr"], 0.5) and cfg["lr"] == 0.1


def test_schema_env(run_tool, tmp_path):
    path = write_schema(tmp_path, SCHEMA)
    res = run_tool(["--lr", "0.5"], env={"HYDRA_ADAPT_SCHEMA": path})
    cfg = assert_ok(res)
    assert same(cfg["optimizer"]["lr"], 0.5) and cfg["lr"] == 0.1, res.describe()


def test_schema_option_beats_env(run_tool, tmp_path):
    env_schema = write_schema(tmp_path, SCHEMA)
    res = run_tool(["--lr", "0.9"], env={"HYDRA_ADAPT_SCHEMA": env_schema},
                   schema={"flags": {"lr": {"key": "lr", "type": "float"}}})
    cfg = assert_ok(res)
    assert cfg["lr"] == 0.9 and cfg["optimizer"]["lr"] == 0.001, res.describe()


# ---------------------------------------------------------------- --unknown
UNKNOWN_ARGS = ["--lr", "0.5", "--bogus", "1", "--other=x y", "--bare"]


def _assert_passed_unknown(res):
    assert res.started, "with unknown=pass the program must start" + res.describe()
    a = res.argv
    ok = any(a[i:i + 2] == ["--bogus", "1"] for i in range(len(a)))
    assert ok and "--other=x y" in a and "--bare" in a, (
        "unknown flags' words must be left exactly as they came" + res.describe())
    assert not any("bogus" in w and w != "--bogus" for w in a), res.describe()


def test_unknown_default_with_schema_is_error(run_tool):
    assert_usage_error(run_tool(UNKNOWN_ARGS, schema=SCHEMA), "--bogus")


def test_unknown_error_suggests_nearest_flag(run_tool):
    msg = assert_usage_error(run_tool(["--lrr", "0.5"], schema=SCHEMA), "--lrr")
    assert re.search(r"--lr(?![\w-])", msg), f"should suggest --lr: {msg}"
    msg = assert_usage_error(run_tool(["--epoch", "3"], schema=SCHEMA), "--epoch")
    assert "--epochs" in msg, f"should suggest --epochs: {msg}"


@pytest.mark.parametrize("how", ["option", "env", "schema-file"])
def test_unknown_pass(run_tool, how):
    schema = dict(SCHEMA, unknown="pass") if how == "schema-file" else SCHEMA
    res = run_tool(UNKNOWN_ARGS, schema=schema,
                   options=["--unknown=pass"] if how == "option" else [],
                   env={"HYDRA_ADAPT_UNKNOWN": "pass"} if how == "env" else None)
    _assert_passed_unknown(res)


@pytest.mark.parametrize("how", ["option", "env", "schema-file"])
def test_unknown_auto(run_tool, how):
    schema = dict(SCHEMA, unknown="auto") if how == "schema-file" else SCHEMA
    res = run_tool(["--lr", "0.5", "--max-items", "4", "--flag", "--name", "auto-name"],
                   schema=schema,
                   options=["--unknown=auto"] if how == "option" else [],
                   env={"HYDRA_ADAPT_UNKNOWN": "auto"} if how == "env" else None)
    cfg = assert_ok(res)
    assert same(cfg["optimizer"]["lr"], 0.5)
    assert same(cfg["max_items"], 4) and cfg["flag"] is True and cfg["name"] == "auto-name"


def test_unknown_option_beats_env(run_tool):
    res = run_tool(UNKNOWN_ARGS, schema=SCHEMA, options=["--unknown=error"],
                   env={"HYDRA_ADAPT_UNKNOWN": "pass"})
    assert_usage_error(res, "--bogus")


def test_zero_config_default_is_auto(run_tool):
    cfg = assert_ok(run_tool(["--name", "z", "--flag"]))
    assert cfg["name"] == "z" and cfg["flag"] is True


@pytest.mark.parametrize("how", ["option", "env"])
def test_zero_config_unknown_error(run_tool, how):
    res = run_tool(["--name", "z"], options=["--unknown=error"] if how == "option" else [],
                   env={"HYDRA_ADAPT_UNKNOWN": "error"} if how == "env" else None)
    assert_usage_error(res, "--name")


def test_zero_config_unknown_pass(run_tool):
    res = run_tool(["--name", "z", "--flag"], options=["--unknown=pass"])
    assert res.started and res.argv == ["--name", "z", "--flag"], res.describe()


# ---------------------------------------------------------------- --dry-run
DRY_ARGS = ["--lr", "0.01", "--epochs", "3", "--data-path", "/a b/it's.csv",
            "--name", 'say "hi", ${x}', "--use-gpu", "--params", '{"a": [1, "b c"]}',
            "flag=true", "+added=1"]


def _dry(run_tool, form_opts=(), env=None, args=DRY_ARGS, schema=SCHEMA):
    res = run_tool(args, schema=schema, options=list(form_opts), env=env)
    assert res.rc == 0, "dry run must exit 0" + res.describe()
    assert not res.started, "dry run must not start the program" + res.describe()
    assert res.stdout.strip(), "dry run must print something" + res.describe()
    return res


def _json(res):
    try:
        doc = json.loads(res.stdout)
    except ValueError as e:
        raise AssertionError(f"dry-run json output is not JSON: {e}" + res.describe())
    assert isinstance(doc, dict), res.describe()
    assert isinstance(doc.get("argv"), list) and all(isinstance(a, str) for a in doc["argv"])
    assert isinstance(doc.get("mappings"), list)
    for m in doc["mappings"]:
        assert isinstance(m, dict) and {"flag", "key", "type", "word"} <= set(m), m
    return doc


def _mapping(doc, flag):
    ms = [m for m in doc["mappings"] if str(m["flag"]).lstrip("-") == flag]
    assert ms, f"no mapping for --{flag} in {doc['mappings']}"
    return ms[0]


def _is_json(res) -> bool:
    try:
        json.loads(res.stdout)
        return True
    except ValueError:
        return False


@pytest.mark.parametrize("how", [(["--dry-run=json"], None),
                                 ([], {"HYDRA_ADAPT_DRY_RUN": "json"})],
                         ids=["option", "env"])
def test_dry_run_json(run_tool, how):
    doc = _json(_dry(run_tool, *how))
    assert doc["argv"][:2] == [PY, RECORD_MAIN], doc["argv"]
    m = _mapping(doc, "lr")
    assert m["key"] == "optimizer.lr" and m["type"] == "float"
    m = _mapping(doc, "data-path")
    assert m["key"] == "data.path" and m["type"] == "path"
    assert "flag=true" in doc["argv"] and "+added=1" in doc["argv"]


def test_dry_run_json_argv_is_what_would_run(run_tool, tmp_path):
    """Running the printed argv ourselves gives the app the same config as a real run."""
    doc = _json(_dry(run_tool, ["--dry-run=json"]))
    real = assert_ok(run_tool(DRY_ARGS, schema=SCHEMA))
    out = tmp_path / "direct.json"
    p = subprocess.run(doc["argv"], cwd=tmp_path, capture_output=True,
                       env=base_env({"RECORD_OUT": str(out)}))
    assert p.returncode == 0, p.stderr.decode(errors="replace")
    direct = json.loads(out.read_text())
    assert same(direct, real)
    assert real["data"]["path"] == "/a b/it's.csv" and real["name"] == 'say "hi", ${x}'
    assert real["payload"] == {"a": [1, "b c"]} and real["trainer"]["gpu"] is True


@pytest.mark.parametrize("how", [(["--dry-run"], None), (["--dry-run=text"], None),
                                 ([], {"HYDRA_ADAPT_DRY_RUN": "1"}),
                                 ([], {"HYDRA_ADAPT_DRY_RUN": "text"})],
                         ids=["option", "option-text", "env-1", "env-text"])
def test_dry_run_text_contains_shell_quoted_command(run_tool, how):
    text = _dry(run_tool, *how)
    assert not _is_json(text), "text output expected" + text.describe()
    argv = _json(_dry(run_tool, ["--dry-run=json"]))["argv"]
    found = False
    for line in text.stdout.splitlines():
        try:
            words = shlex.split(line)
        except ValueError:
            continue
        if len(words) >= len(argv) and words[len(words) - len(argv):] == argv:
            found = True
    assert found, (f"no line of the text output shell-splits to the json argv {argv}"
                   + text.describe())


def test_dry_run_option_beats_env(run_tool):
    res = _dry(run_tool, ["--dry-run=text"], {"HYDRA_ADAPT_DRY_RUN": "json"})
    assert not _is_json(res), res.describe()
    res = _dry(run_tool, ["--dry-run=json"], {"HYDRA_ADAPT_DRY_RUN": "text"})
    _json(res)


@pytest.mark.parametrize("form", ["space", "equals"])
def test_dry_run_masks_secret(run_tool, form):
    args = ["--api-key", SECRET] if form == "space" else [f"--api-key={SECRET}"]
    args = ["--lr", "0.5"] + args
    res = _dry(run_tool, ["--dry-run=json", "--log-level", "trace"], args=args)
    assert SECRET not in res.stdout + res.stderr, res.describe()
    doc = _json(res)
    assert any("***" in a for a in doc["argv"]), doc["argv"]
    assert "***" in str(_mapping(doc, "api-key")["word"])
    res = _dry(run_tool, ["--dry-run=text", "--log-level", "trace"], args=args)
    assert SECRET not in res.stdout + res.stderr, res.describe()
    assert "***" in res.stdout, res.describe()


def test_secret_never_logged_on_a_real_run(run_tool):
    res = run_tool(["--lr", "0.5", "--api-key", SECRET], schema=SCHEMA,
                   options=["--log-level", "trace"])
    cfg = assert_ok(res)
    assert cfg["secrets"]["key"] == SECRET
    assert res.stderr.strip(), "trace logging should write something" + res.describe()
    assert SECRET not in res.stdout + res.stderr, res.describe()


def test_secret_not_shown_in_error_message(run_tool):
    res = run_tool(["--pin", SECRET], schema=SCHEMA)
    msg = assert_usage_error(res, "pin")
    assert SECRET not in msg


# ---------------------------------------------------------------- --log-level
@pytest.mark.parametrize("how", [(["--log-level", "debug"], None),
                                 ([], {"HYDRA_ADAPT_LOG_LEVEL": "debug"})],
                         ids=["option", "env"])
def test_log_level_debug_writes_to_stderr(run_tool, how):
    res = run_tool(["--lr", "0.5", "--api-key", SECRET], schema=SCHEMA, options=how[0],
                   env=how[1])
    cfg = assert_ok(res)
    assert cfg["optimizer"]["lr"] == 0.5
    assert res.stderr.strip(), "debug logs expected on stderr" + res.describe()
    assert SECRET not in res.stderr + res.stdout
    assert not res.stdout.strip(), "logs go to stderr, not stdout" + res.describe()


def test_default_log_level_is_quiet_on_success(run_tool):
    res = run_tool(["--lr", "0.5"], schema=SCHEMA)
    assert_ok(res)
    assert res.stderr == "" and res.stdout == "", res.describe()


def test_log_level_option_beats_env(run_tool):
    res = run_tool(["--lr", "0.5"], schema=SCHEMA, options=["--log-level", "off"],
                   env={"HYDRA_ADAPT_LOG_LEVEL": "debug"})
    assert_ok(res)
    assert res.stderr == "", res.describe()


# ---------------------------------------------------------------- invalid option values
@pytest.mark.parametrize("opts,env", [
    (["--unknown=maybe"], None), ([], {"HYDRA_ADAPT_UNKNOWN": "maybe"}),
    (["--dry-run=xml"], None), ([], {"HYDRA_ADAPT_DRY_RUN": "xml"}),
    (["--log-level", "loud"], None), ([], {"HYDRA_ADAPT_LOG_LEVEL": "loud"}),
    (["--no-such-option"], None),
], ids=["unknown", "unknown-env", "dry-run", "dry-run-env", "log-level", "log-level-env",
        "bad-option"])
def test_invalid_tool_option_values(run_tool, opts, env):
    assert_usage_error(run_tool(["--lr", "0.5"], schema=SCHEMA, options=opts, env=env))


# ---------------------------------------------------------------- --help / --version
def test_tool_help(run_cmd):
    res = run_cmd(["--help"])
    assert res.rc == 0, res.describe()
    for opt in ("--schema", "--dry-run", "--unknown", "--log-level"):
        assert opt in res.stdout, f"--help should mention {opt}" + res.describe()


def test_tool_version(run_cmd):
    res = run_cmd(["--version"])
    assert res.rc == 0 and re.search(r"\d+\.\d+", res.stdout), res.describe()
    assert "Hydra" not in res.stdout



def test_dry_run_creates_no_output_folder(run_tool, tmp_path):
    target = tmp_path / "dry" / "a" / "model.pkl"
    schema = {"flags": {"model-out": {"key": "output.model", "type": "output_path"}}}
    res = _dry(run_tool, ["--dry-run=json"], args=["--model-out", str(target)], schema=schema)
    doc = _json(res)
    assert any(str(target) in a for a in doc["argv"]), doc["argv"]
    assert not (tmp_path / "dry").exists(), "a dry run must not create folders"


def test_dry_run_lists_a_folder_once_with_every_flag_that_needs_it(run_tool, tmp_path):
    out = tmp_path / "out"
    schema = {"flags": {"model": {"key": "output.model", "type": "output_path"},
                        "metrics": {"key": "name", "type": "output_path"}}}
    args = ["--model", str(out / "model.pkl"), "--metrics", str(out / "metrics.json")]
    text = _dry(run_tool, ["--dry-run"], args=args, schema=schema).stdout
    assert [line for line in text.splitlines() if line.startswith("folder to create:")] == [
        f"folder to create: {out} (for --model, --metrics)"], text
    doc = _json(_dry(run_tool, ["--dry-run=json"], args=args, schema=schema))
    assert doc["folders"] == [{"folder": str(out), "flags": ["--model", "--metrics"]}]
