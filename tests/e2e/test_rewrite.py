"""`hydra-adapt rewrite`: the rewritten specs load back with real kfp 2.x, compile, and kfp
renders their commands as each style promises."""
import json
import os
import pathlib
import shutil
import subprocess
import sys
from typing import Optional

import pytest
import yaml
from kfp import compiler, components, dsl

from adapt import BIN, RECORD_MAIN, REPO, run_raw
from component_support.kfp_helpers import compile_component, kfp_rendered_incoming

FIXTURES = pathlib.Path(__file__).parent / "fixtures"
TRAIN = REPO / "examples" / "pipeline" / "train" / "component.yaml"
TRAIN_ARGUMENTS = {"experiment": "large", "learning_rate": 0.02, "max_iter": 50}


def rewritten(spec: pathlib.Path, style: str, tmp_path: pathlib.Path) -> pathlib.Path:
    result = run_raw(["rewrite", "--component", str(spec), "--style", style])
    assert result.rc == 0, result.stderr
    path = tmp_path / f"{spec.stem}.{style}.yaml"
    path.write_text(result.stdout)
    return path


def kfp_container(spec_path: pathlib.Path, tmp_path: pathlib.Path) -> dict:
    """The container of a spec after kfp loads it and compiles it again."""
    compiled = tmp_path / "compiled.yaml"
    compiler.Compiler().compile(components.load_component_from_file(str(spec_path)), str(compiled))
    executors = yaml.safe_load(compiled.read_text())["deploymentSpec"]["executors"]
    (executor,) = executors.values()
    return executor["container"]


def plain_command_spec(tmp_path: pathlib.Path) -> pathlib.Path:
    """The example's train component as it was before hydra-adapt: its command runs the program."""
    spec = yaml.safe_load(TRAIN.read_text())
    spec["implementation"]["container"]["command"] = ["python3", "main.py"]
    path = tmp_path / "train_plain.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False))
    return path


def test_adapter_puts_the_tool_in_front_of_the_command_and_keeps_the_args(tmp_path):
    plain = plain_command_spec(tmp_path)
    before = kfp_container(plain, tmp_path)
    after = kfp_container(rewritten(plain, "adapter", tmp_path), tmp_path)
    assert after["command"] == ["/hydra-adapt", "--", "python3", "main.py"]
    assert after["args"] == before["args"]
    assert after["command"] == kfp_container(TRAIN, tmp_path)["command"], "as the example is written by hand"


def test_adapter_leaves_a_command_already_through_the_tool_at_any_path(tmp_path):
    """Found by issue 10: only /hydra-adapt counted as the tool, so /usr/local/bin/hydra-adapt was wrapped again."""
    spec = yaml.safe_load(TRAIN.read_text())
    spec["implementation"]["container"]["command"] = ["/usr/local/bin/hydra-adapt", "--", "python3", "main.py"]
    installed = tmp_path / "train_installed.yaml"
    installed.write_text(yaml.safe_dump(spec, sort_keys=False))
    after = kfp_container(rewritten(installed, "adapter", tmp_path), tmp_path)
    assert after["command"] == ["/usr/local/bin/hydra-adapt", "--", "python3", "main.py"]
    hydra = kfp_container(rewritten(installed, "hydra", tmp_path), tmp_path)
    assert hydra["command"] == ["python3", "main.py"]


def test_hydra_style_renders_hand_written_overrides(tmp_path):
    spec = rewritten(TRAIN, "hydra", tmp_path)
    loaded = components.load_component_from_file(str(spec))
    container = kfp_container(spec, tmp_path)
    assert container["command"] == ["python3", "main.py"]
    # kfp compiles v1's concat to Concat JSON, which kfp.local resolves (KFP's Go backend does not:
    # there, rewrite a compiled v2 spec, whose overrides are plain words).
    assert container["args"][0] == '{"Concat": ["dataset=", "{{$.inputs.artifacts[\'dataset\'].path}}"]}'
    dataset = dsl.Dataset(name="dataset", uri="/data/digits.npz", metadata={})
    words = kfp_rendered_incoming(loaded, {**TRAIN_ARGUMENTS, "dataset": dataset}, tmp_path / "task")
    assert words == ["dataset=/data/digits.npz", "experiment=large", "learning_rate=0.02", "max_iter=50",
                     f"model_path={tmp_path / 'task' / 'model'}", f"metrics_path={tmp_path / 'task' / 'metrics'}"]


def test_hydra_style_overrides_reach_the_app_and_a_comma_breaks_them(tmp_path):
    """What the style's comment warns of: values are not escaped."""
    spec = rewritten(TRAIN, "hydra", tmp_path)
    loaded = components.load_component_from_file(str(spec))
    dataset = dsl.Dataset(name="dataset", uri="/data/digits.npz", metadata={})
    ok = kfp_rendered_incoming(loaded, {**TRAIN_ARGUMENTS, "dataset": dataset}, tmp_path / "task")
    cfg = ["--cfg", "job"]
    app = [sys.executable, "main.py"]
    shown = subprocess.run([*app, *cfg, *ok], cwd=TRAIN.parent, capture_output=True, text=True, timeout=60)
    assert shown.returncode == 0, shown.stderr
    assert "learning_rate: 0.02" in shown.stdout and "name: large" in shown.stdout
    broken = kfp_rendered_incoming(loaded, {**TRAIN_ARGUMENTS, "experiment": "large,small", "dataset": dataset},
                                   tmp_path / "task")
    failed = subprocess.run([*app, *cfg, *broken], cwd=TRAIN.parent, capture_output=True, text=True, timeout=60)
    assert failed.returncode != 0 and "add --multirun" in failed.stderr, "Hydra reads the comma as a sweep"


@pytest.mark.parametrize("style", ["adapter", "hydra"])
def test_a_compiled_pipeline_rewritten_loads_back_and_compiles(tmp_path, style):
    pipeline = tmp_path / "digits.yaml"
    subprocess.run([sys.executable, str(REPO / "examples" / "pipeline" / "pipeline.py"), str(pipeline)], check=True)
    spec = rewritten(pipeline, style, tmp_path)
    loaded = components.load_component_from_file(str(spec))
    compiled = tmp_path / "again.yaml"
    compiler.Compiler().compile(loaded, str(compiled))
    executors = yaml.safe_load(compiled.read_text())["deploymentSpec"]["executors"]
    train = executors["exec-train"]["container"]
    if style == "adapter":
        assert train["command"] == ["/hydra-adapt", "--", "python3", "main.py"], "already through the tool: kept"
        assert train["args"][:2] == ["--dataset", "{{$.inputs.artifacts['dataset'].path}}"]
    else:
        assert train["command"] == ["python3", "main.py"]
        assert train["args"][0] == "dataset={{$.inputs.artifacts['dataset'].path}}"
    assert yaml.safe_load(compiled.read_text())["root"]["inputDefinitions"]["parameters"]["test_size"][
        "defaultValue"] == 0.25


def test_a_v1_flag_with_several_values_becomes_a_list(tmp_path):
    spec = rewritten(FIXTURES / "v1_train_component.yaml", "hydra", tmp_path)
    container = kfp_container(spec, tmp_path)
    assert container["args"][-1] == ('{"Concat": ["metrics_paths=[", "{{$.outputs.parameters[\'accuracy\'].output_file}}", '
                                     '",", "{{$.outputs.parameters[\'report\'].output_file}}", "]"]}')


def test_option_errors(tmp_path):
    result = run_raw(["rewrite", "--component", str(TRAIN), "--style", "sed"])
    assert result.rc == 2 and "--style 'sed' is not one of adapter, hydra" in result.stderr
    result = run_raw(["rewrite", "--component", str(TRAIN)])
    assert result.rc == 2 and "needs --style" in result.stderr
    result = run_raw(["rewrite", "--comp", str(TRAIN), "--style", "hydra"])
    assert result.rc == 2 and "hydra-adapt rewrite --help" in result.stderr
    no_command = tmp_path / "no_command.yaml"
    no_command.write_text("name: x\nimplementation:\n  container:\n    image: x\n    args: [--a, b]\n")
    result = run_raw(["rewrite", "--component", str(no_command), "--style", "adapter"])
    assert result.rc == 2 and "the container has no command" in result.stderr


# Every placeholder kind of v1 component YAML (inputValue, inputPath, inputUri, outputPath,
# outputUri, concat, if with isPresent and else), each behind a flag of its own.
V1_EVERY_KIND = """\
name: consumer
inputs: [{name: n, type: Integer}, {name: d, type: Dataset}, {name: opt, type: Float, optional: true}]
outputs: [{name: m, type: Model}, {name: o, type: String}]
implementation:
  container:
    image: record
    command: [python3, main.py]
    args: [--n, {inputValue: n}, --d, {inputPath: d}, --du, {inputUri: d}, --m, {outputPath: m},
           --mu, {outputUri: m}, --o, {outputPath: o}, {concat: [--c=, {inputValue: n}, /x]},
           {if: {cond: {isPresent: opt}, then: [--opt, {inputValue: opt}], else: [--no-opt]}}]
"""
PRODUCER = """\
name: producer
outputs: [{name: data, type: Dataset}]
implementation:
  container:
    image: producer
    command: [python3, -c, "import pathlib, sys; p = pathlib.Path(sys.argv[1]); p.parent.mkdir(parents=True, exist_ok=True); p.write_text('d')",
              {outputPath: data}]
"""
# The keys the consumer's flags reach, for the record app's config.
EVERY_KIND_KEYS = ["n", "d", "du", "m", "mu", "o", "c", "opt", "no_opt"]


@dsl.container_component
def v2_every_kind(n: int, d: dsl.Input[dsl.Dataset], m: dsl.Output[dsl.Model], o: dsl.OutputPath(str),
                  opt: Optional[float] = None):
    """The same flags written with kfp 2.x's placeholders, ConcatPlaceholder and IfPresentPlaceholder."""
    return dsl.ContainerSpec(image="record", command=["python3", "main.py"], args=[
        "--n", n, "--d", d.path, "--du", d.uri, "--m", m.path, "--mu", m.uri, "--o", o,
        dsl.ConcatPlaceholder(["--c=", n, "/x"]),
        dsl.IfPresentPlaceholder(input_name="opt", then=["--opt", opt], else_=["--no-opt"])])


def every_kind_pipeline(consumer, with_opt: bool, path: pathlib.Path) -> pathlib.Path:
    producer = components.load_component_from_text(PRODUCER)

    @dsl.pipeline(name="every-kind")
    def pipeline(n: int = 3, opt: float = 0.5):
        data = producer().outputs["data"]
        consumer(n=n, d=data, opt=opt) if with_opt else consumer(n=n, d=data)

    compiler.Compiler().compile(pipeline, str(path))
    return path


def received_by_the_app(pipeline: pathlib.Path, component: pathlib.Path, tmp_path: pathlib.Path) -> dict:
    """The config the record app received when scripts/run_pipeline_locally.py ran the pipeline
    (kfp's own placeholder code renders the command); the consumer's image folder holds the
    component as the image's HYDRA_ADAPT_COMPONENT, which only the adapter style reads."""
    image = tmp_path / "image"
    (image / "conf").mkdir(parents=True)
    (image / "main.py").symlink_to(RECORD_MAIN)
    (image / "conf" / "config.yaml").write_text(yaml.safe_dump(dict.fromkeys(EVERY_KIND_KEYS)))
    shutil.copy(component, image / "component.yaml")
    (tmp_path / "producer").mkdir()
    out = tmp_path / "received.json"
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "run_pipeline_locally.py"), str(pipeline), "--image",
         f"record={image}", "--image", f"producer={tmp_path / 'producer'}", "--tool", BIN, "--gcs",
         str(tmp_path.parent / "gcs")],
        capture_output=True, text=True, timeout=300, env={**os.environ, "RECORD_OUT": str(out)})
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(out.read_text())


@pytest.mark.parametrize("with_opt", [True, False], ids=["opt given", "opt left out"])
@pytest.mark.parametrize("spec_format", ["v1", "v2"])
def test_every_placeholder_kind_reaches_the_app_alike_in_both_styles(tmp_path, spec_format, with_opt):
    """Issue 17: --style hydra left a v2 IfPresent's --opt as it was, so the app received
    `--opt 0.5` and Hydra refused it; the styles now agree on every kind."""
    received = {}
    for style in ("adapter", "hydra"):
        folder = tmp_path / style
        folder.mkdir()
        if spec_format == "v1":
            component = folder / "consumer.yaml"
            component.write_text(V1_EVERY_KIND)
            consumer = components.load_component_from_file(str(rewritten(component, style, folder)))
            pipeline = every_kind_pipeline(consumer, with_opt, folder / "pipeline.yaml")
        else:
            component = compile_component(v2_every_kind, folder / "consumer.yaml")
            pipeline = rewritten(every_kind_pipeline(v2_every_kind, with_opt, folder / "pipeline.yaml"), style, folder)
        received[style] = received_by_the_app(pipeline, component, folder)
    assert received["hydra"] == received["adapter"]
    assert received["adapter"]["n"] == 3 and received["adapter"]["c"] == "3/x"
    assert received["adapter"]["m"] == received["adapter"]["mu"]
    assert received["adapter"]["m"].startswith(str(tmp_path / "gcs" / "hydra-adapt-demo" / "pipeline-root"))
    assert received["adapter"]["opt"] == (0.5 if with_opt else None)
    assert received["adapter"]["no_opt"] == (None if with_opt else True)
