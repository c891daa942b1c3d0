"""--compose: the flags map against the config the job's own choices compose, which the tool
asks real Hydra for (`PROGRAM WORDS --cfg all`). Each run is compared with the same app given
the equivalent hand-written overrides, and the compositions are counted (Result.compositions:
each `--cfg all` run of the record app).

The tree, tests/e2e/apps/compose_tree: model/vit has patch, model/resnet has depth and a nested
group model/backbone (r101 brings dilation); width is an int in vit and a str in resnet;
optimizer defaults to null; experiment/big is global, overrides model and brings
trainer.accumulate; other.yaml (--config-name other) chooses data/mnist or data/cifar."""
from __future__ import annotations

import json
import signal
import subprocess
import time

import pytest

from adapt import (APPS, BIN, assert_ok, base_env, record_program, run_raw, run_tool_in,
                   same)

TREE = str(APPS / "compose_tree")
ENV = {"RECORD_CONFIG_DIR": TREE}
CFG_ALL = ["--cfg", "all"]


@pytest.fixture(scope="module")
def config_file(tmp_path_factory):
    """What the app prints with nothing added: the --hydra-config FILE of an image."""
    path = tmp_path_factory.mktemp("compose") / "hydra_config.yaml"
    out = subprocess.run(record_program() + CFG_ALL, capture_output=True, check=True,
                         env=base_env(ENV), cwd=path.parent)
    path.write_bytes(out.stdout)
    return str(path)


def composed(tmp_path, args, file=None, options=(), env=None):
    opts = ["--compose"] + (["--hydra-config", file] if file else []) + list(options)
    return run_tool_in(tmp_path, args, env={**ENV, **(env or {})}, options=opts)


def by_hand(tmp_path, overrides):
    return assert_ok(run_tool_in(tmp_path, overrides, env=ENV))


def choices(res):
    """The words each composition added to the program's."""
    return [run[:-2] for run in res.compositions]


CASES = [
    # (incoming args, the same by hand, the runs with the file)
    (["--model", "resnet", "--depth", "101"], ["model=resnet", "model.depth=101"], 1),
    (["--depth", "101", "--model", "resnet"], ["model=resnet", "model.depth=101"], 1),
    (["--model=resnet", "--depth=101"], ["model=resnet", "model.depth=101"], 1),
    (["--model", "vit", "--patch", "8"], ["model=vit", "model.patch=8"], 1),
    (["--model", "resnet", "--model.backbone", "r101", "--dilation", "2"],
     ["model=resnet", "model/backbone=r101", "model.backbone.dilation=2"], 2),
    (["--experiment", "big", "--accumulate", "8", "--depth", "34"],
     ["experiment=big", "trainer.accumulate=8", "model.depth=34"], 1),
    (["--optimizer", "sgd", "--momentum", "0.5"], ["optimizer=sgd", "optimizer.momentum=0.5"], 1),
    (["--model", "vit", "--width", "256.0"], ["model=vit", "model.width=256"], 1),
    (["--model", "resnet", "--width", "256.0"], ["model=resnet", "model.width='256.0'"], 1),
    (["--config-name", "other", "--data", "cifar", "--augment", "false"],
     ["--config-name", "other", "data=cifar", "data.augment=false"], 2),
]


@pytest.mark.parametrize("args,overrides,runs", CASES, ids=[" ".join(c[0]) for c in CASES])
def test_a_choice_brings_its_keys(tmp_path, config_file, args, overrides, runs):
    res = composed(tmp_path, args, file=config_file)
    cfg = assert_ok(res)
    assert same(cfg, by_hand(tmp_path, overrides)), res.describe()
    assert len(res.compositions) == runs, res.describe()
    assert all(run[-2:] == CFG_ALL for run in res.compositions)


def test_the_types_follow_the_chosen_option(tmp_path, config_file):
    assert assert_ok(composed(tmp_path, ["--model", "vit", "--width", "256.0"], config_file))["model"]["width"] == 256
    assert assert_ok(composed(tmp_path, ["--model", "resnet", "--width", "256.0"], config_file))["model"]["width"] == "256.0"


def test_no_choice_with_the_file_runs_nothing(tmp_path, config_file):
    res = composed(tmp_path, ["--seed", "3", "--max-epochs", "2"], file=config_file)
    assert same(assert_ok(res), by_hand(tmp_path, ["seed=3", "trainer.max_epochs=2"]))
    assert res.compositions == []


def test_a_hydra_word_of_the_job_composes_once_even_without_a_choice(tmp_path, config_file):
    """A stale file must type no flag: the override changes the tree, so Hydra is asked."""
    res = composed(tmp_path, ["model=resnet", "--depth", "7"], file=config_file)
    assert same(assert_ok(res), by_hand(tmp_path, ["model=resnet", "model.depth=7"]))
    assert choices(res) == [["model=resnet"]]


def test_without_the_file_the_first_run_reads_the_groups(tmp_path):
    res = composed(tmp_path, ["--model", "resnet", "--depth", "101"])
    assert same(assert_ok(res), by_hand(tmp_path, ["model=resnet", "model.depth=101"]))
    assert choices(res) == [[], ["model='resnet'"]]
    res = composed(tmp_path, ["--seed", "4"])
    assert assert_ok(res)["seed"] == 4 and len(res.compositions) == 1


@pytest.mark.parametrize("trial,overrides", [
    (["--model=resnet", "--depth=50"], ["model=resnet", "model.depth=50"]),
    (["--model=vit", "--patch=8"], ["model=vit", "model.patch=8"]),
], ids=["resnet-branch", "vit-branch"])
def test_a_vertex_ai_conditional_parameter_study(tmp_path, config_file, trial, overrides):
    """Vertex passes a trial's parameters as --ID=VALUE: the parent categorical and the child that
    exists for that value only. The image sets the variables, the job passes the args."""
    res = run_tool_in(tmp_path, trial, env={**ENV, "HYDRA_ADAPT_COMPOSE": "1",
                                            "HYDRA_ADAPT_HYDRA_CONFIG": config_file})
    assert same(assert_ok(res), by_hand(tmp_path, overrides)), res.describe()
    assert len(res.compositions) == 1


def test_compose_off_by_variable_maps_against_the_file(tmp_path, config_file):
    res = run_tool_in(tmp_path, ["--model", "resnet", "--depth", "1"], options=["--hydra-config", config_file],
                      env={**ENV, "HYDRA_ADAPT_COMPOSE": "0"})
    assert res.rc == 2 and "unknown flag --depth" in res.stderr and res.compositions == []


def test_the_dry_run_lists_the_compositions(tmp_path, config_file):
    args = ["--model", "resnet", "--model.backbone", "r101", "--dilation", "2"]
    res = composed(tmp_path, args, file=config_file, options=["--dry-run=json"])
    assert res.rc == 0 and not res.started, res.describe()
    report = json.loads(res.stdout)
    assert report["compositions"] == [record_program() + run for run in res.compositions]
    assert report["compositions"][-1][-4:] == ["model='resnet'", "model/backbone='r101'", "--cfg", "all"]
    text = composed(tmp_path, args, file=config_file, options=["--dry-run"]).stdout
    assert text.count("\ncomposed: ") == 2 and "'model/backbone='\\''r101'\\''' --cfg all\n" in text
    nothing = composed(tmp_path, ["--seed", "1"], file=config_file, options=["--dry-run"]).stdout
    assert "composed: nothing ran" in nothing


def start_composing(tmp_path, config_file, options=()):
    """The tool, once its composition (which sleeps) has started."""
    runs = tmp_path / "runs.jsonl"
    env = base_env({**ENV, "RECORD_CFG_RUNS": str(runs), "RECORD_CFG_SLEEP": "60",
                    "RECORD_ARGV": str(tmp_path / "argv.json")})
    tool = subprocess.Popen([BIN, *options, "--compose", "--hydra-config", config_file, "--",
                             *record_program(), "--model", "resnet"], env=env, cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not runs.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)  # past the interpreter's start, where a signal's default action ends it
    return tool


def test_sigterm_during_a_composition_ends_it_and_the_tool(tmp_path, config_file):
    """The composition sleeps; SIGTERM to the tool kills it and the tool exits 143, the program never started."""
    tool = start_composing(tmp_path, config_file)
    tool.send_signal(signal.SIGTERM)
    _, stderr = tool.communicate(timeout=60)
    assert tool.returncode == 128 + signal.SIGTERM, stderr
    assert b"SIGTERM while the app's config was composed" in stderr
    assert not (tmp_path / "argv.json").exists()


def test_under_the_duty_a_signal_reaches_the_composition(tmp_path, config_file):
    """--init: a SIGHUP to the tool is forwarded to the composition, which it ends; the job is refused."""
    tool = start_composing(tmp_path, config_file, ["--init"])
    tool.send_signal(signal.SIGHUP)
    _, stderr = tool.communicate(timeout=60)
    assert tool.returncode == 2, stderr
    assert b"--cfg all was killed by signal 1" in stderr and stderr.count(b"\n") == 1, stderr
    assert not (tmp_path / "argv.json").exists()


def test_as_pid_1_duty_the_composition_is_supervised(tmp_path, config_file):
    """--init: the composition runs under the duty (signals forwarded, zombies reaped) and the job starts."""
    res = composed(tmp_path, ["--model", "resnet", "--depth", "3"], file=config_file, options=["--init"])
    assert same(assert_ok(res), by_hand(tmp_path, ["model=resnet", "model.depth=3"]))
    assert len(res.compositions) == 1


def test_schema_from_program_still_runs_once(tmp_path):
    res = run_raw(["schema", "--from-program", "--", *record_program()], cwd=tmp_path, env=ENV)
    assert res.rc == 0 and "patch: {key: model.patch, type: int}" in res.stdout, res.describe()
    assert len(res.compositions) == 1
