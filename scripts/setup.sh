#!/usr/bin/env bash
# Set up everything hydra-adapt needs on Debian 12: the build toolchain and
# libraries (apt), and the Python virtualenv .venv for the example app and the
# end-to-end tests (pip, pinned in requirements.txt). The arm64 cross compiler and qemu are for
# scripts/build-static.sh --arch aarch64 and the test that runs its binary (tests/dist/test_arm64.py).
#
# Idempotent and quick when already done:
#   - apt runs only when one of the packages below is not installed;
#   - .venv is (re)created only when missing or not made by Debian's python;
#   - pip runs only when requirements.txt changed since the last install.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"

log() { printf 'setup: %s\n' "$*" >&2; }

APT_PACKAGES=(
  build-essential cmake ninja-build pkg-config
  libboost-program-options-dev libboost-filesystem-dev libboost-dev
  libyaml-cpp-dev libspdlog-dev libfmt-dev nlohmann-json3-dev
  libgtest-dev libgmock-dev googletest
  clang clang-format libclang-rt-14-dev valgrind
  python3 python3-venv ca-certificates git
  g++-aarch64-linux-gnu qemu-user-static
)

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=(sudo); else
    log "not root and no sudo: apt packages cannot be installed"; fi
fi

# --- Debian packages ---------------------------------------------------------
missing=()
for p in "${APT_PACKAGES[@]}"; do
  status="$(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null || true)"
  case "$status" in
    ii*) ;;
    *) missing+=("$p") ;;
  esac
done
if [ "${#missing[@]}" -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt_opts=(-o DPkg::Lock::Timeout=600)
  "${SUDO[@]}" apt-get "${apt_opts[@]}" update
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" \
    install -y --no-install-recommends "${APT_PACKAGES[@]}"
else
  log "Debian packages: all installed"
fi

# --- Python virtualenv ---------------------------------------------------------
# Debian's python explicitly: another python (pyenv) may come first on PATH.
PY=/usr/bin/python3
VENV="$REPO/.venv"
STAMP="$VENV/.requirements.sha256"

venv_ok() {
  [ -x "$VENV/bin/python" ] && [ -f "$VENV/pyvenv.cfg" ] \
    && grep -Eq '^home = /usr/bin/?$' "$VENV/pyvenv.cfg" \
    && "$VENV/bin/python" -c 'import sys' >/dev/null 2>&1
}
if ! venv_ok; then
  log "creating $VENV with $PY"
  rm -rf "$VENV"
  "$PY" -m venv "$VENV"
fi

want="$( { sha256sum requirements.txt; "$VENV/bin/python" -VV; } | sha256sum | cut -d' ' -f1)"
have="$(cat "$STAMP" 2>/dev/null || true)"
if [ "$want" != "$have" ]; then
  log "installing requirements.txt into .venv"
  "$VENV/bin/python" -m pip install --disable-pip-version-check --no-input \
    -r requirements.txt
  printf '%s\n' "$want" > "$STAMP"
else
  log "Python requirements: up to date"
fi
log "done"
