// `npm run build` (after tsc): bundles the Teams page's browser code, src/web/client/main.ts with
// @microsoft/teams-js, into dist/web/app.js, and its stylesheet into dist/web/app.css, both minified, for
// src/web/tab-routes.ts to serve at /tab/app.js and /tab/app.css. No source maps are shipped: the page is small
// and its sources are in this repository. The browser code is type-checked separately (tsc -p src/web/client), since
// esbuild only strips types. Prints each file and its size; exit code 1 when esbuild fails.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = fileURLToPath(new URL('../dist/web/', import.meta.url));
mkdirSync(outdir, { recursive: true });

try {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [
      { in: 'src/web/client/main.ts', out: 'app' },
      { in: 'src/web/client/app.css', out: 'app' },
    ],
    outdir,
    bundle: true,
    minify: true,
    format: 'iife',
    // What Teams' clients run: current Edge, Chrome, Safari (iOS WebView) and Firefox.
    target: ['es2020', 'chrome100', 'safari15', 'firefox100', 'edge100'],
    platform: 'browser',
    sourcemap: false,
    // Licence comments go to one file beside the bundle (dist/web/app.js.LEGAL.txt), not into every download.
    legalComments: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
  for (const [file, { bytes }] of Object.entries(result.metafile.outputs)) {
    process.stdout.write(`${file} ${bytes} bytes\n`);
  }
} catch {
  // esbuild has printed the errors.
  process.exit(1);
}
