"""(b) Each schema type: int, float, bool, json, path, output_path, str defaults."""
import json
import os
import re

import pytest

from adapt import Batch, assert_ok, assert_usage_error, same, typed

SCHEMA = {
    "flags": {
        "lr": {"key": "optimizer.lr", "type": "float"},
        "epochs": {"key": "trainer.max_epochs", "type": "int"},
        "use-gpu": {"key": "trainer.gpu", "type": "bool"},
        "params": {"key": "payload", "type": "json"},
        "model-params": {"key": "model.params", "type": "json"},
        "data-path": {"key": "data.path", "type": "path"},
        "model-out": {"key": "output.model", "type": "output_path"},
        "name": {},                                   # type str, key name (defaults)
        "max-items": {"type": "int"},                 # key max_items (default)
        "extra": {"key": "+new.thing", "type": "str"},
        "seed": {"key": "++trainer.seed", "type": "int"},
        "brand": {"key": "++brand.new", "type": "int"},
    }
}


def _id(v) -> str:
    r = repr(v)
    return r if len(r) <= 40 else r[:37] + "..."


def _batch_test(type_, rows):
    """Parametrized test over (sent, expected) rows, all sent in one run."""
    values = [v for v, _ in rows]
    name = f"{type_}_batch"

    @pytest.fixture(scope="module", name=name)
    def batch(tmp_path_factory):
        return Batch(tmp_path_factory.mktemp(type_), values, type_)

    @pytest.mark.parametrize("i", range(len(rows)), ids=[_id(v) for v in values])
    def test(request, i):
        sent, want = rows[i]
        got = request.getfixturevalue(name).received(i)
        assert same(got, want), f"{type_} {sent!r}: want {typed(want)}, got {typed(got)}"

    return batch, test


# ---------------------------------------------------------------- int
INT_OK = [("5", 5), ("-3", -3), ("0", 0), ("256.0", 256), ("1e2", 100),
          ("9007199254740993", 9007199254740993), ("-9223372036854775808", -9223372036854775808)]
int_batch, test_int_values = _batch_test("int", INT_OK)


@pytest.mark.parametrize("bad", ["1.5", "abc", "", "0x10", "1e-3", "true", "5 apples"])
def test_int_rejects(run_tool, bad):
    msg = assert_usage_error(run_tool(["--epochs", bad], schema=SCHEMA), "epochs")
    assert "int" in msg, msg
    if bad:
        assert bad in msg, f"message should show the value {bad!r}: {msg}"


# ---------------------------------------------------------------- float
FLOAT_OK = [("1", 1.0), ("1e-05", 1e-05), (".5", 0.5), ("0.0000001", 1e-07), ("-3", -3.0),
            ("0.1", 0.1), ("1.0000000000000002", 1.0000000000000002),
            ("3.141592653589793", 3.141592653589793), ("123456789.123456789", 123456789.123456789),
            ("1e300", 1e300), ("-0.5", -0.5), ("2.5E3", 2500.0)]
float_batch, test_float_values = _batch_test("float", FLOAT_OK)


@pytest.mark.parametrize("bad", ["abc", "", "1.2.3", "0.1f", "1,5"])
def test_float_rejects(run_tool, bad):
    msg = assert_usage_error(run_tool(["--lr", bad], schema=SCHEMA), "lr")
    assert "float" in msg, msg
    if bad:
        assert bad in msg, f"message should show the value {bad!r}: {msg}"


# ---------------------------------------------------------------- bool
BOOL_OK = [("true", True), ("True", True), ("FALSE", False), ("false", False), ("1", True),
           ("0", False)]
bool_batch, test_bool_values = _batch_test("bool", BOOL_OK)


def test_bool_bare_flag_at_end_is_true(run_tool):
    cfg = assert_ok(run_tool(["--lr", "0.5", "--use-gpu"], schema=SCHEMA))
    assert cfg["trainer"]["gpu"] is True and cfg["optimizer"]["lr"] == 0.5


def test_bool_bare_flag_before_another_flag_is_true(run_tool):
    cfg = assert_ok(run_tool(["--use-gpu", "--lr", "0.5"], schema=SCHEMA))
    assert cfg["trainer"]["gpu"] is True and cfg["optimizer"]["lr"] == 0.5


def test_bool_explicit_false_then_flag(run_tool):
    res = run_tool(["--use-gpu", "false", "--lr", "0.5"], schema=SCHEMA)
    cfg = assert_ok(res)
    assert cfg["trainer"]["gpu"] is False and cfg["optimizer"]["lr"] == 0.5, res.describe()


@pytest.mark.parametrize("bad", ["yes", "no", "on", "2", "", "tru"])
def test_bool_rejects(run_tool, bad):
    msg = assert_usage_error(run_tool([f"--use-gpu={bad}"], schema=SCHEMA), "use-gpu")
    assert "bool" in msg, msg


# ---------------------------------------------------------------- json
JSON_OK_TEXT = [
    '{"a": 1}', '{"a":1}', '{ "a" : 1 , "b" : 2 }', '{}', '[]', '[1, 2, 3]', '[1,"a",null,true]',
    '{"a": {"b": {"c": [1, {"d": null}]}}}', '[[1, 2], [3, [4, []]], {}]',
    '{"s": "it\'s \\"q\\", a=b, c:d"}', '{"s": "${x} and \\\\${y} and ${oc.env:HOME}"}',
    '{"s": "back\\\\slash\\\\"}', '{"s": "é 日本 😀 naïve"}', '{"s": "???"}', '{"s": ""}',
    '{"s": " padded "}', '{"s": "a\\nb\\tc"}', '{"s": "[1,2]"}', '{"s": "{a:1}"}',
    '{"s": "a,b"}', '{"s": "true"}', '{"s": "5"}', '{"s": "null"}', '{"s": "\'"}',
    '{"s": "\\\\"}', '{"s": "\\\\\'"}', '{"s": "#x ~y (z) = +k"}',
    '{"i": 1, "f": 1.5, "e": 1e-3, "n": -2, "z": 0, "one": 1.0, "big": 12345678901234567890}',
    '{"x": 0.1, "y": 1.0000000000000002, "p": 3.141592653589793}',
    '{"t": true, "f": false, "n": null}',
    '{"aws:tag": "v", "sidecar.istio.io/inject": "false", "a b": 1, "x=y": 2, "[k]": 3}',
    '{"aws:tag": 1}', '{"sidecar.istio.io/inject": 1}', '{"a b": 1}', '{"x=y": 1}',
    '{"[k]": 1}', '{"a,b": 1}', '{"k-1": 1}', '{"_x": 1}', '{"a.b": 1}', '{"$v": 1}',
    '{"{k}": 1}', '{"a\\\\b": 1}', '{"(k)": 1}', '{" lead": 1}',
    '{"outer": {"aws:tag": {"a b": [1]}}}',
    '5', '-3', '1.5', '"s"', 'true', 'false', 'null', '"5"', '"true"', '"${x}"', '"???"',
    '""', '"it\'s"', '"a,b"',
    # A key given twice: the renderer writes both, Hydra's dict keeps the last at the first's place.
    '{"a": 1, "b": 2, "a": 3}', '{"a": {"x": 1}, "b": [1], "a": [2, "z"]}',
    # Nested as the benchmark's document: lists of objects, strings Hydra must quote.
    '{"stages": [{"name": "stage 0: it\'s \\"warm-up\\"", "opt": {"lr": 0.001, "betas": [0.9, 0.999], '
    '"note": "see ${paths.notes}"}, "layers": [{"units": 64, "init": {"path": "C:\\\\w\\\\l0.bin"}}], '
    '"tags": ["two words", "quote \' inside", "back\\\\"]}]}',
]
JSON_OK = [(t, json.loads(t)) for t in JSON_OK_TEXT]
json_batch, test_json_values = _batch_test("json", JSON_OK)


@pytest.mark.parametrize("key", ["1", "true", "null", "nan", "é", "-1", "1.5", "inf", "True", "日本"])
def test_json_key_that_hydra_cannot_keep_as_str_is_an_error(run_tool, key):
    value = json.dumps({key: "v"}, ensure_ascii=False)
    msg = assert_usage_error(run_tool(["--params", value], schema=SCHEMA), "params")
    assert re.search(r"[\"'`]" + re.escape(key) + r"[\"'`]", msg), (
        f"message should name the key {key!r} (quoted): {msg}")


def test_json_nested_bad_key_is_an_error(run_tool):
    msg = assert_usage_error(run_tool(["--params", '{"a": {"b": {"1": 2}}}'], schema=SCHEMA))
    assert re.search(r"[\"'`]1[\"'`]", msg), msg


@pytest.mark.parametrize("bad", ["{a:1}", '{"a":1', "[1,2", "'x'", "abc", "", "{'a': 1}",
                                 '{"a": 1,}', "[1,]", '{"a" 1}', "NaN", '"unterminated',
                                 '{"a": 1} trailing'])
def test_json_invalid_is_an_error(run_tool, bad):
    assert_usage_error(run_tool(["--params", bad], schema=SCHEMA), "params")


def test_json_into_existing_dict_updates_known_key(run_tool):
    cfg = assert_ok(run_tool(["--model-params", '{"hidden": 128}'], schema=SCHEMA))
    assert cfg["model"]["params"]["hidden"] == 128


def test_json_into_existing_dict_gives_exactly_the_object(run_tool):
    """model.params has defaults {hidden: 64, layers: 2}; the app must receive exactly
    the JSON object given (Hydra's plain `model.params={dropout:0.5}` fails with
    `Key 'dropout' is not in struct`, and `++` merges the defaults in)."""
    res = run_tool(["--model-params", '{"dropout": 0.5}'], schema=SCHEMA)
    cfg = assert_ok(res)
    assert cfg["model"]["params"] == {"dropout": 0.5}, res.describe()


# ---------------------------------------------------------------- path / output_path / str
def test_path_and_defaults(run_tool):
    res = run_tool(["--data-path", "/x/a b.csv", "--name", "5", "--max-items", "7"],
                   schema=SCHEMA)
    cfg = assert_ok(res)
    assert cfg["data"]["path"] == "/x/a b.csv"
    assert same(cfg["name"], "5"), "type defaults to str"
    assert same(cfg["max_items"], 7), "key defaults to the flag name with _ for -"


def test_output_path_creates_parent_folder(run_tool, tmp_path):
    target = tmp_path / "out" / "a" / "b" / "model.pkl"
    res = run_tool(["--model-out", str(target)], schema=SCHEMA)
    cfg = assert_ok(res)
    assert cfg["output"]["model"] == str(target)
    assert target.parent.is_dir(), "parent folder must be created before the program starts"
    assert not target.exists(), "the file itself must not be created"


def test_output_path_with_odd_characters(run_tool, tmp_path):
    target = tmp_path / "it's a ${dir}" / "é,x=y" / "m.pkl"
    res = run_tool([f"--model-out={target}"], schema=SCHEMA)
    cfg = assert_ok(res)
    assert cfg["output"]["model"] == str(target)
    assert target.parent.is_dir()


def test_output_path_existing_parent(run_tool, tmp_path):
    target = tmp_path / "model.pkl"
    cfg = assert_ok(run_tool(["--model-out", str(target)], schema=SCHEMA))
    assert cfg["output"]["model"] == str(target)


def test_hyphens_to_underscores_false_keeps_hyphen(run_tool):
    schema = {"hyphens_to_underscores": False, "flags": {"max-items": {"type": "int"}}}
    res = run_tool(["--max-items", "9"], schema=schema)
    cfg = assert_ok(res)
    assert cfg["max-items"] == 9 and cfg["max_items"] == 0, res.describe()


# ---------------------------------------------------------------- key prefixes
def test_plus_key_adds_new_key(run_tool):
    cfg = assert_ok(run_tool(["--extra", "hi there"], schema=SCHEMA))
    assert cfg["new"] == {"thing": "hi there"}


def test_plus_plus_key_sets_existing_and_adds_missing(run_tool):
    cfg = assert_ok(run_tool(["--seed", "11", "--brand", "3"], schema=SCHEMA))
    assert cfg["trainer"]["seed"] == 11 and cfg["brand"] == {"new": 3}


def test_two_flags_one_key(run_tool):
    schema = {"flags": {"lr": {"key": "optimizer.lr", "type": "float"},
                        "learning_rate": {"key": "optimizer.lr", "type": "float"}}}
    cfg = assert_ok(run_tool(["--learning_rate", "0.3"], schema=schema))
    assert same(cfg["optimizer"]["lr"], 0.3)


def test_required_flag_given(run_tool):
    schema = {"flags": {"epochs": {"key": "trainer.max_epochs", "type": "int",
                                   "required": True}}}
    cfg = assert_ok(run_tool(["--epochs=3"], schema=schema))
    assert cfg["trainer"]["max_epochs"] == 3


def test_secret_value_reaches_the_app(run_tool):
    schema = {"flags": {"api-key": {"key": "secrets.key", "type": "str", "secret": True}}}
    res = run_tool(["--api-key", "s3cr3t 'x'"], schema=schema)
    cfg = assert_ok(res)
    assert cfg["secrets"]["key"] == "s3cr3t 'x'"
    assert "s3cr3t" not in res.stdout + res.stderr


def test_no_files_written_in_cwd(run_tool, tmp_path):
    before = set(os.listdir(tmp_path))
    assert_ok(run_tool(["--lr", "0.5"], schema=SCHEMA))
    new = {n for n in set(os.listdir(tmp_path)) - before
           if not n.startswith("schema-")}
    assert not new, f"unexpected files in the working folder: {new}"
