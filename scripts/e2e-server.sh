#!/usr/bin/env bash
# Serves the built app on a fresh, throw-away data directory for the end-to-end tests.
set -euo pipefail
dir="$(pwd)/tmp/e2e-data"
rm -rf "$dir"
mkdir -p "$dir"
export WORKBENCH_DATA_DIR="$dir"
unset DATABASE_URL
exec node scripts/serve.js
