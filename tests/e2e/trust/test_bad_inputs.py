"""The bad-input catalogue: one row per input the tool must refuse, with its exit status and the
text its one-line error must hold. For every row the program does not start and no file
appears. docs/errors.md explains each error and its fix."""
import os
import resource
from dataclasses import dataclass, field
from typing import Optional

import pytest

SCHEMA = """
flags:
  lr: {key: optimizer.lr, type: float}
  epochs: {key: trainer.epochs, type: int}
  flag: {key: flag, type: bool}
  meta: {key: meta, type: json}
  name: {key: name, type: str}
  out: {key: out, type: output_path}
"""
WORD_LIMIT = 131072  # MAX_ARG_STRLEN: one argv string, NUL included, may not be longer
NAME_WORD_OVERHEAD = len("name=''")


def exec_size_limit():
    """What execve copies at most for argv + environment (fs/exec.c), for this process's stack."""
    stack = resource.getrlimit(resource.RLIMIT_STACK)[0]
    stack = 2**63 if stack == resource.RLIM_INFINITY else stack
    return max(min(stack // 4, 6 * 1024 * 1024), 32 * 4096)


def words_over_total_limit():
    """Quotes double when quoted: incoming words that fit in execve, final words that do not."""
    count = exec_size_limit() // 120_000 + 2
    return [word for i in range(count) for word in (f"--v{i}", "'" * 60_000)]


@dataclass
class Row:
    id: str
    args: list
    status: int
    error: str
    schema: Optional[str] = SCHEMA  # None: no --schema
    options: list = field(default_factory=list)
    program: Optional[list] = None  # None: the trust app
    schema_path: Optional[str] = None  # instead of a written schema; {tmp} is the test's folder


def schema_row(id, schema, error):
    return Row(id, [], 2, error, schema=schema)


ROWS = [
    # --- schema errors ---
    schema_row("yaml-syntax", "flags:\n  lr: {key: a\n", "schema.yaml:3:1: malformed YAML"),
    schema_row("yaml-tab-indent", "flags:\n\tlr: {}\n", "malformed YAML"),
    schema_row("not-a-mapping", "- lr\n", "a schema is a YAML mapping with a 'flags:' section"),
    schema_row("empty-file", "", "a schema is a YAML mapping"),
    schema_row("flags-not-a-mapping", "flags: [lr]\n", "'flags' is a mapping from flag names"),
    schema_row("flag-not-a-mapping", "flags:\n  lr: [1]\n", "flag 'lr' takes a mapping such as {key: a.b, type: float}"),
    schema_row("key-not-a-scalar", "flags:\n  lr: {key: [a]}\n", "'key' must be a plain value"),
    schema_row("required-not-bool", "flags:\n  lr: {required: sure}\n", "'required' must be true or false"),
    schema_row("secret-not-bool", "flags:\n  lr: {secret: maybe}\n", "'secret' must be true or false"),
    schema_row("hyphens-not-bool", "hyphens_to_underscores: 2\n", "'hyphens_to_underscores' must be true or false"),
    schema_row("unknown-policy", "unknown: maybe\n", "unknown: 'maybe' is not one of error, pass, auto"),
    schema_row("unknown-type", "flags:\n  lr: {type: flaot}\n", "flag 'lr': unknown type 'flaot' (known: str, path"),
    schema_row("unknown-flag-field", "flags:\n  lr: {kye: a}\n", "flag 'lr': unknown field 'kye'"),
    schema_row("unknown-top-field", "flag:\n  lr: {}\n", "unknown field 'flag'"),
    schema_row("duplicate-flag", "flags:\n  lr: {}\n  lr: {}\n", "flag 'lr' is declared twice (first on line 2)"),
    schema_row("duplicate-flags-section", "flags:\n  lr: {}\nflags:\n  lr: {}\n", "the field 'flags' is given twice"),
    schema_row("duplicate-field", "flags:\n  lr: {key: a, key: b}\n", "the field 'key' is given twice"),
    schema_row("empty-key", "flags:\n  lr: {key: ''}\n", "flag 'lr': the key is empty"),
    schema_row("plus-only-key", "flags:\n  lr: {key: '+'}\n", "flag 'lr': the key is empty"),
    schema_row("key-with-blank", "flags:\n  lr: {key: 'a b'}\n", "'a b' is not a key Hydra can address"),
    schema_row("key-starting-with-digit", "flags:\n  lr: {key: 1abc}\n", "'1abc' is not a key Hydra can address"),
    schema_row("key-with-equals", "flags:\n  lr: {key: 'a=b'}\n", "is not a key Hydra can address"),
    schema_row("name-not-a-key", "flags:\n  1lr: {}\n", "flag '1lr' is not a Hydra key by itself"),
    schema_row("name-with-dashes", "flags:\n  --lr: {}\n", "must be the name without leading dashes"),
    schema_row("name-with-equals", "flags:\n  'a=b': {key: a}\n", "with no '=' or blanks"),
    Row("schema-missing", [], 2, "cannot read schema {tmp}/missing.yaml: No such file or directory",
        schema_path="{tmp}/missing.yaml"),
    Row("schema-is-a-folder", [], 2, "schema {tmp}/a-folder is a folder, not a file", schema_path="{tmp}/a-folder"),
    Row("schema-unreadable", [], 2, "cannot read schema /proc/self/mem: Input/output error",
        schema_path="/proc/self/mem"),
    Row("schema-endless", [], 2, "schema /dev/zero is larger than 16 MiB", schema_path="/dev/zero"),
    # --- the tool's own options and the command's shape ---
    Row("unknown-option", [], 2, "unrecognised option '--bogus'; see hydra-adapt --help", options=["--bogus"]),
    Row("dry-run-format", [], 2, "--dry-run / HYDRA_ADAPT_DRY_RUN: 'xml' is not one of text, json",
        options=["--dry-run=xml"]),
    Row("unknown-policy-option", [], 2, "--unknown / HYDRA_ADAPT_UNKNOWN: 'maybe' is not one of error, pass, auto",
        options=["--unknown=maybe"]),
    Row("log-level", [], 2, "--log-level / HYDRA_ADAPT_LOG_LEVEL: 'loud' is not one of trace",
        options=["--log-level", "loud"]),
    Row("no-program", [], 2, "no program after '--'", program=[]),
    Row("program-not-found", [], 127, "program 'no-such-program-here' not found in PATH",
        program=["no-such-program-here"]),
    Row("program-missing-path", [], 127, "program '{tmp}/missing-program': No such file or directory",
        program=["{tmp}/missing-program"]),
    Row("program-is-a-folder", [], 126, "program '{tmp}/a-folder' is a folder", program=["{tmp}/a-folder"]),
    Row("program-not-executable", [], 126, "program '{tmp}/a-file' is not executable: Permission denied",
        program=["{tmp}/a-file"]),
    # --- incoming args ---
    Row("unknown-flag", ["--lrr", "1"], 2, "unknown flag --lrr (did you mean --lr?); known flags: --lr --epochs"),
    Row("unknown-flag-no-schema-bad-key", ["--1abc=3"], 2, "--1abc: '1abc' is not a Hydra key", schema=None),
    Row("lone-dash-dash", ["--lr", "1", "--", "x"], 2, "a lone '--' among the incoming args"),
    Row("stray-word", ["--flag", "--lr", "1", "word"], 2, "unexpected word 'word' among the incoming args"),
    Row("flag-without-name", ["--=3"], 2, "the incoming arg '--=3' has no flag name"),
    Row("missing-value", ["--lr"], 2, "--lr: missing value; write --lr VALUE or --lr=VALUE (type float)"),
    Row("missing-value-before-flag", ["--name", "--lr", "1"], 2, "--name: missing value"),
    Row("missing-required", ["--lr", "1"], 2, "missing required flag --epochs (for trainer.epochs)",
        schema=SCHEMA.replace("type: int}", "type: int, required: true}")),
    Row("placeholder", ["--name", "{{$.inputs.parameters['name']}}"], 2, "is a pipeline placeholder the platform "
        "did not substitute"),
    Row("placeholder-output", ["--out", "{{$.outputs.artifacts['model'].path}}"], 2, "pipeline placeholder"),
    # --- unusable values ---
    Row("int-fraction", ["--epochs", "1.5"], 2, "--epochs: the value '1.5' is not an int"),
    Row("int-word", ["--epochs", "ten"], 2, "--epochs: the value 'ten' is not an int"),
    Row("int-blank", ["--epochs", " 3"], 2, "is not an int"),
    Row("float-word", ["--lr", "fast"], 2, "--lr: the value 'fast' is not a float"),
    Row("float-overflow", ["--lr", "1e999"], 2, "--lr: the value '1e999' is not a float"),
    Row("float-empty", ["--lr="], 2, "--lr: the value '' is not a float"),
    Row("float-sweep", ["--lr", "0.1,0.2"], 2, "is not a float"),
    Row("bool-word", ["--flag", "yes"], 2, "--flag: the value 'yes' is not a bool (true, false, 1 or 0)"),
    Row("json-invalid", ["--meta", "{a: 1}"], 2, "--meta: the value '{a: 1}' is not valid JSON"),
    Row("json-empty", ["--meta", ""], 2, "is not valid JSON"),
    Row("json-number-key", ["--meta", '{"1": 0}'], 2, "would read as a number, bool or null rather than a str"),
    Row("json-non-ascii-key", ["--meta", '{"é": 0}'], 2, "whose characters Hydra cannot carry in a key"),
    Row("json-empty-key", ["--meta", '{"": 0}'], 2, "has an empty object key"),
    Row("json-nul", ["--meta", '["a\\u0000b"]'], 2, "holds a string with a NUL character"),
    Row("json-overflow", ["--meta", "[1e400]"], 2, "is not valid JSON (number overflow"),
    Row("json-too-deep", ["--meta", "[" * 102 + "]" * 102], 2, "nests deeper than 100 levels"),
    Row("value-not-utf8-json", ["--meta", b'"\xff"'], 2, "is not valid JSON"),
    Row("output-folder-under-a-file", ["--out", "{tmp}/a-file/sub/model.pt"], 2,
        "--out: cannot create the folder '{tmp}/a-file/sub'"),
    # --- the kernel's limits ---
    Row("word-over-128KiB", ["--name", "a" * (WORD_LIMIT - NAME_WORD_OVERHEAD)], 2,
        "--name: the command-line word it becomes is 131073 bytes with its NUL; Linux refuses words over 131072 bytes"),
    Row("quoting-pushes-word-over-128KiB", ["--name", "'" * 70000], 2, "Linux refuses words over 131072 bytes"),
    Row("command-over-total-limit", words_over_total_limit(), 2,
        "bytes Linux lets a program start with; pass large values in files", schema=None),
]


def expand(text, tmp):
    return text.replace("{tmp}", str(tmp)) if isinstance(text, str) else text


@pytest.mark.parametrize("row", ROWS, ids=[row.id for row in ROWS])
def test_bad_input_is_refused_before_the_program_starts(row, run_app, tmp_path):
    (tmp_path / "a-folder").mkdir()
    (tmp_path / "a-file").write_text("not a folder, not executable\n")
    options = list(row.options)
    schema = row.schema
    if row.schema_path is not None:
        options += ["--schema", expand(row.schema_path, tmp_path)]
        schema = None
    program = None if row.program is None else [expand(word, tmp_path) for word in row.program]
    run = run_app([expand(arg, tmp_path) for arg in row.args], options=options, schema=schema, program=program)

    assert run.returncode == row.status, run.err
    assert run.err.count("\n") == 1 and run.err.startswith("hydra-adapt: error: "), run.err
    assert expand(row.error, tmp_path) in run.err
    assert run.received is None, "the program started"
    assert run.stdout == b""
    assert os.listdir(tmp_path / "work") == [], "a file was created"
    assert sorted(os.listdir(tmp_path)) == sorted(["a-file", "a-folder", "work"] +
                                                  (["schema.yaml"] if schema is not None else []))
    assert os.listdir(tmp_path / "a-folder") == []


@pytest.mark.parametrize("bytes_with_nul", [WORD_LIMIT - 1, WORD_LIMIT])
def test_a_word_at_the_128KiB_limit_is_accepted(run_app, bytes_with_nul):
    text = "a" * (bytes_with_nul - 1 - NAME_WORD_OVERHEAD)
    run = run_app(["--name", text], schema=SCHEMA)
    assert run.returncode == 0, run.err
    assert run.received["cfg"]["name"] == text
    assert len(run.received["argv"][-1]) + 1 == bytes_with_nul
