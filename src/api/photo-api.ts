/**
 * The page's API on the bot's restify server. Every `/api/photo` route first validates the caller's Teams SSO token
 * (401 with `WWW-Authenticate: Bearer` otherwise), then parses what the request names, then does the work through
 * {@link TabPhotoActions}; answers are JSON (the current photo: JPEG bytes), errors `{ error: { code, message,
 * reference } }` in the caller's language (see api-answers.ts).
 *
 * | route | answer |
 * |---|---|
 * | `GET /api/photo/me` | `{ id, displayName }` of the token's user |
 * | `GET /api/photo/targets` | `{ groups: [{ id, displayName, mail? }], contacts: [{ id, displayName, folderId?, folderName? }] }` |
 * | `GET /api/photo/current?target=` | 200 `image/jpeg`, or 204 when there is no photo |
 * | `POST /api/photo/suggest` (image bytes) | `{ width, height, crop: { x, y, w, h, method } }` |
 * | `PUT /api/photo?target=&crop=x,y,w,h[&useAnyway=true]` (image bytes) | `{ changeId, crop, previewDataUri }`; one's own photo with quality findings: 422 `PhotoQualityBlocked` or 409 `PhotoQualityWarning` (unless `useAnyway=true`), the body's `findings` listing `{ reason, text }` |
 * | `POST /api/photo/undo` (`{ changeId }`) | `{ outcome: 'restored' \| 'removed' }` |
 * | `GET /api/local/token?user=` (local mode, loopback) | `{ token, user: { id, displayName } }` |
 *
 * Uploads are read by upload-reader.ts, capped at `PHOTO_MAX_INPUT_BYTES` while streaming, and only after the
 * token and the target were checked: a refused upload is never read.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type restify from 'restify';
import { newCorrelationId } from '../bot/turn-errors.js';
import { AppError } from '../errors.js';
import type { Locale } from '../i18n/index.js';
import type { Logger } from '../logger.js';
import type { RouteContext, RouteRegistrar } from '../server/server.js';
import { closeIfUnread, errorAnswer, noStore, queryOf, requestLocale } from './api-answers.js';
import { fromLoopback, localPageToken, type LocalTokenSource } from './local-token-route.js';
import type { TabPhotoActions } from './photo-actions.js';
import { parseCropBox, parseTarget, parseUndoBody } from './photo-request.js';
import type { TabTokenValidator, TabUser } from './tab-token-validator.js';
import { QualityRefusal } from '../trust/quality-check.js';
import { translate } from '../i18n/index.js';
import { readUpload } from './upload-reader.js';

/** Largest undo body read: `{ "changeId": "<uuid>" }` is some 60 bytes. */
const MAX_JSON_BYTES = 4096;

export interface PhotoApiDeps {
  readonly validator: Pick<TabTokenValidator, 'validate'>;
  readonly actions: TabPhotoActions;
  /** `PHOTO_MAX_INPUT_BYTES`: the cap on an upload. */
  readonly maxInputBytes: number;
  readonly logger: Logger;
  /** Local mode: where `GET /api/local/token` gets its tokens. Absent outside local mode: no such route. */
  readonly localTokens?: LocalTokenSource;
}

/**
 * What a route does once the caller is known. `reference` is the request's correlation id: in the audit entry of
 * a change and in the answer (and log line) of a failure, so support can tie the two together.
 */
type Work = (req: restify.Request, res: restify.Response, user: TabUser, reference: string) => Promise<void>;

/** The routes, for `startServer({ routes })`. */
export function photoApiRoutes(deps: PhotoApiDeps): RouteRegistrar {
  return (routes) => {
    const { server } = routes;
    const { actions, maxInputBytes } = deps;
    const route = (what: string, work: Work) => authenticated(routes, deps, what, work);

    server.get(
      '/api/photo/me',
      route('me', (_req, res, user) => {
        res.send(200, actions.me(user));
        return Promise.resolve();
      }),
    );
    server.get(
      '/api/photo/targets',
      route('targets', async (_req, res, user) => {
        res.send(200, await actions.targets(user));
      }),
    );
    server.get(
      '/api/photo/current',
      route('current photo', async (req, res, user) => {
        const photo = await actions.current(user, parseTarget(queryOf(req).get('target')));
        if (photo === null) {
          res.send(204);
          return;
        }
        res.sendRaw(200, Buffer.from(photo.buffer, photo.byteOffset, photo.byteLength), {
          'content-type': 'image/jpeg',
          'x-content-type-options': 'nosniff',
        });
      }),
    );
    server.post(
      '/api/photo/suggest',
      route('crop suggestion', async (req, res) => {
        res.send(200, await actions.suggest(await readUpload(req, maxInputBytes)));
      }),
    );
    server.put(
      '/api/photo',
      route('photo change', async (req, res, user, reference) => {
        // Both parsed before the upload is read: a malformed request is refused without reading it.
        const query = queryOf(req);
        const target = parseTarget(query.get('target'));
        const crop = parseCropBox(query.get('crop'));
        const upload = () => readUpload(req, maxInputBytes);
        const useAnyway = query.get('useAnyway') === 'true';
        res.send(200, await actions.setPhoto(user, target, crop, upload, reference, useAnyway));
      }),
    );
    server.post(
      '/api/photo/undo',
      route('undo', async (req, res, user, reference) => {
        const body = await readUpload(req, MAX_JSON_BYTES).catch(() => {
          throw new AppError('InvalidRequest', 'undo body too large or cut off');
        });
        res.send(200, await actions.undo(user, parseUndoBody(body), reference));
      }),
    );
    if (deps.localTokens) registerLocalToken(routes, deps, deps.localTokens);
  };
}

/** A route that validates the caller's token first, and answers any failure in the caller's language. */
function authenticated(routes: RouteContext, deps: PhotoApiDeps, what: string, work: Work) {
  return async (req: restify.Request, res: restify.Response): Promise<void> => {
    await routes.inFlight(res, async () => {
      const locale = requestLocale(req);
      const reference = newCorrelationId();
      noStore(res);
      let user: TabUser;
      try {
        user = await deps.validator.validate(req.headers.authorization);
      } catch (error) {
        // The reason is ours (jose's error code, "tenant not allowed", ...): never the token or its claims.
        const reason = error instanceof Error ? error.message.replace(/^SignInRequired: /, '') : undefined;
        answerFailure(req, res, error, locale, deps.logger, 'api request', { reference, reason });
        return;
      }
      try {
        await work(req, res, user, reference);
      } catch (error) {
        answerFailure(req, res, error, locale, deps.logger, what, { reference });
      }
    });
  };
}

function registerLocalToken(routes: RouteContext, deps: PhotoApiDeps, source: LocalTokenSource): void {
  routes.server.get('/api/local/token', async (req: restify.Request, res: restify.Response) => {
    const locale = requestLocale(req);
    noStore(res);
    if (!fromLoopback(req)) {
      res.send(404, {});
      return;
    }
    try {
      res.send(200, await localPageToken(source, queryOf(req).get('user')));
    } catch (error) {
      answerFailure(req, res, error, locale, deps.logger, 'local token', { reference: newCorrelationId() });
    }
  });
}

function answerFailure(
  req: IncomingMessage,
  res: ServerResponse & Pick<restify.Response, 'send'>,
  error: unknown,
  locale: Locale,
  logger: Logger,
  what: string,
  ids: { reference: string; reason?: string | undefined },
): void {
  if (res.headersSent) return;
  const { status, headers, body } = errorAnswer(error, locale, logger, what, ids);
  closeIfUnread(req, res);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  // A quality refusal lists its findings, each in the caller's language, for the page to show.
  const findings = error instanceof QualityRefusal ? findingsAnswer(locale, error) : {};
  res.send(status, { ...body, ...findings });
}

/** The findings of a quality refusal, as the page shows them: each reason and its sentence. */
function findingsAnswer(locale: Locale, refusal: QualityRefusal) {
  return {
    findings: refusal.findings.map(({ reason }) => ({
      reason,
      text: translate(locale, `quality.reason.${reason}`),
    })),
  };
}
