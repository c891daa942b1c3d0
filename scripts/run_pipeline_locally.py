"""Runs a pipeline compiled by kfp 2.x on this machine the way Vertex AI / Kubeflow would run
its container tasks, with hydra-adapt in front of each program.

For each task, in dependency order: kfp's own code (kfp.local) builds the executor input and
substitutes the placeholders of the container's command and args, exactly the words the
platform hands the container. Then, as the platform's machine would:
  - gs://BUCKET/... becomes GCS_DIR/BUCKET/... (the platform's /gcs FUSE mount);
  - the image is a local folder (--image NAME=FOLDER): the command runs there, `/hydra-adapt`
    is the built tool (--tool) and `python3` the venv's python (--python), and a
    component.yaml in the folder is given to the tool as the image's ENV would
    (HYDRA_ADAPT_COMPONENT=component.yaml);
  - output artifacts are passed to the tasks that consume them.
Each task runs twice: first with HYDRA_ADAPT_DRY_RUN=1 to print the tool's translation, then
for real. At the end the Metrics artifacts are printed.

kfp.local resolves an artifact's `.path` to its URI, so every word that starts with gs:// is
mapped to the local folder; this runner is for pipelines whose containers take paths, not
gs:// URIs they read themselves.
"""
import argparse
import json
import os
import pathlib
import shlex
import subprocess
import sys
from typing import Any, Dict, List

from google.protobuf import json_format
from kfp import components
from kfp.local import executor_input_utils, executor_output_utils, graph_utils, placeholder_utils
from kfp.pipeline_spec import pipeline_spec_pb2

GCS_PREFIX = "gs://"
PIPELINE_ROOT = "gs://hydra-adapt-demo/pipeline-root"
PARAMETER_TYPES = pipeline_spec_pb2.ParameterType.ParameterTypeEnum


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pipeline", type=pathlib.Path, help="the pipeline YAML kfp compiled")
    parser.add_argument("--image", action="append", default=[], metavar="NAME=FOLDER",
                        help="the local folder standing for a container image (repeat for each image)")
    parser.add_argument("--tool", required=True, type=pathlib.Path, help="the built hydra-adapt")
    parser.add_argument("--python", default=sys.executable, type=pathlib.Path,
                        help="the python that stands for the image's python3 (default: this one)")
    parser.add_argument("--gcs", required=True, type=pathlib.Path, help="the local folder standing for gs://")
    parser.add_argument("--param", action="append", default=[], metavar="NAME=VALUE",
                        help="a pipeline parameter (default: the pipeline's own default)")
    parser.add_argument("--summary", type=pathlib.Path, help="write each task's argv and outputs here as JSON")
    return parser.parse_args()


def split_assignment(text: str, option: str) -> List[str]:
    name, equals, value = text.partition("=")
    if not equals or not name:
        sys.exit(f"run_pipeline_locally: {option} takes NAME=VALUE, got {text!r}")
    return [name, value]


def typed_parameter(text: str, parameter_type: int) -> Any:
    if parameter_type == PARAMETER_TYPES.NUMBER_INTEGER:
        return int(text)
    if parameter_type == PARAMETER_TYPES.NUMBER_DOUBLE:
        return float(text)
    if parameter_type == PARAMETER_TYPES.BOOLEAN:
        return text.lower() in ("true", "1")
    if parameter_type in (PARAMETER_TYPES.STRUCT, PARAMETER_TYPES.LIST):
        return json.loads(text)
    return text


def pipeline_parameters(spec: pipeline_spec_pb2.PipelineSpec, given: List[str]) -> Dict[str, Any]:
    definitions = spec.root.input_definitions.parameters
    values = {name: executor_output_utils.pb2_value_to_python(definition.default_value)
              for name, definition in definitions.items() if definition.HasField("default_value")}
    for text in given:
        name, value = split_assignment(text, "--param")
        if name not in definitions:
            sys.exit(f"run_pipeline_locally: the pipeline has no parameter {name!r} ({', '.join(definitions)})")
        values[name] = typed_parameter(value, definitions[name].parameter_type)
    return values


def task_arguments(task: pipeline_spec_pb2.PipelineTaskSpec, parameters: Dict[str, Any],
                   outputs: Dict[str, Dict[str, Any]]) -> Dict[str, Any]:
    """The task's input values: constants, pipeline parameters and upstream outputs."""
    arguments = {}
    for name, spec in task.inputs.parameters.items():
        if spec.HasField("runtime_value"):
            arguments[name] = executor_output_utils.pb2_value_to_python(spec.runtime_value.constant)
        elif spec.component_input_parameter:
            arguments[name] = parameters[spec.component_input_parameter]
        elif spec.HasField("task_output_parameter"):
            producer = spec.task_output_parameter
            arguments[name] = outputs[producer.producer_task][producer.output_parameter_key]
        else:
            sys.exit(f"run_pipeline_locally: task {task.task_info.name}: input {name} has a kind this runner lacks")
    for name, spec in task.inputs.artifacts.items():
        producer = spec.task_output_artifact
        arguments[name] = outputs[producer.producer_task][producer.output_artifact_key]
    return arguments


def local_word(word: str, gcs: pathlib.Path) -> str:
    """The platform's FUSE mount: gs://b/x is the file /gcs/b/x, here GCS_DIR/b/x; inside a word
    too, as in the Hydra override `data=gs://b/x` that `rewrite --style hydra` writes."""
    return word.replace(GCS_PREFIX, f"{gcs}/")


def run_task(name: str, argv: List[str], folder: pathlib.Path, env: Dict[str, str]) -> None:
    print(f"$ {shlex.join(argv)}    # in {folder}")
    print("-- hydra-adapt's translation (HYDRA_ADAPT_DRY_RUN=1):")
    subprocess.run(argv, cwd=folder, env={**env, "HYDRA_ADAPT_DRY_RUN": "1"}, check=True)
    print("-- the real run:")
    sys.stdout.flush()
    result = subprocess.run(argv, cwd=folder, env=env)
    if result.returncode != 0:
        sys.exit(f"run_pipeline_locally: task {name} failed with exit status {result.returncode}")


def main() -> None:
    options = parse_arguments()
    spec = components.load_component_from_file(str(options.pipeline)).pipeline_spec
    executors = json_format.MessageToDict(spec.deployment_spec)["executors"]
    images = {image: pathlib.Path(folder).resolve() for image, folder in
              (split_assignment(text, "--image") for text in options.image)}
    # absolute(), not resolve(): a venv's python is a symlink that must stay the venv's.
    programs = {"/hydra-adapt": str(options.tool.absolute()), "python3": str(options.python.absolute())}
    parameters = pipeline_parameters(spec, options.param)
    base_env = {k: v for k, v in os.environ.items() if not k.startswith("HYDRA_ADAPT_")}
    pipeline_name = spec.pipeline_info.name
    tasks = spec.root.dag.tasks

    outputs: Dict[str, Dict[str, Any]] = {}
    summary: Dict[str, Any] = {}
    order = graph_utils.topological_sort_tasks(dict(tasks))
    while order:
        name = order.pop()
        task = tasks[name]
        component_spec = spec.components[task.component_ref.name]
        container = executors[component_spec.executor_label]["container"]
        task_root = f"{PIPELINE_ROOT}/{pipeline_name}/{name}"
        executor_input = executor_input_utils.construct_executor_input(
            component_spec, task_arguments(task, parameters, outputs), task_root, block_input_artifact=False)
        executor_input_dict = executor_input_utils.executor_input_to_dict(executor_input, component_spec)
        words = placeholder_utils.replace_placeholders(
            container.get("command", []) + container.get("args", []), executor_input_dict, pipeline_name, name,
            PIPELINE_ROOT, "local-job")
        command_length = len(container.get("command", []))
        argv = [programs.get(word, word) for word in words[:command_length]] + words[command_length:]
        argv = [local_word(word, options.gcs) for word in argv]

        image = container["image"].rsplit(":", 1)[0]
        if image not in images:
            sys.exit(f"run_pipeline_locally: task {name} needs image {image}; give its folder with --image")
        folder = images[image]
        env = dict(base_env)
        if (folder / "component.yaml").is_file():
            env["HYDRA_ADAPT_COMPONENT"] = "component.yaml"
        print(f"\n== task {name}: image {container['image']} (folder {folder})")
        print(f"the platform starts the container with: {shlex.join(words)}")
        run_task(name, argv, folder, env)

        artifacts = {artifact: executor_output_utils.artifact_list_to_dsl_artifact(artifact_list, False)
                     for artifact, artifact_list in executor_input.outputs.artifacts.items()}
        outputs[name] = artifacts
        summary[name] = {"argv": argv,
                         "outputs": {artifact: local_word(value.uri, options.gcs) for artifact, value in
                                     artifacts.items()}}
        for artifact, value in artifacts.items():
            if value.schema_title == "system.Metrics":
                metrics = json.loads(pathlib.Path(local_word(value.uri, options.gcs)).read_text())
                print(f"\n== {name}.{artifact}: {json.dumps(metrics)}")
                if "accuracy" in metrics:
                    print(f"final accuracy: {metrics['accuracy']:.4f}")
    if options.summary:
        options.summary.write_text(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
