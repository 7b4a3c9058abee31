/**
 * Reads a request body (an uploaded image, or a small JSON body) with a byte cap that holds while streaming: a
 * declared `Content-Length` over the cap is refused before a byte is read, and a body without one (chunked) stops
 * being read the moment it passes the cap. The caller then answers at once (with `Connection: close`, see
 * api-answers.ts), so a client sending an endless body gets its 413 while it is still sending, and the server
 * never holds more than the cap for it.
 *
 * The bytes are copied into one fresh buffer that owns its whole ArrayBuffer, so it can be handed to a photo worker
 * without a copy (Node's small Buffers share a pool, which must never be transferred).
 */
import type { IncomingMessage } from 'node:http';
import { PhotoError } from '../errors.js';

/**
 * The whole body, at most `maxBytes`.
 * @throws PhotoError `ImageTooLarge` when the body is, or says it is, larger; the request is then left unread
 * @throws Error when the client goes away before the body ends
 */
export function readUpload(request: IncomingMessage, maxBytes: number): Promise<Uint8Array> {
  const declared = request.headers['content-length'];
  if (declared !== undefined && Number(declared) > maxBytes) {
    return Promise.reject(new PhotoError('ImageTooLarge', `declared ${declared} bytes, limit ${maxBytes}`));
  }
  return new Promise<Uint8Array>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const stop = (): void => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
      request.off('aborted', onAborted);
    };
    const onData = (chunk: Buffer): void => {
      total += chunk.byteLength;
      if (total > maxBytes) {
        // Stop reading here: not destroyed, so the answer can still be written on the same connection.
        stop();
        request.pause();
        chunks.length = 0;
        reject(new PhotoError('ImageTooLarge', `over ${maxBytes} bytes while streaming`));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      stop();
      const body = new Uint8Array(new ArrayBuffer(total));
      let offset = 0;
      for (const chunk of chunks) {
        body.set(chunk, offset);
        offset += chunk.byteLength;
      }
      resolve(body);
    };
    const onError = (error: Error): void => {
      stop();
      reject(error);
    };
    const onAborted = (): void => {
      stop();
      reject(new Error('the client went away before the body ended'));
    };
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
    request.on('aborted', onAborted);
  });
}
