#!/usr/bin/env bash
# Builds the fully static, stripped hydra-adapt (no dynamic section at all) that can be
# copied into any image: python:3.11-slim, CUDA, distroless, Alpine, scratch. Works from a
# fresh Debian 12 (installs the build packages it needs); Dockerfile.adapter runs this same
# script, and the tests run the binary it makes in an empty root (ctest --preset static).
#
#   bash scripts/build-static.sh [--arch MACHINE] [BUILD-DIR]
#
# --arch: the machine type the binary runs on, x86_64 or aarch64 (Docker's amd64 and arm64
# too); default (or empty): this machine's. Another machine type is cross-compiled with Debian's cross
# compiler (g++-aarch64-linux-gnu, ...) against Debian's static libraries of that machine type,
# downloaded with apt and unpacked into BUILD-DIR/target-libs (nothing is installed for it: the
# -dev packages of two machine types do not all install side by side, libyaml-cpp-dev is not
# Multi-Arch: same).
# BUILD-DIR: default build-static (the static preset's), or build-static-MACHINE for another
# machine type.
#
# The binary is reproducible: the same commit built in any folder gives the same bytes (no
# build paths inside, see CMakeLists.txt; no dates: SOURCE_DATE_EPOCH is the commit's time).
# Prints the binary's path on its last line of stdout.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

log() { printf 'build-static: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 2; }

machine_of() {
  case "$1" in
    x86_64 | amd64) echo x86_64 ;;
    aarch64 | arm64) echo aarch64 ;;
    *) die "unknown machine type '$1' (x86_64, aarch64; or Docker's amd64, arm64)" ;;
  esac
}
debian_arch_of() { case "$1" in x86_64) echo amd64 ;; aarch64) echo arm64 ;; esac; }

HOST="$(machine_of "$(uname -m)")"
TARGET="$HOST"
BUILD_DIR=""
while [ $# -gt 0 ]; do
  case "$1" in
    --arch) [ $# -ge 2 ] || die "--arch needs a machine type"; TARGET="$(machine_of "${2:-$HOST}")"; shift 2 ;;
    --arch=*) arch="${1#--arch=}"; TARGET="$(machine_of "${arch:-$HOST}")"; shift ;;
    -*) die "unknown option '$1' (usage: build-static.sh [--arch MACHINE] [BUILD-DIR])" ;;
    *) BUILD_DIR="$1"; shift ;;
  esac
done
CROSS=""
[ "$TARGET" = "$HOST" ] || CROSS=1
[ -n "$BUILD_DIR" ] || BUILD_DIR="build-static${CROSS:+-$TARGET}"
TRIPLET="$TARGET-linux-gnu"
TARGET_DEBIAN_ARCH="$(debian_arch_of "$TARGET")"

SUDO=()
if [ "$(id -u)" -ne 0 ]; then SUDO=(sudo); fi
apt_get() { "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 "$@"; }

# Debian 12 ships static archives for Boost and yaml-cpp; spdlog and fmt are used header-only.
APT_PACKAGES=(
  build-essential cmake ninja-build binutils
  libboost-program-options-dev libboost-filesystem-dev libboost-dev
  libyaml-cpp-dev libspdlog-dev libfmt-dev nlohmann-json3-dev
)
[ -z "$CROSS" ] || APT_PACKAGES+=("g++-${TRIPLET//_/-}")
missing=()
for p in "${APT_PACKAGES[@]}"; do
  case "$(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null || true)" in
    ii*) ;;
    *) missing+=("$p") ;;
  esac
done
if [ "${#missing[@]}" -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  apt_get update >&2
  apt_get install -y --no-install-recommends "${missing[@]}" >&2
fi

CMAKE_ARGS=()
if [ -n "$CROSS" ]; then
  # The target's library packages (the versions the build machine's own packages have), unpacked.
  TARGET_LIBS="$(realpath -m "$BUILD_DIR")/target-libs"
  # The -dev packages' CMake files name their shared libraries too: those packages come along.
  TARGET_PACKAGES=(
    libboost1.74-dev libboost-program-options1.74-dev libboost-filesystem1.74-dev
    libyaml-cpp-dev libyaml-cpp0.7 libspdlog-dev libspdlog1.10 libfmt-dev libfmt9
  )
  TARGET_PACKAGES=("${TARGET_PACKAGES[@]/%/:$TARGET_DEBIAN_ARCH}" nlohmann-json3-dev)
  if [ "$(cat "$TARGET_LIBS/.packages" 2>/dev/null || true)" != "${TARGET_PACKAGES[*]}" ]; then
    if ! dpkg --print-foreign-architectures | grep -qx "$TARGET_DEBIAN_ARCH"; then
      log "adding the Debian architecture $TARGET_DEBIAN_ARCH (for apt-get download)"
      "${SUDO[@]}" dpkg --add-architecture "$TARGET_DEBIAN_ARCH"
      apt_get update >&2
    fi
    rm -rf "$TARGET_LIBS" "$BUILD_DIR/target-debs"
    mkdir -p "$TARGET_LIBS" "$BUILD_DIR/target-debs"
    log "downloading Debian's $TARGET_DEBIAN_ARCH libraries: ${TARGET_PACKAGES[*]}"
    # apt's download user may not write here; the packages are checked against apt's signed lists.
    (cd "$BUILD_DIR/target-debs" && apt-get -o APT::Sandbox::User=root download "${TARGET_PACKAGES[@]}" >&2)
    for deb in "$BUILD_DIR"/target-debs/*.deb; do dpkg-deb -x "$deb" "$TARGET_LIBS"; done
    printf '%s\n' "${TARGET_PACKAGES[*]}" >"$TARGET_LIBS/.packages"
  fi
  CMAKE_ARGS+=(-DCMAKE_TOOLCHAIN_FILE="$PWD/cmake/cross-linux-gnu.cmake"
    -DHYDRA_ADAPT_TARGET_ARCH="$TARGET" -DHYDRA_ADAPT_TARGET_LIBS="$TARGET_LIBS")
fi

if [ -z "${SOURCE_DATE_EPOCH:-}" ] && git rev-parse --git-dir >/dev/null 2>&1; then
  SOURCE_DATE_EPOCH="$(git log -1 --format=%ct)"
  export SOURCE_DATE_EPOCH
fi

# The static preset (CMakePresets.json): MinSizeRel (-Os), the smallest of the build types for
# this binary; -B names the folder (the preset's own, build-static/, by default). A cross build
# registers no tests: its binary does not run here (tests/dist runs it under qemu).
[ -z "$CROSS" ] || CMAKE_ARGS+=(-DHYDRA_ADAPT_PYTEST_SUITES=)
cmake --preset static -B "$BUILD_DIR" "${CMAKE_ARGS[@]}" >&2
cmake --build "$BUILD_DIR" --target hydra-adapt --parallel 2 >&2

BINARY="$BUILD_DIR/hydra-adapt"
# A binary with a dynamic section needs a loader or libraries from the image: refuse it.
if ! readelf -d "$BINARY" | grep -q 'There is no dynamic section in this file'; then
  log "error: $BINARY has a dynamic section:"
  readelf -d "$BINARY" >&2
  exit 1
fi
case "$TARGET" in x86_64) want_machine='Advanced Micro Devices X86-64' ;; aarch64) want_machine='AArch64' ;; esac
if ! readelf -h "$BINARY" | grep -Eq "Machine: +$want_machine\$"; then
  log "error: $BINARY is not a $TARGET binary:"
  readelf -h "$BINARY" >&2
  exit 1
fi
log "$BINARY: fully static, $TARGET, $(stat -c %s "$BINARY") bytes"
echo "$BINARY"
