/**
 * CI's last line and verdict (scripts/ci-summary.mjs): real jest runs on throwaway test files in a temporary
 * project, through the same results reporter CI uses, then the summary script as .ci/run calls it. A skipped,
 * todo or focused test must fail CI, not pass quietly.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = process.cwd();
const summaryScript = path.join(root, 'scripts', 'ci-summary.mjs');
const reporter = path.join(root, 'scripts', 'jest-results-reporter.mjs');
const jestBin = path.join(root, 'node_modules', 'jest', 'bin', 'jest.js');

interface Outcome {
  readonly code: number;
  readonly stdout: string;
  readonly lastLine: string;
}

/** Runs a command, never rejecting: the exit code is part of what is tested. */
async function exec(command: string, args: string[], cwd: string): Promise<Outcome> {
  try {
    const { stdout } = await run(command, args, { cwd, env: { ...process.env, NODE_OPTIONS: '' } });
    return { code: 0, stdout, lastLine: stdout.trim().split('\n').at(-1) ?? '' };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string };
    const stdout = failure.stdout ?? '';
    return { code: failure.code ?? -1, stdout, lastLine: stdout.trim().split('\n').at(-1) ?? '' };
  }
}

/** Runs jest on `files` (CommonJS test files) in a fresh directory, then the CI summary on its results. */
async function ciOn(files: Record<string, string>): Promise<{ jest: Outcome; summary: Outcome }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'teams-photo-ci-'));
  try {
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
    const config = JSON.stringify({ testEnvironment: 'node', reporters: [reporter] });
    const jest = await exec(process.execPath, [jestBin, '--rootDir', dir, '--config', config, '--ci'], dir);
    const summary = await exec(process.execPath, [summaryScript, 'jest-results.json'], dir);
    return { jest, summary };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const passing = `test('adds', () => { expect(1 + 1).toBe(2); });\n`;

describe('the CI summary', () => {
  it('passes a clean run and prints the line in its exact shape', async () => {
    const { jest, summary } = await ciOn({ 'a.test.js': passing + passing.replace('adds', 'adds again') });
    expect(jest.code).toBe(0);
    expect(summary.lastLine).toBe('tests: 2 passed, 0 failed, 0 skipped');
    expect(summary.lastLine).toMatch(/^tests: \d+ passed, \d+ failed(, \d+ skipped)?$/);
    expect(summary.code).toBe(0);
  });

  it('fails the run when a test is skipped, though jest itself passes', async () => {
    const { jest, summary } = await ciOn({
      'a.test.js': `${passing}${['test', 'skip'].join('.')}('later', () => { expect(1).toBe(2); });\n`,
    });
    expect(jest.code).toBe(0);
    expect(summary.lastLine).toBe('tests: 1 passed, 0 failed, 1 skipped');
    expect(summary.code).toBe(1);
  });

  it('counts todo tests as skipped and fails', async () => {
    const { summary } = await ciOn({ 'a.test.js': `${passing}${['test', 'todo'].join('.')}('some day');\n` });
    expect(summary.lastLine).toBe('tests: 1 passed, 0 failed, 1 skipped');
    expect(summary.code).toBe(1);
  });

  it('fails when a focused test leaves the others out', async () => {
    const { jest, summary } = await ciOn({
      'a.test.js': `${['test', 'only'].join('.')}('focus', () => { expect(1).toBe(1); });\n${passing}`,
    });
    expect(jest.code).toBe(0);
    expect(summary.lastLine).toBe('tests: 1 passed, 0 failed, 1 skipped');
    expect(summary.code).toBe(1);
  });

  it('counts a failed test and a test file that cannot run as failed', async () => {
    const { summary } = await ciOn({
      'a.test.js': `${passing}test('breaks', () => { expect(1).toBe(2); });\n`,
      'b.test.js': `require('./no-such-module');\n${passing}`,
    });
    expect(summary.lastLine).toBe('tests: 1 passed, 2 failed, 0 skipped');
    expect(summary.code).toBe(1);
  });

  it('fails when jest wrote no results, or when nothing passed', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'teams-photo-ci-'));
    try {
      const missing = await exec(process.execPath, [summaryScript, 'jest-results.json'], dir);
      expect(missing.lastLine).toBe('tests: 0 passed, 0 failed, 0 skipped');
      expect(missing.code).toBe(1);
      await writeFile(
        path.join(dir, 'jest-results.json'),
        JSON.stringify({ numPassedTests: 0, success: true }),
      );
      const empty = await exec(process.execPath, [summaryScript, 'jest-results.json'], dir);
      expect(empty.code).toBe(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('is what .ci/run ends with', async () => {
    const ci = await readFile(path.join(root, '.ci', 'run'), 'utf8');
    expect(ci).toContain('node scripts/ci-summary.mjs jest-results.json');
    expect(ci.trim().split('\n').at(-1)).toBe('[ "$status" -eq 0 ] && [ "$summary" -eq 0 ]');
  });
});
