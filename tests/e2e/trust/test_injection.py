"""Injection: values built to break out of their override. Through a real Hydra app, the config
it receives differs from its defaults only at the flag's own key, that key holds exactly the
text, and Hydra saw exactly one task override per flag and no Hydra override."""
import json

import pytest
import yaml

from adapt import assert_usage_error, config_tree

TRUST_CONFIG = config_tree("trust")
# The trust tree's defaults: every test checks that only the flag's own key differs from these.
DEFAULTS = yaml.safe_load(open(f"{TRUST_CONFIG}/config.yaml", encoding="utf-8"))

SCHEMA = """
flags:
  name: {key: name, type: str}
  title: {key: title, type: str}
  meta: {key: meta, type: json}
  lr: {key: lr, type: float}
  epochs: {key: epochs, type: int}
  flag: {key: flag, type: bool}
"""

BREAKOUTS = [
    "x b=1", "a,b", "']", "\\'", "${oc.env:HOME}", "${hydra:runtime.cwd}", "--other", "+k=v", "~k", "\n", "a\nb=1",
    "'x' y='z'", "x hydra.run.dir=/", "hydra.run.dir=/", "b=1", "' b=1 '", "a'b=1", "\\\\' b=1", "x\\", "x\\\\",
    "${b}", "\\${b}", "\\\\${b}", "${oc.decode:'b=1'}", "${oc.env:HOME,${b}}", "${", "}", "${x", "???", "'", '"',
    "\\", "''", '""', "'x'", '"x"', "choice(a,b)", "range(1,5)", "glob(*)", "interval(0,1)", "[1,2]", "{a:1}",
    "{a: ${b}}", "null", "true", "1", "-1", " leading", "trailing ", "x\tb=1", "x\rb=1", "x\u2028b=1", "#comment",
    "x # y=1", "$(id)", "`id`", ";b=1", "-- b=1", "--name=other", "--config-name=evil", "-cn evil", "--multirun",
    "-m", "--", "-", "=", "=b=1", "k=v,b=1", "\\x27", "\ufeffb=1", "é b=1", "a\x01b=1",
]


@pytest.fixture
def run_app(run_tool):
    """The record app with the trust tree, the incoming args after a second '--'."""
    def run(args, schema):
        return run_tool(args, schema=schema, config=TRUST_CONFIG, second_dashes=True)
    return run


def only_key_differs(run, changes):
    assert run.rc == 0 and run.cfg is not None, run.describe()
    assert run.cfg == {**DEFAULTS, **changes}
    seen = run.hydra
    assert seen["hydra_overrides"] == ["hydra.mode=RUN"]  # set by Hydra itself
    # One override per changed key; a JSON object's key also gets its "key=null" reset first.
    targets = [override.split("=", 1)[0] for override in seen["task_overrides"]]
    assert sorted(set(targets)) == sorted(changes)
    assert all(targets.count(key) == 1 or f"{key}=null" in seen["task_overrides"] for key in targets)
    assert seen["run_dir"].startswith("outputs/")


@pytest.mark.parametrize("value", BREAKOUTS, ids=[repr(v) for v in BREAKOUTS])
def test_a_str_value_stays_in_its_key(run_app, value):
    # Two forms: --name=VALUE always; --title VALUE unless the value itself begins with "--"
    # (then the platform must write --title=VALUE: a "--word" is the next flag).
    title_words = [f"--title={value}"] if value.startswith("--") else ["--title", value]
    run = run_app([f"--name={value}", *title_words], schema=SCHEMA)
    only_key_differs(run, {"name": value, "title": value})


JSON_BREAKOUTS = [
    {"a": "x b=1"}, {"a": "${oc.env:HOME}"}, {"x b=1": 1}, {"a,b": "']"}, ["', b=1, '"], {"k": ["${b}", "\\'"]},
    {"hydra": {"run": {"dir": "/"}}}, {"a": {"b": "}, b: 1, c: {"}}, "x b=1", ["a", {"b": "c d=1"}], {"a b": "c=d"},
]


@pytest.mark.parametrize("document", JSON_BREAKOUTS, ids=[json.dumps(d) for d in JSON_BREAKOUTS])
def test_a_json_value_stays_in_its_key(run_app, document):
    run = run_app(["--meta", json.dumps(document)], schema=SCHEMA)
    only_key_differs(run, {"meta": document})


@pytest.mark.parametrize("flag,value", [("--lr", "0.1 b=1"), ("--lr", "1,2"), ("--lr", "${b}"), ("--epochs", "3 b=1"),
                                        ("--epochs", "3,4"), ("--flag", "true b=1"), ("--flag", "${b}")])
def test_a_typed_value_that_is_not_of_its_type_is_refused(run_app, flag, value):
    run = run_app([flag, value], schema=SCHEMA)
    assert_usage_error(run, f"hydra-adapt: error: {flag}: the value")


def test_a_platform_style_command_changes_only_declared_keys(run_app):
    run = run_app(["--name", "x b=1", "--lr", "1e-05", "--epochs", "256.0", "--flag", "1",
                   "--meta", '{"aws:tag": "a,b"}'], schema=SCHEMA)
    only_key_differs(run,
                     {"name": "x b=1", "lr": 1e-05, "epochs": 256, "flag": True, "meta": {"aws:tag": "a,b"}})
