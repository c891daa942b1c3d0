"""`hydra-adapt check`: what a component spec, a Vertex AI study or a W&B sweep can send, checked
against the app's real Hydra config (tests/e2e/apps/check_tree) by the run's own translation,
each finding at the line of the source that causes it."""
import json
import os
import subprocess
import textwrap
from typing import Optional

import pytest
from kfp import dsl

from adapt import BIN, PY, RECORD_MAIN, REPO, base_env, config_tree, run_command, run_raw
from component_support.kfp_helpers import compile_component

TREE = config_tree("check_tree")
PROGRAM = [PY, RECORD_MAIN, "--config-path", TREE]

COMPONENT = """\
name: train
inputs:
- {name: lr, type: Float, default: '0.01'}
- {name: epochs, type: Integer, default: '3'}
- {name: data_path, type: String}
implementation:
  container:
    image: trainer
    command: [/hydra-adapt, --, python3, main.py]
    args:
    - --lr
    - {inputValue: lr}
    - --max-epochs
    - {inputValue: epochs}
    - --data-path
    - {inputValue: data_path}
"""

STUDY = """\
studySpec:
  metrics:
  - {metricId: accuracy, goal: MAXIMIZE}
  parameters:
  - parameterId: lr
    doubleValueSpec: {minValue: 0.0001, maxValue: 0.1}
    scaleType: UNIT_LOG_SCALE
  - parameterId: batch_size
    discreteValueSpec: {values: [16, 32.0, 256.0]}
  - parameterId: model
    categoricalValueSpec: {values: [resnet, vit]}
    conditionalParameterSpecs:
    - parameterSpec:
        parameterId: seed
        integerValueSpec: {minValue: "0", maxValue: "9"}
      parentCategoricalValues: {values: [resnet]}
trialJobSpec:
  workerPoolSpecs:
    machineSpec: {machineType: n1-standard-4}
    replicaCount: 1
    containerSpec:
      imageUri: trainer
      args: [--data-path=/gcs/b/train.csv, --max-epochs, "3"]
"""

SWEEP = """\
program: main.py
method: grid
parameters:
  lr: {values: [0.001, 0.01]}
  optimizer:
    parameters:
      name: {values: [adam, sgd]}
  max_epochs: {min: 1, max: 20}
  data_path: {value: /data/x}
command:
- ${env}
- ${interpreter}
- ${program}
- ${args}
"""


@pytest.fixture(scope="module")
def cfg_all(tmp_path_factory):
    """The tree's `--cfg all`, printed by real Hydra."""
    out = subprocess.run(PROGRAM + ["--cfg", "all"], capture_output=True, check=True, env=base_env())
    path = tmp_path_factory.mktemp("cfg") / "cfg_all.yaml"
    path.write_bytes(out.stdout)
    return str(path)


def write(folder, name, text):
    path = folder / name
    path.write_text(textwrap.dedent(text) if isinstance(text, str) else text)
    return str(path)


def check(cfg, *sources, env=None, options=()):
    return run_raw(["check", "--hydra-config", cfg, *options, *sources], env=env)


def line_of(text, needle):
    """The 1-based line of the first line of `text` holding `needle`."""
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_a_clean_component_study_and_sweep_pass(tmp_path, cfg_all):
    result = check(cfg_all, "--component", write(tmp_path, "c.yaml", COMPONENT),
                   "--vertex-study", write(tmp_path, "s.yaml", STUDY),
                   "--wandb-sweep", write(tmp_path, "w.yaml", SWEEP))
    assert result.rc == 0, result.describe()
    assert result.stdout == "hydra-adapt check: 0 errors, 0 warnings (13 flags from 3 sources)\n"
    assert result.stderr == ""


def test_the_program_itself_gives_the_config(tmp_path):
    result = run_raw(["check", "--vertex-study", write(tmp_path, "s.yaml", STUDY), "--", *PROGRAM])
    assert result.rc == 0, result.describe()
    assert result.stdout == "hydra-adapt check: 0 errors, 0 warnings (6 flags from 1 source)\n"


def test_an_unknown_flag_is_named_at_its_line_with_the_nearest(tmp_path, cfg_all):
    study = STUDY.replace("parameterId: batch_size", "parameterId: batch_sise")
    result = check(cfg_all, "--vertex-study", write(tmp_path, "s.yaml", study))
    assert result.rc == 1, result.describe()
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"{tmp_path}/s.yaml:{line_of(study, 'batch_sise')}: error: --batch_sise: "
                            "unknown flag --batch_sise (did you mean --data.batch_size?)"), first
    assert result.stdout.endswith("hydra-adapt check: 1 error, 0 warnings (6 flags from 1 source)\n")


def test_an_ambiguous_flag_is_named_at_its_line(tmp_path, cfg_all):
    sweep = SWEEP.replace("  data_path: {value: /data/x}\n", "  data_path: {value: /data/x}\n  name: {value: x}\n")
    result = check(cfg_all, "--wandb-sweep", write(tmp_path, "w.yaml", sweep))
    assert result.rc == 1, result.describe()
    (finding, _) = result.stdout.splitlines()
    assert finding.startswith(f"{tmp_path}/w.yaml:{line_of(sweep, '  name: {value: x}')}: error: --name is ambiguous")
    assert "model.name" in finding and "optimizer.name" in finding


TYPE_CASES = [
    # a DOUBLE range with a fraction for an int key: 20.0 is fine, 2.5 is not
    ("s.yaml", "--vertex-study", STUDY.replace(
        "args: [--data-path=/gcs/b/train.csv, --max-epochs, \"3\"]",
        "args: [--data-path=/gcs/b/train.csv]").replace(
        "  - parameterId: lr\n", "  - parameterId: max_epochs\n    doubleValueSpec: {minValue: 20.0, maxValue: 2.5}\n"
        "  - parameterId: lr\n"),
     "maxValue: 2.5", "--max_epochs: maxValue: the value '2.5' is not an int"),
    # a categorical value that is no number for a float key
    ("s.yaml", "--vertex-study", STUDY.replace(
        "discreteValueSpec: {values: [16, 32.0, 256.0]}", "categoricalValueSpec: {values: ['16', big]}"),
     "big]", "--batch_size: values[1]: the value 'big' is not an int"),
    # a String input's default for an int key
    ("c.yaml", "--component", COMPONENT.replace(
        "- {name: epochs, type: Integer, default: '3'}", "- {name: epochs, type: String, default: abc}"),
     "{inputValue: epochs}", "--max-epochs: the default of input 'epochs': the value 'abc' is not an int"),
    # a Float input's default with a fraction for an int key
    ("c.yaml", "--component", COMPONENT.replace(
        "- {name: epochs, type: Integer, default: '3'}", "- {name: epochs, type: Float, default: '2.5'}"),
     "{inputValue: epochs}", "--max-epochs: the default of input 'epochs': the value '2.5' is not an int"),
    # a sweep's bound
    ("w.yaml", "--wandb-sweep", SWEEP.replace("lr: {values: [0.001, 0.01]}", "lr: {values: [0.001, fast]}"),
     "fast", "--lr: values[1]: the value 'fast' is not a float"),
]


@pytest.mark.parametrize("name,option,text,at,message", TYPE_CASES)
def test_a_value_the_key_cannot_hold_is_named_at_its_line(tmp_path, cfg_all, name, option, text, at, message):
    result = check(cfg_all, option, write(tmp_path, name, text))
    assert result.rc == 1, result.describe()
    (finding, summary) = result.stdout.splitlines()
    assert finding.startswith(f"{tmp_path}/{name}:{line_of(text, at)}: error: {message}"), finding
    assert summary.startswith("hydra-adapt check: 1 error, 0 warnings")


def test_a_mandatory_value_no_source_sets_is_a_warning(tmp_path, cfg_all):
    sweep = SWEEP.replace("  data_path: {value: /data/x}\n", "")
    result = check(cfg_all, "--wandb-sweep", write(tmp_path, "w.yaml", sweep))
    assert result.rc == 0, result.describe()
    assert result.stdout.splitlines() == [
        "hydra-adapt check: warning: data.data_path is ??? in the app's config and no source sets it; a job that does "
        "not pass it fails when the app reads it: add it to a source, or give it a default",
        "hydra-adapt check: 0 errors, 1 warning (3 flags from 1 source)"]


def test_conditional_parameters_are_flags_of_their_own(tmp_path, cfg_all):
    study = STUDY.replace('integerValueSpec: {minValue: "0", maxValue: "9"}',
                          "doubleValueSpec: {minValue: 0, maxValue: 0.5}")
    result = check(cfg_all, "--vertex-study", write(tmp_path, "s.yaml", study))
    assert result.rc == 1, result.describe()
    assert result.stdout.splitlines()[0].startswith(
        f"{tmp_path}/s.yaml:{line_of(study, 'maxValue: 0.5')}: error: --seed: maxValue: the value '0.5' is not an int")


def kfp_train(epochs_type, epochs_default):
    @dsl.container_component
    def train(lr: float, data_path: str, epochs: epochs_type = epochs_default, tag: Optional[str] = None):
        return dsl.ContainerSpec(
            image="trainer", command=["/hydra-adapt", "--", "python3", "main.py"],
            args=["--lr", lr, "--max-epochs", epochs, "--data-path", data_path,
                  dsl.IfPresentPlaceholder(input_name="tag", then=["--optimizer.name", tag])])
    return train


def test_a_kfp_compiled_spec_with_an_optional_input(tmp_path, cfg_all):
    spec = compile_component(kfp_train(int, 3), tmp_path / "train.yaml")
    result = check(cfg_all, "--component", str(spec))
    assert result.rc == 0, result.describe()
    assert result.stdout == "hydra-adapt check: 0 errors, 0 warnings (4 flags from 1 source)\n"

    spec = compile_component(kfp_train(float, 2.5), tmp_path / "train_float.yaml")
    result = check(cfg_all, "--component", str(spec))
    assert result.rc == 1, result.describe()
    text = spec.read_text()
    assert result.stdout.splitlines()[0].startswith(
        f"{spec}:{line_of(text, '- --max-epochs') + 1}: error: --max-epochs: the default of input 'epochs': the value "
        "'2.5' is not an int")


def test_json_output(tmp_path, cfg_all):
    study = STUDY.replace("parameterId: batch_size", "parameterId: batch_sise")
    path = write(tmp_path, "s.yaml", study)
    result = check(cfg_all, "--vertex-study", path, options=["--format", "json"])
    assert result.rc == 1, result.describe()
    document = json.loads(result.stdout)
    assert document["errors"] == 1 and document["warnings"] == 0
    assert document["flags"] == 6 and document["sources"] == 1
    (finding,) = document["findings"]
    assert finding["file"] == path and finding["line"] == line_of(study, "batch_sise")
    assert finding["flag"] == "--batch_sise" and finding["source"] == "vertex-study"
    assert finding["severity"] == "error" and finding["kind"] == "unknown"
    assert finding["message"].startswith("unknown flag --batch_sise")


def test_workflow_commands_under_github_actions(tmp_path, cfg_all):
    study = STUDY.replace("parameterId: batch_size", "parameterId: batch_sise")
    path = write(tmp_path, "s.yaml", study)
    result = check(cfg_all, "--vertex-study", path, env={"GITHUB_ACTIONS": "true"})
    assert result.rc == 1, result.describe()
    command = result.stdout.splitlines()[0]
    assert command.startswith(f"::error file={path},line={line_of(study, 'batch_sise')}::--batch_sise: unknown flag")
    assert "::error" not in check(cfg_all, "--vertex-study", path).stdout


def git(*words, cwd):
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *words], cwd=cwd, check=True,
                   capture_output=True)


def test_the_pre_commit_hook_run_by_pre_commit(tmp_path, cfg_all):
    """This repository's .pre-commit-hooks.yaml, as pre-commit clones and runs it in a project."""
    hooks = tmp_path / "hooks"  # a repository holding the hook file as this tree has it
    hooks.mkdir()
    (hooks / ".pre-commit-hooks.yaml").write_text((REPO / ".pre-commit-hooks.yaml").read_text())
    git("init", "-q", cwd=hooks)
    git("add", "-A", cwd=hooks)
    git("commit", "-q", "-m", "hooks", cwd=hooks)
    rev = subprocess.run(["git", "rev-parse", "HEAD"], cwd=hooks, capture_output=True, text=True,
                         check=True).stdout.strip()
    project = tmp_path / "project"
    project.mkdir()
    write(project, "w.yaml", SWEEP)
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {hooks}\n  rev: {rev}\n  hooks:\n  - id: hydra-adapt-check\n"
        f"    args: [--hydra-config, {cfg_all}, --wandb-sweep, w.yaml]\n")
    git("init", "-q", cwd=project)
    git("add", "-A", cwd=project)
    tool = tmp_path / "bin"  # the hook runs hydra-adapt from PATH
    tool.mkdir()
    (tool / "hydra-adapt").symlink_to(BIN)
    env = {"PATH": f"{tool}:{os.environ['PATH']}", "PRE_COMMIT_HOME": str(tmp_path / "cache"),
           "HOME": str(tmp_path)}

    def pre_commit():
        return run_command([PY, "-m", "pre_commit", "run", "--all-files"], cwd=project, env=env)

    result = pre_commit()
    assert result.rc == 0 and "hydra-adapt check" in result.stdout and "Passed" in result.stdout, result.describe()
    write(project, "w.yaml", SWEEP.replace("lr: {values", "lrr: {values"))
    result = pre_commit()
    assert result.rc == 1, result.describe()
    assert f"w.yaml:{line_of(SWEEP, 'lr: {values')}: error: --lrr: unknown flag --lrr" in result.stdout


# --compose and Hydra's own runs: the sources' group choices composed as the run composes them
# (model/resnet.yaml has depth, model/vit.yaml has patch), and the program run with --cfg job.
GRID = """\
method: grid
parameters:
  model: {values: [vit, resnet]}
  depth: {values: [18, 50]}
  data_path: {value: /data/x}
command: ["${env}", "${interpreter}", "${program}", "${args}"]
"""

CONDITIONAL_STUDY = """\
studySpec:
  parameters:
  - parameterId: lr
    doubleValueSpec: {minValue: 0.0001, maxValue: 0.1}
  - parameterId: model
    categoricalValueSpec: {values: [resnet, vit]}
    conditionalParameterSpecs:
    - parameterSpec:
        parameterId: depth
        discreteValueSpec: {values: [18, 50]}
      parentCategoricalValues: {values: [resnet]}
    - parameterSpec:
        parameterId: patch
        integerValueSpec: {minValue: "8", maxValue: "32"}
      parentCategoricalValues: {values: [vit]}
trialJobSpec:
  workerPoolSpecs:
    containerSpec: {imageUri: trainer, args: [--data-path=/gcs/b/x]}
"""


def check_program(*sources, program=PROGRAM, options=("--compose",), env=None):
    return run_raw(["check", *options, *sources, "--", *program], env=env)


def cfg_runs(path):
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def test_a_flag_only_one_option_has_is_named_with_the_choice_and_the_option_file(tmp_path):
    result = check_program("--wandb-sweep", write(tmp_path, "w.yaml", GRID))
    assert result.rc == 1, result.describe()
    (finding, summary) = result.stdout.splitlines()
    assert finding.startswith(f"{tmp_path}/w.yaml:{line_of(GRID, 'depth:')}: error: --depth: sent with --model vit "
                              "it reaches no key: model/vit.yaml has none for it; send --depth only with the options that have "
                              "it"), finding
    assert "add it to model/vit.yaml" in finding
    assert summary == "hydra-adapt check: 1 error, 0 warnings (3 flags from 1 source)"


def test_the_same_child_under_conditional_parameters_is_clean_and_the_starts_are_counted(tmp_path):
    runs = tmp_path / "runs.jsonl"
    result = check_program("--vertex-study", write(tmp_path, "s.yaml", CONDITIONAL_STUDY), "--format", "json",
                           env={"RECORD_CFG_RUNS": str(runs)})
    assert result.rc == 0, result.describe()
    document = json.loads(result.stdout)
    assert document["findings"] == [] and document["flags"] == 5
    started = cfg_runs(runs)
    # `--cfg all` once with nothing, once per composition (model=resnet, model=vit); `--cfg job`
    # once per round of values per composition: two each (lr's bounds; depth's and patch's two).
    assert [run[-1] for run in started].count("all") == 3, started
    assert [run[-1] for run in started].count("job") == 4, started
    assert document["program_starts"] == len(started) == 7
    jobs = [run for run in started if run[-1] == "job"]
    assert any("model='vit'" in run and "model.patch=32" in run for run in jobs), jobs
    assert not any("model='vit'" in run and any(w.startswith("model.depth") for w in run) for run in jobs), jobs
    assert not any("--multirun" in run or "-m" in run for run in started)


def test_without_compose_hydra_still_refuses_the_flag_the_choice_lacks(tmp_path):
    result = check_program("--wandb-sweep", write(tmp_path, "w.yaml", GRID), options=())
    assert result.rc == 1, result.describe()
    (finding, _) = result.stdout.splitlines()
    assert finding.startswith(f"{tmp_path}/w.yaml:{line_of(GRID, 'depth:')}: error: --depth: values[")
    assert "Hydra refuses the value" in finding and "depth" in finding


def test_a_value_no_option_of_the_group_has_is_a_choice_finding_with_hydras_error(tmp_path):
    sweep = GRID.replace("[vit, resnet]", "[vit2, resnet]").replace("  depth: {values: [18, 50]}\n", "")
    result = check_program("--wandb-sweep", write(tmp_path, "w.yaml", sweep))
    assert result.rc == 1, result.describe()
    (finding, _) = result.stdout.splitlines()
    assert finding.startswith(f"{tmp_path}/w.yaml:{line_of(sweep, 'vit2')}: error: --model: values[0]: Hydra cannot "
                              "compose the option 'vit2' of group model: "), finding
    assert "Could not find 'model/vit2'" in finding and "resnet, vit" in finding


TYPED = config_tree("typed_tree")
TYPED_SWEEP = """\
method: random
parameters:
  mode: {values: [train, bogus]}
  workers: {values: [2, four]}
  lr: {min: 0.001, max: 0.1}
"""


def test_a_structured_configs_typed_fields_refuse_what_the_rules_let_through(tmp_path):
    path = write(tmp_path, "w.yaml", TYPED_SWEEP)
    program = [PY, RECORD_MAIN, "--config-path", TYPED]
    rules_only = run_raw(["check", "--hydra-config", write(tmp_path, "cfg.yaml", subprocess.run(
        program + ["--cfg", "all"], capture_output=True, check=True, env=base_env()).stdout.decode()),
        "--wandb-sweep", path])
    assert rules_only.rc == 0, rules_only.describe()
    result = check_program("--wandb-sweep", path, program=program, options=())
    assert result.rc == 1, result.describe()
    (mode, workers, summary) = result.stdout.splitlines()
    assert mode.startswith(f"{path}:{line_of(TYPED_SWEEP, 'bogus')}: error: --mode: values[1]: Hydra refuses the "
                           "value 'bogus': Invalid value 'bogus', expected one of [train, eval]"), mode
    assert workers.startswith(f"{path}:{line_of(TYPED_SWEEP, 'four')}: error: --workers: values[1]: Hydra refuses "
                              "the value 'four': Value 'four' of type 'str' could not be converted to Integer"), workers
    assert summary == "hydra-adapt check: 2 errors, 0 warnings (3 flags from 1 source)"


def test_several_components_and_the_runs_unknown_policy(tmp_path, cfg_all):
    first = write(tmp_path, "a.yaml", COMPONENT)
    second = write(tmp_path, "b.yaml", COMPONENT.replace("--max-epochs", "--max-epochz"))
    result = check(cfg_all, "--component", first, "--component", second)
    assert result.rc == 1, result.describe()
    (finding, summary) = result.stdout.splitlines()
    assert finding.startswith(f"{second}:{line_of(COMPONENT, '--max-epochs')}: error: --max-epochz: unknown flag")
    assert summary == "hydra-adapt check: 1 error, 0 warnings (6 flags from 2 sources)"
    assert check(cfg_all, "--component", second, options=["--unknown", "auto"]).rc == 0


def test_a_fixed_override_shapes_the_composition_as_at_run_time(tmp_path):
    """containerSpec.args' `model=vit` composes vit for every trial: its patch maps, resnet's depth does not."""
    study = CONDITIONAL_STUDY.replace("      parentCategoricalValues: {values: [vit]}\n",
                                      "      parentCategoricalValues: {values: [vit]}\n  - parameterId: extra\n"
                                      "    doubleValueSpec: {minValue: 0.1, maxValue: 0.2}\n")
    fixed = """\
studySpec:
  parameters:
  - parameterId: patch
    integerValueSpec: {minValue: "8", maxValue: "32"}
trialJobSpec:
  workerPoolSpecs:
    containerSpec: {imageUri: trainer, args: [model=vit, --data-path=/gcs/b/x]}
"""
    assert check_program("--vertex-study", write(tmp_path, "s.yaml", fixed)).rc == 0
    refused = fixed.replace("parameterId: patch", "parameterId: depth")
    result = check_program("--vertex-study", write(tmp_path, "d.yaml", refused))
    assert result.rc == 1, result.describe()
    assert result.stdout.splitlines()[0].startswith(
        f"{tmp_path}/d.yaml:{line_of(refused, 'depth')}: error: --depth: unknown flag --depth"), result.stdout
    # A study parameter no config has at all is unknown under every composition, named once.
    result = check_program("--vertex-study", write(tmp_path, "e.yaml", study))
    assert result.rc == 1, result.describe()
    (finding, summary) = result.stdout.splitlines()
    assert finding.startswith(f"{tmp_path}/e.yaml:{line_of(study, 'extra')}: error: --extra: unknown flag --extra")
    assert summary.startswith("hydra-adapt check: 1 error, 0 warnings")


def test_fixed_args_an_override_of_a_mandatory_key_and_a_flag_of_several_values(tmp_path, cfg_all):
    """A trial's `data.data_path=...` sets the ??? (no warning); `--size 3 4` is one flag of two values."""
    study = """\
studySpec:
  parameters:
  - parameterId: lr
    doubleValueSpec: {minValue: 0.0001, maxValue: 0.1}
trialJobSpec:
  workerPoolSpecs:
    containerSpec: {imageUri: trainer, args: [data.data_path=/gcs/b/x, --size, "3", "4"]}
"""
    schema = write(tmp_path, "schema.yaml", "flags:\n  size: {key: model.size, type: [int, int]}\n"
                                            "  lr: {key: optimizer.lr, type: float}\n")
    result = run_raw(["check", "--schema", schema, "--vertex-study", write(tmp_path, "s.yaml", study), "--", *PROGRAM])
    assert result.rc == 0, result.describe()
    assert result.stdout == "hydra-adapt check: 0 errors, 0 warnings (2 flags from 1 source)\n"
