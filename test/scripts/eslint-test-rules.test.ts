/**
 * The lint step refuses skipped, focused and todo tests in test files, also when the skip is chosen at run time.
 * Lints text with the repository's own eslint.config.js, as `npm run lint` does.
 */
import path from 'node:path';
import { ESLint } from 'eslint';

// An existing test file's path, so the type-aware parser finds it in tsconfig.test.json; its text is ours.
const filePath = path.join(process.cwd(), 'test', 'scripts', 'ci-summary.test.ts');

const eslint = new ESLint({ cwd: process.cwd() });

/** The rule ids ESLint reports for `code` in a test file. */
async function rulesFor(code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? `fatal: ${message.message}`);
}

const body = `() => {\n  expect(1).toBe(1);\n}`;

describe('lint rules for tests', () => {
  it('accepts a plain test', async () => {
    expect(await rulesFor(`it('runs', ${body});\n`)).toEqual([]);
  });

  it.each([
    ['it.skip', `it.skip('later', ${body});\n`, 'jest/no-disabled-tests'],
    ['xit', `xit('later', ${body});\n`, 'jest/no-disabled-tests'],
    [
      'describe.skip',
      `describe.skip('later', () => {\n  it('runs', ${body});\n});\n`,
      'jest/no-disabled-tests',
    ],
    ['it.only', `it.only('focus', ${body});\n`, 'jest/no-focused-tests'],
    ['fit', `fit('focus', ${body});\n`, 'jest/no-focused-tests'],
    ['it.todo', `it.todo('some day');\n`, 'no-restricted-syntax'],
    [
      'a skip chosen at run time',
      `const here = process.env.X !== undefined;\n(here ? it : it.skip)('maybe', ${body});\n`,
      'no-restricted-syntax',
    ],
  ])('refuses %s', async (_name, code, rule) => {
    expect(await rulesFor(code)).toContain(rule);
  });
});
