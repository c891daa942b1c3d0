#!/usr/bin/env bash
# Builds hydra-adapt twice: build/ (optimised, what the demo and the end-to-end tests run)
# and build-asan/ (AddressSanitizer + UndefinedBehaviorSanitizer, for the test run).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DHYDRA_ADAPT_SANITIZE=ON >/dev/null
cmake --build build-asan
