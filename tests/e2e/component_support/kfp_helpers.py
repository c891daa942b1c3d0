"""Kubeflow helpers: the tool's view of a component (through the harness, adapt.py), and
components compiled and rendered with kfp's own code."""
import json
import pathlib
from typing import Any, Dict, List

import yaml
from google.protobuf import json_format
from kfp import compiler
from kfp.local import executor_input_utils, placeholder_utils

from adapt import assert_ok, config_tree, run_raw, run_tool_in

# The config tree of the component tests' app: every key their components pass, null by default.
COMPONENT_CONFIG = config_tree("component")
# The keys holding output paths the app writes, as a component's program would.
OUTPUT_KEYS = "model,acc,output_paths"


def derived_schema(spec: pathlib.Path, *extra: str) -> str:
    """The text `hydra-adapt schema` prints for a spec."""
    result = run_raw(["schema", "--component", str(spec), *extra])
    assert result.rc == 0, result.describe()
    return result.stdout


def derived_flags(spec: pathlib.Path, *extra: str) -> Dict[str, Any]:
    return yaml.safe_load(derived_schema(spec, *extra))["flags"]


def dry_run_argv(options: List[str], incoming: List[str]) -> List[str]:
    """The overrides hydra-adapt would pass (the words after the program's)."""
    result = run_raw([*options, "--dry-run=json", "--", "python3", "main.py", *incoming])
    assert result.rc == 0, result.describe()
    return json.loads(result.stdout)["argv"][2:]


def run_app(options: List[str], incoming: List[str], cwd: pathlib.Path) -> Dict[str, Any]:
    """Runs the record app with the component config tree through hydra-adapt (it writes its
    outputs); returns the config it received."""
    return assert_ok(run_tool_in(cwd, incoming, {"RECORD_WRITE": OUTPUT_KEYS}, options=options,
                                 config=COMPONENT_CONFIG))


def compile_component(component, path: pathlib.Path) -> pathlib.Path:
    compiler.Compiler().compile(component, str(path))
    return path


def kfp_rendered_incoming(component, arguments: Dict[str, Any], task_root: pathlib.Path) -> List[str]:
    """The container's words after `main.py`, as kfp substitutes the placeholders."""
    spec = component.pipeline_spec
    (component_name,) = spec.components.keys()
    component_spec = spec.components[component_name]
    executor_input = executor_input_utils.construct_executor_input(
        component_spec, arguments, str(task_root), block_input_artifact=False)
    executor_input_dict = executor_input_utils.executor_input_to_dict(executor_input, component_spec)
    executors = json_format.MessageToDict(spec.deployment_spec)["executors"]
    (container,) = [executor["container"] for executor in executors.values()]
    words = placeholder_utils.replace_placeholders(
        container["command"] + container["args"], executor_input_dict, "pipeline", "task", str(task_root), "job-1")
    return words[words.index("main.py") + 1:]
