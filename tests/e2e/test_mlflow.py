"""MLflow Projects, checked with the real `mlflow run --env-manager local` (PyPI mlflow-skinny,
pinned in requirements.txt) on a local project whose entry point runs the tool in front of the
record app. MLflow puts each declared parameter into the entry point's command with str.format
after shlex.quote(str(v)), appends the undeclared ones as `--name value` (both quoted), turns a
`path` parameter into an absolute path, and runs the whole command under `bash -c`
(mlflow/projects/_project_spec.py EntryPoint.compute_command, backend/local.py).

No server: the tracking store is a folder under the test's tmp dir (MLFLOW_TRACKING_URI=file:...;
MLflow 3 keeps the file store behind MLFLOW_ALLOW_FILE_STORE=true)."""
from __future__ import annotations

import os
import shlex
from pathlib import Path

from adapt import BIN, PY, RECORD_MAIN, assert_ok, run_command, same, write_schema

MLFLOW = str(Path(PY).parent / "mlflow")
SCHEMA = {"flags": {
    "lr": {"key": "optimizer.lr", "type": "float"},
    "name": {"key": "name", "type": "str"},
    "data": {"key": "data.path", "type": "path"},
    "epochs": {"key": "trainer.max_epochs", "type": "int"},
    "tags": {"key": "payload", "type": "json"},
}}


def project(tmp_path: Path) -> Path:
    """An MLproject whose entry point is the tool in front of the app, as docs/mlflow.md writes it."""
    folder = tmp_path / "project"
    folder.mkdir()
    schema = write_schema(folder, SCHEMA)
    tool = " ".join(shlex.quote(word) for word in [BIN, "--schema", schema, "--", PY, RECORD_MAIN])
    (folder / "MLproject").write_text(f"""name: hydra-app
entry_points:
  main:
    parameters:
      lr: {{type: float, default: 0.1}}
      name: {{type: string, default: "a b"}}
      data: {{type: path, default: data.csv}}
    command: "{tool} --lr {{lr}} --name={{name}} --data {{data}}"
""", encoding="utf-8")
    (folder / "data.csv").write_text("x\n", encoding="utf-8")
    return folder


def mlflow_run(tmp_path: Path, folder: Path, params: dict):
    words = [MLFLOW, "run", "--env-manager", "local", str(folder)]
    for name, value in params.items():
        words += ["-P", f"{name}={value}"]
    env = {"MLFLOW_TRACKING_URI": (tmp_path / "mlruns").as_uri(), "MLFLOW_ALLOW_FILE_STORE": "true",
           "PATH": os.path.dirname(PY) + os.pathsep + os.environ.get("PATH", "")}
    return run_command(words, cwd=folder, env=env, timeout=240)


def test_declared_undeclared_and_path_parameters_arrive_exact(tmp_path):
    folder = project(tmp_path)
    res = mlflow_run(tmp_path, folder, {"lr": "1e-05", "name": "--it's \"q\", a=b ${x} ü", "data": "data.csv",
                                        "epochs": "3", "tags": '["a, b", 1, null]'})
    cfg = assert_ok(res)
    assert same(cfg["optimizer"]["lr"], 1e-05)
    assert same(cfg["name"], "--it's \"q\", a=b ${x} ü")
    assert same(cfg["data"]["path"], str(folder / "data.csv"))  # MLflow makes a path absolute
    assert same(cfg["trainer"]["max_epochs"], 3)  # undeclared in the MLproject: appended as --epochs 3
    assert same(cfg["payload"], ["a, b", 1, None])


def test_defaults_and_an_empty_value(tmp_path):
    cfg = assert_ok(mlflow_run(tmp_path, project(tmp_path), {"name": ""}))
    assert same(cfg["optimizer"]["lr"], 0.1) and same(cfg["name"], "")
