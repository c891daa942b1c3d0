"""The schema's env section: variables the platform sets (Vertex AI's AIP_MODEL_DIR, ...) reach
config keys of a real Hydra app, gs:// URIs as their /gcs/ FUSE paths; unset ones are skipped."""
import json

from adapt import WRITTEN, assert_ok, assert_usage_error, run_raw, run_tool_in
from component_support.kfp_helpers import COMPONENT_CONFIG, OUTPUT_KEYS

SCHEMA = """
flags:
  name: {key: name}
env:
  AIP_MODEL_DIR: {key: model, type: output_path, gcs_fuse: true}
  AIP_CHECKPOINT_DIR: {key: data, type: path, gcs_fuse: true}
  AIP_TENSORBOARD_LOG_DIR: {key: data_uri, type: path}
  CLOUD_ML_TRIAL_ID: {key: epochs, type: int}
  AIP_TEST_DATA_URI: {key: +test_data, type: path}
"""


def run_app(tmp_path, env, incoming=(), schema=SCHEMA):
    return run_tool_in(tmp_path, incoming, {"RECORD_WRITE": OUTPUT_KEYS, **env}, schema=schema,
                       config=COMPONENT_CONFIG)


def received(tmp_path, env, incoming=()):
    return assert_ok(run_app(tmp_path, env, incoming))


def test_vertex_variables_reach_their_keys_and_unset_ones_are_skipped(tmp_path, monkeypatch):
    monkeypatch.delenv("AIP_CHECKPOINT_DIR", raising=False)
    model_dir = tmp_path / "model dir, 'v2'" / "model.txt"  # output_path: its folder is created first
    config = received(tmp_path, {"AIP_MODEL_DIR": str(model_dir), "AIP_TENSORBOARD_LOG_DIR": "gs://b/logs/trial 7",
                                 "CLOUD_ML_TRIAL_ID": "7", "AIP_TEST_DATA_URI": ""})
    assert config["model"] == str(model_dir)
    assert model_dir.read_text() == WRITTEN
    assert config["data"] is None, "unset: the config's default stays"
    assert config["data_uri"] == "gs://b/logs/trial 7", "no gcs_fuse: the URI arrives as it is"
    assert config["epochs"] == 7 and isinstance(config["epochs"], int)
    assert "test_data" not in config, "empty counts as unset"


def test_gcs_fuse_turns_a_bucket_uri_into_the_mount_path(tmp_path):
    schema = tmp_path / "schema.yaml"
    schema.write_text(SCHEMA)
    result = run_raw(["--schema", str(schema), "--dry-run=json", "--", "python3", "main.py", "--name", "n"],
                     env={"AIP_CHECKPOINT_DIR": "gs://my-bucket/job 1/ckpt"})
    assert result.rc == 0, result.describe()
    report = json.loads(result.stdout)
    assert report["argv"][2:] == ["data='/gcs/my-bucket/job 1/ckpt'", "name='n'"]
    assert report["mappings"][0]["flag"] == "$AIP_CHECKPOINT_DIR" and report["mappings"][0]["origin"] == "env"


def test_a_flag_for_the_same_key_wins_over_the_variable(tmp_path):
    config = received(tmp_path, {"CLOUD_ML_TRIAL_ID": "7"}, ["--name", "x"])
    assert config["epochs"] == 7 and config["name"] == "x"
    both = "flags: {epochs: {type: int}}\nenv: {CLOUD_ML_TRIAL_ID: {key: epochs, type: int}}\n"
    config = assert_ok(run_app(tmp_path, {"CLOUD_ML_TRIAL_ID": "7"}, ["--epochs", "3"], schema=both))
    assert config["epochs"] == 3


def test_a_mistyped_variable_is_an_error_naming_it(tmp_path):
    message = assert_usage_error(run_app(tmp_path, {"CLOUD_ML_TRIAL_ID": "seven"}))
    assert message.startswith("hydra-adapt: error: $CLOUD_ML_TRIAL_ID: the value 'seven'")
