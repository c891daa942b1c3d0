"""--component and `hydra-adapt schema`: specs compiled by real kfp 2.x and official-style v1
component YAML give the flags, keys and types; values as the platforms send them arrive typed."""
import json
import pathlib
from typing import Optional

import pytest
import yaml
from kfp import components, dsl

from adapt import WRITTEN, run_raw
from component_support.kfp_helpers import (compile_component, derived_flags, derived_schema, dry_run_argv,
                                           kfp_rendered_incoming, run_app)

FIXTURES = pathlib.Path(__file__).parent / "fixtures"
V1_TRAIN = FIXTURES / "v1_train_component.yaml"
V1_LEGACY_TYPES = FIXTURES / "v1_legacy_types_component.yaml"


@dsl.container_component
def train(lr: float, epochs: int, use_gpu: bool, cfg: dict, tags: list, name: str, data: dsl.Input[dsl.Dataset],
          model: dsl.Output[dsl.Model], acc: dsl.OutputPath(float), a: dsl.OutputPath(str),
          b: dsl.OutputPath(str), opt: Optional[int] = None, batch_size: int = 32):
    return dsl.ContainerSpec(
        image="python:3.11",
        command=["/hydra-adapt", "--", "python3", "main.py"],
        args=[
            "--lr", lr, "--epochs", epochs, "--use-gpu", use_gpu, "--cfg", cfg, "--tags", tags, "--name", name,
            "--data", data.path, "--data-uri", data.uri, "--model", model.path, "--acc", acc,
            "--output-paths", a, b,
            dsl.IfPresentPlaceholder(input_name="opt", then=["--opt", opt]),
            dsl.ConcatPlaceholder(["--batch-size=", batch_size]),
        ])


@dsl.container_component
def evaluate(threshold: float, model: dsl.Input[dsl.Model]):
    return dsl.ContainerSpec(image="python:3.11", command=["/hydra-adapt", "--", "python3", "eval.py"],
                             args=["--threshold", threshold, "--model", model.path])


@dsl.pipeline(name="train-and-evaluate")
def train_and_evaluate(data_uri: str = "gs://b/data.csv"):
    data = dsl.importer(artifact_uri=data_uri, artifact_class=dsl.Dataset)
    trained = train(lr=0.1, epochs=2, use_gpu=False, cfg={}, tags=[], name="n", data=data.output)
    evaluate(threshold=0.5, model=trained.outputs["model"])


TRAIN_FLAGS = {
    "lr": {"key": "lr", "type": "float", "required": True},
    "epochs": {"key": "epochs", "type": "int", "required": True},
    "use-gpu": {"key": "use_gpu", "type": "bool", "required": True},
    "cfg": {"key": "cfg", "type": "json", "required": True},
    "tags": {"key": "tags", "type": "json", "required": True},
    "name": {"key": "name", "type": "str", "required": True},
    "data": {"key": "data", "type": "path", "required": True},
    "data-uri": {"key": "data_uri", "type": "path", "required": True},
    "model": {"key": "model", "type": "output_path", "required": True},
    "acc": {"key": "acc", "type": "output_path", "required": True},
    "output-paths": {"key": "output_paths", "type": ["output_path", "output_path"], "required": True},
    "opt": {"key": "opt", "type": "int", "nullable": True},
    "batch-size": {"key": "batch_size", "type": "int", "nullable": True},
}


@pytest.fixture
def train_spec(tmp_path):
    return compile_component(train, tmp_path / "train.yaml")


def train_incoming(out: pathlib.Path, **values):
    """Incoming args for `train`, every required flag set; `values` replaces some."""
    args = {"lr": "0.1", "epochs": "3", "use-gpu": "false", "cfg": "{}", "tags": "[]", "name": "run",
            "data": "/gcs/b/data.csv", "data-uri": "gs://b/data.csv", "model": str(out / "model" / "model.pkl"),
            "acc": str(out / "outputs" / "acc"), "batch-size": "32"}
    args.update(values)
    words = []
    for flag, value in args.items():
        words += [f"--{flag}", value]
    return words + ["--output-paths", str(out / "a" / "x.txt"), str(out / "b" / "y.txt")]


def test_the_schema_of_a_component_compiled_by_kfp(train_spec):
    assert derived_flags(train_spec) == TRAIN_FLAGS


def test_a_v1_component_gives_the_schema_of_the_spec_kfp_converts_it_to(tmp_path):
    converted = compile_component(components.load_component_from_file(str(V1_TRAIN)), tmp_path / "converted.yaml")
    flags = derived_flags(V1_TRAIN)
    assert flags == derived_flags(converted)
    assert flags == {
        "training-data": {"key": "training_data", "type": "path", "required": True},
        "learning-rate": {"key": "learning_rate", "type": "float", "nullable": True},
        "epochs": {"key": "epochs", "type": "int", "required": True},
        "use-gpu": {"key": "use_gpu", "type": "bool", "required": True},
        "hyperparameters": {"key": "hyperparameters", "type": "json", "nullable": True},
        "layer-sizes": {"key": "layer_sizes", "type": "json", "required": True},
        "model-name": {"key": "model_name", "type": "str", "required": True},
        "model": {"key": "model", "type": "output_path", "required": True},
        "metrics-paths": {"key": "metrics_paths", "type": ["output_path", "output_path"], "required": True},
    }


def test_types_that_are_neither_parameters_nor_artifacts_arrive_as_exact_strings():
    assert derived_flags(V1_LEGACY_TYPES) == {
        "output-bucket": {"key": "output_bucket", "type": "str", "required": True},
        "table": {"key": "table", "type": "str", "required": True},
        "notes": {"key": "notes", "type": "str", "nullable": True},
        "row-limit": {"key": "row_limit", "type": "str", "required": True},
    }
    assert dry_run_argv(["--component", str(V1_LEGACY_TYPES)],
                        ["--output-bucket", "gs://b/out", "--table", "{\"a\": 1}", "--row-limit", "10"]) == [
                            "output_bucket='gs://b/out'", "table='{\"a\": 1}'", "row_limit='10'"]


@pytest.mark.parametrize("spec_name", ["v2", "v1"])
def test_the_printed_schema_read_back_gives_the_same_command(tmp_path, train_spec, spec_name):
    if spec_name == "v2":
        spec, incoming = train_spec, train_incoming(tmp_path, opt="4", cfg='{"a": [1, 2]}')
    else:
        spec = V1_TRAIN
        incoming = ["--training-data", "/gcs/b/t.csv", "--learning-rate", "1e-05", "--epochs", "256.0", "--use-gpu",
                    "True", "--hyperparameters", '{"depth":3}', "--layer-sizes", "[64, 32]", "--model-name", "m",
                    "--model", "/tmp/m/model", "--metrics-paths", "/tmp/kfp/outputs/accuracy", "/tmp/kfp/outputs/report"]
    schema = tmp_path / "schema.yaml"
    schema.write_text(derived_schema(spec))
    from_component = dry_run_argv(["--component", str(spec)], incoming)
    assert from_component == dry_run_argv(["--schema", str(schema)], incoming)
    assert {word.split("=")[0] for word in from_component} == {flag["key"] for flag in derived_flags(spec).values()}


def test_the_schema_wins_where_both_speak_and_unknown_flags_are_refused(tmp_path, train_spec):
    schema = tmp_path / "schema.yaml"
    schema.write_text("flags:\n  lr: {key: optimizer.lr, type: float}\n  extra: {key: extra, type: int}\n")
    words = dry_run_argv(["--schema", str(schema), "--component", str(train_spec)],
                         train_incoming(tmp_path, lr="1", extra="7"))
    assert words[:2] == ["optimizer.lr=1.0", "epochs=3"] and "extra=7" in words
    refused = run_raw(["--component", str(train_spec), "--dry-run", "--", "python3", "main.py",
                        *train_incoming(tmp_path), "--lrr", "1"])
    assert refused.rc == 2
    assert "unknown flag --lrr (did you mean --lr?)" in refused.stderr
    missing = run_raw(["--component", str(train_spec), "--dry-run", "--", "python3", "main.py", "--lr", "1"])
    assert missing.rc == 2 and "missing required flag --epochs" in missing.stderr


@pytest.mark.parametrize("flag, value, word", [
    ("lr", "1", "lr=1.0"),
    ("lr", "1e-05", "lr=1e-05"),
    ("lr", "0.0000001", "lr=1e-07"),
    ("epochs", "256.0", "epochs=256"),
    ("use-gpu", "true", "use_gpu=true"),
    ("use-gpu", "True", "use_gpu=true"),
    ("cfg", '{"a":"\\u003cb\\u003e","n":[1,2.5]}', "cfg={a: '<b>', n: [1, 2.5]}"),
    ("cfg", '{"a": "<b>", "n": [1, 2.5]}', "cfg={a: '<b>', n: [1, 2.5]}"),
    ("tags", '["x", 1.0]', "tags=['x', 1.0]"),
    ("opt", "", "opt=null"),
    ("batch-size", "", "batch_size=null"),
    ("name", "", "name=''"),
])
def test_values_as_the_platforms_send_them(tmp_path, train_spec, flag, value, word):
    assert word in dry_run_argv(["--component", str(train_spec)], train_incoming(tmp_path, **{flag: value}))


def test_go_backend_style_values_reach_the_app_typed(tmp_path, train_spec):
    incoming = train_incoming(tmp_path, lr="0.0000001", epochs="256.0", **{"use-gpu": "True"},
                              cfg='{"a":"\\u003cb\\u003e","n":1}', tags='[1,"x"]', name="it's 1", opt="",
                              **{"batch-size": "64"})
    config = run_app(["--component", str(train_spec)], incoming, cwd=tmp_path)
    assert config["lr"] == 1e-07 and isinstance(config["lr"], float)
    assert config["epochs"] == 256 and isinstance(config["epochs"], int)
    assert config["use_gpu"] is True
    assert config["cfg"] == {"a": "<b>", "n": 1}
    assert config["tags"] == [1, "x"]
    assert config["name"] == "it's 1"
    assert config["opt"] is None
    assert config["batch_size"] == 64
    assert config["output_paths"] == [str(tmp_path / "a" / "x.txt"), str(tmp_path / "b" / "y.txt")]
    for written in ("model/model.pkl", "outputs/acc", "a/x.txt", "b/y.txt"):
        assert (tmp_path / written).read_text() == WRITTEN


def test_args_as_kfp_renders_them_reach_the_app_typed(tmp_path, train_spec):
    arguments = {"lr": 1.0, "epochs": 256, "use_gpu": True, "cfg": {"a": "<b>", "deep": {"k": [1, 2]}},
                 "tags": ["x", "y"], "name": "a b", "data": dsl.Dataset(uri="/gcs/b/data.csv"), "opt": 5}
    incoming = kfp_rendered_incoming(train, arguments, tmp_path / "task")
    assert "--lr" in incoming and "1.0" in incoming
    config = run_app(["--component", str(train_spec)], incoming, cwd=tmp_path)
    assert config["lr"] == 1.0 and isinstance(config["lr"], float)
    assert config["epochs"] == 256
    assert config["use_gpu"] is True
    assert config["cfg"] == {"a": "<b>", "deep": {"k": [1, 2]}}
    assert config["tags"] == ["x", "y"]
    assert config["name"] == "a b"
    assert config["data"] == "/gcs/b/data.csv"
    assert config["opt"] == 5 and config["batch_size"] == 32
    assert (tmp_path / "task" / "acc").read_text() == WRITTEN
    assert pathlib.Path(config["model"]).read_text() == WRITTEN


def test_the_schema_subcommand_refuses_bad_options(tmp_path):
    for args, problem in ((["schema"], "hydra-adapt schema needs --component FILE"),
                          (["schema", "--comp", str(V1_TRAIN)], "unrecognised option '--comp'"),
                          (["schema", "--component", str(tmp_path / "none.yaml")], "cannot read component")):
        result = run_raw(args)
        assert result.rc == 2 and problem in result.stderr, result.stderr
    assert run_raw(["schema", "--help"]).stdout.startswith("usage: hydra-adapt schema --component FILE")
    assert "needs --component FILE" in run_raw(["--component-executor", "e", "--", "p"]).stderr
    helped = run_raw(["--component-executor", "e", "--help"])
    assert helped.rc == 0 and "--component FILE" in helped.stdout


def test_a_pipeline_needs_the_executor_chosen(tmp_path):
    spec = compile_component(train_and_evaluate, tmp_path / "pipeline.yaml")
    unchosen = run_raw(["schema", "--component", str(spec)])
    assert unchosen.rc == 2
    assert "executors (exec-evaluate, exec-importer, exec-train); pick one with --component-executor" in \
        unchosen.stderr
    assert derived_flags(spec, "--component-executor", "exec-evaluate") == {
        "threshold": {"key": "threshold", "type": "float", "required": True},
        "model": {"key": "model", "type": "path", "required": True}}
    assert derived_flags(spec, "--component-executor", "comp-train") == TRAIN_FLAGS
    by_variables = run_raw(["--dry-run=json", "--", "python3", "eval.py", "--threshold", "1", "--model", "/m"],
                            env={"HYDRA_ADAPT_COMPONENT": str(spec),
                                       "HYDRA_ADAPT_COMPONENT_EXECUTOR": "exec-evaluate"})
    assert by_variables.rc == 0, by_variables.stderr
    assert json.loads(by_variables.stdout)["argv"][2:] == ["threshold=1.0", "model='/m'"]
    importer = run_raw(["schema", "--component", str(spec), "--component-executor", "exec-importer"])
    assert importer.rc == 2 and "executor exec-importer runs no container" in importer.stderr


BAD_V1_HEAD = """name: Bad
inputs:
- {name: n, type: Integer}
implementation:
  container:
    image: x
    command: [python3, main.py]
    args:
"""


@pytest.mark.parametrize("args, spot, problem", [
    ("    - --n\n    - {inputValu: n}\n", "10:7", "unknown or unsupported placeholder 'inputValu'"),
    ("    - --n\n    - {inputValue: m}\n", "10:20", "'m' is not declared in inputs:"),
    ("    - --=\n    - {inputValue: n}\n", "9:7", "'--=' is a flag without a name"),
    ("    - {inputValue: n}\n    - --m\n    - x\n", "9:7", "a placeholder among the program's words, before any --flag"),
    ("    - --n\n    - {executorInput: null}\n", "10:7", "unknown or unsupported placeholder 'executorInput'"),
    ("    - {concat: [--n, {inputValue: n}]}\n", "9:7", "--n runs into a placeholder"),
])
def test_an_unusable_v1_spec_is_refused_at_its_spot(tmp_path, args, spot, problem):
    spec = tmp_path / "bad.yaml"
    spec.write_text(BAD_V1_HEAD + args)
    for command in (["schema", "--component", str(spec)],
                    ["--component", str(spec), "--", "python3", "main.py", "--n", "1"]):
        result = run_raw(command)
        assert result.rc == 2
        assert result.stderr.startswith(f"hydra-adapt: error: {spec}:{spot}: {problem}"), result.stderr
        assert result.stdout == ""


@pytest.mark.parametrize("broken, problem", [
    ("""'{{$.inputs.parameters["lr"]}}'""", """unsupported placeholder {{$.inputs.parameters["lr"]}}"""),
    ("""'{{$.inputs.parameters[''rate'']}}'""",
     "{{$.inputs.parameters['rate']}} names 'rate', which the component's inputDefinitions.parameters does not "
     "declare"),
    ("'{{$.inputs.artifacts[''lr''].metadata}}'", "unsupported placeholder {{$.inputs.artifacts['lr'].metadata}}"),
])
def test_an_unusable_v2_spec_is_refused_at_its_spot(tmp_path, train_spec, broken, problem):
    spec = tmp_path / "bad.yaml"
    spec.write_text(train_spec.read_text().replace("'{{$.inputs.parameters[''lr'']}}'", broken))
    line = spec.read_text().splitlines().index("        - " + broken) + 1
    result = run_raw(["schema", "--component", str(spec)])
    assert result.rc == 2
    assert result.stderr.startswith(f"hydra-adapt: error: {spec}:{line}:11: {problem}"), result.stderr


def test_a_spec_already_in_hydra_style_gets_an_empty_schema_and_a_warning(tmp_path):
    """Its args are overrides, which hydra-adapt passes on unchanged: nothing to map, and it says so."""
    spec = tmp_path / "hydra_style.yaml"
    result = run_raw(["rewrite", "--component", str(V1_TRAIN), "--style", "hydra"])
    assert result.rc == 0, result.stderr
    spec.write_text(result.stdout)
    result = run_raw(["schema", "--component", str(spec)])
    assert result.rc == 0, result.stderr
    assert yaml.safe_load(result.stdout)["flags"] == {}
    assert result.stderr.splitlines() == [
        f"hydra-adapt: warning: {spec}: the component passes no --flag args (its args may already be Hydra "
        "overrides, which hydra-adapt passes on unchanged), so the schema below maps nothing"]


def test_a_flag_with_extra_dashes_reaches_argparses_dest(tmp_path):
    """kfp's function-based components pass their outputs as `----output-paths`, whose dest is output_paths."""
    spec = tmp_path / "func.yaml"
    spec.write_text("outputs: [{name: a}, {name: b}]\nimplementation:\n  container:\n    image: x\n"
                    "    command: [python3, main.py]\n    args: [----output-paths, {outputPath: a}, {outputPath: b}]\n")
    outputs = [str(tmp_path / "out" / "a"), str(tmp_path / "out" / "b")]
    received = run_app(["--component", str(spec)], ["----output-paths", *outputs], tmp_path)
    assert received["output_paths"] == outputs
    assert dry_run_argv([], ["----output-paths", "/o/a"]) == ["output_paths='/o/a'"], "zero-config too"


def test_the_printed_schema_of_a_flag_with_extra_dashes_reads_back(tmp_path):
    """Issue 17: `schema --component` printed `----output-paths` as `--output-paths`, which --schema refuses."""
    spec = tmp_path / "func.yaml"
    spec.write_text("outputs: [{name: a}, {name: b}]\nimplementation:\n  container:\n    image: x\n"
                    "    command: [python3, main.py]\n    args: [----output-paths, {outputPath: a}, {outputPath: b}]\n")
    schema = tmp_path / "schema.yaml"
    schema.write_text(derived_schema(spec))
    outputs = [str(tmp_path / "out" / "a"), str(tmp_path / "out" / "b")]
    from_spec = run_app(["--component", str(spec)], ["----output-paths", *outputs], tmp_path)
    from_printed = run_app(["--schema", str(schema)], ["----output-paths", *outputs], tmp_path)
    assert from_printed["output_paths"] == from_spec["output_paths"] == outputs
