#!/bin/sh
# Runs tests/lsp/neovim_test.lua in headless Neovim against `pyflags server`.
# Usage: neovim_test.sh PATH/TO/pyflags. Exits 77 (ctest: skipped) only when nvim is not installed.
set -eu
PYFLAGS_BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
HERE=$(cd "$(dirname "$0")" && pwd)

if ! command -v nvim >/dev/null 2>&1; then
  echo "SKIPPED: nvim is not installed (apt-get install -y neovim); the Neovim LSP test did not run"
  exit 77
fi
nvim --version | head -1

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
printf 'def add(item, items=[]):\n    items.append(item)\n    return items\n' > "$WORK/sample.py"

# Keep Neovim's state, logs and caches out of $HOME.
export XDG_CONFIG_HOME="$WORK/config" XDG_DATA_HOME="$WORK/data" XDG_STATE_HOME="$WORK/state" XDG_CACHE_HOME="$WORK/cache"
export PYFLAGS_BIN PYFLAGS_TEST_FILE="$WORK/sample.py"
cd "$WORK"
timeout 120 nvim --headless --clean -n -i NONE -c "luafile $HERE/neovim_test.lua" </dev/null
