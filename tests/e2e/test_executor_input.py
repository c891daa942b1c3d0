"""`--executor_input {{$}}` as a source of values: the executor input kfp's own code builds
(kfp.local's construct_executor_input, executor_input_to_dict, replace_placeholders) reaches a
real Hydra app through the schema, parameters typed and artifacts as local paths."""
import json
from typing import Optional

from kfp import dsl

from adapt import WRITTEN, run_raw
from component_support.kfp_helpers import dry_run_argv, kfp_rendered_incoming, run_app

SCHEMA = """
flags:
  lr: {type: float}
  epochs: {type: int}
  name: {type: str}
  cfg: {type: json}
  use_gpu: {type: bool}
  data: {type: path}
  model: {type: output_path}
  acc: {type: output_path}
  opt: {type: int, nullable: true}
"""


@dsl.container_component
def lightweight(lr: float, epochs: int, name: str, cfg: dict, use_gpu: bool, data: dsl.Input[dsl.Dataset],
                model: dsl.Output[dsl.Model], acc: dsl.OutputPath(float), opt: Optional[int] = None):
    # As kfp calls a lightweight Python component: the whole executor input as one arg.
    return dsl.ContainerSpec(image="python:3.11", command=["/hydra-adapt", "--", "python3", "main.py"],
                             args=["--executor_input", "{{$}}"])


ARGUMENTS = {"lr": 0.01, "epochs": 3, "name": "it's ${x}, [y]", "cfg": {"a": [1, 2], "b": {"c": "d:e"}},
             "use_gpu": True, "opt": 4}


def test_parameters_and_artifact_paths_reach_the_app_typed(tmp_path):
    data_file = tmp_path / "in" / "data.csv"
    arguments = {**ARGUMENTS, "data": dsl.Dataset(name="data", uri=str(data_file), metadata={})}
    task_root = tmp_path / "task"
    incoming = kfp_rendered_incoming(lightweight, arguments, task_root)
    assert incoming[0] == "--executor_input" and len(incoming) == 2
    assert json.loads(incoming[1])["inputs"]["parameterValues"]["epochs"] == 3

    schema = tmp_path / "schema.yaml"
    schema.write_text(SCHEMA)
    config = run_app(["--schema", str(schema)], incoming, cwd=tmp_path)
    assert {key: config[key] for key in ARGUMENTS} == ARGUMENTS
    assert isinstance(config["lr"], float) and isinstance(config["epochs"], int)
    assert config["data"] == str(data_file)
    assert config["model"] == str(task_root / "model") and config["acc"] == str(task_root / "acc")
    assert (task_root / "model").read_text() == WRITTEN, "the output folder was created"


def test_bucket_uris_become_the_mount_paths_kfp_uses(tmp_path):
    arguments = {**ARGUMENTS, "data": dsl.Dataset(name="data", uri="gs://b/prep/data", metadata={})}
    incoming = kfp_rendered_incoming(lightweight, arguments, "gs://b/root/task")
    schema = tmp_path / "schema.yaml"
    schema.write_text(SCHEMA)
    words = dry_run_argv(["--schema", str(schema)], incoming)
    assert "data='/gcs/b/prep/data'" in words
    assert "model='/gcs/b/root/task/model'" in words


def test_an_input_the_schema_lacks_is_an_error_naming_it(tmp_path):
    arguments = {**ARGUMENTS, "data": dsl.Dataset(name="data", uri="gs://b/d", metadata={})}
    incoming = kfp_rendered_incoming(lightweight, arguments, "gs://b/root/task")
    schema = tmp_path / "schema.yaml"
    schema.write_text(SCHEMA.replace("  use_gpu: {type: bool}\n", ""))
    result = run_raw(["--schema", str(schema), "--", "python3", "main.py", *incoming])
    assert result.rc == 2
    assert "unknown flag --use_gpu" in result.stderr


def test_an_unsubstituted_executor_input_is_refused(tmp_path):
    result = run_raw(["--", "python3", "main.py", "--executor_input", "{{$}}"])
    assert result.rc == 2
    assert "pipeline placeholder the platform did not substitute" in result.stderr
    result = run_raw(["--", "python3", "main.py", "--executor_input", "{not json"])
    assert result.rc == 2
    assert result.stderr.startswith("hydra-adapt: error: --executor_input: the value is not JSON")
