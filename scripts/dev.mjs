// `npm run dev`: the bot in local mode (as `npm start`) plus Microsoft 365 Agents Playground pointed at it, so a
// person can chat with the bot in a browser. The Playground's chat box cannot attach images: use
// `npm run send-image -- photo.jpg` for that. Ctrl+C stops both.
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

const port = process.env.PORT ?? '3978';
const children = [];
const start = (command, args, env = {}) => {
  const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  children.push(child);
  child.on('exit', (code) => {
    if (!stopping) stop(code ?? 1);
  });
  return child;
};
let stopping = false;
const stop = (code = 0) => {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 2000).unref();
};
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

start(process.execPath, ['dist/index.js']);
for (let i = 0; i < 100; i++) {
  const ready = await fetch(`http://127.0.0.1:${port}/healthz`).then(
    (r) => r.ok,
    () => false,
  );
  if (ready) break;
  await sleep(200);
}
start(
  process.execPath,
  [
    'node_modules/@microsoft/m365agentsplayground/cli.js',
    '-e',
    `http://127.0.0.1:${port}/api/messages`,
    '-c',
    'msteams',
    '--disable-telemetry',
  ],
  { M365_AGENTS_PLAYGROUND_LOGFILE: process.env.M365_AGENTS_PLAYGROUND_LOGFILE ?? 'devTools/playground.log' },
);
