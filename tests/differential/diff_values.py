"""Seeded generators of the values a platform may send, per declared type, and what the
program must receive for each.

Every generator returns (incoming text, expected value). Texts are Python str; bytes that
are not UTF-8 are surrogate escapes (os.fsencode gives the bytes on the command line)."""
import json
import math
import random
import re
import string
import struct
from decimal import Decimal

# Bytes 0x80-0xFF alone on a command line, as Python sees them (PEP 383).
INVALID_UTF8 = [chr(0xDC00 + b) for b in range(0x80, 0x100)]
CONTROLS = [chr(c) for c in range(1, 32)] + ["\x7f"]
NON_ASCII = ["é", "ß", "ü", "日本", "Ж", "😀", "👩‍💻", "\ufeff", "\u2028", "\u2029", "\u200b", "\u0301", "ﬀ", "\U0010fffd"]
# Pieces that matter to Hydra's grammar, OmegaConf's interpolation, or the splitter.
SYNTAX = ["'", '"', "\\", "\\\\", "\\\\\\", "\\'", "${", "}", "${x}", "${oc.env:HOME}", "${hydra:runtime.cwd}",
          "\\${", "$", "{", "[", "]", "(", ")", ",", "=", ":", "#", "~", "+", "-", "--", "???", " ", "\t", "\n",
          "\r", "null", "true", "1", "1e3", "a=b", "x b=1", "choice(a,b)", "range(1,3)", "*", "@", "/", "%"]
SPECIAL_STRINGS = ["", " ", "  a  ", "???", "'", "\\", "\\\\", "'\\", "\\'", "${", "${x}", "\\${x}", "a${b", "$", "}",
                   "--other", "-x", "+k=v", "~k", "x b=1", "a,b", "']", "null", "None", "true", "1", "1.5", "nan",
                   "inf", "0x10", "007", "[1,2]", "{a:1}", "\n", "\r\n", "\ufeff", "a\\", "a\\\\", "'x' y='z'"]


def _string_piece(rng: random.Random, allow_invalid_utf8: bool) -> str:
    pool = rng.random()
    if pool < 0.35:
        return rng.choice(SYNTAX)
    if pool < 0.6:
        return "".join(rng.choice(string.ascii_letters + string.digits + " ._/") for _ in range(rng.randint(1, 6)))
    if pool < 0.7:
        return rng.choice(CONTROLS)
    if pool < 0.8:
        return rng.choice(NON_ASCII)
    if pool < 0.88 and allow_invalid_utf8:
        return "".join(rng.choice(INVALID_UTF8) for _ in range(rng.randint(1, 3)))
    return chr(rng.randint(0x20, 0x7E))


def random_text(rng: random.Random, allow_invalid_utf8: bool = True) -> str:
    if rng.random() < 0.03:
        return rng.choice(SPECIAL_STRINGS)
    pieces = rng.randint(0, 40 if rng.random() < 0.9 else 200)
    return "".join(_string_piece(rng, allow_invalid_utf8) for _ in range(pieces))


def gen_str(rng: random.Random):
    text = random_text(rng)
    return text, text


def gen_int(rng: random.Random):
    value = rng.choice([0, 1, -1, rng.randint(-1000, 1000), rng.randint(-2**63, 2**64), rng.randint(-10**40, 10**40)])
    form = rng.randrange(7)
    digits = str(abs(value))
    sign = "-" if value < 0 else rng.choice(["", "", "+"])
    if form == 0:
        text = sign + digits
    elif form == 1:  # hyperparameter tuning's discrete values: "256.0"
        text = sign + digits + "." + "0" * rng.randint(1, 3)
    elif form == 2:
        text = sign + "0" * rng.randint(1, 3) + digits
    elif form == 3:  # scientific, integral: 2.56e2, 1E3
        exponent = rng.randint(len(digits) - 1, len(digits) + 3)
        mantissa = digits[0] + "." + digits[1:] if len(digits) > 1 else digits
        text = sign + mantissa + rng.choice("eE") + rng.choice(["", "+"]) + str(exponent)
    elif form == 4:  # trailing zeros after the point, then an exponent: 1.50e1
        text = sign + digits + ".0e" + str(rng.randint(0, 3))
    elif form == 5:
        text = sign + digits + "."
    else:
        text = str(value)
    return text, int(Decimal(text))


def _random_double(rng: random.Random) -> float:
    kind = rng.random()
    if kind < 0.4:
        return struct.unpack("<d", rng.getrandbits(64).to_bytes(8, "little"))[0]
    if kind < 0.7:
        return rng.uniform(-1, 1) * 10 ** rng.randint(-12, 12)
    return rng.choice([0.0, -0.0, 1.0, 0.5, 1e-05, 1e-07, 0.001, 3e-4, 256.0, 0.1, 2.5e-10, 5e-324, 1.7976931348623157e308])


def gen_float(rng: random.Random):
    form = rng.randrange(8)
    if form == 0:
        text = rng.choice(["5", "256.0", "1e-05", "0.0000001", "1", "0", "-0.0", ".5", "5.", "1E5", "+1.5", "-2",
                           "inf", "-inf", "nan", "NaN", "INF", "1e-320", "2.2250738585072014e-308",
                           "0.1", "3.14159", "007.5", "1.0e+2", "9007199254740993", "1" * 30])
    elif form == 1:  # Python's repr (what most platforms write)
        text = repr(_random_double(rng))
    elif form == 2:  # a fixed number of decimals, as a UI or YAML writes it
        text = f"{rng.uniform(-1000, 1000):.{rng.randint(0, 12)}f}"
    elif form == 3:
        text = f"{_random_double(rng):.{rng.randint(0, 20)}e}"
    elif form == 4:
        text = f"{_random_double(rng):.{rng.randint(1, 17)}g}"
    elif form == 5:  # many digits: rounding must match Python's
        text = rng.choice(["", "-"]) + str(rng.randint(0, 10**30)) + "." + str(rng.randint(0, 10**25))
    elif form == 6:
        text = str(rng.randint(-10**6, 10**6))
    else:
        text = rng.choice(["", "-", "+"]) + "." + str(rng.randint(0, 10**8)) + rng.choice(["", "e-3", "E+2", "e0"])
    value = float(text)
    overflows = math.isinf(value) and "inf" not in text.lower()
    underflows = value == 0 and any(digit in text.split("e")[0].split("E")[0] for digit in "123456789")
    if overflows or underflows:  # refused by design: Python would round it to inf or zero
        return gen_float(rng)
    return text, value


def gen_bool(rng: random.Random):
    text = rng.choice(["True", "true", "TRUE", "tRuE", "False", "false", "FALSE", "fAlSe", "1", "0"])
    return text, text.lower() in ("true", "1")


# Object keys Hydra carries exactly as str (escaped where needed); the tool refuses the rest.
AWKWARD_KEYS = ["aws:tag", "a b", "sidecar.istio.io/inject", "x=y", "k,1", "[a]", "{b}", "(c)", "a\\b", "$x", "%p",
                "*", "@at", "?q", "|pipe", "tab\tkey", "-dash", "+plus", ".dot", "1a", "e5", "true_", "nullx", "_",
                "a\\", "\\", " lead", "trail ", "a:b:c", "${x}", "1_a", "0x10", "-", "+", "."]
KEY_CHARS = string.ascii_letters + string.digits + "_-/+.$%*@?|\\()[]{}:=, \t"


def _random_key(rng: random.Random) -> str:
    if rng.random() < 0.4:
        return rng.choice(AWKWARD_KEYS)
    return rng.choice(string.ascii_letters) + "".join(rng.choice(KEY_CHARS) for _ in range(rng.randint(0, 10)))


def _random_json(rng: random.Random, depth: int):
    kind = rng.random() if depth < 4 else rng.uniform(0.3, 1)
    if kind < 0.15:
        return {_random_key(rng): _random_json(rng, depth + 1) for _ in range(rng.randint(0, 5))}
    if kind < 0.3:
        return [_random_json(rng, depth + 1) for _ in range(rng.randint(0, 5))]
    if kind < 0.6:
        return random_text(rng, allow_invalid_utf8=False)
    if kind < 0.75:
        return rng.choice([0, -1, rng.randint(-2**63, 2**64 - 1), rng.randint(-10**30, 10**30)])
    if kind < 0.88:
        value = _random_double(rng)
        return value if value == value and abs(value) != float("inf") else 0.5
    return rng.choice([True, False, None])


def gen_json(rng: random.Random):
    document = _random_json(rng, 0)
    if rng.random() < 0.7 and not isinstance(document, (dict, list)):
        document = {_random_key(rng): document}
    text = json.dumps(document, ensure_ascii=rng.random() < 0.5, indent=rng.choice([None, None, 1]),
                      separators=rng.choice([None, (",", ":")]))
    return text, json.loads(text)


class AutoTyped:
    """Zero-config (an undeclared flag under unknown: auto): the tool guesses the type. What
    arrives must be the text itself as a str, or a number or bool that reads as the text."""

    def __init__(self, text: str):
        self.text = text

    def matches(self, received) -> bool:
        text = self.text
        if isinstance(received, str):
            return received.encode("utf-8", "surrogateescape") == text.encode("utf-8", "surrogateescape")
        if isinstance(received, bool):
            return text.lower() == str(received).lower()
        if isinstance(received, int):
            return re.fullmatch(r"-?[0-9]+", text) is not None and int(text) == received
        if isinstance(received, float):
            looks_float = re.fullmatch(r"-?[0-9]*\.?[0-9]*([eE][-+]?[0-9]+)?", text) is not None
            return looks_float and float(text).hex() == received.hex()
        return False

    def __repr__(self):
        return f"AutoTyped({self.text!r})"


def gen_auto(rng: random.Random):
    text, _ = rng.choice([gen_str, gen_str, gen_int, gen_float, gen_bool])(rng)
    return text, AutoTyped(text)


GENERATORS = {"str": gen_str, "int": gen_int, "float": gen_float, "bool": gen_bool, "json": gen_json,
              "auto": gen_auto}
