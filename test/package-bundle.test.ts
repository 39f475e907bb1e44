// A compiled package bundles for browsers as it is: esbuild (platform browser, no externals) bundles an app
// importing generated/tiny by its folder (package.json picks browser.js), the bundle holds none of the Node
// entry's modules, and headless Chromium runs it with the package's files served from localhost — wasm
// (one thread, and two with the worker served from the package) and webgpu — against the f32 reference.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import ts from 'typescript';
import { loadSpec } from '../compiler/spec/index.ts';
import { loadAll } from '../compiler/load.ts';
import { runReference } from '../runtime/reference/index.ts';
import { launchChromium, serve } from './support/browser.ts';

/** As in test/package-browser.test.ts: logits to 2e-5. */
const TOL_LOGITS = 2e-5;

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const PACKAGE = join(ROOT, 'generated/tiny'); // test/generated.test.ts keeps it equal to a fresh compile
const work = mkdtempSync(join(tmpdir(), 'hashee-bundle-'));
const tiny = loadAll(loadSpec(join(ROOT, 'specs/tiny.yaml')));
const batch = [[1, 5, 9, 2, 33], [1, 40], [1, 60, 61, 62, 20, 2]];

writeFileSync(join(work, 'app.js'), `export { load } from ${JSON.stringify(PACKAGE)};\n`);
const bundled = await build({
  entryPoints: [join(work, 'app.js')], bundle: true, platform: 'browser', format: 'esm',
  outfile: join(work, 'out/app.js'), absWorkingDir: work, metafile: true, logLevel: 'silent',
});

test('esbuild bundles the package for the browser from its browser entry, without the Node entry', () => {
  assert.equal(bundled.errors, []);
  const inputs = Object.keys(bundled.metafile.inputs).map((f) => relative(PACKAGE, join(work, f)).split('\\').join('/'));
  assert.ok(inputs.includes('browser.js'), inputs.join(', '));
  for (const nodeOnly of ['index.js', 'runtime/node.js', 'runtime/webgpu/node.js']) assert.not.ok(inputs.includes(nodeOnly), `bundle holds ${nodeOnly}`);
  assert.not.match(readFileSync(join(work, 'out/app.js'), 'utf8'), /from ["']node:|import\(["']node:/);
});

test('runtime/ names Node\'s modules and Dawn only in node.ts and webgpu/node.ts (the WASM worker bundles too)', () => {
  const sources = (dir: string): string[] => readdirSync(join(ROOT, dir), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
  const nodeOnly = sources('runtime').filter((f) => ts.preProcessFile(readFileSync(join(ROOT, f), 'utf8'), true, true).importedFiles
    .some((i) => i.fileName.startsWith('node:') || i.fileName === 'webgpu'));
  assert.equal(nodeOnly.sort(), ['runtime/node.ts', 'runtime/webgpu/node.ts']);
});

interface PageResult { backend: string; info: string; exits: number[][]; logits: number[][] }

test('Chromium runs the bundle on wasm (1 and 2 threads) and webgpu, the files fetched from the package folder', async () => {
  const server = await serve({ '/app/': join(work, 'out'), '/pkg/': PACKAGE }, { '/': '<!doctype html><title>hashee bundle</title>' });
  const browser = await launchChromium();
  try {
    await browser.page.goto(`${server.url}/`);
    const ref = runReference(tiny.model, tiny.table, { ids: batch }, { precision: 'f32' });
    // A bundle moves the code away from the package files: baseUrl says where they are, workerUrl where the
    // (unbundled) worker module is; the page is cross-origin isolated, so two threads may start.
    for (const options of [{ backend: 'wasm', threads: 1 }, { backend: 'wasm', threads: 2, workerUrl: '/pkg/runtime/wasm/worker.js' }, { backend: 'webgpu' }]) {
      const got = await browser.page.evaluate(async ({ options, batch, entry }): Promise<PageResult> => {
        const app = await import(entry);
        const model = await app.load({ ...options, baseUrl: '/pkg/' });
        const r = await model.run(batch);
        model.dispose();
        return { backend: model.backend, info: model.info, exits: r.exits, logits: r.logits.map((l: Float32Array) => Array.from(l)) };
      }, { options, batch, entry: '/app/app.js' });
      const label = JSON.stringify(options);
      assert.is(got.backend, options.backend, label);
      if ('threads' in options) assert.match(got.info, new RegExp(`${options.threads} thread`), label);
      assert.equal(got.exits, ref.exits, `${label}: exits`);
      got.logits.forEach((l, b) => l.forEach((x, j) => assert.ok(Math.abs(x - ref.logits![b]![j]!) <= TOL_LOGITS, `${label}: logits[${b}][${j}]`)));
    }
  } finally {
    await browser.close();
    await server.close();
  }
});

test.after(() => rmSync(work, { recursive: true, force: true }));

test.run();
