"""Runs hydra-adapt, and compiles and renders Kubeflow components with kfp's own code."""
import json
import os
import pathlib
import subprocess
import sys
from typing import Any, Dict, List

import yaml
from google.protobuf import json_format
from kfp import compiler
from kfp.local import executor_input_utils, placeholder_utils

REPO = pathlib.Path(__file__).resolve().parents[3]
APP_MAIN = REPO / "tests" / "e2e" / "apps" / "component_app" / "main.py"


def hydra_adapt_bin() -> str:
    return os.environ.get("HYDRA_ADAPT_BIN", str(REPO / "build" / "hydra-adapt"))


def run_tool(args: List[str], cwd=None, env_extra: Dict[str, str] = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HYDRA_ADAPT_") or k == "HYDRA_ADAPT_BIN"}
    env.update(env_extra or {})
    return subprocess.run([hydra_adapt_bin(), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def derived_schema(spec: pathlib.Path, *extra: str) -> str:
    """The text `hydra-adapt schema` prints for a spec."""
    result = run_tool(["schema", "--component", str(spec), *extra])
    assert result.returncode == 0, result.stderr
    return result.stdout


def derived_flags(spec: pathlib.Path, *extra: str) -> Dict[str, Any]:
    return yaml.safe_load(derived_schema(spec, *extra))["flags"]


def dry_run_argv(options: List[str], incoming: List[str]) -> List[str]:
    """The overrides hydra-adapt would pass (the words after the program's)."""
    result = run_tool([*options, "--dry-run=json", "--", "python3", "main.py", *incoming])
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["argv"][2:]


def run_app(options: List[str], incoming: List[str], cwd: pathlib.Path) -> Dict[str, Any]:
    """Execs component_app through hydra-adapt and returns the config it received."""
    result = run_tool([*options, "--", sys.executable, str(APP_MAIN), *incoming], cwd=cwd)
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.startswith("CONFIG=")]
    assert len(lines) == 1, result.stdout
    return json.loads(lines[0][len("CONFIG="):])


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
