"""Amazon SageMaker, checked with the sagemaker-training toolkit's own code (PyPI
sagemaker-training): an /opt/ml tree laid out under a temporary SAGEMAKER_BASE_DIR, read by the
toolkit's Environment, rendered by its to_cmd_args and run by its entry-point runner (script
mode), or the tool as the ENTRYPOINT that gets the single word `train` (bring your own
container). The app is the record app: every value must arrive exact and typed.

The toolkit fixes its paths when it is imported, so each layout runs it in its own process.
Outside a container its runner waits for the host algo-1 in DNS unless SM_STUDIO_LOCAL_MODE=true.
"""
from __future__ import annotations

import json
import math
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from adapt import APPS, BIN, PY, RECORD_MAIN, assert_ok, assert_usage_error, run_command, run_raw, run_tool_in, \
    same, typed, write_schema

TRAIN = str(Path(sys.executable).parent / "train")  # the toolkit's console script, as SageMaker runs it

# name -> (value as the job sets it, type the schema gives its flag)
VALUES = {
    "a": (3, "int"),                             # one character: rendered -a 3, the first word
    "k": ("x y", "str"),                         # one character, a blank
    "name": ("it's \"q\", a=b, ünï €", "str"),   # quotes, commas, '=', blanks, non-ASCII
    "dashes": ("--not-a-flag", "str"),
    "empty": ("", "str"),
    "number_text": ("007", "str"),
    "true_text": ("True", "str"),
    "epochs": (10, "int"),
    "big": (12345678901234567890123, "int"),
    "lr": (1e-05, "float"),
    "momentum": (0.9, "float"),
    "clip": (float("inf"), "float"),
    "flag": (True, "bool"),
    "off": (False, "bool"),
    "layers": ([64, 32, "relu", {"p": 0.5}], "json"),
    "tags": (["a", "b, c", "it's"], "json"),
    "opts": ({"beta": [0.9, 0.999], "name": "adam w", "nested": {"x": None}}, "json"),
}
SLOT = {name: f"s{i}" for i, name in enumerate(VALUES)}
SCHEMA = {"flags": {name: {"key": SLOT[name], "type": type_} for name, (_, type_) in VALUES.items()}}
PLATFORM_KEYS = {"sagemaker_program": "run.sh", "sagemaker_container_log_level": 20,
                 "sagemaker_job_name": "job-1", "sagemaker_region": "eu-west-1",
                 "_tuning_objective_metric": "loss"}
CHANNELS = {"train": {"TrainingInputMode": "File"}, "validation": {"TrainingInputMode": "File"}}


def lay_out(base: Path, hyperparameters: dict, *, sdk_encoding: bool = True) -> Path:
    """An /opt/ml tree as SageMaker lays it out. The SDK (2.110 and later) JSON-encodes every
    value of hyperparameters.json; older SDKs, the API and tuning jobs send plain strings."""
    config = base / "input" / "config"
    config.mkdir(parents=True)
    encode = json.dumps if sdk_encoding else str
    (config / "hyperparameters.json").write_text(
        json.dumps({k: encode(v) for k, v in hyperparameters.items()}), encoding="utf-8")
    (config / "inputdataconfig.json").write_text(json.dumps(CHANNELS), encoding="utf-8")
    (config / "resourceconfig.json").write_text(
        json.dumps({"current_host": "algo-1", "hosts": ["algo-1"]}), encoding="utf-8")
    for channel in CHANNELS:
        (base / "input" / "data" / channel).mkdir(parents=True)
    (base / "model").mkdir()
    (base / "output" / "data").mkdir(parents=True)
    return base


def toolkit_view(base: Path) -> dict:
    """What the toolkit makes of the tree: its hyperparameters, to_cmd_args and to_env_vars."""
    code = ("import json; from sagemaker_training import environment\n"
            "e = environment.Environment()\n"
            "print(json.dumps({'hyperparameters': e.hyperparameters, 'args': e.to_cmd_args(),"
            " 'env': e.to_env_vars()}))")
    out = subprocess.run([PY, "-c", code], env={**os.environ, "SAGEMAKER_BASE_DIR": str(base)},
                         capture_output=True, text=True, check=True, timeout=120)
    return json.loads(out.stdout.splitlines()[-1])


def entry_point(base: Path, options: list) -> None:
    """The job's shell entry point, run.sh, in the code folder: the tool in front of the app."""
    code = base / "code"
    code.mkdir(exist_ok=True)
    words = [BIN, "--platform", "sagemaker", *options, "--", PY, RECORD_MAIN]
    (code / "run.sh").write_text(
        "#!/bin/sh\nexec " + " ".join(shlex.quote(w) for w in words) + ' "$@"\n', encoding="utf-8")


def run_script_mode(base: Path, options: list, extra_env: dict | None = None):
    """SageMaker's framework containers run `train`: the toolkit reads the tree, exports SM_HPS
    and the SM_ variables, and runs run.sh through /bin/sh -c with to_cmd_args."""
    env = {"SAGEMAKER_BASE_DIR": str(base), "SM_STUDIO_LOCAL_MODE": "true", **(extra_env or {})}
    return run_command([TRAIN], cwd=base, env=env, timeout=180)


def assert_received(cfg: dict, expected: dict, slots: dict) -> None:
    for name, want in expected.items():
        got = cfg[slots[name]]
        assert same(got, want), f"{name}: sent {typed(want)}, the app received {typed(got)}"


# --------------------------------------------------------------------------- script mode
def test_toolkit_renders_lossily_and_the_tool_delivers_the_exact_values(tmp_path):
    base = lay_out(tmp_path / "ml", {**PLATFORM_KEYS, **{k: v for k, (v, _) in VALUES.items()}})
    view = toolkit_view(base)
    assert set(view["hyperparameters"]) == set(VALUES)  # the toolkit withholds its own keys
    args = view["args"]
    assert args[:2] == ["-a", "3"] and "['a', 'b, c', \"it's\"]" in args and "True" in args

    entry_point(base, ["--schema", write_schema(tmp_path, SCHEMA)])
    res = run_script_mode(base, [])
    cfg = assert_ok(res)
    assert_received(cfg, {k: v for k, (v, _) in VALUES.items()}, SLOT)
    assert not (base / "output" / "failure").exists()
    assert (base / "output" / "success").exists()


def test_script_mode_dry_run_names_sm_hps_as_the_origin(tmp_path):
    base = lay_out(tmp_path / "ml", {**PLATFORM_KEYS, "lr": 0.01, "tags": ["x", "y"]})
    schema = {"flags": {"lr": {"key": "optimizer.lr", "type": "float"}, "tags": {"key": "s0", "type": "json"}}}
    entry_point(base, ["--schema", write_schema(tmp_path, schema), "--dry-run=json"])
    res = run_script_mode(base, [])
    assert res.rc == 0, res.describe()
    report = json.loads(res.stdout[res.stdout.index('{"argv"'):].splitlines()[0])
    assert [(m["flag"], m["word"]) for m in report["mappings"]] == [
        ("SM_HPS:lr", "optimizer.lr=0.01"), ("SM_HPS:tags", "s0=['x', 'y']")]
    assert report["argv"][2:] == ["optimizer.lr=0.01", "s0=['x', 'y']"]


def test_script_mode_zero_config(tmp_path):
    sent = {"lr": 0.5, "epochs": 7, "name": "it's a, b=c", "flag": True}
    base = lay_out(tmp_path / "ml", {**PLATFORM_KEYS, **sent})
    entry_point(base, [])
    cfg = assert_ok(run_script_mode(base, []))
    assert_received(cfg, sent, {k: k for k in sent})


def test_script_mode_translation_error_is_the_failure_reason(tmp_path):
    base = lay_out(tmp_path / "ml", {**PLATFORM_KEYS, "epochs": "ten"})
    entry_point(base, ["--schema", write_schema(tmp_path, {"flags": {"epochs": {"type": "int"}}})])
    res = run_script_mode(base, [])
    assert res.rc != 0 and not res.started, res.describe()
    failure = (base / "output" / "failure").read_text(encoding="utf-8")
    assert failure.startswith("hydra-adapt: error: SM_HPS:epochs: the value 'ten' is not an int"), failure
    assert failure.count("\n") == 1
    assert failure.strip() in res.stderr


# ------------------------------------------------------------------ bring your own container
@pytest.mark.parametrize("sdk_encoding", [True, False], ids=["sdk-json-encoded", "plain-strings"])
def test_byoc_entrypoint_gets_train_and_reads_hyperparameters_json(tmp_path, sdk_encoding):
    # Plain strings (str(value)) are what older SDKs, the API and tuning jobs send: the toolkit
    # decodes what json.loads can ("10", "[1, 2]") and keeps the rest as strings ("inf", "True",
    # "['a']"), which the flags' types then read.
    sent = {k: v for k, (v, _) in VALUES.items()}
    if not sdk_encoding:
        sent = {k: json.dumps(v) if isinstance(v, (list, dict)) else v for k, v in sent.items()}
    base = lay_out(tmp_path / "ml", {**PLATFORM_KEYS, **sent}, sdk_encoding=sdk_encoding)
    decoded = toolkit_view(base)["hyperparameters"]
    assert decoded.keys() == sent.keys()
    if sdk_encoding:
        assert_received(decoded, sent, {k: k for k in sent})  # the toolkit decodes them exactly
    # ENTRYPOINT ["/hydra-adapt", "--platform", "sagemaker", "--schema", ..., "--", "python3", "main.py"]
    res = run_raw(["--platform", "sagemaker", "--schema", write_schema(tmp_path, SCHEMA), "--", PY,
                   RECORD_MAIN, "train"], cwd=tmp_path, env={"SAGEMAKER_BASE_DIR": str(base)})
    cfg = assert_ok(res)
    assert "train" not in res.argv
    assert_received(cfg, {k: v for k, (v, _) in VALUES.items()}, SLOT)


def test_byoc_train_after_a_second_dash_dash(tmp_path):
    base = lay_out(tmp_path / "ml", {"lr": 0.25})
    res = run_raw(["--platform", "sagemaker", "--", PY, RECORD_MAIN, "--", "train"], cwd=tmp_path,
                  env={"HYDRA_ADAPT_PLATFORM": "sagemaker", "SAGEMAKER_BASE_DIR": str(base)})
    cfg = assert_ok(res)
    assert same(cfg["lr"], 0.25) and res.argv == ["lr=0.25"]


def test_byoc_schema_env_gets_the_toolkits_variables(tmp_path):
    base = lay_out(tmp_path / "ml", {})
    toolkit_env = toolkit_view(base)["env"]
    variables = ["SM_MODEL_DIR", "SM_OUTPUT_DATA_DIR", "SM_CHANNEL_TRAIN", "SM_CHANNEL_VALIDATION",
                 "SM_NUM_GPUS", "SM_CHANNELS", "SM_OUTPUT_DIR", "SM_INPUT_DIR", "SM_INPUT_CONFIG_DIR"]
    schema = {"env": {v: {"key": f"s{i}", "type": "int" if v == "SM_NUM_GPUS" else "str"}
                      for i, v in enumerate(variables)}, "flags": {}}
    res = run_raw(["--platform", "sagemaker", "--schema", write_schema(tmp_path, schema), "--", PY,
                   RECORD_MAIN, "train"], cwd=tmp_path, env={"SAGEMAKER_BASE_DIR": str(base)})
    cfg = assert_ok(res)
    for i, variable in enumerate(variables):
        want = int(toolkit_env[variable]) if variable == "SM_NUM_GPUS" else toolkit_env[variable]
        assert same(cfg[f"s{i}"], want), f"{variable}: toolkit {want!r}, app {cfg[f's{i}']!r}"


def test_the_process_environment_wins_over_the_derived_variables(tmp_path):
    base = lay_out(tmp_path / "ml", {})
    schema = {"env": {"SM_MODEL_DIR": {"key": "s0"}}, "flags": {}}
    res = run_raw(["--platform", "sagemaker", "--schema", write_schema(tmp_path, schema), "--", PY,
                   RECORD_MAIN], cwd=tmp_path,
                  env={"SAGEMAKER_BASE_DIR": str(base), "SM_MODEL_DIR": "/elsewhere"})
    assert assert_ok(res)["s0"] == "/elsewhere"


def test_no_hyperparameters_file_means_none(tmp_path):
    res = run_raw(["--platform", "sagemaker", "--", PY, RECORD_MAIN, "train"], cwd=tmp_path,
                  env={"SAGEMAKER_BASE_DIR": str(tmp_path / "empty")})
    assert_ok(res)
    assert res.argv == []


def test_failure_file_written_once_and_an_existing_one_kept(tmp_path):
    base = lay_out(tmp_path / "ml", {})
    hyperparameters = base / "input" / "config" / "hyperparameters.json"
    hyperparameters.write_text('{"lr": 0.01}', encoding="utf-8")
    words = ["--platform", "sagemaker", "--", PY, RECORD_MAIN, "train"]
    env = {"SAGEMAKER_BASE_DIR": str(base)}
    line = assert_usage_error(run_raw(words, cwd=tmp_path, env=env), str(hyperparameters))
    failure = base / "output" / "failure"
    assert failure.read_text(encoding="utf-8") == line + "\n"
    failure.write_text("an earlier reason\n", encoding="utf-8")
    assert_usage_error(run_raw(words, cwd=tmp_path, env=env))
    assert failure.read_text(encoding="utf-8") == "an earlier reason\n"


def test_compose_takes_a_hyperparameter_naming_a_group_option(tmp_path):
    """--compose: a hyperparameter in SM_HPS (whose rendering on the command line the tool takes
    off) that names an option of a config group (tests/e2e/apps/compose_tree) is composed with,
    so a key only that option has is found."""
    tree = {"RECORD_CONFIG_DIR": str(APPS / "compose_tree")}
    env = {**tree, "SAGEMAKER_BASE_DIR": str(tmp_path / "empty"), "SM_HPS": json.dumps({"model": "resnet", "depth": 101})}
    res = run_raw(["--platform", "sagemaker", "--compose", "--", PY, RECORD_MAIN, "--depth", "101", "--model", "resnet"],
                  cwd=tmp_path, env=env)
    cfg = assert_ok(res)
    assert same(cfg, assert_ok(run_tool_in(tmp_path, ["model=resnet", "model.depth=101"], env=tree))), res.describe()
