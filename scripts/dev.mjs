// `npm run dev`: Microsoft 365 Agents Playground pointed at the bot in local mode, so a person can chat with the
// bot in a browser. If a bot already answers on PORT (say `npm start` in another terminal) it is reused, and said
// so, rather than started a second time into a port that is taken; otherwise the bot is started here (as
// `npm start`) and stopped with the Playground. The Playground's chat box cannot attach images: use
// `npm run send-image -- photo.jpg --playground` for that. Ctrl+C stops what this script started.
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

const port = process.env.PORT ?? '3978';
const botUrl = `http://127.0.0.1:${port}`;
const children = [];
let stopping = false;

const stop = (code = 0) => {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 2000).unref();
};
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

const start = (command, args, { env = {}, pipeStdout = false } = {}) => {
  const child = spawn(command, args, {
    stdio: ['inherit', pipeStdout ? 'pipe' : 'inherit', 'inherit'],
    env: { ...process.env, ...env },
  });
  children.push(child);
  child.on('exit', (code) => {
    if (!stopping) stop(code ?? 1);
  });
  return child;
};

/** True when a Teams Photo bot answers its health check on `botUrl`. */
const botAnswers = () =>
  fetch(`${botUrl}/healthz`, { signal: AbortSignal.timeout(1000) }).then(
    (response) => response.ok,
    () => false,
  );

const reused = await botAnswers();
if (reused) {
  process.stdout.write(`Using the Teams Photo bot already running on ${botUrl} (from \`npm start\`).\n`);
} else {
  // --under-dev: the bot's banner leaves out its "Next: npm run dev" lines; this script prints where to go.
  start(process.execPath, ['dist/index.js', '--under-dev']);
  let ready = false;
  for (let i = 0; i < 100 && !ready && !stopping; i++) {
    ready = await botAnswers();
    if (!ready) await sleep(200);
  }
  if (!ready) {
    process.stderr.write(`The bot did not answer on ${botUrl}/healthz; see its message above.\n`);
    stop(1);
  }
}

if (!stopping) {
  const playground = start(
    process.execPath,
    [
      'node_modules/@microsoft/m365agentsplayground/cli.js',
      '-e',
      `${botUrl}/api/messages`,
      '-c',
      'msteams',
      '--disable-telemetry',
    ],
    {
      env: {
        TEAMSAPPTESTER_BROWSER: process.env.TEAMSAPPTESTER_BROWSER ?? 'none',
        M365_AGENTS_PLAYGROUND_LOGFILE:
          process.env.M365_AGENTS_PLAYGROUND_LOGFILE ?? 'devTools/playground.log',
      },
      pipeStdout: true,
    },
  );
  // The Playground moves to another port when 56150 is taken, silently: read the one it prints.
  let announced = false;
  playground.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    const match = /Listening on (\d+)/.exec(chunk.toString('utf8'));
    if (match && !announced) {
      announced = true;
      const address = `http://localhost:${match[1]}`;
      process.stdout.write(
        [
          '',
          `Chat with Teams Photo in Microsoft 365 Agents Playground: ${address}`,
          `  bot   ${botUrl}/api/messages${reused ? '  (the one already running)' : ''}`,
          `  send it a photo: npm run send-image -- photo.jpg --playground${match[1] === '56150' ? '' : ` --playground-url ${address}`}`,
          '',
        ].join('\n'),
      );
    }
  });
}
