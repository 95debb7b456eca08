#!/usr/bin/env bash
# One command from a fresh clone to a running demo on http://localhost:3000:
# install (when needed), build (when sources changed), migrate, seed the demo
# organisation into the embedded database (once), and start the server.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "==> installing dependencies"
  npm ci --no-audit --no-fund
fi

if [ ! -f .next/BUILD_ID ] || [ -n "$(find app components lib db public proxy.ts instrumentation.ts next.config.ts package.json -newer .next/BUILD_ID -print -quit)" ]; then
  echo "==> building"
  node_modules/.bin/next build
fi

echo "==> migrating and seeding the demo organisation"
node_modules/.bin/tsx scripts/pharos.ts seed --demo

export PORT="${PORT:-3000}"
echo "==> Pharos on http://localhost:${PORT} (demo logins in README.md)"
exec node scripts/server.mjs
