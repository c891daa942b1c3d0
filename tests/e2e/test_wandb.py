"""W&B sweeps and Launch (--platform wandb), checked with wandb's own code (PyPI wandb, pinned in
requirements.txt): the sweep agent's Agent._command_run writes the parameter file it names in
WANDB_SWEEP_PARAM_PATH, renders the sweep's `command:` with its macros and starts it, the tool
in front of the record app; W&B Launch's _inject_wandb_config_env_vars puts the run config in
WANDB_CONFIG or its shards, and load_wandb_config reads them back. The app must receive every
value exact and typed, and none of the agent's str() renderings.

Nothing contacts a server: the agent is made without an API (api=None, which _command_run never
uses) and WANDB_MODE=disabled. Each agent run is its own process, as the agent's os.environ
changes are."""
from __future__ import annotations

import json
import os
import subprocess

import pytest

from adapt import (APPS, BIN, PY, RECORD_MAIN, assert_ok, base_env, run_command, run_raw, run_tool_in, same, typed,
                   write_schema)

# The agent as `wandb agent` runs it, one run: _command_run with the sweep's command and the
# run's parameters as the sweep server sends them ({"name": {"value": v}}); exits with the
# command's status.
AGENT = """
import json, sys
from wandb.wandb_agent import Agent
spec = json.loads(sys.argv[1])
agent = Agent(api=None, queue=None, sweep_id="s1")
agent._sweep_command = spec["command"]
agent._command_run({"run_id": "r1", "program": spec["program"],
                    "args": {k: {"value": v} for k, v in spec["args"].items()}})
sys.exit(agent._run_processes["r1"].wait())
"""
# The run's environment under the agent: no server, the sweep's id (in the parameter file's
# path), and `python` (${interpreter}) found as this venv's.
AGENT_ENV = {"WANDB_MODE": "disabled", "WANDB_SWEEP_ID": "s1",
             "PATH": os.path.dirname(PY) + os.pathsep + os.environ.get("PATH", "")}

# name -> value, as a sweep's parameters: every kind the issue names.
VALUES = {
    "lr": 1e-05,
    "momentum": 0.1,
    "epochs": 10,
    "big_int": 2**70,  # beyond 64 bits: a Python int, exact
    "big_negative": -(10**20),
    "flag": True,
    "off": False,
    "none": None,
    "text": "it's \"q\", a=b c",
    "interp": "${oc.env:HOME} and ${x",
    "accents": "ünï € 日本",
    "number_text": "007",
    "true_text": "True",
    "layers": [64, 32, "relu", None],
}
SLOT = {name: f"s{i}" for i, name in enumerate(VALUES)}
SCHEMA = {"flags": {name: {"key": SLOT[name], "type": "auto"} for name in VALUES}}
MACROS = ["args", "args_no_equals", "args_no_boolean_flags", "args_no_hyphens", "args_append_hydra",
          "args_override_hydra", "args_json", "args_json_file"]


def sweep_run(tmp_path, macros: list, args: dict, options=(), env=None):
    """The agent runs the sweep command `hydra-adapt --platform wandb OPTIONS -- ${env}
    ${interpreter} ${program} MACROS...` (the record app as the sweep's program) in AGENT_ENV
    and env."""
    command = [BIN, "--platform", "wandb", *options, "--", "${env}", "${interpreter}", "${program}", *macros]
    spec = json.dumps({"command": command, "program": RECORD_MAIN, "args": args})
    return run_command([PY, "-c", AGENT, spec], cwd=tmp_path, env={**AGENT_ENV, **(env or {})}, timeout=240)


def assert_received(cfg: dict, sent: dict, slots: dict) -> None:
    for name, want in sent.items():
        got = cfg[slots[name]]
        assert same(got, want), f"{name}: sent {typed(want)}, the app received {typed(got)}"


@pytest.mark.parametrize("macro", MACROS)
def test_each_macro_delivers_the_exact_values_and_keeps_hand_written_overrides(tmp_path, macro):
    schema = write_schema(tmp_path, SCHEMA)
    res = sweep_run(tmp_path, ["${" + macro + "}", "trainer.seed=7"], VALUES, ["--schema", schema])
    cfg = assert_ok(res)
    assert_received(cfg, VALUES, SLOT)
    assert cfg["trainer"]["seed"] == 7
    assert "trainer.seed=7" in res.argv and not any("None" in word for word in res.argv), res.argv


def test_mixed_macros_before_and_after_the_first_flag(tmp_path):
    # ${args_no_hyphens} and ${args_json} put their words before any --flag, where the program's
    # own words end for the split; they go all the same.
    macros = ["${args_no_hyphens}", "${args_json}", "trainer.seed=7", "${args_no_equals}",
              "${args_override_hydra}", "${args_no_boolean_flags}", "${args}"]
    res = sweep_run(tmp_path, macros, VALUES, ["--schema", write_schema(tmp_path, SCHEMA)])
    cfg = assert_ok(res)
    assert_received(cfg, VALUES, SLOT)
    assert "trainer.seed=7" in res.argv and len(res.argv) == len(VALUES) + 1, res.argv


def test_zero_config_keeps_each_values_own_type(tmp_path):
    sent = {"s0": "1.5", "s1": 2, "s2": None, "s3": ["a, b", {"k": "v"}], "s4": "a, b", "s5": False}
    cfg = assert_ok(sweep_run(tmp_path, ["${args}"], sent))
    assert_received(cfg, sent, {k: k for k in sent})


@pytest.fixture(scope="module")
def record_cfg_all(tmp_path_factory):
    """The record app's `--cfg all`, printed by real Hydra, for --hydra-config."""
    out = subprocess.run([PY, RECORD_MAIN, "--cfg", "all"], capture_output=True, check=True, env=base_env(),
                         cwd=tmp_path_factory.mktemp("cfg"))
    path = tmp_path_factory.mktemp("cfg") / "cfg_all.yaml"
    path.write_bytes(out.stdout)
    return str(path)


def test_nested_parameters_reach_their_keys_and_the_rest_of_the_node_stays(tmp_path, record_cfg_all):
    # A nested sweep parameter arrives as one name with a dict value; its leaves go to their
    # keys through the app's own config, and the node's other keys keep their defaults.
    sent = {"optimizer": {"lr": 1e-05}, "model": {"params": {"hidden": 128}}, "trainer": {"max_epochs": 3},
            "payload": [{"a": None}, "b"]}
    res = sweep_run(tmp_path, ["${args_no_hyphens}"], sent, ["--hydra-config", record_cfg_all])
    cfg = assert_ok(res)
    assert same(cfg["optimizer"], {"name": "sgd", "lr": 1e-05})
    assert same(cfg["model"]["params"], {"hidden": 128, "layers": 2})
    assert same(cfg["trainer"]["max_epochs"], 3) and same(cfg["trainer"]["seed"], 0)
    assert same(cfg["payload"], [{"a": None}, "b"])  # a list of dicts stays a list


# tests/e2e/apps/compose_tree: model/resnet has depth, model/vit has patch (see test_compose.py).
COMPOSE_TREE = {"RECORD_CONFIG_DIR": str(APPS / "compose_tree")}


@pytest.mark.parametrize("macro,sent,overrides", [
    ("${args}", {"model": "resnet", "depth": 101}, ["model=resnet", "model.depth=101"]),
    ("${args_no_hyphens}", {"patch": 8, "model": "vit"}, ["model=vit", "model.patch=8"]),
], ids=["resnet", "vit"])
def test_under_compose_a_parameter_naming_a_group_option_is_composed(tmp_path, macro, sent, overrides):
    """The sweep chooses the option and sets a key only that option has: the key is found in the
    config the choice composes, as with --model resnet --depth 101 on the command line."""
    res = sweep_run(tmp_path, [macro], sent, ["--compose"], env=COMPOSE_TREE)
    cfg = assert_ok(res)
    assert same(cfg, assert_ok(run_tool_in(tmp_path, overrides, env=COMPOSE_TREE))), res.describe()
    assert res.compositions == [["--cfg", "all"], [f"model='{sent['model']}'", "--cfg", "all"]]


def test_dry_run_names_the_parameter_file(tmp_path):
    schema = write_schema(tmp_path, {"flags": {"lr": {"key": "optimizer.lr", "type": "float"}}})
    res = sweep_run(tmp_path, ["${args}"], {"lr": 0.01, "_wandb": {"x": 1}}, ["--schema", schema, "--dry-run=json"])
    assert res.rc == 0, res.describe()
    report = json.loads(res.stdout[res.stdout.index('{"argv"'):].splitlines()[0])
    assert [(m["flag"], m["word"]) for m in report["mappings"]] == [("WANDB_SWEEP_PARAM_PATH:lr", "optimizer.lr=0.01")]


# ------------------------------------------------------------------------------ W&B Launch
LAUNCH_ENV = """
import json, sys
from wandb.sdk.launch import _project_spec, utils
config, max_length = json.loads(sys.argv[1]), int(sys.argv[2])
env = {}
_project_spec._inject_wandb_config_env_vars(config, env, max_length)
import os
os.environ.update(env)
# wandb's Config keeps _wandb to itself, as the tool does
assert dict(utils.load_wandb_config()) == {k: v for k, v in config.items() if k != "_wandb"}
print(json.dumps(env))
"""


@pytest.mark.parametrize("max_length", [32670, 24], ids=["WANDB_CONFIG", "shards"])
def test_launch_run_config(tmp_path, max_length):
    config = {"lr": 1e-05, "name": "a, b ü", "none": None, "layers": [1, "x"],
              "optimizer": {"name": "adam"}, "_wandb": {"cli_version": "0.31.0"}}
    out = subprocess.run([PY, "-c", LAUNCH_ENV, json.dumps(config), str(max_length)], capture_output=True,
                         text=True, check=True, env=base_env({"WANDB_MODE": "disabled"}), timeout=240)
    env = json.loads(out.stdout.splitlines()[-1])
    assert ("WANDB_CONFIG" in env) == (max_length > 1000) and len(env) >= 1
    schema = {"flags": {"lr": {"key": "s0", "type": "auto"}, "name": {"key": "s1", "type": "auto"},
                        "none": {"key": "s2", "type": "auto"}, "layers": {"key": "s3", "type": "auto"}}}
    res = run_raw(["--platform", "wandb", "--schema", write_schema(tmp_path, schema), "--unknown", "auto", "--", PY,
                   RECORD_MAIN], cwd=tmp_path, env=env)
    cfg = assert_ok(res)
    assert_received(cfg, {k: config[k] for k in ("lr", "name", "none", "layers")},
                    {"lr": "s0", "name": "s1", "none": "s2", "layers": "s3"})
    assert same(cfg["optimizer"], {"name": "adam", "lr": 0.001})
