#!/usr/bin/env bash
# Serves the built app on a fresh, throw-away data directory for the end-to-end tests.
# The server's output is also kept in the data directory (one file per stream, so that
# lines of the two streams never interleave): tests/logs.e2e.ts reads what it logged.
set -euo pipefail
dir="$(pwd)/tmp/e2e-data"
rm -rf "$dir"
mkdir -p "$dir"
export WORKBENCH_DATA_DIR="$dir"
unset DATABASE_URL
exec node scripts/serve.js > >(tee "$dir/server.out.log") 2> >(tee "$dir/server.err.log" >&2)
