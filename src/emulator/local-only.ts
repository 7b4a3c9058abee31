/**
 * The emulator's pages outside the Graph API (`/`, `/_view/...`, `/_download/...`) take no bearer token, so they
 * answer only requests from this machine. (Requests from a web page that got its name resolved to 127.0.0.1 are
 * refused earlier, by their Host header: see graph-emulator.ts.)
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** True for a loopback peer address (IPv4, IPv6, or IPv4 mapped into IPv6). */
export function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

/**
 * Lets a request to the unauthenticated pages through only from this machine and with one of `methods`; otherwise
 * answers it (403 or 405) and returns false. Nothing these pages answer may be cached.
 */
export function onlyLocal(
  request: IncomingMessage,
  response: ServerResponse,
  methods: readonly string[],
): boolean {
  if (!isLoopback(request.socket.remoteAddress)) {
    response.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('Only for this machine.\n');
    return false;
  }
  if (!methods.includes(request.method ?? '')) {
    response.writeHead(405, { allow: methods.join(', ') });
    response.end();
    return false;
  }
  response.setHeader('cache-control', 'no-store');
  return true;
}
