"""Writes the words it was started with, as the exact bytes, to the file named by its first word.

The differential test execs this through hydra-adapt to see the final command byte for byte
(the dry run's JSON cannot show bytes that are not UTF-8)."""
import json
import os
import sys

with open(sys.argv[1], "w", encoding="ascii") as out:
    json.dump([os.fsencode(word).hex() for word in sys.argv[2:]], out)
