// Prints one "N passed, N failed" line per test runner and a total, from their JSON reports, and names every test that
// passed only on a retry (Playwright retries once in CI): a pass on retry is a flaky test to look at, not a clean pass.
import { existsSync, readFileSync } from "node:fs";

/** Every test of a Playwright report with its title path and the statuses of its attempts. */
function* playwrightTests(suite, path = []) {
  const here = suite.title ? [...path, suite.title] : path;
  for (const spec of suite.specs ?? []) {
    for (const test of spec.tests ?? []) {
      yield { title: [...here, spec.title].join(" › "), project: test.projectName, statuses: (test.results ?? []).map((r) => r.status) };
    }
  }
  for (const child of suite.suites ?? []) yield* playwrightTests(child, here);
}

let passed = 0;
let failed = 0;
let skipped = 0;
const onRetry = [];
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    console.log(`${file}: no report (the runner did not finish)`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, "utf8"));
  let p, f, s;
  if (report.stats && "expected" in report.stats) {
    // Playwright
    p = report.stats.expected + (report.stats.flaky ?? 0);
    f = report.stats.unexpected;
    s = report.stats.skipped;
    for (const suite of report.suites ?? []) {
      for (const test of playwrightTests(suite)) {
        if (test.statuses.length > 1 && test.statuses.at(-1) === "passed") onRetry.push(`[${test.project}] ${test.title} (${test.statuses.join(" -> ")})`);
      }
    }
  } else {
    // Vitest (no retries configured: a test passes or fails once)
    p = report.numPassedTests;
    f = report.numFailedTests;
    s = report.numPendingTests + (report.numTodoTests ?? 0);
  }
  console.log(`${file}: ${p} passed, ${f} failed, ${s} skipped`);
  passed += p;
  failed += f;
  skipped += s;
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
if (onRetry.length > 0) {
  console.log(`passed only on retry (${onRetry.length}):`);
  for (const line of onRetry) console.log(`  ${line}`);
} else {
  console.log("passed only on retry: none");
}
