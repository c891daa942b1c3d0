"""(g) Property: any string given to a `type: str` flag arrives byte-identical.

Hypothesis generates the strings; to keep the run short they are checked in batches of
250 (one run of the tool with --s0 v0 ... --s249 v249, keys s0..s249), not one Hydra
process per example. When a batch fails, it is bisected to the values at fault, and the
failure lists them (shortest first).
"""
import re

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from adapt import printable, run_tool_in, same, slot_args, slot_schema, typed

BATCH = 250

# Any Unicode except lone surrogates (not encodable) and NUL (cannot be in argv).
UNICODE = st.text(alphabet=st.characters(exclude_categories=("Cs",),
                                         exclude_characters="\x00"))
# Heavy on what Hydra's grammar and the quoting rule care about.
PUNCT = st.text(alphabet=st.sampled_from(list("\\'\"${}?:,=[]()#~ \t\n.-+*|%@!&`a1é\u2028\ufeff")),
                max_size=24)
# Arbitrary bytes (not UTF-8 in general): the app sees them as surrogate escapes.
BYTES = st.binary(max_size=24).filter(lambda b: b"\x00" not in b)

_PLACEHOLDER = re.compile(r"\{\{.*\}\}|Concat|IfPresent", re.S)


def _usable(v) -> bool:
    s = v.decode("utf-8", "surrogateescape") if isinstance(v, bytes) else v
    return not _PLACEHOLDER.search(s)  # those are errors by design (test_errors.py)


def collect(strategy, n: int) -> list:
    out: list = []

    @settings(max_examples=n, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def gen(v):
        if _usable(v):
            out.append(v)

    gen()
    return out


def expected(v):
    return v.decode("utf-8", "surrogateescape") if isinstance(v, bytes) else v


MAX_REPORTED = 20   # once this many bad values are found, stop bisecting (a broken tool
                    # would otherwise cost one Hydra run per value)


def check(folder, values: list, budget: dict) -> list:
    """Run values through the tool; return [(value, problem)] for the ones at fault."""
    res = run_tool_in(folder, slot_args(values), schema=slot_schema(len(values), "str"))
    if res.rc == 0 and res.cfg is not None:
        bad = []
        for i, v in enumerate(values):
            got = res.cfg.get(f"s{i}")
            if not same(got, expected(v)):
                bad.append((v, f"received {typed(got)}"))
        budget["found"] += len(bad)
        return bad
    if len(values) == 1 or budget["found"] >= MAX_REPORTED:
        budget["found"] += 1
        why = printable(res.stderr.strip()[-600:])
        if len(values) > 1:
            return [(values[0], f"(one of {len(values)} values not bisected further) run "
                                f"failed (exit {res.rc}): {why}")]
        return [(values[0], f"run failed (exit {res.rc}): {why}")]
    mid = len(values) // 2
    return check(folder, values[:mid], budget) + check(folder, values[mid:], budget)


def run_property(tmp_path, values: list):
    bad: list = []
    budget = {"found": 0}
    for start in range(0, len(values), BATCH):
        bad += check(tmp_path, values[start:start + BATCH], budget)
    bad.sort(key=lambda b: len(b[0]))
    assert not bad, f"{len(bad)} of {len(values)} values did not arrive identical:\n" + \
        "\n".join(f"  sent {v!r}: {why}" for v, why in bad[:25])


def test_unicode_strings_arrive_identical(tmp_path):
    values = collect(UNICODE, 1100)
    assert len(values) >= 1000, f"hypothesis produced only {len(values)} strings"
    run_property(tmp_path, values)


def test_punctuation_heavy_strings_arrive_identical(tmp_path):
    values = collect(PUNCT, 1100)
    assert len(values) >= 1000, f"hypothesis produced only {len(values)} strings"
    run_property(tmp_path, values)


def test_non_utf8_bytes_arrive_identical(tmp_path):
    values = collect(BYTES, 600)
    assert len(values) >= 500, f"hypothesis produced only {len(values)} values"
    run_property(tmp_path, values)
