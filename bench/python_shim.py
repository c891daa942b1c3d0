"""What teams paste into main.py today, as a stand-alone shim for the benchmark: rewrite
"--name value" / "--name=value" in sys.argv into Hydra's "key=value" and run the program.

    python3 python_shim.py KEYS.json PROGRAM [ARGS...]

KEYS.json maps flag names to Hydra keys. Like the pasted code, it does not quote values for
Hydra (a value with spaces, quotes or '=' breaks), so it does less work than hydra-adapt.
"""
import json
import os
import sys


def rewrite(args, keys):
    words = []
    i = 0
    while i < len(args):
        word = args[i]
        if word.startswith("--"):
            name, equals, value = word[2:].partition("=")
            if not equals:
                i += 1
                value = args[i]
            words.append(f"{keys.get(name, name)}={value}")
        else:
            words.append(word)
        i += 1
    return words


with open(sys.argv[1]) as keys_file:
    keys = json.load(keys_file)
program = sys.argv[2]
os.execv(program, [program] + rewrite(sys.argv[3:], keys))
