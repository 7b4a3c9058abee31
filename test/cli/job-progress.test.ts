import type { JobSummary } from '../../src/admin/admin-contracts.js';
import { durationText, progressView } from '../../src/cli/job-progress.js';

function job(done: number, total: number, extra: Partial<JobSummary> = {}): JobSummary {
  return {
    id: 'job1',
    state: 'running',
    origin: 'cli',
    admin: { id: 'app', tenantId: 't' },
    source: 'photos.zip',
    createdAt: '2026-01-01T00:00:00.000Z',
    total,
    done,
    failed: 0,
    skipped: 0,
    ...extra,
  };
}

function plainLines(total: number, state: JobSummary['state'] = 'running'): string[] {
  const lines: string[] = [];
  const view = progressView({ out: (line) => lines.push(line), err: () => undefined }, false, 'set');
  for (let done = 0; done <= total; done++) {
    view.update({ job: job(done, total, { state }), ratePerMinute: 120, etaMs: (total - done) * 500 });
  }
  view.stop();
  return lines;
}

describe('plain progress lines (stdout not a terminal)', () => {
  it('says every tenth of a small job, from the start to the end', () => {
    const lines = plainLines(200);
    expect(lines).toHaveLength(11);
    expect(lines[0]).toBe('progress: 0/200 set (0%), 0 failed, 120/min, 1 min 40 s left');
    expect(lines[1]).toBe('progress: 20/200 set (10%), 0 failed, 120/min, 1 min 30 s left');
    expect(lines.at(-1)).toBe('progress: 200/200 set (100%), 0 failed, 120/min, 0 s left');
  });

  it('says every 25 people of a large job, and the last one even off the step', () => {
    const lines = plainLines(1010);
    expect(lines[1]).toMatch(/^progress: 25\/1010 set/);
    expect(lines).toHaveLength(1 + 40 + 1);
    expect(lines.at(-1)).toMatch(/^progress: 1010\/1010 set \(100%\)/);
  });

  it('counts what an undo put back of the photos the job set', () => {
    const lines: string[] = [];
    const view = progressView({ out: (line) => lines.push(line), err: () => undefined }, false, 'undone');
    view.update({ job: job(10, 12, { state: 'undoing', failed: 2, undone: 4 }) });
    expect(lines).toEqual(['progress: 4/8 undone (50%), -/min, time left unknown']);
  });
});

describe('durationText', () => {
  it('writes seconds, minutes and hours', () => {
    expect([durationText(44_600), durationText(185_000), durationText(3_725_000)]).toEqual([
      '45 s',
      '3 min 05 s',
      '1 h 02 min',
    ]);
  });
});
