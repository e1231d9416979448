#!/usr/bin/env bash
# Set up (idempotently) and run the main job on embedded defaults:
# convert every sample document into every available output.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
OUT=${TAYSIR_OUT:-taysir-out}
.venv/bin/taysir convert samples/ -o "$OUT" --outputs all "$@"
echo "Results are in $OUT/ (one folder per document)."
