#!/usr/bin/env bash
# Builds hydra-adapt with the CMake presets (CMakePresets.json): plain -> build/ (optimised:
# what the demo runs), asan -> build-asan/ (AddressSanitizer + UndefinedBehaviorSanitizer).
# usage: scripts/build.sh [PRESET...]   (no argument: plain asan; also static, fuzz)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

presets=("$@")
[ ${#presets[@]} -gt 0 ] || presets=(plain asan)
for preset in "${presets[@]}"; do
  cmake --preset "$preset" >/dev/null
  cmake --build --preset "$preset"
done
