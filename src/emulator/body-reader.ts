/**
 * Reading request bodies with a cap: a body over the limit is refused while it arrives (or at once, when
 * `Content-Length` says so), never buffered whole. What the emulator leaves unread is drained up to a bound, so
 * that an ordinary client still gets to read the answer, and the connection is cut past that bound.
 */
import type { IncomingMessage } from 'node:http';

/** The body, or word that it went over the limit (nothing of it is kept). */
export type BodyResult = { readonly kind: 'ok'; readonly bytes: Buffer } | { readonly kind: 'too-large' };

/** Reads the whole body, or stops as soon as it exceeds `limit` bytes. */
export function readBody(request: IncomingMessage, limit: number): Promise<BodyResult> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve({ kind: 'too-large' });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    const cleanup = (): void => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
      request.off('aborted', onAborted);
    };
    const onData = (chunk: Buffer): void => {
      length += chunk.length;
      if (length > limit) {
        cleanup();
        request.pause();
        chunks.length = 0;
        resolve({ kind: 'too-large' });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      cleanup();
      resolve({ kind: 'ok', bytes: Buffer.concat(chunks, length) });
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(error);
    };
    const onAborted = (): void => {
      onError(new Error('request aborted'));
    };
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
    request.on('aborted', onAborted);
  });
}

/**
 * Discards what is left of a body the emulator answered without reading (a refusal before or during the read).
 * Clients such as undici only read the answer once they have sent their body, so it is drained rather than cut,
 * but only up to `cap` bytes: past that the socket is closed.
 */
export function drainBody(request: IncomingMessage, cap: number): void {
  if (request.complete || request.destroyed) return;
  let discarded = 0;
  request.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > cap) request.socket.destroy();
  });
  request.on('error', () => undefined);
  request.resume();
}
