/**
 * Loopback HTTP servers for the attachment download tests. Unlike test/helpers/scripted-server.ts, a server here
 * can bind any loopback address (127.0.0.2 plays "another host"), records a request as soon as its headers arrive
 * (a test of a server that never answers still sees the request), and hands the handler the raw response so it can
 * stream or stall.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
}

export type Handler = (request: RecordedRequest, response: ServerResponse, index: number) => void;

export interface RecordingServer {
  /** `http://<host>:<port>` */
  readonly origin: string;
  readonly port: number;
  readonly requests: readonly RecordedRequest[];
  /** Ends every connection, then the server. */
  close(): Promise<void>;
}

/**
 * Starts a server on `host` (any 127.0.0.0/8 address: Linux routes the whole block to the loopback interface) and
 * `port` (0: any free one; a given port lets two servers on two addresses share it, as one name's two answers would).
 */
export async function recordingServer(
  handler: Handler,
  host = '127.0.0.1',
  port = 0,
): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers };
    requests.push(recorded);
    handler(recorded, res, requests.length - 1);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    origin: `http://${host}:${bound}`,
    port: bound,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

/** Answers 200 with `body` and its content-length. */
export function sends(body: Uint8Array): Handler {
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'image/png', 'content-length': String(body.byteLength) });
    response.end(body);
  };
}

/** Answers a redirect to `location` (absolute or relative). */
export function redirectsTo(location: string, status = 302): Handler {
  return (_request, response) => {
    response.writeHead(status, { location });
    response.end();
  };
}

/** What an endless body's server saw. */
export interface EndlessStats {
  /** Bytes handed to the socket so far. */
  written: number;
  /** Settles when the client has gone away (the only way the body ends). */
  readonly closed: Promise<void>;
}

/**
 * A 200 whose body never ends, chunked, without content-length, written as fast as the client reads (respecting
 * back-pressure, so an abandoned download does not fill memory).
 */
export function endlessBody(chunkBytes = 64 * 1024): { handler: Handler; stats: EndlessStats } {
  let closed!: () => void;
  const stats: EndlessStats = { written: 0, closed: new Promise<void>((resolve) => (closed = resolve)) };
  const chunk = Buffer.alloc(chunkBytes, 0x61);
  const handler: Handler = (_request, response) => {
    let open = true;
    response.on('close', () => {
      open = false;
      closed();
    });
    response.writeHead(200, { 'content-type': 'image/png' });
    const pump = () => {
      while (open) {
        stats.written += chunk.byteLength;
        if (!response.write(chunk)) {
          response.once('drain', pump);
          return;
        }
      }
    };
    pump();
  };
  return { handler, stats };
}
