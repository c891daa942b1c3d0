"""The rank a distributed launcher adds to its worker's args, in the forms the launchers' own
sources write it, with the tool as the worker (`--no_python` / `--no-python`). Neither launcher
is installed here (torch and deepspeed are too large); their lines, quoted:

DeepSpeed, deepspeed/launcher/launch.py main():
    cmd.append(args.training_script)
    # A user may not want to pass local_rank as a keyword arg so we make this optional.
    if not args.no_local_rank:
        cmd.append(f"--local_rank={local_rank}")
    cmd += args.training_script_args

PyTorch, torch/distributed/run.py config_from_args() (torch.distributed.launch without
--use-env; `--local_rank=` before PyTorch 2.0):
        else:
            cmd = args.training_script
    if not use_env:
        cmd_args.append(f"--local-rank={macros.local_rank}")
    cmd_args.extend(args.training_script_args)

So `deepspeed --no_python hydra-adapt -- python3 main.py --lr 1` starts
`hydra-adapt --local_rank=0 -- python3 main.py --lr 1`: the rank comes before the tool's own "--".
Both launchers also set LOCAL_RANK in the worker's environment. The app shows the variable it
got through Hydra's own resolver (s0='${oc.env:LOCAL_RANK,unset}')."""
from __future__ import annotations

import json

import pytest

from adapt import RECORD_MAIN, PY, assert_ok, run_raw, same, write_schema

SHOW_RANK = "s0=${oc.env:LOCAL_RANK,unset}"


def launched(tmp_path, rank_words, options=(), incoming=(), env=None):
    """The worker's command as the launcher starts it: the tool, the rank, then its own words."""
    words = [*rank_words, *options, "--", PY, RECORD_MAIN, "--lr", "0.5", SHOW_RANK, *incoming]
    return run_raw(words, cwd=tmp_path, env={"LOCAL_RANK": None, **(env or {})})


@pytest.mark.parametrize("rank_words", [["--local_rank=1"], ["--local-rank=1"], ["--local_rank", "1"],
                                        ["--local-rank", "1"]], ids=lambda w: " ".join(w))
@pytest.mark.parametrize("where", ["before-dash-dash", "among-the-args"])
def test_the_rank_is_taken_off_and_set_as_local_rank(tmp_path, rank_words, where):
    res = launched(tmp_path, rank_words) if where == "before-dash-dash" else launched(tmp_path, [], incoming=rank_words)
    cfg = assert_ok(res)
    assert same(cfg["lr"], 0.5) and same(cfg["s0"], "1")
    assert not any("rank" in word and "LOCAL_RANK" not in word for word in res.argv), res.argv


def test_with_a_schema_that_does_not_declare_it(tmp_path):
    schema = write_schema(tmp_path, {"flags": {"lr": {"key": "lr", "type": "float"}}})
    cfg = assert_ok(launched(tmp_path, ["--local_rank=2"], ["--schema", schema]))
    assert same(cfg["s0"], "2")


def test_the_launchers_own_local_rank_variable_wins(tmp_path):
    cfg = assert_ok(launched(tmp_path, ["--local-rank=1"], env={"LOCAL_RANK": "3"}))
    assert same(cfg["s0"], "3")


def test_a_schema_entry_still_maps_it(tmp_path):
    schema = write_schema(tmp_path, {"flags": {"lr": {"key": "lr", "type": "float"},
                                               "local_rank": {"key": "trainer.seed", "type": "int"}}})
    res = launched(tmp_path, ["--local_rank=4"], ["--schema", schema])
    cfg = assert_ok(res)
    assert same(cfg["trainer"]["seed"], 4) and same(cfg["s0"], "unset")


def test_the_dry_run_shows_the_variable_the_program_would_get(tmp_path):
    text = launched(tmp_path, ["--local_rank=2"], ["--dry-run"])
    assert text.rc == 0 and not text.started, text.describe()
    assert "\nvariable for the program: LOCAL_RANK=2\ncommand:\n" in text.stdout, text.stdout
    report = launched(tmp_path, ["--local-rank", "2"], ["--dry-run=json"])
    assert json.loads(report.stdout)["variables"] == {"LOCAL_RANK": "2"}
    # The launcher's own LOCAL_RANK stays, so the tool sets nothing.
    kept = launched(tmp_path, ["--local_rank=2"], ["--dry-run=json"], env={"LOCAL_RANK": "3"})
    assert "variables" not in json.loads(kept.stdout)
