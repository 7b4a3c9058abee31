// Writes jest's aggregated results (the same object `jest --json` prints) to jest-results.json, so .ci/run can
// count test cases after running exactly `npm test`.
import { writeFileSync } from 'node:fs';

export default class JsonResultsReporter {
  onRunComplete(_contexts, results) {
    writeFileSync('jest-results.json', JSON.stringify(results));
  }
}
