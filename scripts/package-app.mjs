// `npm run package -- --env <name>`: appPackage/build/appPackage.<name>.zip, placeholders filled from env/.env.<name>.
// `node scripts/package-app.mjs --generate` (run by `npm run appPackage:generate`) rewrites the catalog strings,
// command lists and messaging extension in appPackage/manifest.json, the appPackage/<lang>.json files
// (src/app-package/app-strings.ts) and the README's Graph permission table (src/app-package/permission-table.ts).
// Exit codes: 0 done, 1 failed (one line on stderr), 2 usage.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generatedAppStrings } from '../dist/app-package/app-strings.js';
import { buildAppPackage } from '../dist/app-package/build.js';
import { withPermissionTable } from '../dist/app-package/permission-table.js';

const root = fileURLToPath(new URL('..', import.meta.url));
let args;
try {
  args = parseArgs({ options: { env: { type: 'string' }, generate: { type: 'boolean' } } }).values;
} catch (error) {
  console.error(
    `${error.message}\nusage: npm run package -- --env <name>  |  node scripts/package-app.mjs --generate`,
  );
  process.exit(2);
}
if (args.generate) {
  for (const [relative, text] of await generatedAppStrings(root))
    writeFileSync(new URL(`../${relative}`, import.meta.url), text);
  const readme = new URL('../README.md', import.meta.url);
  writeFileSync(readme, withPermissionTable(readFileSync(readme, 'utf8')));
  console.error(
    'appPackage/manifest.json strings and localization files written from src/i18n, README permission table from src/app-package',
  );
} else {
  if (!args.env) {
    console.error('usage: npm run package -- --env <name>   (an environment with a file env/.env.<name>)');
    process.exit(2);
  }
  try {
    const out = buildAppPackage(root, args.env, process.env);
    process.stdout.write(`${out}\n`);
  } catch (error) {
    console.error(`PackageFailed: ${error.message}`);
    process.exit(1);
  }
}
