/**
 * `GET /api/local/token`, local mode only: a token for the page when it runs in a plain browser, where no Teams
 * hands it one. It is what Teams SSO would give (see `LocalTokenIssuer.issueForApi`): signed by the local issuer,
 * for the page's API (never accepted by the Graph emulator), for the local user: Agents Playground's Alex unless
 * `?user=<id>` names another user of the emulator's directory.
 *
 * Outside local mode the route is not registered at all (404). In local mode it answers only a request from this
 * machine: the server listens on 127.0.0.1 and refuses a `Host` that is not a loopback name (DNS rebinding), and the
 * route checks the peer address too. Another site's page can make the browser send the request, but cannot read
 * the answer: the server sends no CORS headers.
 */
import type { IncomingMessage } from 'node:http';
import type { LocalTokenIssuer } from '../auth/local-token-issuer.js';
import { isLoopbackHost } from '../bot/attachments/host-rules.js';
import type { Directory } from '../emulator/directory.js';
import { PLAYGROUND_USER_ID } from '../emulator/seed-directory.js';
import { AppError } from '../errors.js';

/** What the route answers. */
export interface LocalTokenAnswer {
  readonly token: string;
  readonly user: { readonly id: string; readonly displayName: string };
}

export interface LocalTokenSource {
  readonly issuer: LocalTokenIssuer;
  /** The emulator's directory as its file has it now. */
  readonly currentDirectory: () => Promise<Directory>;
}

/** True when the request came over a loopback connection (whatever its headers say). */
export function fromLoopback(request: IncomingMessage): boolean {
  const address = request.socket.remoteAddress ?? '';
  // An IPv4 peer on a dual-stack socket shows as ::ffff:127.0.0.1.
  return isLoopbackHost(address.replace(/^::ffff:/i, ''));
}

/**
 * A page token for the directory's user `userId` (default: the Playground's user).
 * @throws AppError `UnknownLocalUser` when the directory has no such user
 */
export async function localPageToken(
  source: LocalTokenSource,
  userId: string | null,
): Promise<LocalTokenAnswer> {
  const directory = await source.currentDirectory();
  const id = userId ?? PLAYGROUND_USER_ID;
  const user = directory.findUserById(id);
  if (!user || user.id !== id) throw new AppError('UnknownLocalUser', 'no such user in the directory');
  const token = source.issuer.issueForApi({
    tenantId: directory.tenant.id,
    userId: user.id,
    userPrincipalName: user.userPrincipalName,
    displayName: user.displayName,
  });
  return { token, user: { id: user.id, displayName: user.displayName } };
}
