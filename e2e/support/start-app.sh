#!/usr/bin/env bash
# Starts the production build for the end-to-end suite on its own embedded database
# (never the developer's .data), seeded with the demo organisation.
set -euo pipefail
export PHAROS_DATA_DIR="${PHAROS_DATA_DIR:-.data-e2e}"
rm -rf "$PHAROS_DATA_DIR"
node_modules/.bin/tsx scripts/pharos.ts seed --demo
# As `npm run demo`: the demo's SLOs keep receiving measurements, so "failing now" stays now.
export PHAROS_DEMO_TRAFFIC=1
exec node scripts/server.mjs
