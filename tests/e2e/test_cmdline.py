"""(c) Command line shapes: --name value / --name=value, values that look like flags,
bare flags, standalone Hydra overrides, Hydra's own flags, the second `--` rule."""
import pytest

from adapt import PY, RECORD_MAIN, assert_ok, assert_usage_error, same

SCHEMA = {
    "unknown": "error",
    "flags": {
        "lr": {"key": "optimizer.lr", "type": "float"},
        "epochs": {"key": "trainer.max_epochs", "type": "int"},
        "use-gpu": {"key": "trainer.gpu", "type": "bool"},
        "name": {"type": "str"},
        "data-path": {"key": "data.path", "type": "path"},
    },
}


def _subseq(needle, hay) -> bool:
    """needle appears in hay as a contiguous run."""
    n = len(needle)
    return any(hay[i:i + n] == needle for i in range(len(hay) - n + 1))


# ---------------------------------------------------------------- --name value / --name=value
@pytest.mark.parametrize("schema", [SCHEMA, None], ids=["schema", "zero-config"])
def test_space_and_equals_forms(run_tool, schema):
    res = run_tool(["--name", "bob", "--lr=0.5", "--data-path=/a=b"], schema=schema)
    cfg = assert_ok(res)
    assert cfg["name"] == "bob"
    if schema:
        assert same(cfg["optimizer"]["lr"], 0.5) and cfg["data"]["path"] == "/a=b"
    else:
        assert same(cfg["lr"], 0.5) and cfg["data_path"] == "/a=b"


@pytest.mark.parametrize("schema", [SCHEMA, None], ids=["schema", "zero-config"])
@pytest.mark.parametrize("value", ["-1", "-x", "a=b", "+k=v", "", "-", "~flag", "-cn",
                                   "--x"])
def test_value_that_looks_like_a_flag(run_tool, schema, value):
    args = ["--name=" + value] if value.startswith("--") else ["--name", value]
    res = run_tool(args + ["--flag"] if schema is None else args, schema=schema)
    cfg = assert_ok(res)
    want = -1 if (value == "-1" and schema is None) else value
    assert same(cfg["name"], want), res.describe()


def test_negative_numbers_as_values(run_tool):
    cfg = assert_ok(run_tool(["--lr", "-1", "--epochs", "-3"], schema=SCHEMA))
    assert same(cfg["optimizer"]["lr"], -1.0) and same(cfg["trainer"]["max_epochs"], -3)


def test_equals_value_containing_equals_and_dashes(run_tool):
    cfg = assert_ok(run_tool(["--name=--a=b=c"], schema=SCHEMA))
    assert cfg["name"] == "--a=b=c"


# ---------------------------------------------------------------- bare flags
def test_zero_config_bare_flag_at_end(run_tool):
    cfg = assert_ok(run_tool(["--name", "x", "--flag"]))
    assert cfg["flag"] is True and cfg["name"] == "x"


def test_zero_config_bare_flag_before_another_flag(run_tool):
    cfg = assert_ok(run_tool(["--flag", "--name", "x"]))
    assert cfg["flag"] is True and cfg["name"] == "x"


def test_zero_config_hyphen_to_underscore(run_tool):
    cfg = assert_ok(run_tool(["--data-path", "/x", "--max-items", "5"]))
    assert cfg["data_path"] == "/x" and same(cfg["max_items"], 5) and cfg["max-items"] == 0


def test_bare_non_bool_flag_before_another_flag_is_missing_value(run_tool):
    assert_usage_error(run_tool(["--lr", "--epochs", "3"], schema=SCHEMA), "lr")


# ---------------------------------------------------------------- standalone overrides
@pytest.mark.parametrize("schema", [SCHEMA, None], ids=["schema", "zero-config"])
def test_standalone_overrides_pass_through(run_tool, schema):
    words = ["name=x", "+extra=1", "~flag", "++lr=3", "optimizer.name='a b'"]
    res = run_tool(["--epochs", "4"] + words, schema=schema)
    cfg = assert_ok(res)
    assert cfg["name"] == "x" and cfg["extra"] == 1 and "flag" not in cfg
    assert cfg["lr"] == 3 and cfg["optimizer"]["name"] == "a b"
    for w in words:
        assert w in res.argv, f"{w!r} must reach the app unchanged" + res.describe()


def test_overrides_before_and_between_flags(run_tool):
    res = run_tool(["--lr", "0.5", "name=y", "--epochs", "2"], schema=SCHEMA)
    cfg = assert_ok(res)
    assert cfg["name"] == "y" and cfg["optimizer"]["lr"] == 0.5 and cfg["trainer"][
        "max_epochs"] == 2


# ---------------------------------------------------------------- Hydra's own flags
@pytest.mark.parametrize("schema", [SCHEMA, None], ids=["schema", "zero-config"])
@pytest.mark.parametrize("words", [["--config-name", "other"], ["-cn", "other"],
                                   ["--config-name=other"]], ids=lambda w: " ".join(w))
def test_config_name_passes_through(run_tool, schema, words):
    res = run_tool(words + ["name=z"], schema=schema)
    cfg = assert_ok(res)
    assert cfg["which"] == "other" and cfg["name"] == "z"
    assert _subseq(words, res.argv), res.describe()


def test_config_name_then_zero_config_flag(run_tool):
    cfg = assert_ok(run_tool(["-cn", "other", "--lr", "0.7"]))
    assert cfg["which"] == "other" and cfg["lr"] == 0.7


HYDRA_TAIL = """
defaults:
  - _self_
  - override hydra/job_logging: none
  - override hydra/hydra_logging: none
hydra: {run: {dir: .}, output_subdir: null, job: {chdir: false}}
"""


@pytest.mark.parametrize("flag_cd", ["--config-dir", "-cd"])
def test_config_dir_passes_through(run_tool, tmp_path, flag_cd):
    d = tmp_path / "confdir"
    d.mkdir()
    (d / "extra.yaml").write_text("which: extra\nname: e\n" + HYDRA_TAIL)
    res = run_tool([flag_cd, str(d), "-cn", "extra", "--name", "q"], schema=SCHEMA)
    cfg = assert_ok(res)
    assert cfg["which"] == "extra" and cfg["name"] == "q"
    assert _subseq([flag_cd, str(d)], res.argv)


@pytest.mark.parametrize("flag_cp", ["--config-path", "-cp"])
def test_config_path_passes_through(run_tool, tmp_path, flag_cp):
    d = tmp_path / "confpath"
    d.mkdir()
    (d / "main.yaml").write_text("which: cp\nname: c\n" + HYDRA_TAIL)
    res = run_tool([flag_cp, str(d), "--config-name", "main", "--name", "w"], schema=SCHEMA)
    cfg = assert_ok(res)
    assert cfg["which"] == "cp" and cfg["name"] == "w"


@pytest.mark.parametrize("schema", [SCHEMA, None], ids=["schema", "zero-config"])
@pytest.mark.parametrize("words", [["--cfg", "job"], ["-c", "job"], ["--cfg=job"]],
                         ids=lambda w: " ".join(w))
def test_cfg_job_prints_config_and_does_not_run_main(run_tool, schema, words):
    res = run_tool(words + ["--name", "printed-name"], schema=schema)
    assert res.rc == 0, res.describe()
    assert res.started and res.cfg is None, "Hydra prints the config and skips main" + \
        res.describe()
    assert "which: config" in res.stdout and "name: printed-name" in res.stdout
    assert _subseq(words, res.argv), res.describe()


def test_cfg_with_resolve_and_package(run_tool):
    res = run_tool(["--cfg", "job", "--resolve", "--name", "N1"], schema=SCHEMA)
    assert res.rc == 0 and "interp: N1" in res.stdout, res.describe()
    res = run_tool(["--cfg", "job", "--name", "N1"], schema=SCHEMA)
    assert res.rc == 0 and "interp: ${name}" in res.stdout, res.describe()
    for p in (["--package", "optimizer"], ["-p", "optimizer"]):
        res = run_tool(["--cfg", "job", *p, "--lr", "0.25"], schema=SCHEMA)
        assert res.rc == 0, res.describe()
        assert "lr: 0.25" in res.stdout and "which:" not in res.stdout, res.describe()


@pytest.mark.parametrize("words", [["--info", "defaults"], ["-i", "defaults"]],
                         ids=lambda w: " ".join(w))
def test_info_passes_through(run_tool, words):
    res = run_tool(["--lr", "0.5"] + words, schema=SCHEMA)
    assert res.rc == 0 and res.cfg is None, res.describe()
    assert "Defaults List" in res.stdout + res.stderr, res.describe()
    assert _subseq(words, res.argv)


def test_bare_info_at_end(run_tool):
    res = run_tool(["--lr", "0.5", "--info"], schema=SCHEMA)
    assert res.rc == 0 and res.cfg is None, res.describe()
    assert "Config search path" in res.stdout + res.stderr, res.describe()
    assert res.argv[-1] == "--info"


@pytest.mark.parametrize("flag_h", ["--help", "-h"])
def test_hydra_app_help_passes_through(run_tool, flag_h):
    res = run_tool(["--lr", "0.5", flag_h], schema=SCHEMA)
    assert res.rc == 0 and res.cfg is None, res.describe()
    assert "Powered by Hydra" in res.stdout, res.describe()


def test_hydra_help_passes_through(run_tool):
    res = run_tool(["--hydra-help"], schema=SCHEMA)
    assert res.rc == 0 and "Hydra (1.3.8)" in res.stdout, res.describe()


@pytest.mark.parametrize("schema", [SCHEMA, None], ids=["schema", "zero-config"])
def test_hydra_version_passes_through(run_tool, schema):
    res = run_tool(["--version"], schema=schema)
    assert res.rc == 0 and "Hydra 1.3.8" in res.stdout, res.describe()
    assert res.argv == ["--version"]


def test_schema_flag_named_version_wins(run_tool):
    schema = {"flags": {"version": {"type": "str"}}}
    res = run_tool(["--version", "2.0"], schema=schema)
    cfg = assert_ok(res)
    assert same(cfg["version"], "2.0") and "--version" not in res.argv, res.describe()


def test_schema_flag_named_cfg_wins(run_tool):
    schema = {"flags": {"cfg": {"key": "name", "type": "str"}}}
    res = run_tool(["--cfg", "job"], schema=schema)
    cfg = assert_ok(res)
    assert cfg["name"] == "job"


@pytest.mark.parametrize("words", [["-sc", "install=bash"], ["--shell-completion",
                                                              "install=bash"]],
                         ids=lambda w: " ".join(w))
def test_shell_completion_passes_through(run_tool, words):
    res = run_tool(words, schema=SCHEMA)
    assert res.rc == 0 and "hydra_bash_completion" in res.stdout, res.describe()


@pytest.mark.parametrize("flag_m", ["-m", "--multirun"])
def test_multirun_passes_through(run_tool, flag_m):
    res = run_tool([flag_m, "--lr", "0.5"], schema=SCHEMA)
    cfg = assert_ok(res)
    assert cfg["optimizer"]["lr"] == 0.5 and flag_m in res.argv


@pytest.mark.parametrize("flag_r", ["-r", "--run"])
def test_run_flag_passes_through(run_tool, flag_r):
    res = run_tool([flag_r, "--lr", "0.5"], schema=SCHEMA)
    cfg = assert_ok(res)
    assert cfg["optimizer"]["lr"] == 0.5 and flag_r in res.argv


def test_experimental_rerun_passes_through_with_its_value(run_tool, tmp_path):
    pkl = str(tmp_path / "no-such-config.pickle")
    res = run_tool(["--experimental-rerun", pkl], schema=SCHEMA)
    assert res.started, "the tool must not reject Hydra's flag" + res.describe()
    assert _subseq(["--experimental-rerun", pkl], res.argv), res.describe()


# ---------------------------------------------------------------- where incoming args start
def test_second_dashes_end_program_words(run_tool):
    # python's own --check-hash-based-pycs option is a PROGRAM word here.
    prog = [PY, "--check-hash-based-pycs", "default", RECORD_MAIN]
    res = run_tool(["--lr", "0.5"], program=prog, second_dashes=True, schema=SCHEMA)
    cfg = assert_ok(res)
    assert cfg["optimizer"]["lr"] == 0.5


def test_without_second_dashes_first_dashdash_word_starts_incoming(run_tool):
    prog = [PY, "--check-hash-based-pycs", "default", RECORD_MAIN]
    res = run_tool(["--lr", "0.5"], program=prog, schema=SCHEMA)
    # incoming = --check-hash-based-pycs default main.py --lr 0.5: refused (unknown flag
    # or stray word), and the program does not start
    assert_usage_error(res)


def test_second_dashes_with_nothing_after(run_tool):
    res = run_tool([], second_dashes=True, schema=SCHEMA)
    cfg = assert_ok(res)
    assert res.argv == [] and cfg["which"] == "config"


def test_program_words_before_first_flag_are_kept(run_tool):
    # No second `--`: `name=x` is a program word, `--lr` starts the incoming args.
    res = run_tool(["--lr", "0.5"], program=[PY, RECORD_MAIN, "name=x"], schema=SCHEMA)
    cfg = assert_ok(res)
    assert cfg["name"] == "x" and cfg["optimizer"]["lr"] == 0.5
    assert res.argv[0] == "name=x"


def test_program_words_after_second_dashes_rule_not_rewritten(run_tool):
    # Program words are never converted, even when they look like flags.
    prog = [PY, "-c", "import sys, json, os; "
            "open(os.environ['RECORD_ARGV'], 'w').write(json.dumps(sys.argv[1:]))",
            "--lr", "0.5"]
    res = run_tool(["--name", "n"], program=prog, second_dashes=True)
    assert res.rc == 0, res.describe()
    assert res.argv[:2] == ["--lr", "0.5"], res.describe()
    assert res.argv[2:] in (["name=n"], ["name='n'"]), res.describe()


def test_hydra_flag_between_converted_flags(run_tool):
    """argparse-style callers put flags in any order, but Hydra's own parser rejects
    overrides on both sides of one of its flags (`a=1 -cn other b=2` ->
    `unrecognized arguments: b=2`). The command the tool builds must still work."""
    res = run_tool(["--lr", "0.5", "-cn", "other", "--name", "z"])
    cfg = assert_ok(res)
    assert cfg["which"] == "other" and cfg["lr"] == 0.5 and cfg["name"] == "z"


@pytest.mark.parametrize("schema", [SCHEMA, None], ids=["schema", "zero-config"])
def test_equals_with_empty_value(run_tool, schema):
    cfg = assert_ok(run_tool(["--name=", "--data-path=/p"], schema=schema))
    assert same(cfg["name"], "")


def test_a_locale_the_image_lacks_does_not_stop_the_tool(run_cmd):
    """LANG/LC_ALL naming a locale that is not installed (common in slim images) must not
    abort the PATH search: std::locale("") throws for it."""
    res = run_cmd(["--", "echo", "--lr", "1"], env={"LANG": "xx_XX.UTF-8", "LC_ALL": "xx_XX.UTF-8"})
    assert (res.rc, res.stdout, res.stderr) == (0, "lr=1\n", ""), res.describe()
