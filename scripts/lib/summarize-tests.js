// Prints one closing line for `make test`: the tests that passed and failed
// across Jest and Playwright, plus a failure for every check that failed
// without running tests (type check, lint, formatting, build). Exits 1 if
// anything failed. Usage: node summarize-tests.js [failed check names...]
const { existsSync, readFileSync } = require('node:fs');
const { resolve } = require('node:path');

const results = resolve(__dirname, '../../.test-results');
const failedChecks = process.argv.slice(2);

function read(file) {
  const path = resolve(results, file);
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}

const jest = read('jest.json');
const e2e = read('e2e.json');
const passed =
  (jest?.numPassedTests ?? 0) +
  (e2e?.stats.expected ?? 0) +
  (e2e?.stats.flaky ?? 0);
const failedTests = (jest?.numFailedTests ?? 0) + (e2e?.stats.unexpected ?? 0);
const skipped = (jest?.numPendingTests ?? 0) + (e2e?.stats.skipped ?? 0);
// A check that failed without a failing test (tsc, lint, a suite that did not
// load) still counts as one failure, so the line never reads as green.
const failedWithoutTests = failedChecks.filter(
  check =>
    !(check === 'Unit and database tests' && (jest?.numFailedTests ?? 0) > 0) &&
    !(check === 'End-to-end tests' && (e2e?.stats.unexpected ?? 0) > 0),
);
const failed = failedTests + failedWithoutTests.length;

if (failedChecks.length > 0) {
  console.log(`Failed checks: ${failedChecks.join(', ')}`);
}
console.log(
  `total: ${passed} passed, ${failed} failed` +
    (skipped > 0 ? `, ${skipped} skipped` : ''),
);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
