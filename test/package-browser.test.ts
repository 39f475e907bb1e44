// The generated package in a browser: headless Chromium (WebGPU on SwiftShader) imports its browser entry (browser.js) from
// localhost, so files are fetched relative to the module URL, and runs both backends against the reference.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSpec } from '../compiler/spec/index.ts';
import { loadAll } from '../compiler/load.ts';
import { compilePackage } from '../compiler/package/assemble.ts';
import { runReference } from '../runtime/reference/index.ts';
import { launchChromium, serve } from './support/browser.ts';

/** Same tolerance as on Node (test/package.test.ts, test/webgpu-dawn.test.ts): logits to 2e-5. */
const TOL_LOGITS = 2e-5;

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'hashee-package-browser-'));
const tiny = loadAll(loadSpec(join(ROOT, 'specs/tiny.yaml')));
await compilePackage(tiny, join(work, 'tiny'), { targets: ['wasm', 'webgpu'], toolVersion: '0.0.0-test' });

const batch = [[1, 5, 9, 2, 33], [1, 40], [1, 60, 61, 62, 20, 2]];

interface PageResult { backend: string; info: string; exits: number[][]; logits: number[][]; flops: number }

test('Chromium runs the package from localhost on wasm and webgpu, matching the f32 reference', async () => {
  const server = await serve({ '/pkg/': join(work, 'tiny') }, { '/': '<!doctype html><title>hashee package</title>' });
  const browser = await launchChromium();
  try {
    await browser.page.goto(`${server.url}/`);
    const ref = runReference(tiny.model, tiny.table, { ids: batch }, { precision: 'f32' });
    // The page is cross-origin isolated, so the WASM engine may start its worker threads (worker.js next to pool.js).
    for (const [backend, threads] of [['wasm', 1], ['wasm', 2], ['webgpu', undefined]] as const) {
      const got = await browser.page.evaluate(async ({ backend, threads, batch, entry }): Promise<PageResult> => {
        const pkg = await import(entry);
        const model = await pkg.load({ backend, threads });
        const r = await model.run(batch);
        model.dispose();
        return { backend: model.backend, info: model.info, exits: r.exits, logits: r.logits.map((l: Float32Array) => Array.from(l)), flops: r.flops };
      }, { backend, threads, batch, entry: '/pkg/browser.js' });
      if (threads) assert.match(got.info, new RegExp(`${threads} thread`));
      assert.is(got.backend, backend);
      assert.equal(got.exits, ref.exits, `${backend}: exits`);
      got.logits.forEach((l, b) => l.forEach((x, j) => assert.ok(Math.abs(x - ref.logits![b]![j]!) <= TOL_LOGITS, `${backend}: logits[${b}][${j}]`)));
      assert.ok(got.flops > 0);
    }
  } finally {
    await browser.close();
    await server.close();
  }
});

test('in Chromium a truncated or damaged package file is named against manifest.json (WebCrypto, and the JS hash for shared memory)', async () => {
  const copy = (name: string, file: string, edit: (b: Buffer) => Buffer): string => {
    const dir = join(work, name);
    cpSync(join(work, 'tiny'), dir, { recursive: true });
    writeFileSync(join(dir, file), edit(readFileSync(join(dir, file))));
    return dir;
  };
  const truncated = copy('truncated', 'wasm/simd128.wasm', (b) => b.subarray(0, 50));
  const flipped = copy('flipped', 'wasm/weights.bin', (b) => { b[b.length >> 1] ^= 1; return b; });
  const server = await serve({ '/truncated/': truncated, '/flipped/': flipped }, { '/': '<!doctype html><title>hashee package</title>' });
  const browser = await launchChromium();
  try {
    await browser.page.goto(`${server.url}/`);
    // (no named functions inside evaluate: tsx's helpers do not exist in the page)
    const outcomes = await browser.page.evaluate(async (attempts) => {
      const out: string[] = [];
      for (const [entry, options] of attempts) {
        try { (await (await import(entry)).load(options)).dispose(); out.push('loaded'); } catch (e) { out.push((e as Error).message); }
      }
      return out;
    }, [
      ['/truncated/browser.js', { backend: 'wasm', threads: 1 }],
      ['/truncated/browser.js', { backend: 'webgpu' }], // reads its own files: intact
      ['/flipped/browser.js', { backend: 'wasm', threads: 1 }],
      ['/flipped/browser.js', { backend: 'wasm', threads: 2 }],
    ] as [string, object][]);
    assert.match(outcomes[0]!, /^package file wasm\/simd128\.wasm does not match manifest\.json: expected \d+ bytes, sha256 [0-9a-f]{64}; got 50 bytes, sha256 [0-9a-f]{64} /);
    assert.is(outcomes[1], 'loaded');
    for (const message of outcomes.slice(2)) {
      assert.match(message, /^package file wasm\/weights\.bin does not match manifest\.json: expected (\d+) bytes, sha256 ([0-9a-f]{64}); got \1 bytes, sha256 (?!\2)[0-9a-f]{64} /);
    }
  } finally {
    await browser.close();
    await server.close();
  }
});

test.after(() => rmSync(work, { recursive: true, force: true }));

test.run();
