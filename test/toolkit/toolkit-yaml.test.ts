/**
 * The Agents Toolkit project files (teamsapp.yml, teamsapp.local.yml, env/) checked offline against the Toolkit's
 * own yml schema (fetched once by scripts/toolkit-schema.mjs through `npm pack`, then cached in .cache/toolkit/),
 * the placeholder check, and the mapping from the Toolkit's names to the names the app's config reads.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { parse, stringify } from 'yaml';
import { loadConfig } from '../../src/config.js';

const ROOT = path.resolve(new URL('../..', import.meta.url).pathname);

interface ValidatorModule {
  validateToolkitYaml(options?: { projectRoot?: string; files?: string[] }): Promise<string[]>;
  parseEnvFile(text: string): Map<string, string>;
}
interface SchemaModule {
  extractFromTar: (tar: Buffer, wanted: string) => Buffer | undefined;
  toolkitSchemaPath: () => Promise<string>;
}

/** The .mjs scripts, loaded as the npm scripts run them. */
async function load<T>(name: string): Promise<T> {
  return (await import(pathToFileURL(path.join(ROOT, 'scripts', name)).href)) as T;
}

type Step = Record<string, unknown> & { uses: string; with?: Record<string, unknown> };
type ToolkitDoc = Record<string, unknown> & { provision: Step[]; deploy: Step[]; publish?: Step[] };

/** A copy of the project's Toolkit files in a temporary folder, for a test to break. */
async function projectCopy(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'teams-photo-toolkit-'));
  for (const entry of [
    'teamsapp.yml',
    'teamsapp.local.yml',
    'env',
    'infra',
    'aad.manifest.json',
    'appPackage',
  ]) {
    await cp(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
  }
  return dir;
}

async function editYaml(dir: string, file: string, edit: (doc: ToolkitDoc) => void): Promise<void> {
  const doc = parse(await readFile(path.join(dir, file), 'utf8')) as ToolkitDoc;
  edit(doc);
  await writeFile(path.join(dir, file), stringify(doc));
}

function step(doc: ToolkitDoc, uses: string): Step {
  const found = doc.provision.find((s) => s.uses === uses);
  if (!found) throw new Error(`no ${uses} in provision`);
  return found;
}

let validator: ValidatorModule;
let dir: string;

beforeAll(async () => {
  validator = await load<ValidatorModule>('validate-toolkit-yaml.mjs');
  // First run on a machine: downloads the CLI's tarball once (npm registry), then it is cached.
  await (await load<SchemaModule>('toolkit-schema.mjs')).toolkitSchemaPath();
}, 300_000);

beforeEach(async () => {
  dir = await projectCopy();
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the Toolkit's yml schema", () => {
  it('is the v1.13 schema, draft-07, cached under .cache/toolkit/', async () => {
    const file = await (await load<SchemaModule>('toolkit-schema.mjs')).toolkitSchemaPath();
    expect(path.relative(ROOT, file)).toBe(
      path.join('.cache', 'toolkit', '1.1.17', 'v1.13', 'yaml.schema.json'),
    );
    const schema = JSON.parse(await readFile(file, 'utf8')) as {
      $schema: string;
      properties: { version: { const: string } };
    };
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.properties.version.const).toBe('v1.13');
  });

  it('finds a file in a tar archive, also under a path longer than 100 characters', async () => {
    const { extractFromTar } = await load<SchemaModule>('toolkit-schema.mjs');
    const deep = path.join('package', 'a'.repeat(60), 'b'.repeat(60), 'yaml.schema.json');
    await cp(path.join(ROOT, 'teamsapp.yml'), path.join(dir, deep), { recursive: true });
    await writeFile(path.join(dir, 'package', 'other.json'), '{"other":true}');
    await promisify(execFile)('tar', ['-cf', 'test.tar', 'package/other.json', deep], { cwd: dir });
    const tar = await readFile(path.join(dir, 'test.tar'));
    expect(extractFromTar(tar, deep)?.toString('utf8')).toBe(
      await readFile(path.join(ROOT, 'teamsapp.yml'), 'utf8'),
    );
    expect(extractFromTar(tar, 'package/other.json')?.toString('utf8')).toBe('{"other":true}');
    expect(extractFromTar(tar, 'package/missing.json')).toBeUndefined();
  });
});

describe('teamsapp.yml and teamsapp.local.yml', () => {
  it('are valid against the schema, and every placeholder is written earlier or declared in env/', async () => {
    expect(await validator.validateToolkitYaml()).toEqual([]);
  });

  it('name the actions the issue asks for, in an order that works', async () => {
    const doc = parse(await readFile(path.join(ROOT, 'teamsapp.yml'), 'utf8')) as ToolkitDoc;
    expect(doc.provision.map((s) => s.uses)).toEqual([
      'teamsApp/create',
      'aadApp/create',
      'botAadApp/create',
      'arm/deploy',
      'aadApp/update',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
    ]);
    expect(doc.deploy.map((s) => s.uses)).toEqual([
      'cli/runNpmCommand',
      'cli/runNpmCommand',
      'azureAppService/zipDeploy',
    ]);
    const local = parse(await readFile(path.join(ROOT, 'teamsapp.local.yml'), 'utf8')) as ToolkitDoc;
    expect(local.provision.map((s) => s.uses)).toContain('arm/deploy'); // the Azure Bot with the SSO connection
    expect(local.deploy.map((s) => s.uses)).toContain('file/createOrUpdateEnvironmentFile');
  });

  it('refuses an unknown action', async () => {
    await editYaml(dir, 'teamsapp.yml', (doc) => {
      step(doc, 'teamsApp/create').uses = 'teamsApp/creat';
    });
    const problems = await validator.validateToolkitYaml({ projectRoot: dir });
    expect(problems).toContainEqual(
      expect.stringMatching(/teamsapp\.yml provision\[0\]: unknown action "teamsApp\/creat"/),
    );
  });

  it('refuses an action without a required key, and a key the action does not have', async () => {
    await editYaml(dir, 'teamsapp.local.yml', (doc) => {
      delete step(doc, 'teamsApp/validateManifest').with;
      const zip = step(doc, 'teamsApp/zipAppPackage');
      zip.with = { ...zip.with, outputZip: 'x.zip' };
    });
    const problems = await validator.validateToolkitYaml({ projectRoot: dir });
    expect(problems).toContainEqual(
      expect.stringMatching(/validateManifest.*must have required property 'with'/),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/zipAppPackage.*additional properties "outputZip"/),
    );
    expect(problems.every((p) => p.startsWith('teamsapp.local.yml'))).toBe(true);
  });

  it('refuses another schema version and an unknown top-level key', async () => {
    await editYaml(dir, 'teamsapp.yml', (doc) => {
      doc.version = 'v1.12';
      doc.provison = [];
    });
    const problems = await validator.validateToolkitYaml({ projectRoot: dir });
    expect(problems).toContainEqual(
      expect.stringMatching(/teamsapp\.yml\/version: must be equal to constant/),
    );
    expect(problems).toContainEqual(expect.stringMatching(/additional properties "provison"/));
  });

  it('refuses a placeholder that nothing writes and no env file declares', async () => {
    await editYaml(dir, 'teamsapp.yml', (doc) => {
      step(doc, 'teamsApp/create').with = { name: 'teams-photo${{APP_NAME_SUFIX}}' };
    });
    const problems = await validator.validateToolkitYaml({ projectRoot: dir });
    expect(problems).toEqual([
      'teamsapp.yml (env dev) provision[0]: ${{APP_NAME_SUFIX}} is neither written by an earlier action nor declared in the env file',
    ]);
  });

  it('refuses a placeholder used before the action that writes it, even when the env file declares it', async () => {
    // arm/deploy first: its parameters need BOT_ID, which botAadApp/create only writes afterwards
    await editYaml(dir, 'teamsapp.yml', (doc) => {
      const arm = step(doc, 'arm/deploy');
      doc.provision = [arm, ...doc.provision.filter((s) => s !== arm)];
    });
    const problems = await validator.validateToolkitYaml({ projectRoot: dir });
    expect(problems).toContainEqual(
      'teamsapp.yml (env dev) provision[0]: ${{BOT_ID}} (in ./infra/azure.parameters.json) is used before provision[3] writes it',
    );
  });

  it('checks the placeholders of the manifests an action fills in', async () => {
    const file = path.join(dir, 'aad.manifest.json');
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace('${{AAD_APP_CLIENT_ID}}', '${{AAD_APP_CLIENT}}'),
    );
    const problems = await validator.validateToolkitYaml({ projectRoot: dir });
    expect(problems).toEqual([
      'teamsapp.yml (env dev) provision[4]: ${{AAD_APP_CLIENT}} (in ./aad.manifest.json) is neither written by an earlier action nor declared in the env file',
      'teamsapp.local.yml (env local) provision[4]: ${{AAD_APP_CLIENT}} (in ./aad.manifest.json) is neither written by an earlier action nor declared in the env file',
    ]);
    await rm(file);
    expect(await validator.validateToolkitYaml({ projectRoot: dir })).toContain(
      'teamsapp.yml (env dev) provision[4]: manifest ./aad.manifest.json not found',
    );
  });

  it('checks the placeholders of the ARM parameter files against the env file', async () => {
    const file = path.join(dir, 'infra', 'azure.parameters.json');
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace('${{OAUTH_CONNECTION_NAME}}', '${{OAUTH_CONECTION}}'),
    );
    const problems = await validator.validateToolkitYaml({ projectRoot: dir });
    expect(problems).toEqual([
      'teamsapp.yml (env dev) provision[3]: ${{OAUTH_CONECTION}} (in ./infra/azure.parameters.json) is neither written by an earlier action nor declared in the env file',
    ]);
  });
});

describe('env/', () => {
  it('has .env.dev and .env.local with no secrets, and git ignores the .user files', async () => {
    for (const env of ['dev', 'local']) {
      const vars = validator.parseEnvFile(await readFile(path.join(ROOT, 'env', `.env.${env}`), 'utf8'));
      expect(vars.get('TEAMSFX_ENV')).toBe(env);
      for (const [name, value] of vars) {
        if (/SECRET|PASSWORD|KEY|CONNECTION_STRING/.test(name)) expect(`${name}=${value}`).toBe(`${name}=`);
      }
      expect([...vars.keys()].filter((name) => name.startsWith('SECRET_'))).toEqual([]);
    }
    const { stdout } = await promisify(execFile)(
      'git',
      [
        'check-ignore',
        'env/.env.dev.user',
        'env/.env.local.user',
        '.localConfigs',
        '.cache/toolkit/x',
        'appPackage/build/x.zip',
      ],
      { cwd: ROOT },
    );
    expect(stdout.trim().split('\n')).toHaveLength(5);
  });

  it('the local .localConfigs maps the Toolkit names onto a configuration the app accepts as production', async () => {
    const local = parse(await readFile(path.join(ROOT, 'teamsapp.local.yml'), 'utf8')) as ToolkitDoc;
    const write = local.deploy.find((s) => s.uses === 'file/createOrUpdateEnvironmentFile');
    const envs = (write?.with?.envs ?? {}) as Record<string, string | number>;
    // What provision leaves in env/.env.local and env/.env.local.user
    const toolkit: Record<string, string> = {
      BOT_ID: '00000000-0000-4000-8000-000000000001',
      SECRET_BOT_PASSWORD: 'bot-secret',
      AAD_APP_CLIENT_ID: '00000000-0000-4000-8000-000000000002',
      SECRET_AAD_APP_CLIENT_SECRET: 'sso-secret',
      AAD_APP_TENANT_ID: '00000000-0000-4000-8000-000000000003',
      AAD_APP_OAUTH_AUTHORITY_HOST: 'https://login.microsoftonline.com',
      OAUTH_CONNECTION_NAME: 'graph',
    };
    const env = Object.fromEntries(
      Object.entries(envs).map(([name, value]) => [
        name,
        String(value).replace(/\$\{\{(\w+)\}\}/g, (_, v: string) => toolkit[v] ?? `<unset ${v}>`),
      ]),
    );
    expect(Object.values(env).filter((v) => v.includes('<unset'))).toEqual([]);
    const config = loadConfig({ ...env, DATA_DIR: path.join(dir, 'data') });
    expect(config.bot.app).toEqual({
      appId: toolkit.BOT_ID,
      appPassword: 'bot-secret',
      appType: 'SingleTenant',
      tenantId: toolkit.AAD_APP_TENANT_ID,
    });
    expect(config.entra).toMatchObject({
      clientId: toolkit.AAD_APP_CLIENT_ID,
      tenantId: toolkit.AAD_APP_TENANT_ID,
    });
    expect(config.bot.oauthConnectionName).toBe('graph');
  });
});
