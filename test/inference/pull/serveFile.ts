import { createServer, type IncomingMessage, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';

export interface FileServerOptions {
  /** Answer 200 with the whole file even when a Range header is sent. */
  ignoreRange?: boolean;
  /** Send the body in chunks of this many bytes with a pause between them (for abort tests). */
  slowChunkBytes?: number;
}

export interface FileServer {
  /** Base URL, e.g. http://127.0.0.1:PORT */
  url: string;
  /** Every request seen: path and Range header. */
  requests: { path: string; range: string | undefined }[];
  options: FileServerOptions;
  close(): Promise<void>;
}

/** A loopback HTTP server that serves `files` (URL path → file on disk) with byte-range support, like a CDN. */
export async function serveFiles(files: Record<string, string>, options: FileServerOptions = {}): Promise<FileServer> {
  const requests: FileServer['requests'] = [];
  // Mutable so a test can change behaviour between requests.
  const settings: FileServerOptions = { ...options };
  const server: Server = createServer((req: IncomingMessage, res) => {
    void (async () => {
      const urlPath = new URL(req.url ?? '/', 'http://x').pathname;
      requests.push({ path: urlPath, range: req.headers.range });
      const file = files[urlPath];
      if (!file) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const body = await readFile(file);
      let start = 0;
      let status = 200;
      const headers: Record<string, string | number> = { 'accept-ranges': 'bytes', 'content-type': 'application/octet-stream' };
      const match = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
      if (match && !settings.ignoreRange) {
        start = Number(match[1]);
        if (start >= body.length) {
          res.writeHead(416, { 'content-range': `bytes */${body.length}` }).end();
          return;
        }
        status = 206;
        headers['content-range'] = `bytes ${start}-${body.length - 1}/${body.length}`;
      }
      const slice = body.subarray(start);
      headers['content-length'] = slice.length;
      res.writeHead(status, headers);
      if (!settings.slowChunkBytes) {
        res.end(slice);
        return;
      }
      for (let at = 0; at < slice.length && !res.destroyed; at += settings.slowChunkBytes) {
        res.write(slice.subarray(at, at + settings.slowChunkBytes));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      res.end();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    options: settings,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
