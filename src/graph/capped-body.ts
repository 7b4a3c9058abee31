/**
 * Reading an HTTP answer's body with a ceiling: a declared `Content-Length` over it is refused before reading, and a
 * body that grows past it is cut off there (the connection is given up), so no answer from the network, Graph's or
 * a download host's, can make the app buffer more than it expects.
 */
import { GraphError } from './graph-errors.js';

/**
 * The body, up to `maxBytes`.
 * @param tooLarge the error for a body over the ceiling (declared or read)
 * @throws what `tooLarge` returns; GraphError `GraphUnavailable` (`BodyInterrupted`) when the body breaks off
 */
export async function readCappedBody(
  response: Response,
  maxBytes: number,
  tooLarge: (detail: string) => Error,
): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge(`declared ${declared} bytes, over ${maxBytes}`);
  }
  if (!response.body) return new Uint8Array(0);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let chunk: Awaited<ReturnType<typeof reader.read>>;
    try {
      chunk = await reader.read();
    } catch (cause) {
      throw new GraphError('GraphUnavailable', { status: 0, graphCode: 'BodyInterrupted' }, { cause });
    }
    if (chunk.done) break;
    total += chunk.value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(`over ${maxBytes} bytes`);
    }
    chunks.push(chunk.value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}
