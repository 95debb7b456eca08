#!/usr/bin/env bash
# One command from a fresh clone to a running demo on http://localhost:3000:
# install (when needed), build (when sources changed), migrate, seed the demo
# organisation into the embedded database (once), and start the server.
set -euo pipefail
cd "$(dirname "$0")/.."

# Next.js prints a telemetry notice on a first build and sends usage data; a demo needs neither.
export NEXT_TELEMETRY_DISABLED=1
started=$SECONDS

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "==> installing dependencies (about a minute on a fresh clone)"
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ ! -f .next/BUILD_ID ] || [ -n "$(find app components lib db public proxy.ts instrumentation.ts next.config.ts package.json -newer .next/BUILD_ID -print -quit)" ]; then
  # Types and lint are the test command's job (npm test); the build only compiles.
  echo "==> building (under a minute the first time; skipped while sources are unchanged)"
  # Its output is a route table a newcomer cannot act on: shown only when the build fails.
  log=$(mktemp)
  node_modules/.bin/next build > "$log" 2>&1 || { cat "$log"; exit 1; }
  rm -f "$log"
fi

echo "==> migrating and seeding the demo organisation"
node_modules/.bin/tsx scripts/pharos.ts seed --demo

export PORT="${PORT:-3000}"
# The demo's SLOs keep receiving measurements while it runs (db/seed/demo-traffic.ts).
export PHAROS_DEMO_TRAFFIC=1
cat <<MSG

  Pharos is starting on http://localhost:${PORT}  (set up in $((SECONDS - started)) s; the server needs a few more)

  Sign in with any of these (password: pharos-demo-2026):
    viewer@pharos.demo     executive view: reliability at a glance
    engineer@pharos.demo   an engineer on Payments and Checkout
    changes@pharos.demo    a change manager
    admin@pharos.demo      an admin

  Stop it with Ctrl-C. Start it again with \`npm run demo\` (seconds, once built).
  Start over with an empty demo: stop it, then \`rm -rf .data\` and \`npm run demo\`.

MSG
exec node scripts/server.mjs
