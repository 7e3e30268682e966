/**
 * A local HTTP server for the end-to-end tests and `npm start`: serves the
 * seed articles as HTML (/seeds/<id>.html), hand-written test pages
 * (/pages/...) and the demo article (/demo/...). Binds to 127.0.0.1 on a
 * free port; nothing leaves the machine.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { SEED_IDS, seedHtml } from './seed-pages';

const ROOTS: Record<string, string> = {
  pages: join(import.meta.dirname, '..', 'tests', 'e2e', 'pages'),
  demo: join(import.meta.dirname, '..', 'demo'),
};
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

export interface TestServer {
  origin: string;
  url: (path: string) => string;
  close: () => Promise<void>;
}

/** Extra routes a test can add (a page with a strict CSP header, an infinite-scroll feed...). */
export type Route = (path: string) => { status?: number; headers?: Record<string, string>; body: string } | undefined;

export async function startServer(routes: Route[] = []): Promise<TestServer> {
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    try {
      for (const route of routes) {
        const hit = route(path);
        if (hit) {
          res.writeHead(hit.status ?? 200, { 'content-type': TYPES['.html']!, ...hit.headers });
          res.end(hit.body);
          return;
        }
      }
      const seed = /^\/seeds\/([0-9a-f_]+)\.html$/.exec(path);
      if (seed && SEED_IDS.includes(seed[1]!)) {
        res.writeHead(200, { 'content-type': TYPES['.html']! });
        res.end(seedHtml(seed[1]!));
        return;
      }
      const [, root, ...rest] = path.split('/');
      const base = root ? ROOTS[root] : undefined;
      const file = base ? normalize(join(base, ...rest)) : undefined;
      if (!base || !file || !file.startsWith(base)) throw new Error('not found');
      const body = await readFile(file.endsWith('/') || extname(file) === '' ? join(file, 'index.html') : file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'text/html; charset=utf-8' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (p) => `${origin}${p.startsWith('/') ? p : `/${p}`}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
