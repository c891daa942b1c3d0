#!/usr/bin/env bash
# The release wheel of one machine type, or the sdist, into dist/ (docs/install.md):
#
#   bash scripts/build-wheel.sh [--arch MACHINE]   the wheel (MACHINE: x86_64, aarch64; default:
#                                                  this machine's)
#   bash scripts/build-wheel.sh --sdist            the source distribution
#
# The wheel carries the fully static binary of scripts/build-static.sh --arch MACHINE, byte for
# byte (the same bytes as the released binary), packed by scikit-build-core. scikit-build-core
# tags a wheel linux_MACHINE by design, which PyPI refuses; the binary needs nothing from the
# system, so the wheel is retagged for every Linux of the machine type, glibc or musl, in one
# file: manylinux2014_M.manylinux_2_17_M.musllinux_1_1_M. auditwheel checks that the binary
# asks nothing of the system beyond what those tags promise.
# Installs what it needs first, as scripts/demo.sh and scripts/test.sh do: scripts/setup.sh (the
# Debian packages, and .venv with scikit-build-core, wheel and auditwheel), so a fresh clone can
# run it; scripts/build-static.sh installs its own build packages. The wheel and the sdist carry
# LICENSE and THIRD-PARTY-NOTICES (pyproject.toml's license-files). Prints the path of what it
# wrote on its last line of stdout.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

log() { printf 'build-wheel: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 2; }

ARCH_ARGS=()
SDIST=""
while [ $# -gt 0 ]; do
  case "$1" in
    --arch) [ $# -ge 2 ] || die "--arch needs a machine type"; ARCH_ARGS=(--arch "$2"); shift 2 ;;
    --arch=*) ARCH_ARGS=("$1"); shift ;;
    --sdist) SDIST=1; shift ;;
    *) die "unknown argument '$1' (usage: build-wheel.sh [--arch MACHINE] | --sdist)" ;;
  esac
done

bash scripts/setup.sh >&2  # its apt output too: stdout's last line is the artifact's path
PY=.venv/bin/python
if [ -z "${SOURCE_DATE_EPOCH:-}" ] && git rev-parse --git-dir >/dev/null 2>&1; then
  SOURCE_DATE_EPOCH="$(git log -1 --format=%ct)"  # the archives' file dates: the commit's
  export SOURCE_DATE_EPOCH
fi
mkdir -p dist

if [ -n "$SDIST" ]; then
  SDIST_PATH="$("$PY" - <<'EOF'
import contextlib, sys
import scikit_build_core.build as backend
with contextlib.redirect_stdout(sys.stderr):
    name = backend.build_sdist("dist")
print("dist/" + name)
EOF
)"
  log "$SDIST_PATH"
  echo "$SDIST_PATH"
  exit 0
fi

BINARY="$(bash scripts/build-static.sh "${ARCH_ARGS[@]}" | tail -n 1)"
case "$(readelf -h "$BINARY" | sed -n 's/^ *Machine: *//p')" in
  'Advanced Micro Devices X86-64') MACHINE=x86_64 ;;
  AArch64) MACHINE=aarch64 ;;
  *) die "$BINARY: unknown machine type" ;;
esac

WORK="build-wheel-$MACHINE"
rm -rf "$WORK"
mkdir -p "$WORK"
"$PY" -m pip wheel . --no-build-isolation --no-deps --no-index --wheel-dir "$WORK" \
  --config-settings=build-dir="$WORK/cmake" \
  --config-settings=cmake.define.HYDRA_ADAPT_PREBUILT="$PWD/$BINARY" >&2
built=("$WORK"/hydra_adapt-*.whl)
[ "${#built[@]}" -eq 1 ] || die "expected one wheel in $WORK, found: ${built[*]}"

TAGS="manylinux_2_17_$MACHINE.manylinux2014_$MACHINE.musllinux_1_1_$MACHINE"
retagged="$("$PY" -m wheel tags --remove --platform-tag "$TAGS" "${built[0]}")"
WHEEL="dist/$retagged"
mv "$WORK/$retagged" "$WHEEL"

# auditwheel names the most compatible manylinux tag the binary allows; a fully static binary
# asks for no glibc symbol version at all.
show="$("$PY" -m auditwheel show "$WHEEL" 2>&1)" || die "auditwheel show $WHEEL failed: $show"
printf '%s\n' "$show" >&2
log "$WHEEL"
echo "$WHEEL"
