"""(e) Errors: exit 2, exactly one stderr line `hydra-adapt: error: ...`, the program
not started. Program not found: 127; not executable / a directory: 126."""
import os
import re
import stat

import pytest

from adapt import (PY, RECORD_MAIN, assert_ok, assert_usage_error, same, slot_args,
                   slot_schema, write_schema)

SCHEMA = {
    "unknown": "error",
    "flags": {
        "lr": {"key": "optimizer.lr", "type": "float"},
        "learning_rate": {"key": "optimizer.lr", "type": "float"},
        "epochs": {"key": "trainer.max_epochs", "type": "int", "required": True},
        "name": {"type": "str"},
        "params": {"key": "payload", "type": "json"},
    },
}
OK = ["--epochs", "1"]   # satisfies the required flag


# ---------------------------------------------------------------- schema problems
def test_missing_schema_file(run_tool, tmp_path):
    missing = str(tmp_path / "nope" / "schema.yaml")
    assert_usage_error(run_tool(OK, options=["--schema", missing]), missing)


def test_missing_schema_file_from_env(run_tool, tmp_path):
    missing = str(tmp_path / "nope.yaml")
    assert_usage_error(run_tool(OK, env={"HYDRA_ADAPT_SCHEMA": missing}), "nope.yaml")


@pytest.mark.parametrize("text", [
    "flags:\n  lr: {key: optimizer.lr, type: float\n  epochs: {type: int}\n",
    "flags:\n  lr:\n    key: a\n   type: float\n",
    "unknown: error\nflags:\n  lr: {key: a}\n  epochs: [1, 2\n",
    "flags:\n  lr: {key: \"a}\n",
], ids=["unclosed-brace", "bad-indent", "unclosed-bracket", "unclosed-quote"])
def test_malformed_yaml(run_tool, tmp_path, text):
    path = write_schema(tmp_path, text)
    msg = assert_usage_error(run_tool(OK, options=["--schema", path]))
    assert os.path.basename(path) in msg, f"message should name the file: {msg}"
    assert re.search(r"line\s*\d+|:\d+", msg), f"message should give a line number: {msg}"


@pytest.mark.parametrize("schema,needle", [
    ({"flags": {"lr": {"type": "decimal"}}}, "decimal"),
    ({"unknown": "sometimes", "flags": {}}, "sometimes"),
    ({"flags": ["lr"]}, "flags"),
])
def test_invalid_schema_content(run_tool, schema, needle):
    assert_usage_error(run_tool(OK, schema=schema), needle)


# ---------------------------------------------------------------- incoming args problems
def test_unknown_flag_suggests_nearest(run_tool):
    msg = assert_usage_error(run_tool(OK + ["--lrr", "1"], schema=SCHEMA), "--lrr")
    assert re.search(r"--lr(?![\w-])", msg), msg


@pytest.mark.parametrize("args", [["--lr"], ["--lr", "--name", "x"]], ids=["end", "before"])
def test_missing_value(run_tool, args):
    assert_usage_error(run_tool(OK + args, schema=SCHEMA), "--lr")


def test_wrong_type_names_flag_value_and_type(run_tool):
    msg = assert_usage_error(run_tool(["--epochs", "three"], schema=SCHEMA), "epochs")
    assert "three" in msg and "int" in msg, msg


def test_missing_required_flag(run_tool):
    assert_usage_error(run_tool(["--lr", "0.5"], schema=SCHEMA), "epochs")


def test_nothing_after_dashes(run_cmd):
    assert_usage_error(run_cmd(["--"]))


def test_no_arguments_at_all(run_cmd):
    assert_usage_error(run_cmd([]))


PLACEHOLDERS = [
    "{{$.inputs.parameters['lr']}}",
    "{{$.outputs.artifacts['m'].path}}",
    "{{$}}",
    '{"Concat": ["a"]}',
    '{"IfPresent": {"InputName": "x"}}',
    "{{$.inputs.artifacts['data'].uri}}",
]


@pytest.mark.parametrize("schema", [SCHEMA, None], ids=["str-flag", "zero-config"])
@pytest.mark.parametrize("value", PLACEHOLDERS)
def test_unsubstituted_placeholder(run_tool, schema, value):
    args = (OK if schema else []) + ["--name", value]
    msg = assert_usage_error(run_tool(args, schema=schema), "name")
    assert re.search(r"substitut", msg, re.I), (
        f"message should say the platform did not substitute the value: {msg}")


def test_unsubstituted_placeholder_in_float_flag(run_tool):
    msg = assert_usage_error(run_tool(OK + ["--lr", "{{$.inputs.parameters['lr']}}"],
                                      schema=SCHEMA), "lr")
    assert re.search(r"substitut", msg, re.I), msg


# ---------------------------------------------------------------- size limits
# One argv word may be at most 131071 bytes (+ NUL). A 200000-char value cannot even be
# handed to the tool (its own execve fails with E2BIG), so the values below are ~100000
# chars, half `'` and half `"`: any Hydra quoting escapes half of them, and the word the
# tool would build (key='...') is >= 150000 bytes.
TOO_LONG_ONCE_QUOTED = "'\"" * 50000


def test_one_word_too_long(run_tool):
    msg = assert_usage_error(run_tool(OK + ["--name", TOO_LONG_ONCE_QUOTED], schema=SCHEMA),
                             "name")
    assert "'\"'\"'\"'\"" * 250 not in msg, "the message should not repeat the huge value"


def test_one_word_too_long_zero_config(run_tool):
    assert_usage_error(run_tool(["--name", TOO_LONG_ONCE_QUOTED]), "name")


def test_one_word_too_long_long_key(run_tool):
    key = "+" + ".".join(["k" * 60] * 30)          # a 1830-char key
    value = "v" * (131071 - 1000)                  # fits alone, not with the key
    schema = {"flags": {"big": {"key": key, "type": "str"}}}
    assert_usage_error(run_tool(["--big", value], schema=schema), "big")


def test_long_word_under_the_limit_works(run_tool):
    value = "z" * 100000
    cfg = assert_ok(run_tool(OK + ["--name", value], schema=SCHEMA))
    assert same(cfg["name"], value)


def test_argv_over_the_total_limit(run_tool):
    """20 values of 75000 chars, half `'` and half `"`: the tool receives ~1.5 MB (it
    could not even be started with 4 MB under the usual 8 MiB stack limit), but every
    Hydra quoting of such a value escapes half of its characters, so the command it
    would exec is over 2.2 MB > the 2 MiB argv+environment limit."""
    values = ["'\"" * 37500] * 20
    res = run_tool(slot_args(values), schema=slot_schema(len(values), "str"))
    assert_usage_error(res)


def test_argv_and_environment_over_the_total_limit(run_tool):
    """The environment counts too: 1 MB of environment (10 variables of 100000 bytes: one
    string may not pass 128 KiB) + 8 values of 100000 chars that grow by half when
    quoted (~1.2 MB of argv once built)."""
    values = ["'\"" * 50000] * 8
    big_env = {f"BIG_ENV_VALUE_{i}": "e" * 100_000 for i in range(10)}
    res = run_tool(slot_args(values), schema=slot_schema(len(values), "str"), env=big_env)
    assert_usage_error(res)


# ---------------------------------------------------------------- program cannot be run
def test_program_not_found_on_path(run_tool):
    res = run_tool(OK, program=["hydra-adapt-no-such-program-xyz"], schema=SCHEMA)
    assert res.rc == 127, res.describe()
    assert "hydra-adapt-no-such-program-xyz" in res.stderr, res.describe()


def test_program_not_found_by_path(run_tool, tmp_path):
    prog = str(tmp_path / "missing" / "prog")
    res = run_tool(OK, program=[prog], schema=SCHEMA)
    assert res.rc == 127 and prog in res.stderr, res.describe()


def test_program_is_a_directory(run_tool, tmp_path):
    d = tmp_path / "adir"
    d.mkdir()
    res = run_tool(OK, program=[str(d)], schema=SCHEMA)
    assert res.rc == 126 and str(d) in res.stderr, res.describe()


def test_program_not_executable(run_tool, tmp_path):
    f = tmp_path / "script.sh"
    f.write_text("#!/bin/sh\necho hi\n")
    f.chmod(stat.S_IRUSR | stat.S_IWUSR)
    res = run_tool(OK, program=[str(f)], schema=SCHEMA)
    assert res.rc == 126 and str(f) in res.stderr, res.describe()


def test_program_found_on_path(run_tool, tmp_path):
    bindir = tmp_path / "bin"
    bindir.mkdir()
    prog = bindir / "my-trainer"
    prog.write_text(f"#!/bin/sh\nexec '{PY}' '{RECORD_MAIN}' \"$@\"\n")
    prog.chmod(0o755)
    res = run_tool(OK + ["--lr", "0.5"], program=["my-trainer"], schema=SCHEMA,
                   env={"PATH": f"{bindir}:{os.environ.get('PATH', '/usr/bin:/bin')}"})
    cfg = assert_ok(res)
    assert cfg["optimizer"]["lr"] == 0.5


@pytest.mark.parametrize("value", ['{"Concat": ["a", "b"]}', '{"IfPresent": {"InputName": "x"}}'])
def test_json_shaped_placeholder_in_json_flag(run_tool, value):
    msg = assert_usage_error(run_tool(OK + ["--params", value], schema=SCHEMA), "params")
    assert re.search(r"substitut", msg, re.I), msg


# ---------------------------------------------------------------- the app's Hydra config (--hydra-config)
APP_CONFIG = ("hydra:\n  runtime:\n    choices: {trainer: default}\n"
              "trainer: {max_epochs: 10, name: t}\nmodel: {name: m}\n")
HYDRA_CONFIG_ERRORS = [
    # id, the config file's text (None: no such file), incoming args, needles
    ("ambiguous-name", APP_CONFIG, ["--name", "x"],
     ["--name is ambiguous", "trainer.name, model.name", "--trainer.name"]),
    ("unknown-names-nearest-path", APP_CONFIG, ["--max-epoch", "3"],
     ["unknown flag --max-epoch", "did you mean --trainer.max_epochs?"]),
    ("value-of-the-defaults-type", APP_CONFIG, ["--max-epochs", "3.5"], ["--max-epochs", "is not an int"]),
    ("not-yaml", "trainer: {max_epochs: 10\n", [], ["cfg.yaml:", "malformed YAML"]),
    ("not-a-mapping", "- trainer\n", [], ["cfg.yaml:", "expected a YAML mapping"]),
    ("only-hydras-keys", "hydra:\n  run: {dir: .}\n", [], ["cfg.yaml", "not --cfg hydra"]),
    ("missing-file", None, [], ["cannot read Hydra config", "cfg.yaml", "--hydra-config"]),
]


@pytest.mark.parametrize("text,args,needles", [r[1:] for r in HYDRA_CONFIG_ERRORS],
                         ids=[r[0] for r in HYDRA_CONFIG_ERRORS])
def test_hydra_config_errors(run_tool, tmp_path, text, args, needles):
    path = tmp_path / "cfg.yaml"
    if text is not None:
        path.write_text(text)
    assert_usage_error(run_tool(args, options=["--hydra-config", str(path)]), *needles)


SCHEMA_FROM_PROGRAM_ERRORS = [
    ("program-fails", ["--from-program", "--", PY, "-c", "import sys; sys.exit(3)"],
     ["-c 'import sys; sys.exit(3)' --cfg all) failed with exit status 3"]),
    ("program-prints-no-config", ["--from-program", "--", PY, "-c", "print('[1, 2]')"],
     ["the output of ", "--cfg all:1:1: not the config", "expected a YAML mapping"]),
    ("no-program", ["--from-program", "--"], ["--from-program needs the program after '--'"]),
    ("program-without-from-program", ["--", PY, "main.py"], ["add --from-program"]),
    ("config-twice", ["--hydra-config", "x.yaml", "--from-program", "--", PY], ["not both"]),
    ("no-source", [], ["needs --component FILE, --hydra-config FILE or --from-program"]),
]


@pytest.mark.parametrize("words,needles", [r[1:] for r in SCHEMA_FROM_PROGRAM_ERRORS],
                         ids=[r[0] for r in SCHEMA_FROM_PROGRAM_ERRORS])
def test_schema_command_errors(run_cmd, words, needles):
    assert_usage_error(run_cmd(["schema", *words]), *needles)
