#!/usr/bin/env node
/**
 * Boot only: read the configuration, start the app, say where it is, and shut down gracefully on SIGTERM/SIGINT.
 */
import { startApp } from './app.js';
import { ConfigError, describeConfig, loadConfig } from './config.js';
import { createLogger } from './logger.js';

let config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
const logger = createLogger(config.logLevel);
logger.info('starting', { config: describeConfig(config) });
const app = await startApp(config, logger);
const messages = `${app.server.url}/api/messages`;
if (app.emulator) {
  process.stdout.write(
    [
      '',
      'Teams Photo is running in local mode (no tenant, no Azure):',
      `  bot            ${messages}`,
      `  Graph emulator ${app.emulator.url}  (open it to see users, groups and their photos)`,
      '',
      'Next: `npm run dev` chats with the bot in Microsoft 365 Agents Playground, and',
      '      `npm run send-image -- photo.jpg` sends it a photo, as Alex Wilber.',
      '',
    ].join('\n'),
  );
} else {
  logger.info('listening', { url: messages });
}

let stopping = false;
const stop = (signal: string): void => {
  if (stopping) return;
  stopping = true;
  logger.info('stopping', { signal });
  void app.close().then(() => process.exit(0));
};
process.on('SIGTERM', () => {
  stop('SIGTERM');
});
process.on('SIGINT', () => {
  stop('SIGINT');
});
