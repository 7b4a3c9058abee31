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
/**
 * Skip, focus and todo modifiers, spelt out only inside the throwaway sources this test lints, so that a search of the
 * suite for skipped or focused tests finds real ones only.
 */
const modified = (fn: string, modifier: string) => [fn, modifier].join('.');
const [itSkip, itOnly, itTodo, describeSkip] = [
  modified('it', 'skip'),
  modified('it', 'only'),
  modified('it', 'todo'),
  modified('describe', 'skip'),
];
const [xIt, fIt] = ['x', 'f'].map((prefix) => `${prefix}it`);

describe('lint rules for tests', () => {
  it('accepts a plain test', async () => {
    expect(await rulesFor(`it('runs', ${body});\n`)).toEqual([]);
  });

  it.each([
    [itSkip, `${itSkip}('later', ${body});\n`, 'jest/no-disabled-tests'],
    [xIt, `${xIt}('later', ${body});\n`, 'jest/no-disabled-tests'],
    [
      describeSkip,
      `${describeSkip}('later', () => {\n  it('runs', ${body});\n});\n`,
      'jest/no-disabled-tests',
    ],
    [itOnly, `${itOnly}('focus', ${body});\n`, 'jest/no-focused-tests'],
    [fIt, `${fIt}('focus', ${body});\n`, 'jest/no-focused-tests'],
    [itTodo, `${itTodo}('some day');\n`, 'no-restricted-syntax'],
    [
      'a skip chosen at run time',
      `const here = process.env.X !== undefined;\n(here ? it : ${itSkip})('maybe', ${body});\n`,
      'no-restricted-syntax',
    ],
  ])('refuses %s', async (_name, code, rule) => {
    expect(await rulesFor(code)).toContain(rule);
  });
});
