/**
 * infra/azure.bicep and its parameter files, checked without a bicep compiler (none is reachable offline; the
 * deploy workflow runs `az bicep build` and `az deployment group what-if` before deploying). What this proves: the
 * template's brackets and strings are balanced, every symbolic name it dereferences is declared, parameter files
 * and templates agree both ways (and with the module's parameters), secrets are `@secure()`, resource types and API
 * versions come from a list of known-good ones, the resources the issue asks for are there with the settings it
 * names, and the app settings alone make a production configuration `src/config.ts` accepts. What it does not prove:
 * that bicep compiles it (types of expressions, property names inside a resource body), or that Azure accepts it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { GRAPH_PERMISSIONS } from '../../src/app-package/graph-permissions.js';
import { loadConfig } from '../../src/config.js';
import { CONFIG_VARIABLES } from '../../src/config-variables.js';

const ROOT = path.resolve(new URL('../..', import.meta.url).pathname);

interface Bicep {
  readonly text: string;
  /** name → has a default value */
  readonly params: Map<string, { hasDefault: boolean; secure: boolean }>;
  readonly vars: Set<string>;
  /** symbolic name → `Type@apiVersion` */
  readonly resources: Map<string, string>;
  /** symbolic name → { path, params } */
  readonly modules: Map<string, { path: string; params: string[] }>;
  readonly outputs: string[];
  /** `appSettings` entries: name → value expression */
  readonly appSettings: Map<string, string>;
}

/** Removes comments and the contents of strings (keeping `${...}` interpolations), so brackets can be counted. */
function codeOnly(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('//', i)) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (text[i] === "'") {
      out += "'";
      i++;
      while (i < text.length && text[i] !== "'") {
        if (text[i] === '\\') i += 2;
        else if (text.startsWith('${', i)) {
          let depth = 0;
          do {
            if (text[i] === '{') depth++;
            if (text[i] === '}') depth--;
            out += text.charAt(i);
            i++;
          } while (depth > 0 && i < text.length);
        } else i++;
      }
      if (i >= text.length) throw new Error('unterminated string');
      out += "'";
      i++;
    } else {
      out += text.charAt(i);
      i++;
    }
  }
  return out;
}

function balanced(code: string): boolean {
  const stack: string[] = [];
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  for (const ch of code.replace(/'[^']*'/g, "''")) {
    if ('([{'.includes(ch)) stack.push(ch);
    else if (ch in pairs && stack.pop() !== pairs[ch]) return false;
  }
  return stack.length === 0;
}

/** The body of the `{ ... }` or `[ ... ]` that opens at `start`. */
function block(text: string, start: number): string {
  const open = text[start];
  const close = open === '{' ? '}' : ']';
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === open) depth++;
    if (text[i] === close && --depth === 0) return text.slice(start + 1, i);
  }
  throw new Error(`unclosed ${open}`);
}

async function readBicep(file: string): Promise<Bicep> {
  const text = await readFile(path.join(ROOT, file), 'utf8');
  const params = new Map<string, { hasDefault: boolean; secure: boolean }>();
  for (const m of text.matchAll(/^param\s+(\w+)\s+\w+(\s*=)?/gm)) {
    const before =
      text
        .slice(0, m.index)
        .split(/\n\s*\n/)
        .at(-1) ?? '';
    params.set(m[1]!, { hasDefault: m[2] !== undefined, secure: /@secure\(\)\s*$/.test(before.trimEnd()) });
  }
  const vars = new Set([...text.matchAll(/^var\s+(\w+)\s*=/gm)].map((m) => m[1]!));
  const resources = new Map([...text.matchAll(/^resource\s+(\w+)\s+'([^']+)'/gm)].map((m) => [m[1]!, m[2]!]));
  const modules = new Map<string, { path: string; params: string[] }>();
  for (const m of text.matchAll(/^module\s+(\w+)\s+'([^']+)'\s*=\s*\{/gm)) {
    const body = block(text, m.index + m[0].length - 1);
    const paramsAt = body.indexOf('params:');
    const paramBody = block(body, body.indexOf('{', paramsAt));
    modules.set(m[1]!, {
      path: path.join(path.dirname(file), m[2]!),
      params: [...paramBody.matchAll(/^\s*(\w+):/gm)].map((p) => p[1]!),
    });
  }
  const outputs = [...text.matchAll(/^output\s+(\w+)\s/gm)].map((m) => m[1]!);
  const appSettings = new Map<string, string>();
  const settingsAt = text.indexOf('appSettings:');
  if (settingsAt !== -1) {
    const body = block(text, text.indexOf('[', settingsAt));
    for (const m of body.matchAll(/\{\s*name:\s*'(\w+)'\s*,?\s*value:\s*(.+?)\s*\}/g))
      appSettings.set(m[1]!, m[2]!);
  }
  return { text, params, vars, resources, modules, outputs, appSettings };
}

async function parameterNames(file: string): Promise<string[]> {
  const json = JSON.parse(await readFile(path.join(ROOT, file), 'utf8')) as {
    parameters: Record<string, unknown>;
  };
  return Object.keys(json.parameters);
}

/** Resource types and API versions known to exist (from Microsoft's templates and the ARM reference). */
const KNOWN_GOOD: Record<string, string[]> = {
  'Microsoft.Web/serverfarms': ['2021-02-01', '2022-03-01', '2022-09-01', '2023-01-01', '2023-12-01'],
  'Microsoft.Web/sites': ['2021-02-01', '2022-03-01', '2022-09-01', '2023-01-01', '2023-12-01'],
  'Microsoft.BotService/botServices': ['2021-03-01', '2022-09-15'],
  'Microsoft.BotService/botServices/channels': ['2021-03-01', '2022-09-15'],
  'Microsoft.BotService/botServices/connections': ['2021-03-01', '2022-09-15'],
  'Microsoft.Storage/storageAccounts': ['2022-09-01', '2023-01-01', '2023-05-01'],
  'Microsoft.Storage/storageAccounts/blobServices': ['2022-09-01', '2023-01-01', '2023-05-01'],
  'Microsoft.Storage/storageAccounts/blobServices/containers': ['2022-09-01', '2023-01-01', '2023-05-01'],
  'Microsoft.Storage/storageAccounts/queueServices': ['2022-09-01', '2023-01-01', '2023-05-01'],
  'Microsoft.Storage/storageAccounts/queueServices/queues': ['2022-09-01', '2023-01-01', '2023-05-01'],
  'Microsoft.Insights/components': ['2020-02-02'],
  'Microsoft.OperationalInsights/workspaces': ['2022-10-01', '2023-09-01'],
};

/** App settings the App Service platform or an SDK reads itself, not src/config.ts. */
const PLATFORM_SETTINGS = ['WEBSITE_RUN_FROM_PACKAGE', 'SCM_DO_BUILD_DURING_DEPLOYMENT'];

const TEMPLATES = [
  { bicep: 'infra/azure.bicep', parameters: 'infra/azure.parameters.json' },
  {
    bicep: 'infra/botRegistration/azurebot.bicep',
    parameters: 'infra/botRegistration/azurebot.parameters.json',
  },
];

describe.each(TEMPLATES)('$bicep', ({ bicep: file, parameters }) => {
  let bicep: Bicep;
  beforeAll(async () => {
    bicep = await readBicep(file);
  });

  it('has balanced brackets and strings, and dereferences only declared names', () => {
    const code = codeOnly(bicep.text);
    expect(balanced(code)).toBe(true);
    const declared = new Set([
      ...bicep.params.keys(),
      ...bicep.vars,
      ...bicep.resources.keys(),
      ...bicep.modules.keys(),
    ]);
    const used = new Set(
      [...code.matchAll(/\b([a-z]\w*)\.(id|name|properties|listKeys)\b/g)]
        .map((m) => m[1]!)
        .filter((name) => !['resourceGroup', 'environment', 'tenant', 'subscription', 'keys'].includes(name)),
    );
    for (const m of code.matchAll(/\bparent:\s*(\w+)/g)) used.add(m[1]!);
    expect([...used].filter((name) => !declared.has(name))).toEqual([]);
  });

  it('agrees with its parameter file both ways, and takes secrets as @secure()', async () => {
    const given = await parameterNames(parameters);
    expect(given.filter((name) => !bicep.params.has(name))).toEqual([]);
    const required = [...bicep.params].filter(([, p]) => !p.hasDefault).map(([name]) => name);
    expect(required.filter((name) => !given.includes(name))).toEqual([]);
    const secretLike = [...bicep.params.keys()].filter((name) => /secret|password|key/i.test(name));
    expect(secretLike.length).toBeGreaterThan(0);
    expect(secretLike.filter((name) => !bicep.params.get(name)!.secure)).toEqual([]);
  });

  it('uses known resource types and API versions', () => {
    expect(bicep.resources.size).toBeGreaterThan(0);
    const unknown = [...bicep.resources.values()].filter((typed) => {
      const [type, version] = typed.split('@');
      return !KNOWN_GOOD[type!]?.includes(version!);
    });
    expect(unknown).toEqual([]);
  });
});

describe('infra/azure.bicep', () => {
  let bicep: Bicep;
  beforeAll(async () => {
    bicep = await readBicep('infra/azure.bicep');
  });

  it('passes its module every parameter the module requires, and only those it declares', async () => {
    expect(bicep.modules.size).toBe(1);
    for (const module of bicep.modules.values()) {
      const target = await readBicep(module.path);
      expect(module.params.filter((name) => !target.params.has(name))).toEqual([]);
      const required = [...target.params].filter(([, p]) => !p.hasDefault).map(([name]) => name);
      expect(required.filter((name) => !module.params.includes(name))).toEqual([]);
    }
  });

  it('has the resources the issue names, with their settings', async () => {
    const types = [...bicep.resources.values()].map((typed) => typed.split('@')[0]);
    expect(types).toEqual(
      expect.arrayContaining([
        'Microsoft.Web/serverfarms',
        'Microsoft.Web/sites',
        'Microsoft.Storage/storageAccounts/blobServices/containers',
        'Microsoft.Storage/storageAccounts/queueServices/queues',
        'Microsoft.Insights/components',
      ]),
    );
    expect(bicep.text).toContain("linuxFxVersion: 'NODE|20-lts'");
    expect(bicep.text).toContain('alwaysOn: true');
    expect(bicep.text).toMatch(/identity:\s*\{\s*type:\s*'SystemAssigned'/);
    expect(bicep.text).toContain("healthCheckPath: '/healthz'");
    const bot = await readBicep('infra/botRegistration/azurebot.bicep');
    expect([...bot.resources.values()].map((typed) => typed.split('@')[0])).toEqual([
      'Microsoft.BotService/botServices',
      'Microsoft.BotService/botServices/channels',
      'Microsoft.BotService/botServices/connections',
    ]);
    expect(bot.text).toContain("channelName: 'MsTeamsChannel'");
    expect(bot.text).toContain("serviceProviderDisplayName: 'Azure Active Directory v2'");
    expect(bot.text).toMatch(
      /key: 'tokenExchangeUrl'\s*value: 'api:\/\/\$\{botAppDomain\}\/botid-\$\{botAadAppClientId\}'/,
    );
  });

  it("has the SSO connection ask for exactly the delegated Graph permissions the app's Entra registration requests", async () => {
    const bot = await readBicep('infra/botRegistration/azurebot.bicep');
    const scopes = /^param graphScopes string = '([^']*)'/m.exec(bot.text)?.[1]?.split(' ');
    const delegated = GRAPH_PERMISSIONS.filter((p) => p.type === 'Scope').map((p) => p.name);
    expect(scopes?.sort()).toEqual([...delegated].sort());
  });

  it('writes back the outputs the Toolkit files read', async () => {
    const yml = await readFile(path.join(ROOT, 'teamsapp.yml'), 'utf8');
    expect(yml).toContain('${{BOT_AZURE_APP_SERVICE_RESOURCE_ID}}');
    expect(bicep.outputs).toEqual(
      expect.arrayContaining(['BOT_AZURE_APP_SERVICE_RESOURCE_ID', 'BOT_DOMAIN']),
    );
  });

  it("sets only settings the app's config declares (or the platform reads), and they start the app in production", () => {
    const names = [...bicep.appSettings.keys()];
    expect(names.length).toBeGreaterThan(10);
    expect(names.filter((name) => !(name in CONFIG_VARIABLES) && !PLATFORM_SETTINGS.includes(name))).toEqual(
      [],
    );
    // Each setting with a stand-in value: literals as written, expressions as a plausible value.
    const env: Record<string, string> = {};
    for (const [name, value] of bicep.appSettings) {
      const literal = /^'([^'$]*)'$/.exec(value);
      env[name] = literal
        ? literal[1]!
        : name.includes('CONNECTION_STRING')
          ? name.startsWith('APPLICATIONINSIGHTS')
            ? 'InstrumentationKey=00000000-0000-4000-8000-000000000000;IngestionEndpoint=https://example.test/'
            : 'DefaultEndpointsProtocol=https;AccountName=a;AccountKey=a2V5;EndpointSuffix=core.windows.net'
          : name.endsWith('_HOST')
            ? 'https://login.microsoftonline.com'
            : name === 'STORAGE_CONTAINER'
              ? 'teams-photo'
              : `value-of-${name.toLowerCase()}`;
    }
    const config = loadConfig(env);
    expect(config.bot.app).toMatchObject({ appType: 'SingleTenant', appPassword: 'value-of-bot_password' });
    expect(config.entra).not.toBeNull();
    expect(config.storage.kind).toBe('blob');
    expect(config.dataDir).toBe('/home/data');
  });
});
