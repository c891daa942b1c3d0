#!/usr/bin/env bash
# Builds the fully static, stripped hydra-adapt (no dynamic section at all) that can be
# copied into any image: python:3.11-slim, CUDA, distroless, Alpine, scratch. Works from a
# fresh Debian 12 (installs the build packages it needs); Dockerfile.adapter runs this same
# script, and the tests run the binary it makes in an empty root (ctest --preset static).
#
#   bash scripts/build-static.sh [BUILD-DIR]     (default build-static/, the static preset's)
#
# Prints the binary's path on its last line of stdout.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
BUILD_DIR="${1:-build-static}"

log() { printf 'build-static: %s\n' "$*" >&2; }

# Debian 12 ships static archives for Boost and yaml-cpp; spdlog and fmt are used header-only.
APT_PACKAGES=(
  build-essential cmake ninja-build binutils
  libboost-program-options-dev libboost-filesystem-dev libboost-dev
  libyaml-cpp-dev libspdlog-dev libfmt-dev nlohmann-json3-dev
)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  case "$(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null || true)" in
    ii*) ;;
    *) missing+=("$p") ;;
  esac
done
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=()
  if [ "$(id -u)" -ne 0 ]; then SUDO=(sudo); fi
  log "installing Debian packages: ${missing[*]}"
  "${SUDO[@]}" apt-get -o DPkg::Lock::Timeout=600 update >&2
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 \
    install -y --no-install-recommends "${missing[@]}" >&2
fi

# The static preset (CMakePresets.json): MinSizeRel (-Os), the smallest of the build types for
# this binary; -B names the folder (the preset's own, build-static/, by default).
cmake --preset static -B "$BUILD_DIR" >&2
cmake --build "$BUILD_DIR" --target hydra-adapt --parallel 2 >&2

BINARY="$BUILD_DIR/hydra-adapt"
# A binary with a dynamic section needs a loader or libraries from the image: refuse it.
if ! readelf -d "$BINARY" | grep -q 'There is no dynamic section in this file'; then
  log "error: $BINARY has a dynamic section:"
  readelf -d "$BINARY" >&2
  exit 1
fi
log "$BINARY: fully static, $(stat -c %s "$BINARY") bytes"
echo "$BINARY"
