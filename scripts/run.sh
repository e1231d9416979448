#!/usr/bin/env bash
# Set up (idempotently) and run the main job on embedded defaults: the Taysir service on
# http://127.0.0.1:8000 with its built-in job queue (SQLite under ./data), web pages and API.
# It prints a staff token and the URLs. Stop it with Ctrl-C; data stays in ./data.
# Extra arguments go to `taysir serve` (e.g. --port 8080 --data-dir /srv/taysir).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/taysir serve --print-token "$@"
