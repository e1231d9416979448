#!/usr/bin/env bash
# Set up (idempotently) and run the whole test suite. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
missing=()
for p in $(grep -v '^\s*#' scripts/apt-packages-test.txt); do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "test: installing test packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# JavaScript test tools (axe-core, Ace by DAISY) from npm, never a browser download.
if [ -f tests/node/package.json ] && command -v npm >/dev/null; then
  if [ ! -d tests/node/node_modules ] || [ tests/node/package.json -nt tests/node/node_modules ]; then
    echo "test: installing npm test tools"
    (cd tests/node && ELECTRON_SKIP_BINARY_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1 npm install --no-audit --no-fund --loglevel=error >/dev/null) || echo "test: npm install failed; the tests that need it will fail"
    touch tests/node/node_modules
  fi
fi
# One pytest-xdist worker per core (at most 4; TAYSIR_TEST_WORKERS=1 runs in one process). A worker takes a
# test file whole (--dist loadfile), so a module's shared fixtures are made once.
WORKERS=${TAYSIR_TEST_WORKERS:-$(nproc 2>/dev/null || echo 1)}
[ "$WORKERS" -gt 4 ] 2>/dev/null && WORKERS=4
if [ "$WORKERS" -gt 1 ] 2>/dev/null; then
  set -- -n "$WORKERS" --dist loadfile "$@"
fi
exec .venv/bin/python -m pytest "$@"
