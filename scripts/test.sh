#!/usr/bin/env bash
# Every test: installs what it needs (scripts/setup.sh), builds, checks the formatting, runs
# the GoogleTest units (plain and ASan/UBSan builds) and the end-to-end tests against real
# Hydra (plain and ASan/UBSan binaries).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/setup.sh
bash scripts/build.sh
bash scripts/build-static.sh >/dev/null
# Release artifacts (issue 11), taken by tests/e2e/test_arm64.py, test_wheel.py and tests/dist.
HYDRA_ADAPT_ARM64_BIN="$PWD/$(bash scripts/build-static.sh --arch aarch64 | tail -n 1)"
bash scripts/build-wheel.sh >/dev/null
bash scripts/build-wheel.sh --sdist >/dev/null
export HYDRA_ADAPT_ARM64_BIN HYDRA_ADAPT_WHEEL_DIR="$PWD/dist"

echo "== clang-format"
clang-format --dry-run --Werror $(git ls-files 'src/*.cpp' 'src/*.h' 'tests/*.cpp')

echo "== unit tests"
./build/unit_tests --gtest_brief=1
ASAN_OPTIONS=detect_leaks=1 ./build-asan/unit_tests --gtest_brief=1

echo "== end-to-end tests (ASan/UBSan binary)"
HYDRA_ADAPT_BIN="$PWD/build-asan/hydra-adapt" .venv/bin/pytest tests/e2e -q -p no:cacheprovider -n 2

echo "== end-to-end tests"
HYDRA_ADAPT_BIN="$PWD/build/hydra-adapt" .venv/bin/pytest tests/e2e -q -p no:cacheprovider -n 2

echo "== differential test (ASan/UBSan binary): 2,000 values per type"
HYDRA_ADAPT_BIN="$PWD/build-asan/hydra-adapt" DIFF_COUNT=2000 .venv/bin/pytest tests/differential -q -p no:cacheprovider

echo "== differential test: 10,000 values per type through the tool and Hydra's own parser"
HYDRA_ADAPT_BIN="$PWD/build/hydra-adapt" .venv/bin/pytest tests/differential -q -p no:cacheprovider

echo "== reproducible static binaries: each built again in another folder (x86_64 from the sdist), same bytes"
.venv/bin/pytest tests/dist -q -p no:cacheprovider

echo "== fuzz smoke run: libFuzzer targets (ASan + UBSan), a fixed number of runs from the seed corpus"
bash scripts/fuzz.sh smoke
