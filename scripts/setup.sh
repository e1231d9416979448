#!/usr/bin/env bash
# Idempotent set-up on Debian: system packages, then the virtual environment in .venv.
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"

APT_PACKAGES=$(grep -v '^\s*#' scripts/apt-packages.txt | tr '\n' ' ')
missing=()
for p in $APT_PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing system packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  "$PY" -m venv .venv || { DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-venv >/dev/null; "$PY" -m venv .venv; }
fi
stamp=.venv/.taysir-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "setup: installing Python packages into .venv"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".[all,dev]"
  touch "$stamp"
fi

# liblouis: Debian's python3-louis, made visible to the venv as the single package `louis` (never `pip install louis`).
SITE=$(.venv/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
LOUIS_SRC=$(/usr/bin/python3 -c 'import louis, os; print(os.path.dirname(louis.__file__))' 2>/dev/null || echo /usr/lib/python3/dist-packages/louis)
if [ -d "$LOUIS_SRC" ] && [ ! -e "$SITE/louis" ]; then
  ln -s "$LOUIS_SRC" "$SITE/louis"
fi
.venv/bin/python -c 'import louis' || { echo "setup: the louis bindings are not importable" >&2; exit 3; }
# the optional compiled braille steps: rebuilt whenever a .c file is newer than its built module
.venv/bin/python scripts/build_extensions.py
echo "setup: ready (.venv)"
