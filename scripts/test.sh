#!/usr/bin/env bash
# Every test Pharos has, in order of cost: lint, types, unit + integration on PGlite,
# integration on PostgreSQL (when TEST_DATABASE_URL is set), the production build, and
# the Playwright journeys. It runs them all even after a failure and ends with one line
# that sums them: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results
rm -rf test-results/screens test-results/*.json test-results/checks.txt
mkdir -p test-results/screens

check() { # name, command…: a check counts as one passed or failed test
  local name=$1; shift
  echo "==> $name"
  if "$@"; then echo "$name passed" >> test-results/checks.txt; else echo "$name failed" >> test-results/checks.txt; fi
}

check lint node_modules/.bin/biome check .
check typecheck bash -c "node_modules/.bin/next typegen >/dev/null && node_modules/.bin/tsc --noEmit"

echo "==> vitest (embedded PGlite)"
env -u DATABASE_URL -u TEST_DATABASE_URL VITEST_JSON=test-results/vitest-pglite.json node_modules/.bin/vitest run

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  echo "==> vitest (PostgreSQL at ${TEST_DATABASE_URL%%\?*})"
  env -u DATABASE_URL VITEST_JSON=test-results/vitest-postgres.json node_modules/.bin/vitest run
else
  echo "==> TEST_DATABASE_URL is not set: skipping the PostgreSQL run of the integration tests"
fi

check build env -u DATABASE_URL node_modules/.bin/next build
if grep -q "build passed" test-results/checks.txt; then
  echo "==> playwright (production build, Debian Chromium)"
  env -u DATABASE_URL -u TEST_DATABASE_URL node_modules/.bin/playwright test
fi

node scripts/test-summary.mjs
