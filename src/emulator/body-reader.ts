/**
 * Reading request bodies with a cap: a body over the limit is refused while it arrives (or at once, when
 * `Content-Length` says so), never buffered whole. What the emulator leaves unread is drained up to a bound, so
 * that an ordinary client still gets to read the answer, and the connection is cut past that bound.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SerializedAnswer } from './graph-answers.js';

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

/** How much of a refused body the emulator reads and throws away after answering, and for how long. */
export interface DrainLimits {
  /** Bytes discarded at most; past that the connection is cut. */
  readonly maxBytes: number;
  /** Milliseconds the rest of the body may take to arrive; past that the connection is cut. */
  readonly timeoutMs: number;
}

/**
 * Answers a request whose body was not (all) read, such as a 413, so that the client gets to read the answer.
 *
 * Ending the response at once would make node close the socket (the answer says `connection: close`) while the
 * client is still sending; the client's next write then meets a reset, and clients that read the answer only after
 * sending (undici, Node's `fetch`) report `fetch failed` instead of the 413. So the whole answer is written first,
 * the rest of the body is read and discarded, and only then does the response end and the socket close: at once
 * when the body has all arrived, or cut when it goes past `limits.maxBytes` or takes longer than
 * `limits.timeoutMs`.
 * @returns once the connection is done with (ended or cut)
 */
export function answerThenDrain(
  request: IncomingMessage,
  response: ServerResponse,
  answer: SerializedAnswer,
  limits: DrainLimits,
): Promise<void> {
  // Never kept alive: what is left of the body must not be read as the next request.
  response.writeHead(answer.status, { ...answer.headers, connection: 'close' });
  if (request.complete || request.destroyed) {
    response.end(answer.body);
    return Promise.resolve();
  }
  if (answer.body !== undefined) response.write(answer.body);
  return new Promise((resolve) => {
    let discarded = 0;
    let done = false;
    const settle = (cut: boolean): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('close', onClose);
      response.end();
      if (cut) request.socket.destroy();
      resolve();
    };
    const onData = (chunk: Buffer): void => {
      discarded += chunk.length;
      if (discarded > limits.maxBytes) settle(true);
    };
    const onEnd = (): void => {
      settle(false);
    };
    const onClose = (): void => {
      settle(true);
    };
    const timer = setTimeout(() => {
      settle(true);
    }, limits.timeoutMs);
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('close', onClose);
    // An aborted upload emits 'error' too; 'close' already settles, this only keeps it from being unhandled.
    request.on('error', () => undefined);
    request.resume();
  });
}
