/**
 * The HTTP server: `POST /api/messages` into the Bot Framework adapter, `GET /healthz`, the routes other parts of
 * the app register (the page's API, see src/api/photo-api.ts), and a graceful close that stops accepting turns and
 * lets the ones under way finish. Transport only: the bot and its services are handed in.
 *
 * Only `/api/messages` has its body parsed by restify (JSON, capped): every other route reads its own body, so an
 * upload is streamed and capped as it arrives rather than buffered first.
 */
import type { AddressInfo } from 'node:net';
// restify replaces node's ServerResponse.prototype.writeHead process-wide with one that returns nothing, so code
// that shares the process (the local Graph emulator, test servers) must not chain `writeHead(...).end()`.
import restify from 'restify';
import type { CloudAdapter } from 'botbuilder';
import type { ActivityHandler } from 'botbuilder';
import type { Logger } from '../logger.js';
import { refuseHost, refuseMediaType, refuseServiceUrl, type LocalRefusal } from './local-mode-guard.js';
import { registerTabRoutes } from '../web/tab-routes.js';

/** What a registrar of routes gets: the restify server, and a way to count a request as under way. */
export interface RouteContext {
  readonly server: restify.Server;
  /**
   * Runs `work` as a request under way: `close()` waits for it like for a turn. While closing it is not run and
   * `undefined` is returned, after a 503 answer.
   */
  inFlight<T>(res: restify.Response, work: () => Promise<T>): Promise<T | undefined>;
}

/** Adds routes to the server before it listens. */
export type RouteRegistrar = (routes: RouteContext) => void;

/** What {@link startServer} takes: where to listen, and the adapter and bot that turn requests into turns. */
export interface ServerOptions {
  /** The port to listen on; 0 picks a free one. */
  readonly port: number;
  /** `127.0.0.1` in local mode (no authentication), all interfaces otherwise. */
  readonly host: string;
  readonly adapter: CloudAdapter;
  readonly bot: ActivityHandler;
  readonly logger: Logger;
  /** Largest activity accepted, in bytes (Teams activities are far smaller). */
  readonly maxBodyBytes?: number;
  /**
   * Local mode (no bot credentials, so nothing authenticates a request): only a loopback `Host` on every route, and
   * on `/api/messages` only JSON and only a loopback `serviceUrl` (see local-mode-guard.ts), so that no web page can
   * drive the bot.
   */
  readonly localOnly?: boolean;
  /** More routes (the page's API), registered in order. */
  readonly routes?: readonly RouteRegistrar[];
}

/** A listening server. */
export interface RunningServer {
  /** e.g. `http://127.0.0.1:3978` (`localhost` when listening on all interfaces). */
  readonly url: string;
  readonly port: number;
  /** Stops accepting, waits for turns under way (up to `graceMs`), then closes. */
  close(graceMs?: number): Promise<void>;
}

/**
 * Starts the server; resolves once it listens. While closing, `POST /api/messages` answers 503 and `/healthz` 503
 * (`{ "status": "closing" }`), so a load balancer stops sending turns while the ones under way finish.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { adapter, bot, logger } = options;
  const server = restify.createServer({ name: 'teams-photo', handleUncaughtExceptions: false });
  const refuse = (res: restify.Response, refusal: LocalRefusal): void => {
    logger.warn('request refused', { outcome: 'refused', code: refusal.code, mode: 'local' });
    res.send(refusal.status, { error: { code: refusal.code, message: refusal.message } });
  };
  if (options.localOnly) {
    // Every route: a page that made its own name resolve to 127.0.0.1 (DNS rebinding) still sends its own Host.
    server.use((req, res, next) => {
      const refusal = refuseHost(req.headers);
      if (!refusal) {
        next();
        return;
      }
      refuse(res, refusal);
      next(false);
    });
  }
  // `/api/messages` only: JSON, in local mode nothing else (before the parser, so a refused body is never parsed,
  // let alone turned into a turn). The page's API is not held to JSON: its requests need a bearer token, which a
  // form cannot send and another site's script cannot either without a CORS preflight, never granted here.
  const activityBody: restify.RequestHandler[] = [
    ...(options.localOnly
      ? [
          (req: restify.Request, res: restify.Response, next: restify.Next) => {
            const refusal = req.method === 'POST' ? refuseMediaType(req.headers) : undefined;
            if (!refusal) {
              next();
              return;
            }
            refuse(res, refusal);
            next(false);
          },
        ]
      : []),
    ...restify.plugins.bodyParser({ maxBodySize: options.maxBodyBytes ?? 1024 * 1024, mapParams: false }),
  ];
  // Turns under way, and who waits for the last of them once closing.
  const state: { inFlight: number; closing: boolean; drained: (() => void) | undefined } = {
    inFlight: 0,
    closing: false,
    drained: undefined,
  };

  server.post('/api/messages', ...activityBody, async (req: restify.Request, res: restify.Response) => {
    if (state.closing) {
      res.send(503, { error: 'shutting down' });
      return;
    }
    const refusal = options.localOnly ? refuseServiceUrl(req.body) : undefined;
    if (refusal) {
      refuse(res, refusal);
      return;
    }
    state.inFlight++;
    try {
      await adapter.process(req, res, (context) => bot.run(context));
      // botbuilder answers a request without a valid Bot Framework token itself; the log says so.
      if (res.statusCode === 401)
        logger.warn('request refused', { outcome: 'refused', code: 'Unauthorized' });
    } catch (error) {
      logger.error('turn failed outside the bot', { error: error instanceof Error ? error.name : 'unknown' });
      if (!res.headersSent) res.send(500);
    } finally {
      state.inFlight--;
      // Read again: `close()` may have run while this turn was awaited.
      if (state.inFlight === 0) state.drained?.();
    }
  });
  server.get('/healthz', (_req, res, next) => {
    res.send(state.closing ? 503 : 200, { status: state.closing ? 'closing' : 'ok' });
    next();
  });
  registerTabRoutes(server, { logger });
  const routes: RouteContext = {
    server,
    async inFlight(res, work) {
      if (state.closing) {
        res.send(503, { error: 'shutting down' });
        return undefined;
      }
      state.inFlight++;
      try {
        return await work();
      } finally {
        state.inFlight--;
        if (state.inFlight === 0) state.drained?.();
      }
    },
  };
  for (const register of options.routes ?? []) register(routes);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      resolve();
    });
  });
  const { port } = server.server.address() as AddressInfo;
  const shownHost = options.host === '0.0.0.0' ? 'localhost' : options.host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    async close(graceMs = 10_000) {
      state.closing = true;
      if (state.inFlight > 0) {
        await Promise.race([
          new Promise<void>((resolve) => {
            state.drained = resolve;
          }),
          new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref()),
        ]);
      }
      await new Promise<void>((resolve) => {
        server.server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      });
    },
  };
}
