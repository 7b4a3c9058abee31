// The last line of CI, counted from jest's JSON results (jest-results.json, written by jest-results-reporter.mjs):
//
//   tests: N passed, N failed, N skipped
//
// "skipped" counts every test that did not run: skipped, todo and pending (jest reports the tests of a file that
// has a focused `.only` as skipped, so a focused test shows up here too). The run fails when any test failed, a
// test file could not run, no test passed, or any test was skipped: a test that cannot run on some machine must
// fail and say why, never skip quietly.
//
// Usage: node scripts/ci-summary.mjs [jest-results.json]   (exit 0 only for a clean run)
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/**
 * Counts jest's aggregated results.
 * @param {Record<string, unknown> | null} results jest's aggregated results, or null when there are none
 * @returns {{ passed: number, failed: number, skipped: number, ok: boolean, line: string }}
 */
export function summarize(results) {
  const count = (name) => (results && typeof results[name] === 'number' ? results[name] : 0);
  const passed = count('numPassedTests');
  const failed = count('numFailedTests') + count('numRuntimeErrorTestSuites');
  const skipped = count('numPendingTests') + count('numTodoTests');
  // Not `results.success`: jest sets it only after the reporters have run, so the reporter always sees false.
  const ok =
    results !== null &&
    results.wasInterrupted !== true &&
    count('numFailedTestSuites') === 0 &&
    passed > 0 &&
    failed === 0 &&
    skipped === 0;
  return {
    passed,
    failed,
    skipped,
    ok,
    line: `tests: ${passed} passed, ${failed} failed, ${skipped} skipped`,
  };
}

/**
 * Reads a results file; null when it is missing or not JSON (jest did not get as far as writing it).
 * @param {string} file
 */
export function readResults(file) {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const summary = summarize(readResults(process.argv[2] ?? 'jest-results.json'));
  if (summary.skipped > 0)
    console.error(`${summary.skipped} test(s) skipped, todo or left out by a focused test: CI fails on any.`);
  process.stdout.write(`${summary.line}\n`);
  process.exitCode = summary.ok ? 0 : 1;
}
