// A compiled package used from an app like any npm dependency, with no plugin and no copied files: a copy
// of generated/tiny is installed into a fixture app (`file:` dependency, npm install), the app imports it by
// name and is built with Vite's and with webpack's JS API. The browser entry's `new URL('./file',
// import.meta.url)` literals and its `new Worker(new URL(...))` are what both emit as assets and a worker
// chunk; each build, served on its own (cross-origin isolated), runs in headless Chromium on wasm with 1
// and 2 threads: exits equal, and logits match, the same package run in Node. No request may fail.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync } from 'node:child_process';
import { cpSync, lstatSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';
import webpack from 'webpack';
import type { Request, Response } from 'playwright-core';
import { launchChromium, serve } from './support/browser.ts';

/** As in test/package-browser.test.ts and test/plugin.test.ts: logits to 2e-5. */
const TOL_LOGITS = 2e-5;

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'hashee-vite-'));
const pkgDir = join(work, 'tiny');
const appDir = join(work, 'app');
const outs = { vite: join(work, 'out-vite'), webpack: join(work, 'out-webpack') } as const;
type Bundler = keyof typeof outs;
const batch = [[1, 5, 9, 2, 33], [1, 40], [1, 60, 61, 62, 20, 2]];

// generated/tiny is the compiler's output for specs/tiny.yaml (test/generated.test.ts keeps it so).
cpSync(join(ROOT, 'generated/tiny'), pkgDir, { recursive: true });
cpSync(join(ROOT, 'test/fixtures/package-app'), appDir, { recursive: true });
writeFileSync(join(appDir, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module', dependencies: { tiny: 'file:../tiny' } }, null, 2));
let started = Date.now();
execFileSync('npm', ['install', '--prefer-offline', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: appDir, stdio: 'pipe' });
const installMs = Date.now() - started;
started = Date.now();
await build({ root: appDir, configFile: false, logLevel: 'silent', build: { outDir: outs.vite, emptyOutDir: true } });
const viteMs = Date.now() - started;
started = Date.now();
await new Promise<void>((resolve, reject) => {
  webpack({ mode: 'production', context: appDir, entry: './main.js', output: { path: outs.webpack, filename: 'main.js' }, devtool: false, performance: { hints: false } })!
    .run((err, stats) => (err ? reject(err) : stats?.hasErrors() ? reject(new Error(stats.toString({ all: false, errors: true }))) : resolve()));
});
console.log(`package-vite: npm install ${installMs} ms, vite build ${viteMs} ms, webpack build ${Date.now() - started} ms`);

/** Every file under `dir`, relative, sorted. */
function filesUnder(dir: string): string[] {
  const walk = (rel: string): string[] => readdirSync(join(dir, rel), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(join(rel, e.name)) : [join(rel, e.name).split('\\').join('/')]));
  return walk('').sort();
}

const built = { vite: filesUnder(outs.vite), webpack: filesUnder(outs.webpack) };
const bytesOf = (bundler: Bundler, file: string): Buffer => readFileSync(join(outs[bundler], file));
/** The file of `bundler`'s build holding exactly the bytes of the package's `file`. */
const emittedAs = (bundler: Bundler, file: string): string[] => {
  const want = readFileSync(join(pkgDir, file));
  return built[bundler].filter((f) => bytesOf(bundler, f).equals(want));
};

test('npm installed the package by name (a link to the folder)', () => {
  assert.ok(lstatSync(join(appDir, 'node_modules/tiny')).isSymbolicLink());
  assert.is(realpathSync(join(appDir, 'node_modules/tiny')), realpathSync(pkgDir));
});

for (const bundler of ['vite', 'webpack'] as const) {
  test(`${bundler} emitted the package's .wasm modules and weights as assets and its worker as a chunk, with no Node module`, () => {
    const files = built[bundler];
    for (const file of ['wasm/simd128.wasm', 'wasm/simd128-shared.wasm', 'wasm/relaxed.wasm', 'wasm/relaxed-shared.wasm', 'wasm/weights.bin', 'webgpu/weights.bin']) {
      const emitted = emittedAs(bundler, file);
      assert.is(emitted.length, 1, `${file} emitted once among ${files.join(', ')}`);
      assert.not.ok(emitted[0]!.includes('/') && !emitted[0]!.startsWith('assets/'), emitted[0]);
    }
    // Nothing of the package's folder layout is copied over: the app finds every file through the rewritten URLs.
    assert.not.ok(files.some((f) => f.startsWith('wasm/') || f.startsWith('runtime/') || f === 'manifest.json'), files.join(', '));
    const scripts = files.filter((f) => f.endsWith('.js'));
    assert.ok(scripts.length >= 2, `the app and a worker chunk: ${scripts.join(', ')}`);
    // The app's script (named by Vite's page; webpack's main.js) and one more: the worker chunk.
    const entry = bundler === 'vite' ? scripts.find((f) => bytesOf(bundler, 'index.html').toString('utf8').includes(f)) : 'main.js';
    assert.ok(entry !== undefined && scripts.includes(entry), `the app's script among ${scripts.join(', ')}`);
    assert.is(scripts.filter((f) => f !== entry).length, 1, `one worker chunk among ${scripts.join(', ')}`);
    for (const f of scripts) assert.not.match(bytesOf(bundler, f).toString('utf8'), /from ["']node:|import\(["']node:|require\(["']node:/, `${f} names a node: module`);
  });
}

interface PageResult { backend: string; info: string; exits: number[][]; logits: number[][] }

test('Chromium runs the Vite and the webpack build (wasm, 1 and 2 threads) with no failed request: exits equal and logits match the package in Node', async () => {
  const node = await import(pathToFileURL(join(pkgDir, 'index.js')).href) as { load(o: object): Promise<{ run(ids: number[][]): Promise<{ exits: number[][]; logits: Float32Array[] }>; dispose(): void }> };
  const model = await node.load({ backend: 'wasm', threads: 1 });
  const want = await model.run(batch);
  model.dispose();
  for (const bundler of ['vite', 'webpack'] as const) {
    // Each build alone, at the root of its own server; webpack writes no page: the fixture's, on its bundle.
    const html = bundler === 'vite' ? readFileSync(join(outs.vite, 'index.html'), 'utf8') : readFileSync(join(ROOT, 'test/fixtures/package-app/index.html'), 'utf8');
    const server = await serve({ '/': outs[bundler] }, { '/': html });
    const browser = await launchChromium(); // closed before the server, whose close() waits for its connections
    const failed: string[] = [];
    const fetched: string[] = [];
    const onResponse = (r: Response): void => { fetched.push(r.url()); if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); };
    const onFailed = (r: Request): void => { failed.push(`${r.failure()?.errorText ?? 'failed'} ${r.url()}`); };
    browser.context.on('response', onResponse);
    browser.context.on('requestfailed', onFailed);
    try {
      await browser.page.goto(`${server.url}/`);
      await browser.page.waitForFunction(() => (globalThis as { modelReady?: boolean }).modelReady === true, undefined, { timeout: 30_000 });
      for (const threads of [1, 2]) {
        const got = await browser.page.evaluate(async ({ threads, batch }) => (globalThis as unknown as { runModel(o: object, ids: number[][]): Promise<PageResult> }).runModel({ backend: 'wasm', threads }, batch), { threads, batch });
        const label = `${bundler}, ${threads} thread(s)`;
        assert.is(got.backend, 'wasm', label);
        assert.match(got.info, new RegExp(`${threads} thread`), label);
        assert.equal(got.exits, want.exits, `${label}: exits`);
        got.logits.forEach((l, b) => {
          assert.is(l.length, want.logits[b]!.length);
          l.forEach((x, j) => assert.ok(Math.abs(x - want.logits[b]![j]!) <= TOL_LOGITS, `${label}: logits[${b}][${j}] ${x} vs ${want.logits[b]![j]}`));
        });
      }
      assert.equal(failed, [], bundler);
      // The weights and the shared module were fetched from the emitted assets.
      for (const file of ['wasm/weights.bin', 'wasm/simd128-shared.wasm']) {
        const asset = emittedAs(bundler, file)[0]!;
        assert.ok(fetched.includes(`${server.url}/${asset}`), `${bundler}: ${asset} (${file}) fetched: ${fetched.join(', ')}`);
      }
    } finally {
      await browser.close();
      await server.close();
    }
  }
});

test.after(() => rmSync(work, { recursive: true, force: true }));

test.run();
