// `npm run demo`: compiles a spec for both targets and serves the browser demo page (demo/) with it,
// cross-origin isolated so the WASM engine gets threads. Flags: --spec S, --port P, --labels a,b,
// --no-isolation (to see the single-thread fallback).

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadSpec } from '../compiler/spec/index.ts';
import { loadAll } from '../compiler/load.ts';
import { compilePackage } from '../compiler/package/assemble.ts';
import { isHasheeError } from '../compiler/errors.ts';
import { serveDemo } from '../demo/server.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({ options: {
  spec: { type: 'string' }, port: { type: 'string', default: '8080' }, labels: { type: 'string' }, 'no-isolation': { type: 'boolean' },
} });
const defaultSpec = ['specs/sst2-small.yaml', 'specs/bert-base-sst2.yaml'].map((s) => join(ROOT, s)).find(existsSync)!;

try {
  const spec = loadSpec(values.spec ?? defaultSpec);
  const work = mkdtempSync(join(tmpdir(), 'hashee-demo-'));
  const pkg = join(work, 'pkg');
  console.error(`compiling ${spec.name} for wasm and webgpu ...`);
  const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  await compilePackage(loadAll(spec), pkg, { targets: ['wasm', 'webgpu'], toolVersion: version });
  const labels = values.labels?.split(',') ?? (/sst/i.test(spec.name) ? ['negative', 'positive'] : undefined);
  writeFileSync(join(work, 'config.json'), JSON.stringify({ labels }));
  const server = await serveDemo({
    '/': join(ROOT, 'demo'),
    '/pkg/': pkg,
    '/config.json': join(work, 'config.json'),
    '/vendor/tokenizers.mjs': join(ROOT, 'node_modules/@huggingface/tokenizers/dist/tokenizers.mjs'),
  }, Number(values.port), !values['no-isolation']);
  console.log(`hashee demo of ${spec.name}: ${server.url}/   (Ctrl-C stops it)`);
  const stop = (): void => { void server.close().then(() => { rmSync(work, { recursive: true, force: true }); process.exit(0); }); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (e) {
  if (isHasheeError(e)) { console.error(e.format()); process.exit(1); }
  throw e;
}
