/**
 * The Microsoft 365 Agents Toolkit's own schema for `teamsapp.yml` / `teamsapp.local.yml`, fetched once and cached.
 *
 * `@microsoft/m365agentstoolkit-cli` is ~445 MB installed, too big for a devDependency, but its 34 MB tarball holds
 * the schema. When `.cache/toolkit/<version>/yaml.schema.json` is missing, this runs `npm pack` (the npm registry
 * through npm's own client) into `.cache/toolkit/`, reads the gzipped tar with node:zlib and a small tar reader,
 * writes only that one file, and deletes the tarball.
 *
 *   node scripts/toolkit-schema.mjs      # prints the cached schema's path
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';

/** The CLI release whose schema we validate against, and the newest schema version it bundles. */
export const TOOLKIT_CLI_PACKAGE = '@microsoft/m365agentstoolkit-cli';
export const TOOLKIT_CLI_VERSION = '1.1.17';
export const TOOLKIT_YAML_SCHEMA_VERSION = 'v1.13';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entryName = `package/resource/yaml-schema/${TOOLKIT_YAML_SCHEMA_VERSION}/yaml.schema.json`;

/**
 * Finds one regular file in an uncompressed tar archive (ustar/pax as npm writes it).
 * @param {Buffer} tar
 * @param {string} wanted path inside the archive
 * @returns {Buffer | undefined}
 */
export function extractFromTar(tar, wanted) {
  let offset = 0;
  let longName;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((byte) => byte === 0)) return undefined; // end of archive
    const field = (start, length) => {
      const raw = header.subarray(start, start + length);
      const end = raw.indexOf(0);
      return raw.subarray(0, end === -1 ? length : end).toString('utf8');
    };
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1);
    const prefix = field(345, 155);
    const name = longName ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
    longName = undefined;
    const body = tar.subarray(offset + 512, offset + 512 + size);
    if (type === 'x') {
      // pax extended header: a `path=` record names the next entry
      const match = /\d+ path=([^\n]*)\n/.exec(body.toString('utf8'));
      if (match) longName = match[1];
    } else if (type === 'L') {
      longName = body.toString('utf8').replace(/\0+$/, '');
    } else if ((type === '0' || type === '') && name === wanted) {
      return Buffer.from(body);
    }
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return undefined;
}

async function exists(file) {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * The path of the Toolkit's yml schema, downloading the CLI's tarball once if it is not cached.
 * @param {{ cacheDir?: string, npm?: string }} [options] `cacheDir` defaults to `<repo>/.cache/toolkit`
 * @returns {Promise<string>}
 */
export async function toolkitSchemaPath(options = {}) {
  const cacheDir = options.cacheDir ?? path.join(root, '.cache', 'toolkit');
  const target = path.join(cacheDir, TOOLKIT_CLI_VERSION, TOOLKIT_YAML_SCHEMA_VERSION, 'yaml.schema.json');
  if (await exists(target)) return target;

  await mkdir(path.dirname(target), { recursive: true });
  const npm = options.npm ?? (process.platform === 'win32' ? 'npm.cmd' : 'npm');
  let stdout;
  try {
    ({ stdout } = await promisify(execFile)(
      npm,
      ['pack', `${TOOLKIT_CLI_PACKAGE}@${TOOLKIT_CLI_VERSION}`, '--silent', '--pack-destination', cacheDir],
      { cwd: cacheDir, maxBuffer: 16 * 1024 * 1024, shell: process.platform === 'win32' },
    ));
  } catch (error) {
    throw new Error(
      `ToolkitSchemaUnavailable: npm pack ${TOOLKIT_CLI_PACKAGE}@${TOOLKIT_CLI_VERSION} failed (${error.message.split('\n')[0]}). ` +
        'It needs the npm registry once; after that the schema is cached in .cache/toolkit/.',
      { cause: error },
    );
  }
  const tarball = path.join(cacheDir, stdout.trim().split('\n').at(-1));
  try {
    const schema = extractFromTar(gunzipSync(await readFile(tarball)), entryName);
    if (!schema)
      throw new Error(`ToolkitSchemaUnavailable: ${entryName} is not in ${path.basename(tarball)}`);
    JSON.parse(schema.toString('utf8')); // refuse to cache something that is not JSON
    const temporary = `${target}.${process.pid}.tmp`;
    await writeFile(temporary, schema);
    await rename(temporary, target); // parallel first runs both write the same bytes: last rename wins
  } finally {
    await rm(tarball, { force: true });
  }
  return target;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  toolkitSchemaPath().then(
    (file) => process.stdout.write(`${file}\n`),
    (error) => {
      console.error(error.message);
      process.exitCode = 1;
    },
  );
}
