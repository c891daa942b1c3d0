#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz, clang with ASan + UBSan) in build-fuzz/ and runs them.
#   scripts/fuzz.sh            each target for FUZZ_SECONDS (default 300) from the seed corpus
#   scripts/fuzz.sh smoke      each target for a fixed number of runs (FUZZ_RUNS, default 80000),
#                              seed 1: the short run scripts/test.sh includes
# New inputs go to build-fuzz/corpus/<target>; the checked-in seeds (tests/fuzz/corpus) are
# only read. A crash, leak, UB report or broken invariant stops with the input saved in
# build-fuzz/artifacts/ and a non-zero status.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

mode="${1:-long}"
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DHYDRA_ADAPT_FUZZ=ON -DHYDRA_ADAPT_TESTS=OFF >/dev/null
TARGETS=(fuzz_split_args fuzz_schema fuzz_render_value fuzz_translate)
cmake --build build-fuzz --target "${TARGETS[@]}"

mkdir -p build-fuzz/artifacts
for target in "${TARGETS[@]}"; do
  mkdir -p "build-fuzz/corpus/$target"
  if [ "$mode" = smoke ]; then
    limit=(-runs="${FUZZ_RUNS:-80000}" -seed=1)
  else
    limit=(-max_total_time="${FUZZ_SECONDS:-300}")
  fi
  echo "fuzz: $target ${limit[*]}"
  log="build-fuzz/$target.log"
  if ! "build-fuzz/tests/fuzz/$target" "${limit[@]}" -max_len=4096 -print_final_stats=1 \
    -artifact_prefix="build-fuzz/artifacts/$target-" \
    "build-fuzz/corpus/$target" "tests/fuzz/corpus/$target" >"$log" 2>&1; then
    tail -n 60 "$log" >&2
    echo "fuzz: $target failed; the input is in build-fuzz/artifacts/, the log in $log" >&2
    exit 1
  fi
  grep -E '^stat::number_of_executed_units' "$log"
done
