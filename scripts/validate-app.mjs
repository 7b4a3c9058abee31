// `npm run validate [-- --env <name>]`: every check on the app package (src/app-package/validate.ts), offline.
// Without --env the manifest and localization files are validated filled with sample values.
// Exit codes: 0 valid, 1 problems (listed on stderr, one a line), 2 usage.
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { validateAppPackage } from '../dist/app-package/validate.js';

const root = fileURLToPath(new URL('..', import.meta.url));
let args;
try {
  args = parseArgs({ options: { env: { type: 'string' } } }).values;
} catch (error) {
  console.error(`${error.message}\nusage: npm run validate [-- --env <name>]`);
  process.exit(2);
}
const problems = await validateAppPackage({
  root,
  ...(args.env ? { env: args.env, processEnv: process.env } : {}),
});
if (problems.length > 0) {
  console.error(`The app package has ${problems.length} problem${problems.length === 1 ? '' : 's'}:`);
  for (const problem of problems) console.error(`- ${problem}`);
  process.exit(1);
}
process.stdout.write(
  `appPackage/ is valid${args.env ? ` for env/.env.${args.env}` : ' (filled with sample values)'}\n`,
);
