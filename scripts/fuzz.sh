#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz, clang with ASan + UBSan: the fuzz preset, build-fuzz/)
# and runs them.
#   scripts/fuzz.sh            each target for FUZZ_SECONDS (default 300) from the seed corpus
#   scripts/fuzz.sh smoke      ctest --preset fuzz: each target for a fixed number of runs
#                              (80,000, seed 1), the short run scripts/test.sh includes
# New inputs go to build-fuzz/corpus/<target>; the checked-in seeds (tests/fuzz/corpus) are
# only read. A crash, leak, UB report or broken invariant stops with the input saved in
# build-fuzz/artifacts/ and a non-zero status.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

mode="${1:-long}"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
if [ "$mode" = smoke ]; then
  exec ctest --preset fuzz
fi

for target in fuzz_split_args fuzz_schema fuzz_render_value fuzz_translate; do
  echo "fuzz: $target for ${FUZZ_SECONDS:-300} s"
  log="build-fuzz/$target.log"
  if ! "build-fuzz/tests/fuzz/$target" -max_total_time="${FUZZ_SECONDS:-300}" -max_len=4096 -print_final_stats=1 \
    -artifact_prefix="build-fuzz/artifacts/$target-" \
    "build-fuzz/corpus/$target" "tests/fuzz/corpus/$target" >"$log" 2>&1; then
    tail -n 60 "$log" >&2
    echo "fuzz: $target failed; the input is in build-fuzz/artifacts/, the log in $log" >&2
    exit 1
  fi
  grep -E '^stat::number_of_executed_units' "$log"
done
