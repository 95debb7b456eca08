/**
 * Sums every suite's result files into the closing line CI reads:
 * "N passed, N failed" (a suite that produced no report counts as one failure).
 */
import fs from "node:fs";

const expected = [
  "vitest-pglite.json",
  ...(process.env.TEST_DATABASE_URL ? ["vitest-postgres.json"] : []),
  "e2e-report.json",
];
let passed = 0;
let failed = 0;
let skipped = 0;
const lines = [];

for (const line of readLines("test-results/checks.txt")) {
  const ok = line.endsWith(" passed");
  ok ? passed++ : failed++;
  lines.push(`  ${line}`);
}

for (const file of expected) {
  const path = `test-results/${file}`;
  if (!fs.existsSync(path)) {
    failed++;
    lines.push(`  ${file}: no report (the suite did not run)`);
    continue;
  }
  const report = JSON.parse(fs.readFileSync(path, "utf8"));
  let p;
  let f;
  let s;
  if (file.startsWith("vitest")) {
    p = report.numPassedTests;
    f = report.numFailedTests + (report.success === false && report.numFailedTests === 0 ? 1 : 0);
    s = report.numPendingTests + report.numTodoTests;
  } else {
    p = report.stats.expected + report.stats.flaky;
    f = report.stats.unexpected + (report.errors?.length ?? 0);
    s = report.stats.skipped;
  }
  passed += p;
  failed += f;
  skipped += s;
  lines.push(`  ${file}: ${p} passed, ${f} failed, ${s} skipped`);
}

console.log("\nSummary:");
console.log(lines.join("\n"));
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 ? 1 : 0);

function readLines(path) {
  return fs.existsSync(path) ? fs.readFileSync(path, "utf8").split("\n").filter(Boolean) : [];
}
