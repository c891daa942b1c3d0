"""Differential test: what the platform sent against what a Hydra app receives.

For each type, DIFF_COUNT (default 10,000) generated values go through the real binary in
batches (one schema declaring every flag of the batch, one exec per batch). The exec'd
program is argv_dump.py, so the final words are seen byte for byte; the dry run's JSON must
show the same words. Then Hydra's own override parser and config merge (the code
@hydra.main runs) read the words in a process pool, and the resolved config must hold
exactly what was sent: str byte for byte, int/float/bool/json with their exact types ("auto":
undeclared flags under unknown: auto, where the text itself, or a number or bool that reads
as it, must arrive). A few hundred values per type also run through a real @hydra.main app
to show that the in-process check sees what a real program sees.

DIFF_SEED picks another sample; DIFF_COUNT=100000 is a longer run."""
import json
import math
import multiprocessing
import os
import random
import sys
from pathlib import Path

import pytest

from adapt import assert_ok, record_program, run_raw
from diff_values import GENERATORS, AutoTyped

HERE = Path(__file__).resolve().parent
COUNT = int(os.environ.get("DIFF_COUNT", "10000"))
SEED = int(os.environ.get("DIFF_SEED", "20261127"))
REAL_APP_COUNT = int(os.environ.get("DIFF_REAL_APP_COUNT", "200"))
BATCH_VALUES = 1000
BATCH_BYTES = 400_000  # well under the kernel's limit for the tool's own command line
CHECK_CHUNK = 200


def as_bytes(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")


def same_value(expected, received) -> bool:
    """Equal with the same types all the way down; floats bit for bit; str as the same bytes."""
    if isinstance(expected, AutoTyped):
        return expected.matches(received)
    if type(expected) is not type(received):
        return False
    if isinstance(expected, float):
        return (math.isnan(expected) and math.isnan(received)) or expected.hex() == received.hex()
    if isinstance(expected, str):
        return as_bytes(expected) == as_bytes(received)
    if isinstance(expected, list):
        return len(expected) == len(received) and all(map(same_value, expected, received))
    if isinstance(expected, dict):
        return set(expected) == set(received) and all(same_value(expected[k], received[k]) for k in expected)
    return expected == received


def incoming_words(rng: random.Random, type_name: str, flag: str, text: str) -> list:
    if type_name == "bool" and text.lower() == "true" and rng.random() < 0.2:
        return [flag]  # a bare bool flag means true
    if text.startswith("--") or rng.random() < 0.5:
        return [f"{flag}={text}"]
    return [flag, text]


def batches(values):
    batch, size = [], 0
    for value in values:
        if batch and (len(batch) == BATCH_VALUES or size + len(as_bytes(value[0])) > BATCH_BYTES):
            yield batch
            batch, size = [], 0
        batch.append(value)
        size += len(as_bytes(value[0]))
    if batch:
        yield batch


def flag_name(type_name: str, index: int) -> str:
    # "auto": undeclared flags, whose names become the keys.
    return f"--v{index}" if type_name == "auto" else f"--f-{index}"


def write_schema(path: Path, type_name: str, count: int) -> None:
    if type_name == "auto":
        path.write_text("unknown: auto\n")
        return
    lines = ["flags:"] + [f"  f-{i}: {{key: v{i}, type: {type_name}}}" for i in range(count)]
    path.write_text("\n".join(lines) + "\n")


def translate_batch(tmp: Path, type_name: str, batch, rng: random.Random) -> list:
    """The final words for one batch, as the program receives them (str with surrogate escapes)."""
    schema = tmp / "schema.yaml"
    write_schema(schema, type_name, len(batch))
    incoming = []
    for i, (text, _) in enumerate(batch):
        incoming += incoming_words(rng, type_name, flag_name(type_name, i), text)
    incoming = [as_bytes(word) for word in incoming]
    dump = tmp / "argv.json"
    program = [sys.executable, str(HERE / "argv_dump.py"), str(dump)]
    result = run_raw(["--schema", str(schema), "--", *program, "--", *incoming])
    assert result.rc == 0, result.stderr[:2000]
    words = [bytes.fromhex(word) for word in json.loads(dump.read_text())]

    dry = run_raw(["--schema", str(schema), "--dry-run=json", "--", *program, "--", *incoming])
    assert dry.rc == 0, dry.stderr[:2000]
    shown = json.loads(dry.stdout)["argv"][len(program):]
    assert len(shown) == len(words)
    # A JSON object's key is reset to null first, so the object replaces what the config holds
    # there; here every key starts as null, so only the object's own word is checked.
    resets = {i for i, word in enumerate(words[:-1])
              if word.endswith(b"=null") and words[i + 1].startswith(word[:-len(b"null")] + b"{")}
    words = [word for i, word in enumerate(words) if i not in resets]
    shown = [word for i, word in enumerate(shown) if i not in resets]
    assert len(words) == len(batch), "each incoming value yields one word (after a JSON object's null reset)"
    for i, (word, shown_word) in enumerate(zip(words, shown)):
        assert word.startswith(f"v{i}=".encode())
        try:
            assert shown_word == word.decode("utf-8"), "the dry run shows the exec'd word"
        except UnicodeDecodeError:
            pass  # JSON cannot show such bytes; the dry run replaces them
    return [word.decode("utf-8", "surrogateescape") for word in words]


def hydra_receives(words, keys):
    """What a Hydra app's resolved config holds at `keys` after these override words, the way
    @hydra.main composes it: parse, reject sweeps in a run, merge into a struct config."""
    from hydra._internal.config_loader_impl import ConfigLoaderImpl
    from hydra.core.override_parser.overrides_parser import OverridesParser
    from omegaconf import OmegaConf

    overrides = OverridesParser.create().parse_overrides(words)
    sweeps = [o.input_line for o in overrides if o.is_sweep_override()]
    if sweeps:
        raise ValueError(f"read as a sweep: {sweeps}")
    cfg = OmegaConf.create({key: None for key in keys})
    OmegaConf.set_struct(cfg, True)
    ConfigLoaderImpl._apply_overrides_to_config(overrides, cfg)
    return OmegaConf.to_container(cfg, resolve=True)


def check_chunk(chunk):
    """Mismatches in one chunk of (text, expected, word): one Hydra call for the chunk, then
    one per word only when the chunk fails, to name the culprit."""
    keys = [word.split("=", 1)[0] for _, _, word in chunk]
    try:
        received = hydra_receives([word for _, _, word in chunk], keys)
        failed = None
    except Exception as error:  # noqa: BLE001 - any Hydra failure is a finding
        failed = error
    mismatches = []
    for key, (text, expected, word) in zip(keys, chunk):
        if failed is not None:
            try:
                got = hydra_receives([word], [key])[key]
            except Exception as error:  # noqa: BLE001
                mismatches.append((text, word, f"Hydra failed: {type(error).__name__}: {error}"))
                continue
        else:
            got = received[key]
        if not same_value(expected, got):
            mismatches.append((text, word, f"received {got!r} ({type(got).__name__}), expected {expected!r}"))
    return mismatches


def run_real_app(tmp: Path, type_name: str, batch, rng: random.Random):
    """The batch through a real @hydra.main app started by hydra-adapt: the config it got."""
    (tmp / "conf").mkdir(exist_ok=True)
    (tmp / "conf" / "config.yaml").write_text("".join(f"v{i}: null\n" for i in range(len(batch))))
    schema = tmp / "schema.yaml"
    write_schema(schema, type_name, len(batch))
    incoming = []
    for i, (text, _) in enumerate(batch):
        incoming += incoming_words(rng, type_name, flag_name(type_name, i), text)
    result = run_raw(["--schema", str(schema), "--", *record_program(str(tmp / "conf")), "--",
                      *map(as_bytes, incoming)], cwd=tmp)
    return assert_ok(result)


@pytest.mark.parametrize("type_name", sorted(GENERATORS))
def test_hydra_receives_what_was_sent(type_name, tmp_path):
    rng = random.Random(f"{SEED}-{type_name}")
    values = [GENERATORS[type_name](rng) for _ in range(COUNT)]

    chunks = []
    for batch in batches(values):
        words = translate_batch(tmp_path, type_name, batch, rng)
        # Keys restart at v0 in every batch; a chunk is checked in a config of its own.
        rows = [(text, expected, word) for (text, expected), word in zip(batch, words)]
        chunks += [rows[i:i + CHECK_CHUNK] for i in range(0, len(rows), CHECK_CHUNK)]
    workers = max(1, len(os.sched_getaffinity(0)))
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        mismatches = [m for found in pool.map(check_chunk, chunks) for m in found]
    checked = sum(len(chunk) for chunk in chunks)
    print(f"differential {type_name}: {checked} values, {len(mismatches)} mismatches")
    assert checked == COUNT
    assert not mismatches, "\n".join(f"{text!r:.300} -> {word!r:.300}: {why:.600}" for text, word, why in mismatches[:20])

    real = values[:REAL_APP_COUNT]
    received = run_real_app(tmp_path, type_name, real, rng)
    wrong = [(text, received[f"v{i}"]) for i, (text, expected) in enumerate(real)
             if not same_value(expected, received[f"v{i}"])]
    assert received.keys() == {f"v{i}" for i in range(len(real))}
    assert not wrong, wrong[:20]
