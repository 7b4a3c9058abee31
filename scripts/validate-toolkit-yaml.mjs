/**
 * Checks the Microsoft 365 Agents Toolkit project files offline:
 * 1. `teamsapp.yml` and `teamsapp.local.yml` against the Toolkit's own yml schema (the newest version the pinned
 *    CLI bundles, see scripts/toolkit-schema.mjs), with ajv (draft-07, as the schema declares) and ajv-formats;
 * 2. every `${{VAR}}` placeholder in a lifecycle step (and in the ARM parameter files an `arm/deploy` step names, and
 *    the manifest a `manifestPath` names: appPackage/manifest.json, aad.manifest.json)
 *    is either written by an earlier action (`writeToEnvironmentFile`, or an output of a bicep template that an
 *    earlier `arm/deploy` step deploys) or declared in `env/.env.<env>`; a variable used before the action that
 *    writes it is an error even when the env file declares it, since a first provision would fail.
 *
 *   node scripts/validate-toolkit-yaml.mjs      # prints each problem; exit 1 when there is one
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { toolkitSchemaPath } from './toolkit-schema.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LIFECYCLES = ['provision', 'deploy', 'publish'];
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/**
 * The names a dotenv-style file declares (values may be empty).
 * @param {string} text
 * @returns {Map<string, string>}
 */
export function parseEnvFile(text) {
  const vars = new Map();
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/.exec(line);
    if (match) vars.set(match[1], match[2].trim());
  }
  return vars;
}

/** @returns {string[]} every `${{VAR}}` name in any string inside `value` */
export function placeholdersIn(value) {
  if (typeof value === 'string') return [...value.matchAll(PLACEHOLDER)].map((m) => m[1]);
  if (Array.isArray(value)) return value.flatMap(placeholdersIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(placeholdersIn);
  return [];
}

/** @returns {string[]} the names of a bicep file's outputs, which arm/deploy writes to the env file */
export function bicepOutputs(text) {
  return [...text.matchAll(/^\s*output\s+([A-Za-z_][A-Za-z0-9_]*)\s/gm)].map((m) => m[1]);
}

/** The environments a yml file serves: `teamsapp.local.yml` is `local`, `teamsapp.yml` every other env file. */
async function environmentsFor(file, projectRoot) {
  if (path.basename(file) === 'teamsapp.local.yml') return ['local'];
  const names = await readdir(path.join(projectRoot, 'env'));
  return names
    .map((name) => /^\.env\.([A-Za-z0-9_-]+)$/.exec(name)?.[1])
    .filter((env) => env !== undefined && env !== 'local');
}

async function readOrUndefined(file) {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Placeholder problems in one parsed yml document for one environment.
 * @param {any} doc the parsed yml
 * @param {Map<string,string>} envVars from env/.env.<env>
 * @param {{ projectRoot: string, label: string }} where relative paths resolve, and the file name for messages
 * @returns {Promise<string[]>}
 */
export async function placeholderProblems(doc, envVars, { projectRoot, label }) {
  const problems = [];
  /** @type {Map<string, string>} name → where it is written */
  const writtenBy = new Map();
  const steps = LIFECYCLES.flatMap((lifecycle) =>
    (Array.isArray(doc?.[lifecycle]) ? doc[lifecycle] : []).map((step, index) => ({
      step,
      at: `${lifecycle}[${index}]`,
    })),
  );
  // Everything any step writes, to tell "used before written" from "never written".
  /** @type {{ at: string, names: string[] }[]} */
  const writes = [];
  for (const { step, at } of steps) {
    const names = Object.values(step?.writeToEnvironmentFile ?? {}).filter((n) => typeof n === 'string');
    if (step?.uses === 'arm/deploy') {
      for (const template of step.with?.templates ?? []) {
        const bicep = await readOrUndefined(path.join(projectRoot, String(template.path)));
        if (bicep === undefined) problems.push(`${label} ${at}: template ${template.path} not found`);
        else names.push(...bicepOutputs(bicep));
      }
    }
    writes.push({ at, names });
  }

  for (const [i, { step, at }] of steps.entries()) {
    const used = placeholdersIn(step?.with ?? {}).map((name) => ({ name, where: '' }));
    // The manifests an action fills in (teamsApp/*, aadApp/update) are resolved at that step too.
    const manifest = step?.with?.manifestPath;
    if (typeof manifest === 'string') {
      const text = await readOrUndefined(path.join(projectRoot, manifest));
      if (text === undefined) problems.push(`${label} ${at}: manifest ${manifest} not found`);
      else used.push(...placeholdersIn(text).map((name) => ({ name, where: ` (in ${manifest})` })));
    }
    if (step?.uses === 'arm/deploy') {
      for (const template of step.with?.templates ?? []) {
        if (!template.parameters) continue;
        const parameters = await readOrUndefined(path.join(projectRoot, String(template.parameters)));
        if (parameters === undefined)
          problems.push(`${label} ${at}: parameters ${template.parameters} not found`);
        else
          used.push(
            ...placeholdersIn(parameters).map((name) => ({ name, where: ` (in ${template.parameters})` })),
          );
      }
    }
    for (const { name, where } of used) {
      if (writtenBy.has(name)) continue;
      const later = writes.slice(i).find((w) => w.names.includes(name));
      if (later) {
        problems.push(`${label} ${at}: \${{${name}}}${where} is used before ${later.at} writes it`);
      } else if (!envVars.has(name)) {
        problems.push(
          `${label} ${at}: \${{${name}}}${where} is neither written by an earlier action nor declared in the env file`,
        );
      }
    }
    for (const name of writes[i].names) writtenBy.set(name, at);
  }
  return [...new Set(problems)];
}

/** Human-readable schema problems for one document: unknown actions by name, then the matching action's errors. */
function schemaProblems(schema, ajv, validateDocument, doc, label) {
  if (validateDocument(doc)) return [];
  const definitionFor = new Map();
  for (const [key, definition] of Object.entries(schema.definitions ?? {})) {
    const uses = definition?.properties?.uses?.const ?? definition?.allOf?.[0]?.$ref;
    if (typeof uses === 'string' && !uses.startsWith('#')) definitionFor.set(uses, key);
  }
  // aadApp/create is a oneOf over two definitions that share a base
  if (schema.definitions?.aadAppCreate) definitionFor.set('aadApp/create', 'aadAppCreate');
  const problems = [];
  for (const lifecycle of LIFECYCLES) {
    const steps = doc?.[lifecycle];
    if (!Array.isArray(steps)) continue;
    for (const [index, step] of steps.entries()) {
      const at = `${label} ${lifecycle}[${index}]`;
      const key = definitionFor.get(step?.uses);
      if (!key) {
        problems.push(`${at}: unknown action "${step?.uses}" (not in the Toolkit's schema)`);
        continue;
      }
      const validateStep = ajv.getSchema(`toolkit#/definitions/${key}`);
      if (validateStep && !validateStep(step)) {
        for (const error of validateStep.errors ?? []) {
          const extra = error.params?.additionalProperty ? ` "${error.params.additionalProperty}"` : '';
          problems.push(`${at} (${step.uses})${error.instancePath}: ${error.message}${extra}`);
        }
      }
    }
  }
  if (problems.length === 0) {
    for (const error of validateDocument.errors ?? []) {
      const extra = error.params?.additionalProperty ? ` "${error.params.additionalProperty}"` : '';
      problems.push(`${label}${error.instancePath || ' (top level)'}: ${error.message}${extra}`);
    }
  }
  return [...new Set(problems)];
}

/**
 * Validates the Toolkit yml files; resolves with every problem found (empty when all is well).
 * @param {{ projectRoot?: string, files?: string[], schemaPath?: string }} [options]
 *   `files` relative to `projectRoot` (default: teamsapp.yml and teamsapp.local.yml of this repository)
 * @returns {Promise<string[]>}
 */
export async function validateToolkitYaml(options = {}) {
  const projectRoot = options.projectRoot ?? root;
  const files = options.files ?? ['teamsapp.yml', 'teamsapp.local.yml'];
  const schema = JSON.parse(await readFile(options.schemaPath ?? (await toolkitSchemaPath()), 'utf8'));
  if (schema.$schema !== 'http://json-schema.org/draft-07/schema#') {
    return [`the Toolkit's yml schema declares ${schema.$schema}; this check only knows draft-07`];
  }
  // strict: false because the schema carries editor keywords (markdownDescription, deprecationMessage).
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema(schema, 'toolkit');
  const validateDocument = ajv.getSchema('toolkit');

  const problems = [];
  for (const file of files) {
    const text = await readOrUndefined(path.join(projectRoot, file));
    if (text === undefined) {
      problems.push(`${file}: not found`);
      continue;
    }
    let doc;
    try {
      doc = parse(text);
    } catch (error) {
      problems.push(`${file}: not valid YAML (${error.message.split('\n')[0]})`);
      continue;
    }
    problems.push(...schemaProblems(schema, ajv, validateDocument, doc, file));
    const envs = await environmentsFor(file, projectRoot);
    if (envs.length === 0) problems.push(`${file}: no env/.env.<env> file for it`);
    for (const env of envs) {
      const envText = await readOrUndefined(path.join(projectRoot, 'env', `.env.${env}`));
      if (envText === undefined) {
        problems.push(`${file}: env/.env.${env} not found`);
        continue;
      }
      const found = await placeholderProblems(doc, parseEnvFile(envText), {
        projectRoot,
        label: `${file} (env ${env})`,
      });
      problems.push(...found);
    }
  }
  return problems;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  validateToolkitYaml().then(
    (problems) => {
      for (const problem of problems) console.error(problem);
      if (problems.length > 0) process.exitCode = 1;
      else process.stdout.write('teamsapp.yml, teamsapp.local.yml: valid\n');
    },
    (error) => {
      console.error(error.message);
      process.exitCode = 1;
    },
  );
}
