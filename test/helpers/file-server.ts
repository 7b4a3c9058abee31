/**
 * A loopback HTTP server that serves named files, standing in for where Teams keeps an image someone sent (an inline
 * image's `contentUrl` or a file's pre-authorized `downloadUrl`). It records each request with its headers, so a test
 * can see whether a token was sent or whether anything was fetched at all.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the server saw. */
export interface FileRequest {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
}

/** A running file server. */
export interface FileServer {
  /** `http://127.0.0.1:<port>`; a file is at `${url}/<name>` (a query string is ignored). */
  readonly url: string;
  readonly requests: FileRequest[];
  close(): Promise<void>;
}

/** Serves `files` by name; any other path gets 404. */
export async function fileServer(files: Record<string, Buffer>): Promise<FileServer> {
  const requests: FileRequest[] = [];
  const server = createServer((req, res) => {
    requests.push({ path: req.url ?? '', headers: req.headers });
    const body = files[(req.url ?? '').slice(1).split('?')[0] ?? ''];
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/octet-stream' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}
