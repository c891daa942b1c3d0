"""The error catalogue: one row per input the tool must refuse. For every row: the exit status
(2; 126/127 when the program cannot run), exactly one stderr line `hydra-adapt: error: ...`
holding the row's needles, nothing on stdout, the program not started, and no file created.

A row's id is DOC-ID or DOC-ID:VARIANT, where DOC-ID is the entry's id in docs/errors.md;
test_docs_and_catalogue_follow_each_other keeps the two in step. New error: add a row here
and, if it is a new kind, an entry with its id in docs/errors.md."""
from __future__ import annotations

import os
import re
import resource
from dataclasses import dataclass, field
from typing import Mapping, Optional, Sequence

import pytest
import yaml

from adapt import (PY, RECORD_MAIN, REPO, assert_ok, assert_refused, record_program, run_raw,
                   same, slot_args, slot_schema)

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
# Half `'`, half `"`: any Hydra quoting escapes half of them, so the word grows by half.
GROWS_WHEN_QUOTED = "'\"" * 50000
PLACEHOLDER_TEXT = "is a pipeline placeholder the platform did not substitute"
PDS = "--parent-death-signal / HYDRA_ADAPT_PARENT_DEATH_SIGNAL: "
REMAP = "--remap-exit / HYDRA_ADAPT_REMAP_EXIT: "


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
    id: str  # DOC-ID or DOC-ID:VARIANT (docs/errors.md)
    args: Sequence = ()  # the incoming args; {tmp} is the test's folder
    needles: Sequence[str] = ()  # texts the error line holds
    status: int = 2
    schema: Optional[str | dict] = SCHEMA  # None: no schema written
    options: Sequence[str] = ()
    program: Optional[list] = None  # None: the record app
    env: Mapping[str, str] = field(default_factory=dict)
    words: Optional[list] = None  # the whole command line after the binary, instead of the above
    # --platform sagemaker with SAGEMAKER_BASE_DIR={tmp}/ml, whose input/config holds these
    # files (None: a folder where the file belongs); the error line must also be the failure file.
    sagemaker: Optional[Mapping[str, Optional[str]]] = None
    hydra_config: Optional[str] = None  # written to {tmp}/cfg.yaml, passed with --hydra-config
    wandb_file: Optional[str] = None  # written to {tmp}/config-r1.yaml (a sweep parameter file)


def wandb_row(id, needles, env, wandb_file=None, args=(), schema=None):
    """--platform wandb with these variables; {tmp}/config-r1.yaml holds wandb_file."""
    return Row(id, args, needles, schema=schema, env=env, options=["--platform", "wandb"], wandb_file=wandb_file)


WANDB_PARAM_FILE = {"WANDB_SWEEP_PARAM_PATH": "{tmp}/config-r1.yaml"}
WANDB_FILE_FIX = "the W&B agent writes it as `wandb_version: 1` and one `NAME: {value: VALUE}` per parameter"


def sagemaker_row(id, needles, files=None, env=None, args=(), schema=None):
    return Row(id, args, needles, schema=schema, env=env or {}, sagemaker=files or {})


def hydra_config_row(id, text, args, *needles):
    return Row(id, args, needles, schema=None, hydra_config=text, options=["--hydra-config", "{tmp}/cfg.yaml"])


def schema_command_row(id, words, *needles):
    return Row(id, needles=needles, schema=None, words=["schema", *words])


# A mapping the check names but never reads: the sources are read first.
SOME_MAPPING = ["--hydra-config", "{tmp}/a-file"]


def check_row(id, source, words, *needles):
    """`hydra-adapt check WORDS`, with `source` written to {tmp}/cfg.yaml when given."""
    return Row(id, needles=needles, schema=None, words=["check", *words], hydra_config=source)


APP_CONFIG = ("hydra:\n  runtime:\n    choices: {trainer: default}\n"
              "trainer: {max_epochs: 10, name: t}\nmodel: {name: m}\n")


def compose_row(id, args, *needles, env=None, program=None, options=("--compose",)):
    """--compose over tests/e2e/apps/compose_tree (no --hydra-config: the job's words compose first)."""
    return Row(id, args, needles, schema=None, options=options, program=program,
               env={"RECORD_CONFIG_DIR": str(REPO / "tests" / "e2e" / "apps" / "compose_tree"), **(env or {})})


def schema_row(id, schema, *needles):
    return Row(id, needles=needles, schema=schema)


def placeholder_rows():
    kinds = {"parameter": "{{$.inputs.parameters['lr']}}", "output-path": "{{$.outputs.artifacts['m'].path}}",
             "executor-input": "{{$}}", "concat": '{"Concat": ["a"]}', "if-present": '{"IfPresent": {"InputName": "x"}}',
             "artifact-uri": "{{$.inputs.artifacts['data'].uri}}"}
    for kind, value in kinds.items():
        yield Row(f"placeholder:str-{kind}", ["--name", value], ["--name: '", PLACEHOLDER_TEXT])
        yield Row(f"placeholder:zero-config-{kind}", ["--name", value], ["--name: '", PLACEHOLDER_TEXT], schema=None)


ROWS = [
    # --- the schema ---
    schema_row("malformed-yaml:syntax", "flags:\n  lr: {key: a\n", "schema.yaml:3:1: malformed YAML"),
    schema_row("malformed-yaml:tab-indent", "flags:\n\tlr: {}\n", "malformed YAML"),
    schema_row("malformed-yaml:unclosed-brace", "flags:\n  lr: {key: optimizer.lr, type: float\n  epochs: {type: int}\n",
               "schema.yaml:3:9: malformed YAML: end of map flow not found"),
    schema_row("malformed-yaml:bad-indent", "flags:\n  lr:\n    key: a\n   type: float\n",
               "schema.yaml:4:4: malformed YAML: end of map not found"),
    schema_row("malformed-yaml:unclosed-bracket", "unknown: error\nflags:\n  lr: {key: a}\n  epochs: [1, 2\n",
               "schema.yaml:5:1: malformed YAML: end of sequence flow not found"),
    schema_row("malformed-yaml:unclosed-quote", "flags:\n  lr: {key: \"a}\n",
               "schema.yaml:3:1: malformed YAML: end of map flow not found"),
    schema_row("schema-not-a-mapping:list", "- lr\n", "a schema is a YAML mapping with a 'flags:' section"),
    schema_row("schema-not-a-mapping:empty-file", "", "a schema is a YAML mapping"),
    schema_row("flags-not-a-mapping", "flags: [lr]\n", "'flags' is a mapping from flag names"),
    schema_row("flag-not-a-mapping", "flags:\n  lr: [1]\n", "flag 'lr' takes a mapping such as {key: a.b, type: float}"),
    schema_row("field-not-a-scalar", "flags:\n  lr: {key: [a]}\n", "'key' must be a plain value"),
    schema_row("field-not-a-bool:required", "flags:\n  lr: {required: sure}\n", "'required' must be true or false"),
    schema_row("field-not-a-bool:secret", "flags:\n  lr: {secret: maybe}\n", "'secret' must be true or false"),
    schema_row("field-not-a-bool:hyphens", "hyphens_to_underscores: 2\n", "'hyphens_to_underscores' must be true or false"),
    schema_row("unknown-policy", "unknown: maybe\n", "unknown: 'maybe' is not one of error, pass, auto"),
    schema_row("unknown-type", "flags:\n  lr: {type: flaot}\n", "flag 'lr': unknown type 'flaot' (known: str, path"),
    schema_row("unknown-field:flag", "flags:\n  lr: {kye: a}\n", "flag 'lr': unknown field 'kye'"),
    schema_row("unknown-field:top", "flag:\n  lr: {}\n", "unknown field 'flag'"),
    schema_row("duplicate-flag", "flags:\n  lr: {}\n  lr: {}\n", "flag 'lr' is declared twice (first on line 2)"),
    schema_row("duplicate-field:flags-section", "flags:\n  lr: {}\nflags:\n  lr: {}\n", "the field 'flags' is given twice"),
    schema_row("duplicate-field:in-a-flag", "flags:\n  lr: {key: a, key: b}\n", "schema.yaml:2:16: the field 'key' is given twice; keep one"),
    # each entry of flags: and env: is read by the one reader, which refuses a repeated field
    schema_row("duplicate-field:in-an-env-entry", "env:\n  X: {key: a, key: b}\n",
               "schema.yaml:2:15: the field 'key' is given twice; keep one"),
    schema_row("duplicate-field:in-an-env-entry-type", "env:\n  X: {key: a, type: int, type: str}\n",
               "schema.yaml:2:26: the field 'type' is given twice; keep one"),
    schema_row("empty-key", "flags:\n  lr: {key: ''}\n", "flag 'lr': the key is empty"),
    schema_row("empty-key:plus-only", "flags:\n  lr: {key: '+'}\n", "flag 'lr': the key is empty"),
    schema_row("bad-key:blank", "flags:\n  lr: {key: 'a b'}\n", "'a b' is not a key Hydra can address"),
    schema_row("bad-key:starts-with-digit", "flags:\n  lr: {key: 1abc}\n", "'1abc' is not a key Hydra can address"),
    schema_row("bad-key:equals", "flags:\n  lr: {key: 'a=b'}\n", "is not a key Hydra can address"),
    schema_row("name-not-a-key", "flags:\n  1lr: {}\n", "flag '1lr' is not a Hydra key by itself"),
    schema_row("bad-flag-name:dashes", "flags:\n  --lr: {}\n", "must be the name without leading dashes"),
    schema_row("bad-flag-name:equals", "flags:\n  'a=b': {key: a}\n", "with no '=' or blanks"),
    Row("schema-missing", schema=None, options=["--schema", "{tmp}/missing.yaml"],
        needles=["cannot read schema {tmp}/missing.yaml: No such file or directory"]),
    Row("schema-missing:in-a-missing-folder", schema=None, options=["--schema", "{tmp}/nope/schema.yaml"],
        needles=["cannot read schema {tmp}/nope/schema.yaml: No such file or directory"]),
    Row("schema-missing:from-env", schema=None, env={"HYDRA_ADAPT_SCHEMA": "{tmp}/nope.yaml"},
        needles=["cannot read schema {tmp}/nope.yaml: No such file or directory; check --schema / HYDRA_ADAPT_SCHEMA"]),
    Row("schema-is-a-folder", schema=None, options=["--schema", "{tmp}/a-folder"],
        needles=["schema {tmp}/a-folder is a folder, not a file"]),
    Row("schema-unreadable", schema=None, options=["--schema", "/proc/self/mem"],
        needles=["cannot read schema /proc/self/mem: Input/output error"]),
    Row("schema-too-large", schema=None, options=["--schema", "/dev/zero"],
        needles=["schema /dev/zero is larger than 16 MiB"]),
    # --- the tool's own options and the command's shape ---
    Row("unknown-option", options=["--bogus"], needles=["unrecognised option '--bogus'; see hydra-adapt --help"]),
    Row("bad-dry-run", options=["--dry-run=xml"], needles=["--dry-run / HYDRA_ADAPT_DRY_RUN: 'xml' is not one of text, json"]),
    Row("bad-unknown-option", options=["--unknown=maybe"],
        needles=["--unknown / HYDRA_ADAPT_UNKNOWN: 'maybe' is not one of error, pass, auto"]),
    Row("bad-log-level", options=["--log-level", "loud"],
        needles=["--log-level / HYDRA_ADAPT_LOG_LEVEL: 'loud' is not one of trace"]),
    Row("bad-platform", options=["--platform", "vertex"],
        needles=["--platform / HYDRA_ADAPT_PLATFORM: 'vertex' is not one of sagemaker, wandb"]),
    Row("component-executor-without-component", options=["--component-executor", "exec-train"],
        needles=["--component-executor / HYDRA_ADAPT_COMPONENT_EXECUTOR needs --component FILE"]),
    # `schema` declares the option with the main command and refuses it the same way
    schema_command_row("component-executor-without-component:schema",
                       ["--hydra-config", "{tmp}/cfg.yaml", "--component-executor", "exec-train"],
                       "--component-executor / HYDRA_ADAPT_COMPONENT_EXECUTOR needs --component FILE"),
    # the platform is read first, so an error in any other option still reaches the failure file
    Row("bad-unknown-option:under-sagemaker", options=["--unknown=bogus"], sagemaker={},
        needles=["--unknown / HYDRA_ADAPT_UNKNOWN: 'bogus' is not one of error, pass, auto"]),
    Row("unknown-option:under-sagemaker", options=["--bogus"], sagemaker={},
        needles=["unrecognised option '--bogus'; see hydra-adapt --help"]),
    # --- PID 1 duty (docs/pid1.md) ---
    Row("bad-init-switch", options=["--init=maybe"], needles=["--init / HYDRA_ADAPT_INIT: 'maybe' is not one of 1, 0"]),
    Row("bad-init-switch:kill-group", options=["--kill-group=maybe"],
        needles=["--kill-group / HYDRA_ADAPT_KILL_GROUP: 'maybe' is not one of 1, 0"]),
    Row("init-and-no-init", options=["--init", "--no-init"], needles=["--init and --no-init contradict each other"]),
    Row("bad-signal:unknown-name", options=["--parent-death-signal", "TERMINATE"],
        needles=[PDS + "'TERMINATE' is not a signal; give a name such as TERM or SIGUSR1, or a number such as 15"]),
    Row("bad-signal:number-out-of-range", options=["--parent-death-signal=65"], needles=[PDS + "'65' is not a signal"]),
    Row("uncatchable-signal:kill", options=["--parent-death-signal", "KILL"],
        needles=[PDS + "'KILL' is SIGKILL, which no process can catch, so hydra-adapt could not pass it on; "
                       "give another signal such as TERM"]),
    Row("uncatchable-signal:stop", options=["--parent-death-signal=sigstop"],
        needles=[PDS + "'sigstop' is SIGSTOP, which no process can catch"]),
    Row("uncatchable-signal:kill-number-in-env", env={"HYDRA_ADAPT_PARENT_DEATH_SIGNAL": "9"},
        needles=[PDS + "'9' is SIGKILL"]),
    Row("signal-is-sigchld", options=["--parent-death-signal", "CHLD"],
        needles=[PDS + "'CHLD' is SIGCHLD, which tells hydra-adapt that a child ended; give another signal such as TERM"]),
    Row("bad-exit-status:over-255", options=["--remap-exit", "256"],
        needles=[REMAP + "'256' is not an exit status; give whole numbers from 0 to 255, such as 143 (128 + SIGTERM's 15)"]),
    Row("bad-exit-status:negative", options=["--remap-exit=-1"], needles=[REMAP + "'-1' is not an exit status"]),
    Row("bad-exit-status:not-a-number", options=["--remap-exit", "sigterm"], needles=[REMAP + "'sigterm' is not an exit status"]),
    Row("bad-exit-status:env-list-item", env={"HYDRA_ADAPT_REMAP_EXIT": "143,x"}, needles=[REMAP + "'x' is not an exit status"]),
    Row("bad-exit-status:env-empty-item", env={"HYDRA_ADAPT_REMAP_EXIT": "143,"}, needles=[REMAP + "'' is not an exit status"]),
    Row("no-init-needs-duty:kill-group", options=["--no-init", "--kill-group"],
        needles=["--no-init contradicts --kill-group, which needs PID 1 duty; give one of them"]),
    Row("no-init-needs-duty:init-0-remap-exit", options=["--init=0", "--remap-exit", "143"],
        needles=["--init=0 contradicts --remap-exit, which needs PID 1 duty; give one of them"]),
    Row("no-init-needs-duty:parent-death-signal", options=["--no-init", "--parent-death-signal", "TERM"],
        needles=["--no-init contradicts --parent-death-signal, which needs PID 1 duty; give one of them"]),
    Row("env-init-0-needs-duty:kill-group", env={"HYDRA_ADAPT_INIT": "0", "HYDRA_ADAPT_KILL_GROUP": "1"},
        needles=["HYDRA_ADAPT_INIT=0 contradicts HYDRA_ADAPT_KILL_GROUP=1, which needs PID 1 duty; unset one of them"]),
    Row("env-init-0-needs-duty:remap-exit", env={"HYDRA_ADAPT_INIT": "0", "HYDRA_ADAPT_REMAP_EXIT": "143"},
        needles=["HYDRA_ADAPT_INIT=0 contradicts HYDRA_ADAPT_REMAP_EXIT, which needs PID 1 duty; unset one of them"]),
    Row("env-init-0-needs-duty:parent-death-signal", env={"HYDRA_ADAPT_INIT": "0", "HYDRA_ADAPT_PARENT_DEATH_SIGNAL": "TERM"},
        needles=["HYDRA_ADAPT_INIT=0 contradicts HYDRA_ADAPT_PARENT_DEATH_SIGNAL, which needs PID 1 duty; unset one of them"]),
    Row("missing-dashes", words=[], needles=["missing '--' before the program"]),
    Row("no-program", words=["--"], needles=["no program after '--'"]),
    Row("no-program:after-options", program=[], needles=["no program after '--'"]),
    Row("program-not-found", status=127, program=["no-such-program-here"],
        needles=["program 'no-such-program-here' not found in PATH"]),
    Row("program-missing-path", status=127, program=["{tmp}/missing-program"],
        needles=["program '{tmp}/missing-program': No such file or directory"]),
    Row("program-is-a-folder", status=126, program=["{tmp}/a-folder"], needles=["program '{tmp}/a-folder' is a folder"]),
    Row("program-not-executable", status=126, program=["{tmp}/a-file"],
        needles=["program '{tmp}/a-file' is not executable: Permission denied"]),
    # --- the incoming args ---
    Row("unknown-flag", ["--lrr", "1"], ["unknown flag --lrr (did you mean --lr?); known flags: --lr --epochs"]),
    Row("flag-not-a-key", ["--1abc=3"], ["--1abc: '1abc' is not a Hydra key"], schema=None),
    Row("lone-dash-dash", ["--lr", "1", "--", "x"], ["a lone '--' among the incoming args"]),
    Row("stray-word", ["--flag", "--lr", "1", "word"], ["unexpected word 'word' among the incoming args"]),
    Row("flag-without-name", ["--=3"], ["the incoming arg '--=3' has no flag name"]),
    Row("missing-value", ["--lr"], ["--lr: missing value; write --lr VALUE or --lr=VALUE (type float)"]),
    Row("missing-value:before-a-flag", ["--name", "--lr", "1"], ["--name: missing value"]),
    Row("missing-required", ["--lr", "1"], ["missing required flag --epochs (for trainer.epochs)"],
        schema=SCHEMA.replace("type: int}", "type: int, required: true}")),
    *placeholder_rows(),
    Row("placeholder:output-path-flag", ["--out", "{{$.outputs.artifacts['model'].path}}"], ["--out: '", PLACEHOLDER_TEXT]),
    Row("placeholder:float-flag", ["--lr", "{{$.inputs.parameters['lr']}}"], ["--lr: '", PLACEHOLDER_TEXT]),
    Row("placeholder:json-flag-concat", ["--meta", '{"Concat": ["a", "b"]}'], ["--meta: '", PLACEHOLDER_TEXT]),
    Row("placeholder:json-flag-if-present", ["--meta", '{"IfPresent": {"InputName": "x"}}'], ["--meta: '", PLACEHOLDER_TEXT]),
    # --- values that are not of their type ---
    Row("not-an-int:fraction", ["--epochs", "1.5"], ["--epochs: the value '1.5' is not an int"]),
    Row("not-an-int:word", ["--epochs", "ten"], ["--epochs: the value 'ten' is not an int"]),
    Row("not-an-int:blank", ["--epochs", " 3"], ["is not an int"]),
    Row("not-a-float:word", ["--lr", "fast"], ["--lr: the value 'fast' is not a float"]),
    Row("not-a-float:overflow", ["--lr", "1e999"], ["--lr: the value '1e999' is not a float"]),
    Row("not-a-float:empty", ["--lr="], ["--lr: the value '' is not a float"]),
    Row("not-a-float:sweep", ["--lr", "0.1,0.2"], ["is not a float"]),
    Row("not-a-bool", ["--flag", "yes"], ["--flag: the value 'yes' is not a bool (true, false, 1 or 0)"]),
    Row("not-json", ["--meta", "{a: 1}"], ["--meta: the value '{a: 1}' is not valid JSON"]),
    Row("not-json:empty", ["--meta", ""], ["is not valid JSON"]),
    Row("not-json:overflow", ["--meta", "[1e400]"], ["is not valid JSON (number overflow"]),
    Row("not-json:not-utf8", ["--meta", b'"\xff"'], ["is not valid JSON"]),
    Row("json-key-not-a-str", ["--meta", '{"1": 0}'], ["would read as a number, bool or null rather than a str"]),
    Row("json-key-characters", ["--meta", '{"é": 0}'], ["whose characters Hydra cannot carry in a key"]),
    Row("json-empty-key", ["--meta", '{"": 0}'], ["has an empty object key"]),
    Row("json-nul", ["--meta", '["a\\u0000b"]'], ["holds a string with a NUL character"]),
    Row("json-too-deep", ["--meta", "[" * 102 + "]" * 102], ["nests deeper than 100 levels"]),
    # --- the kernel's limits, and files ---
    Row("word-too-long", ["--name", "a" * (WORD_LIMIT - NAME_WORD_OVERHEAD)],
        ["--name: the command-line word it becomes is 131073 bytes with its NUL; Linux refuses words over 131072 bytes"]),
    Row("word-too-long:quoting-doubles", ["--name", "'" * 70000], ["Linux refuses words over 131072 bytes"]),
    Row("word-too-long:quoting-grows-by-half", ["--name", GROWS_WHEN_QUOTED], ["--name: the command-line word"]),
    Row("word-too-long:zero-config", ["--name", GROWS_WHEN_QUOTED], ["--name: the command-line word"], schema=None),
    Row("word-too-long:long-key", ["--big", "v" * (131071 - 1000)], ["--big: the command-line word"],
        schema={"flags": {"big": {"key": "+" + ".".join(["k" * 60] * 30), "type": "str"}}}),
    Row("command-too-big", words_over_total_limit(), ["bytes Linux lets a program start with; pass large values in files"],
        schema=None),
    # 1 MB of environment (one string may not pass 128 KiB) + 10 values of 60,000 quotes, which
    # double when quoted: each final word fits, all of them with the environment do not.
    Row("command-too-big:with-the-environment", slot_args(["'" * 60_000] * 10),
        ["bytes Linux lets a program start with"], schema=slot_schema(10, "str"),
        env={f"BIG_ENV_VALUE_{i}": "e" * 100_000 for i in range(10)}),
    Row("output-folder", ["--out", "{tmp}/a-file/sub/model.pt"], ["--out: cannot create the folder '{tmp}/a-file/sub'"]),
    # --- W&B (--platform wandb) ---
    wandb_row("wandb-param-file-unreadable:missing",
              ["cannot read W&B sweep parameter file {tmp}/missing.yaml: No such file or directory; check "
               "WANDB_SWEEP_PARAM_PATH"], {"WANDB_SWEEP_PARAM_PATH": "{tmp}/missing.yaml"}),
    wandb_row("wandb-param-file-unreadable:folder", ["W&B sweep parameter file {tmp}/a-folder is a folder"],
              {"WANDB_SWEEP_PARAM_PATH": "{tmp}/a-folder"}),
    wandb_row("wandb-param-file-malformed:not-a-mapping",
              ["WANDB_SWEEP_PARAM_PATH: the sweep parameter file {tmp}/a-file is not a YAML mapping", WANDB_FILE_FIX],
              {"WANDB_SWEEP_PARAM_PATH": "{tmp}/a-file"}),
    wandb_row("wandb-param-file-malformed:not-yaml", ["{tmp}/config-r1.yaml:1:"], WANDB_PARAM_FILE,
              wandb_file="lr: {value: [1, 2}\n"),
    wandb_row("wandb-param-file-malformed:no-value", ["holds 'lr' without a \"value:\" entry", WANDB_FILE_FIX],
              WANDB_PARAM_FILE, wandb_file="wandb_version: 1\nlr: 0.1\n"),
    wandb_row("wandb-config-malformed:python-repr", ["WANDB_CONFIG is not JSON", "W&B Launch sets it"],
              {"WANDB_CONFIG": "{'lr': 0.1}"}),
    wandb_row("wandb-config-malformed:list", ["WANDB_CONFIG is not a JSON object"], {"WANDB_CONFIG": "[1]"}),
    wandb_row("wandb-config-malformed:shards", ["WANDB_CONFIG_0..WANDB_CONFIG_1 is not JSON"],
              {"WANDB_CONFIG_0": '{"lr":', "WANDB_CONFIG_1": " 0.1"}),
    wandb_row("wandb-config-shard-missing", ["WANDB_CONFIG_1 is missing, but WANDB_CONFIG_2 is set"],
              {"WANDB_CONFIG_0": '{"lr":', "WANDB_CONFIG_2": " 0.1}"}),
    wandb_row("wandb-value-mistyped", ["WANDB_SWEEP_PARAM_PATH:epochs: the value 'ten' is not an int"],
              WANDB_PARAM_FILE, wandb_file="wandb_version: 1\nepochs:\n  value: ten\n", schema=SCHEMA),
    Row("python-rendering", ["--meta", "{'a': 1}"], ["--meta: the value '{'a': 1}' is not valid JSON",
                                                     "a W&B sweep renders", "--platform wandb"]),
    # --- SageMaker (--platform sagemaker) ---
    sagemaker_row("hyperparameters-not-strings", ["hyperparameters file {tmp}/ml/input/config/hyperparameters.json: "
                                                  "the value of 'lr' is not a string"],
                  {"hyperparameters.json": '{"lr": 0.01}'}),
    sagemaker_row("hyperparameters-malformed:list", ["hyperparameters.json is not a JSON object"],
                  {"hyperparameters.json": '["lr"]'}),
    sagemaker_row("hyperparameters-malformed:not-json", ["hyperparameters.json is not JSON"],
                  {"hyperparameters.json": '{"lr": "0.01"'}),
    sagemaker_row("input-data-config-malformed", ["input data config {tmp}/ml/input/config/inputdataconfig.json "
                                                  "is not a JSON object"],
                  {"inputdataconfig.json": '["train"]'}),
    sagemaker_row("platform-file-unreadable:hyperparameters",
                  ["hyperparameters file {tmp}/ml/input/config/hyperparameters.json is a folder"],
                  {"hyperparameters.json": None}),
    sagemaker_row("platform-file-unreadable:input-data-config",
                  ["input data config {tmp}/ml/input/config/inputdataconfig.json is a folder"],
                  {"inputdataconfig.json": None}),
    sagemaker_row("sm-hps-malformed:list", ["SM_HPS is not a JSON object"], env={"SM_HPS": '["lr"]'}),
    sagemaker_row("sm-hps-malformed:python-repr", ["SM_HPS is not JSON"], env={"SM_HPS": "{'lr': 0.01}"}),
    sagemaker_row("script-mode-rendering:list", ["--meta: the value '['a', 'b']' is not valid JSON", "SM_HPS"],
                  args=["--meta", "['a', 'b']"], schema=SCHEMA),
    sagemaker_row("script-mode-rendering:dict", ["--meta: the value 'k=1,k2=2'", "str()", "SM_HPS"],
                  args=["--meta", "k=1,k2=2"], schema=SCHEMA),
    sagemaker_row("unknown-flag:from-sm-hps", ["SM_HPS:lrr: unknown flag --lrr (did you mean --lr?)"],
                  env={"SM_HPS": '{"lrr": 0.1}'}, schema=SCHEMA),
    sagemaker_row("hyperparameter-mistyped:sm-hps", ["SM_HPS:epochs: the value 'ten' is not an int"],
                  env={"SM_HPS": '{"epochs": "ten"}'}, schema=SCHEMA),
    sagemaker_row("hyperparameter-mistyped:file", ["hyperparameters.json:epochs: the value 'ten' is not an int"],
                  {"hyperparameters.json": '{"epochs": "\\"ten\\""}'}, schema=SCHEMA),
    # --- the app's Hydra config (--hydra-config) ---
    hydra_config_row("hydra-config-ambiguous", APP_CONFIG, ["--name", "x"],
                     "--name is ambiguous", "trainer.name, model.name", "--trainer.name"),
    hydra_config_row("hydra-config-unknown-flag", APP_CONFIG, ["--max-epoch", "3"],
                     "unknown flag --max-epoch", "did you mean --trainer.max_epochs?"),
    hydra_config_row("hydra-config-default-type", APP_CONFIG, ["--max-epochs", "3.5"], "--max-epochs", "is not an int"),
    hydra_config_row("hydra-config-malformed-yaml", "trainer: {max_epochs: 10\n", [], "{tmp}/cfg.yaml:", "malformed YAML"),
    hydra_config_row("hydra-config-not-a-mapping", "- trainer\n", [], "{tmp}/cfg.yaml:", "expected a YAML mapping"),
    hydra_config_row("hydra-config-only-hydra-keys", "hydra:\n  run: {dir: .}\n", [], "{tmp}/cfg.yaml", "not --cfg hydra"),
    Row("hydra-config-missing", schema=None, options=["--hydra-config", "{tmp}/cfg.yaml"],
        needles=["cannot read Hydra config", "{tmp}/cfg.yaml", "--hydra-config"]),
    # --- the config the job composes (--compose) ---
    compose_row("compose-unknown-choice", ["--model", "foo"], "--model foo: the app's config cannot be composed",
                "--cfg all failed with exit status 1", "Could not find 'model/foo'",
                "Available options in 'model': resnet, vit", "choose an option the group has"),
    Row("compose-unknown-choice:from-wandb", [], ["WANDB_SWEEP_PARAM_PATH:model: the app's config cannot be composed",
                                                   "'model='\\''foo'\\''' --cfg all failed", "Could not find 'model/foo'"],
        schema=None, options=["--platform", "wandb", "--compose"], wandb_file="wandb_version: 1\nmodel:\n  value: foo\n",
        env={**WANDB_PARAM_FILE, "RECORD_CONFIG_DIR": str(REPO / "tests" / "e2e" / "apps" / "compose_tree")}),
    compose_row("compose-program-fails", ["seed=2"], "the job's Hydra words: the app's config cannot be composed",
                "-c 'import sys; sys.exit(3)' seed=2 --cfg all failed with exit status 3",
                program=[PY, "-c", "import sys; sys.exit(3)"]),
    compose_row("compose-program-fails:hydra-error", ["nokey.x=1"], "the job's Hydra words",
                "failed with exit status 1", "Key 'nokey' is not in struct"),
    compose_row("compose-no-config", [], "the job's Hydra words: the output of ", "--cfg all:1:1: not the config",
                program=[PY, "-c", "print('[1, 2]')"]),
    compose_row("compose-timeout", ["--model", "resnet"], "the app's config cannot be composed",
                "--cfg all did not end within 1 seconds (HYDRA_ADAPT_COMPOSE_TIMEOUT) and was killed",
                env={"HYDRA_ADAPT_COMPOSE_TIMEOUT": "1", "RECORD_CFG_SLEEP": "60"}),
    compose_row("compose-timeout-invalid", [], "--compose-timeout / HYDRA_ADAPT_COMPOSE_TIMEOUT: 'soon'",
                "is not a whole number of seconds", env={"HYDRA_ADAPT_COMPOSE_TIMEOUT": "soon"}),
    compose_row("compose-invalid-switch", [], "--compose / HYDRA_ADAPT_COMPOSE: 'yes' is not one of 1, 0",
                env={"HYDRA_ADAPT_COMPOSE": "yes"}, options=()),
    # --- hydra-adapt schema with the app's config ---
    schema_command_row("schema-program-fails", ["--from-program", "--", PY, "-c", "import sys; sys.exit(3)"],
                       "-c 'import sys; sys.exit(3)' --cfg all) failed with exit status 3"),
    schema_command_row("schema-program-prints-no-config", ["--from-program", "--", PY, "-c", "print('[1, 2]')"],
                       "the output of ", "--cfg all:1:1: not the config", "expected a YAML mapping"),
    schema_command_row("schema-from-program-no-program", ["--from-program", "--"],
                       "--from-program needs the program after '--'"),
    schema_command_row("schema-program-without-from-program", ["--", PY, "main.py"], "add --from-program"),
    schema_command_row("schema-config-twice", ["--hydra-config", "x.yaml", "--from-program", "--", PY], "not both"),
    schema_command_row("schema-no-source", [], "needs --component FILE, --hydra-config FILE or --from-program"),
    # --- hydra-adapt check ---
    check_row("check-source-missing", None, [*SOME_MAPPING, "--vertex-study", "{tmp}/missing.yaml"],
              "cannot read study {tmp}/missing.yaml: No such file or directory; check --vertex-study"),
    check_row("check-source-invalid:study", "trialJobSpec: {}\n",
              [*SOME_MAPPING, "--vertex-study", "{tmp}/cfg.yaml"],
              "{tmp}/cfg.yaml:1:1: a Vertex AI hyperparameter tuning job lists its parameters in studySpec.parameters"),
    check_row("check-source-invalid:study-parameter", "studySpec:\n  parameters:\n  - parameterId: lr\n",
              [*SOME_MAPPING, "--vertex-study", "{tmp}/cfg.yaml"], "{tmp}/cfg.yaml:3:5: parameter 'lr' has no doubleValueSpec"),
    check_row("check-source-invalid:sweep", "method: grid\n", [*SOME_MAPPING, "--wandb-sweep", "{tmp}/cfg.yaml"],
              "{tmp}/cfg.yaml:1:1: not a W&B sweep configuration"),
    check_row("check-source-invalid:malformed", "parameters: {lr: [1\n",
              [*SOME_MAPPING, "--wandb-sweep", "{tmp}/cfg.yaml"],
              "{tmp}/cfg.yaml:", "malformed YAML"),
    check_row("check-source-invalid:component", "name: c\n", [*SOME_MAPPING, "--component", "{tmp}/cfg.yaml"],
              "{tmp}/cfg.yaml"),
    check_row("check-program-fails", "parameters: {lr: {value: 1}}\n",
              ["--wandb-sweep", "{tmp}/cfg.yaml", "--", PY, "-c", "import sys; sys.exit(3)"],
              "--cfg all) failed with exit status 3"),
    check_row("check-no-mapping", None, ["--wandb-sweep", "{tmp}/a-file"], "check needs the mapping the run uses"),
    check_row("check-no-source", None, ["--hydra-config", "{tmp}/a-file"], "check needs a source"),
    check_row("check-config-twice", None, ["--hydra-config", "x.yaml", "--wandb-sweep", "y", "--", PY], "not both"),
    check_row("check-format", None, ["--format", "xml"], "--format: 'xml' is not one of text, json"),
    check_row("check-empty-program", None, ["--schema", "{tmp}/a-file", "--wandb-sweep", "y", "--"],
              "check: '--' needs the program after it: -- PROGRAM"),
    check_row("check-compose-no-program", None, [*SOME_MAPPING, "--compose", "--wandb-sweep", "{tmp}/a-file"],
              "check --compose composes with the program: add -- PROGRAM"),
    check_row("check-unknown-policy", None, [*SOME_MAPPING, "--unknown", "maybe", "--wandb-sweep", "{tmp}/a-file"],
              "--unknown / HYDRA_ADAPT_UNKNOWN: 'maybe' is not one of error, pass, auto"),
    check_row("check-timeout-value", None, ["--compose-timeout", "soon", "--wandb-sweep", "y", "--", PY],
              "--compose-timeout / HYDRA_ADAPT_COMPOSE_TIMEOUT: 'soon' is not a"),
]


def expand(word, tmp):
    return word.replace("{tmp}", str(tmp)) if isinstance(word, str) else word


def lay_out_sagemaker(row: Row, tmp) -> None:
    config = tmp / "ml" / "input" / "config"
    config.mkdir(parents=True)
    (tmp / "ml" / "output").mkdir()
    for name, text in row.sagemaker.items():
        if text is None:
            (config / name).mkdir()  # a folder where the file belongs: it cannot be read
        else:
            (config / name).write_text(text, encoding="utf-8")


def command_words(row: Row, tmp) -> list:
    if row.words is not None:
        return [expand(word, tmp) for word in row.words]
    options = list(row.options)
    if row.sagemaker is not None:
        options += ["--platform", "sagemaker"]
    if row.schema is not None:
        text = row.schema if isinstance(row.schema, str) else yaml.safe_dump(row.schema)
        (tmp / "schema.yaml").write_text(text, encoding="utf-8")
        options += ["--schema", str(tmp / "schema.yaml")]
    program = record_program() if row.program is None else row.program
    incoming = ["--", *row.args] if program and row.args else []
    return [expand(word, tmp) for word in [*options, "--", *program, *incoming]]


@pytest.mark.parametrize("row", ROWS, ids=[row.id for row in ROWS])
def test_refused_before_the_program_starts(row, tmp_path):
    (tmp_path / "a-folder").mkdir()
    (tmp_path / "a-file").write_text("not a folder, not executable\n")
    if row.hydra_config is not None:
        (tmp_path / "cfg.yaml").write_text(row.hydra_config, encoding="utf-8")
    if row.wandb_file is not None:
        (tmp_path / "config-r1.yaml").write_text(row.wandb_file, encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    env = {k: expand(v, tmp_path) for k, v in row.env.items()}
    if row.sagemaker is not None:
        lay_out_sagemaker(row, tmp_path)
        env["SAGEMAKER_BASE_DIR"] = str(tmp_path / "ml")
    platform_files = sorted(tmp_path.glob("ml/**/*"))
    res = run_raw(command_words(row, tmp_path), cwd=work, env=env)

    line = assert_refused(res, row.status, *[expand(needle, tmp_path) for needle in row.needles])
    if row.sagemaker is not None:  # the one file an error may create: the reason SageMaker shows
        failure = tmp_path / "ml" / "output" / "failure"
        assert failure.read_text(encoding="utf-8") == line + "\n", res.describe()
        failure.unlink()
    assert sorted(tmp_path.glob("ml/**/*")) == platform_files, "a file was created"
    assert len(line) < 2000, "the line must not repeat a huge value" + res.describe()
    assert res.stdout == "", res.describe()
    assert os.listdir(work) == [], "a file was created"
    assert sorted(os.listdir(tmp_path)) == sorted(["a-file", "a-folder", "work"] +
                                                  (["schema.yaml"] if row.schema is not None and row.words is None else []) +
                                                  (["ml"] if row.sagemaker is not None else []) +
                                                  (["cfg.yaml"] if row.hydra_config is not None else []) +
                                                  (["config-r1.yaml"] if row.wandb_file is not None else []))
    assert os.listdir(tmp_path / "a-folder") == []


def docs_ids() -> list:
    """The ids of docs/errors.md's entries: the first cell of its table rows, `id`."""
    text = (REPO / "docs" / "errors.md").read_text(encoding="utf-8")
    return re.findall(r"^\| `([a-z0-9-]+)` \|", text, re.M)


def test_docs_and_catalogue_follow_each_other():
    documented = docs_ids()
    assert len(documented) == len(set(documented)), "an id is listed twice in docs/errors.md"
    ids = [row.id for row in ROWS]
    assert len(ids) == len(set(ids)), "a row id is used twice"
    tested = {row_id.split(":")[0] for row_id in ids}
    assert sorted(tested - set(documented)) == [], "rows whose kind docs/errors.md does not list"
    assert sorted(set(documented) - tested) == [], "docs/errors.md entries no row tests"


# --- the limits, from the other side: what is accepted --------------------------------

@pytest.mark.parametrize("bytes_with_nul", [WORD_LIMIT - 1, WORD_LIMIT])
def test_a_word_at_the_128KiB_limit_is_accepted(run_tool, bytes_with_nul):
    text = "a" * (bytes_with_nul - 1 - NAME_WORD_OVERHEAD)
    res = run_tool(["--name", text], schema=SCHEMA, second_dashes=True)
    assert assert_ok(res)["name"] == text
    assert len(res.argv[-1]) + 1 == bytes_with_nul


def test_long_word_under_the_limit_works(run_tool):
    value = "z" * 100000
    cfg = assert_ok(run_tool(["--name", value], schema=SCHEMA))
    assert same(cfg["name"], value)


def test_program_found_on_path(run_tool, tmp_path):
    bindir = tmp_path / "bin"
    bindir.mkdir()
    prog = bindir / "my-trainer"
    prog.write_text(f"#!/bin/sh\nexec '{PY}' '{RECORD_MAIN}' \"$@\"\n")
    prog.chmod(0o755)
    res = run_tool(["--lr", "0.5"], program=["my-trainer"], schema=SCHEMA,
                   env={"PATH": f"{bindir}:{os.environ.get('PATH', '/usr/bin:/bin')}"})
    cfg = assert_ok(res)
    assert cfg["optimizer"]["lr"] == 0.5
