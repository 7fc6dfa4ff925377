#!/usr/bin/env bash
# Shared set-up for run.sh and test.sh: install what is missing (Debian packages, the npm sources of
# tree-sitter), then configure and build Release into build/ (incremental on later calls).
#   PYFLAGS_EXTRA_APT="pkg ..." adds Debian packages (test.sh uses it for the integration tests).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

APT_PACKAGES="cmake ninja-build g++ nodejs npm libcli11-dev nlohmann-json3-dev catch2 libtomlplusplus-dev ${PYFLAGS_EXTRA_APT:-}"

missing=()
for pkg in $APT_PACKAGES; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
# npm may come with nodejs from another source (this machine's image has both as binaries).
if ((${#missing[@]})); then
  filtered=()
  for pkg in "${missing[@]}"; do
    case $pkg in
      nodejs) command -v node >/dev/null || filtered+=("$pkg") ;;
      npm) command -v npm >/dev/null || filtered+=("$pkg") ;;
      cmake) command -v cmake >/dev/null || filtered+=("$pkg") ;;
      g++) command -v g++ >/dev/null || filtered+=("$pkg") ;;
      *) filtered+=("$pkg") ;;
    esac
  done
  missing=("${filtered[@]}")
fi
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""
  [[ $(id -u) == 0 ]] || SUDO="sudo"
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# tree-sitter core + grammar, exactly as package-lock.json pins them; no install scripts run.
stamp=node_modules/.pyflags-lock
if [[ ! -f $stamp ]] || ! cmp -s package-lock.json "$stamp"; then
  echo "setup: npm ci --ignore-scripts" >&2
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2
  cp package-lock.json "$stamp"
fi

if [[ ! -f build/build.ninja ]]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >&2
fi
cmake --build build -j "$(nproc)" >&2
