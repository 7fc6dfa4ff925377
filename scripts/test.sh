#!/usr/bin/env bash
# Set up, build, and run the whole test suite through ctest.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PYFLAGS_EXTRA_APT="python3 python3-jsonschema patch git pre-commit neovim ${PYFLAGS_EXTRA_APT:-}"
"$ROOT/scripts/setup.sh"
cd "$ROOT/build"
ctest --output-on-failure -j "$(nproc)" "$@"
