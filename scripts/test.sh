#!/usr/bin/env bash
# Every test: installs what it needs (scripts/setup.sh), checks the formatting, then for each
# CMake preset (CMakePresets.json) configures, builds and runs its CTest tests:
#   plain   GoogleTest units, e2e (tests/e2e), differential (10,000 values per type)
#   asan    the same with ASan + UBSan, the differential at 2,000 values per type
#   static  the fully static binary (tests/static: an empty root, Dockerfile.adapter)
#           and the release artifacts, made by the release scripts (arm64, wheel, sdist) and
#           checked (tests/dist: the wheel installed and run, arm64 under qemu, reproducible)
#   fuzz    a fixed number of runs of each libFuzzer target (clang, ASan + UBSan)
# One preset alone: cmake --preset P && cmake --build --preset P && ctest --preset P
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup.sh

echo "== clang-format"
clang-format --dry-run --Werror $(git ls-files 'src/*.cpp' 'src/*.h' 'tests/*.cpp')

for preset in plain asan static fuzz; do
  echo "== $preset: configure, build, ctest"
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset"
  ctest --preset "$preset"
done
