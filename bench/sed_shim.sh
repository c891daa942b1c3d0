#!/bin/sh
# The shell/sed rewrite the seed's authors used for tuning jobs, as a stand-alone shim:
#   sh sed_shim.sh KEYS.sed PROGRAM [ARGS...]
# joins each "--name" with its value into "name=value", renames names to Hydra keys with the
# s-commands in KEYS.sed, and execs the program. No quoting for Hydra, like the original.
keys=$1
program=$2
shift 2
set -f
IFS='
'
exec "$program" $(printf '%s\n' "$@" | sed -e 'N;s/^--\(.*\)\n/\1=/' | sed -f "$keys")
