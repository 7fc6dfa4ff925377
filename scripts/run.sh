#!/usr/bin/env bash
# Set up, build Release into build/, and lint PATH... (default: the bundled fixtures/).
#   ./scripts/run.sh [ARGS...]     ARGS go to build/pyflags as they are
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$ROOT/scripts/setup.sh"
if (($# == 0)); then
  cd "$ROOT"
  exec "$ROOT/build/pyflags" fixtures
fi
exec "$ROOT/build/pyflags" "$@"
