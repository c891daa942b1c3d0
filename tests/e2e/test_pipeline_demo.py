"""The example pipeline (examples/pipeline) compiled with real kfp 2.x and run end to end by
scripts/run_pipeline_locally.py: kfp's own code renders each task's command, hydra-adapt
translates it for the task's Hydra app, and the artifacts pass from data prepare to train."""
import json
import pathlib
import subprocess
import sys

import joblib
import numpy as np
import pytest

from adapt import BIN, REPO, run_raw

PIPELINE = REPO / "examples" / "pipeline"
RUNNER = REPO / "scripts" / "run_pipeline_locally.py"


def run_pipeline(tmp_path: pathlib.Path, *params: str) -> subprocess.CompletedProcess:
    compiled = tmp_path / "digits.yaml"
    subprocess.run([sys.executable, str(PIPELINE / "pipeline.py"), str(compiled)], check=True, timeout=120)
    args = [sys.executable, str(RUNNER), str(compiled), "--image", f"hydra-adapt-demo/prepare={PIPELINE / 'prepare'}",
            "--image", f"hydra-adapt-demo/train={PIPELINE / 'train'}", "--tool", BIN, "--python",
            sys.executable, "--gcs", str(tmp_path / "gcs"), "--summary", str(tmp_path / "summary.json")]
    for param in params:
        args += ["--param", param]
    return subprocess.run(args, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def large_run(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("pipeline")
    result = run_pipeline(tmp_path, "experiment=large", "learning_rate=0.02", "max_iter=250", "test_size=0.3")
    assert result.returncode == 0, result.stdout + result.stderr
    return result, json.loads((tmp_path / "summary.json").read_text()), tmp_path


def received_config(output: str) -> dict:
    """Each app writes the config it received next to its outputs."""
    return json.loads((pathlib.Path(output).parent / "config.json").read_text())


def test_data_prepare_receives_typed_values_and_calls_the_function_its_config_names(large_run):
    _, summary, tmp_path = large_run
    dataset = summary["prepare"]["outputs"]["dataset"]
    assert dataset.startswith(str(tmp_path / "gcs" / "hydra-adapt-demo")), "gs:// is mapped to the local folder"
    assert received_config(dataset) == {
        "prepare": {"_target_": "functions.load_digits_split", "test_size": 0.3, "seed": 0},
        "test_size": 0.3, "seed": 0, "output_path": dataset}
    with np.load(dataset) as data:
        assert len(data["y_test"]) == 540 and len(data["y_train"]) == 1797 - 540
        assert data["x_train"].shape[1] == 64 and data["x_train"].max() <= 1.0


def test_train_selects_the_experiment_group_and_reads_the_upstream_dataset(large_run):
    _, summary, _ = large_run
    outputs = summary["train"]["outputs"]
    config = received_config(outputs["model"])
    assert config == {
        "experiment": {"name": "large", "hidden_layer_sizes": [128, 64], "alpha": 0.001},
        "dataset": summary["prepare"]["outputs"]["dataset"], "learning_rate": 0.02, "max_iter": 250,
        "model_path": outputs["model"], "metrics_path": outputs["metrics"], "seed": 0}
    assert isinstance(config["learning_rate"], float) and isinstance(config["max_iter"], int)


def test_the_model_and_metrics_are_written_and_the_accuracy_is_printed(large_run):
    result, summary, _ = large_run
    outputs = summary["train"]["outputs"]
    metrics = json.loads(pathlib.Path(outputs["metrics"]).read_text())
    assert metrics["experiment"] == "large" and metrics["test_samples"] == 540
    assert metrics["accuracy"] > 0.8
    model = joblib.load(outputs["model"])
    assert model.hidden_layer_sizes == (128, 64)
    assert model.predict(np.zeros((1, 64))).shape == (1,)
    assert f"final accuracy: {metrics['accuracy']:.4f}" in result.stdout


def test_each_task_shows_the_platform_command_and_the_translation(large_run):
    result, _, _ = large_run
    out = result.stdout
    assert ("the platform starts the container with: /hydra-adapt -- python3 main.py --test-size 0.3 --seed 0 "
            "--output-path gs://hydra-adapt-demo/pipeline-root/digits/prepare/dataset") in out
    assert "--experiment large --learning-rate 0.02 --max-iter 250" in out
    # The dry run's table: the group choice arrives quoted, and Hydra accepts a quoted choice.
    assert "--experiment     experiment     str          'experiment='\\''large'\\'''" in out
    assert out.index("hydra-adapt dry run") < out.index("train: experiment large")


def test_the_default_experiment_is_small(tmp_path):
    result = run_pipeline(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    summary = json.loads((tmp_path / "summary.json").read_text())
    config = received_config(summary["train"]["outputs"]["model"])
    assert config["experiment"]["name"] == "small" and config["learning_rate"] == 0.01 and config["max_iter"] == 300


def test_another_function_is_a_config_choice_not_a_spec_change(tmp_path):
    """An override after the component's args picks another function of functions.py."""
    dataset = tmp_path / "out" / "dataset"
    result = run_raw(["--component", "component.yaml", "--", sys.executable, "main.py", "--test-size", "0.5",
                       "--output-path", str(dataset), "prepare._target_=functions.load_digits_subset",
                       "+prepare.digits=[3,8]"], cwd=PIPELINE / "prepare")
    assert result.rc == 0, result.stderr
    with np.load(dataset) as data:
        assert set(data["y_train"]) | set(data["y_test"]) == {3, 8}
    assert received_config(str(dataset))["prepare"]["digits"] == [3, 8]


def test_an_unknown_experiment_is_refused_by_hydra(tmp_path):
    result = run_pipeline(tmp_path, "experiment=huge")
    assert result.returncode != 0
    assert "Could not find 'experiment/huge'" in result.stdout + result.stderr
    assert "task train failed" in result.stderr
