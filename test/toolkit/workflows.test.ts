/**
 * The GitHub workflows: valid YAML with the shape GitHub requires, CI on Node 20 and 22 running exactly what
 * .ci/run runs, and the deploy workflow compiling the bicep and showing the what-if before it deploys.
 */
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';

const ROOT = path.resolve(new URL('../..', import.meta.url).pathname);

interface WorkflowStep {
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, unknown>;
}
interface WorkflowJob {
  readonly 'runs-on'?: string;
  readonly steps?: WorkflowStep[];
  readonly strategy?: { matrix?: Record<string, unknown> };
}
interface Workflow {
  readonly on?: Record<string, unknown>;
  readonly permissions?: Record<string, string>;
  readonly jobs?: Record<string, WorkflowJob>;
}

async function workflow(name: string): Promise<Workflow> {
  return parse(await readFile(path.join(ROOT, '.github', 'workflows', name), 'utf8')) as Workflow;
}

function runs(wf: Workflow): string[] {
  return Object.values(wf.jobs ?? {}).flatMap((job) =>
    (job.steps ?? []).flatMap((s) => (s.run ? [s.run] : [])),
  );
}

/** The commands .ci/run runs, in order (npm, node scripts and rm lines, without their `|| ...` handling). */
async function ciRunCommands(): Promise<string[]> {
  const script = await readFile(path.join(ROOT, '.ci', 'run'), 'utf8');
  return script
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^(npm|node|rm) /.test(line))
    .map((line) => line.split(/\s+\|\|/)[0]!.trim());
}

describe.each(['ci.yml', 'deploy.yml'])('.github/workflows/%s', (name) => {
  it('parses, has triggers and jobs, and every job has runs-on and steps that each use or run something', async () => {
    const wf = await workflow(name);
    expect(Object.keys(wf.on ?? {}).length).toBeGreaterThan(0);
    const jobs = Object.entries(wf.jobs ?? {});
    expect(jobs.length).toBeGreaterThan(0);
    for (const [, job] of jobs) {
      expect(typeof job['runs-on']).toBe('string');
      expect(job.steps?.length).toBeGreaterThan(0);
      for (const step of job.steps ?? []) expect(Boolean(step.uses) !== Boolean(step.run)).toBe(true);
    }
  });

  it('pins every action to a version and runs only scripts that exist', async () => {
    const wf = await workflow(name);
    const uses = Object.values(wf.jobs ?? {}).flatMap((job) =>
      (job.steps ?? []).flatMap((s) => s.uses ?? []),
    );
    expect(uses.filter((u) => !/^[\w-]+\/[\w-]+@v\d+$/.test(u))).toEqual([]);
    const scripts = runs(wf).flatMap((run) =>
      [...run.matchAll(/node (scripts\/[\w.-]+\.mjs)/g)].map((m) => m[1]!),
    );
    for (const script of scripts) await expect(access(path.join(ROOT, script))).resolves.toBeUndefined();
  });
});

describe('CI', () => {
  it('runs on Node 20 and 22 and runs the same commands as .ci/run, in the same order', async () => {
    const wf = await workflow('ci.yml');
    expect(Object.keys(wf.on ?? {})).toEqual(expect.arrayContaining(['push', 'pull_request']));
    const job = Object.values(wf.jobs ?? {})[0]!;
    expect(job.strategy?.matrix?.['node-version']).toEqual([20, 22]);
    const setupNode = job.steps?.find((s) => s.uses?.startsWith('actions/setup-node@'));
    expect(setupNode?.with?.['node-version']).toBe('${{ matrix.node-version }}');
    const expected = await ciRunCommands();
    expect(expected).toEqual(expect.arrayContaining(['npm ci', 'npm run lint', 'npm test']));
    expect(runs(wf)).toEqual(expected);
  });
});

describe('Deploy', () => {
  it('is started by hand, signs in to Azure with OIDC, compiles and what-ifs the bicep before deploying, then packages and publishes', async () => {
    const wf = await workflow('deploy.yml');
    expect(Object.keys(wf.on ?? {})).toEqual(['workflow_dispatch']);
    expect(wf.permissions?.['id-token']).toBe('write');
    const steps = Object.values(wf.jobs ?? {}).flatMap((job) => job.steps ?? []);
    const login = steps.findIndex((s) => s.uses?.startsWith('azure/login@'));
    expect(login).toBeGreaterThanOrEqual(0);
    expect(Object.keys(steps[login]!.with ?? {}).sort()).toEqual([
      'client-id',
      'subscription-id',
      'tenant-id',
    ]);
    const at = (pattern: RegExp): number => steps.findIndex((s) => pattern.test(s.run ?? ''));
    const order = [
      at(/az bicep build --file infra\/azure\.bicep/),
      at(/az deployment group what-if/),
      at(/az deployment group create/),
      at(/npm run package -- --env/),
      at(/az webapp deploy/),
      at(/appCatalogs\/teamsApps/),
    ];
    expect(order.every((index) => index > login)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});
