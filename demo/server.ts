// The demo's static server: the page, the compiled package and the tokenizer library, every response
// cross-origin isolated (COOP + COEP) so the WASM engine may use threads (SharedArrayBuffer).

import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json',
  '.wasm': 'application/wasm', '.bin': 'application/octet-stream', '.wgsl': 'text/plain', '.css': 'text/css',
};

export interface DemoServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves each URL prefix of `mounts` from its folder (a prefix ending in a file name serves that file) on 127.0.0.1. */
export async function serveDemo(mounts: Readonly<Record<string, string>>, port = 0, isolated = true): Promise<DemoServer> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (isolated) {
      res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
      res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
    }
    // longest prefix first, so '/pkg/' wins over '/'
    for (const prefix of Object.keys(mounts).sort((a, b) => b.length - a.length)) {
      if (!path.startsWith(prefix)) continue;
      const root = mounts[prefix]!;
      const file = prefix.endsWith('/') ? normalize(join(root, path.slice(prefix.length) || 'index.html')) : root;
      if (prefix.endsWith('/') && !file.startsWith(normalize(root) + sep)) break;
      if (!existsSync(file) || !statSync(file).isFile()) break;
      res.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
      res.end(readFileSync(file));
      return;
    }
    res.statusCode = 404;
    res.end('not found');
  });
  await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(port, '127.0.0.1', resolve); });
  const addr = server.address();
  const bound = typeof addr === 'object' && addr ? addr.port : port;
  return { url: `http://127.0.0.1:${bound}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
