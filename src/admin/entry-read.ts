/**
 * Reading one file of an import: a byte counter that stops at a cap (never trusting the size a header declared),
 * and the one error an entry's `read()` throws, which the planner turns into a file skipped as `unreadable`.
 */
import type { Readable } from 'node:stream';

/**
 * An import file whose bytes could not be read: corrupt, more bytes than declared, over the size cap, or gone.
 * Only this file is left out; the message names neither the file nor its bytes.
 */
export class EntryReadError extends Error {
  constructor(detail: string, options?: ErrorOptions) {
    super(`EntryUnreadable: ${detail}`, options);
    this.name = new.target.name;
  }
}

/**
 * Reads `stream` whole into one buffer, refusing (and destroying the stream) as soon as it yields more than
 * `limit` bytes, so a header that lies about the size costs at most `limit` bytes of memory.
 * @throws EntryReadError for too many bytes or any failure of the stream
 */
export async function readAtMost(stream: Readable, limit: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > limit) throw new EntryReadError(`more than ${limit} bytes`);
      chunks.push(chunk);
    }
  } catch (error) {
    stream.destroy();
    if (error instanceof EntryReadError) throw error;
    throw new EntryReadError('the bytes could not be read', { cause: error });
  }
  return Buffer.concat(chunks, total);
}
