#!/usr/bin/env bash
# Builds hydra-adapt: build/ (optimised: what the demo and the end-to-end tests run) and
# build-asan/ (AddressSanitizer + UndefinedBehaviorSanitizer, for the test run).
# usage: scripts/build.sh [plain] [asan]   (no argument: both)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

variants=("$@")
[ ${#variants[@]} -gt 0 ] || variants=(plain asan)
for variant in "${variants[@]}"; do
  case "$variant" in
    plain) cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null && cmake --build build ;;
    asan) cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DHYDRA_ADAPT_SANITIZE=ON >/dev/null &&
      cmake --build build-asan ;;
    *) echo "build.sh: unknown variant '$variant' (plain, asan)" >&2; exit 2 ;;
  esac
done
