// The bundler plugin (compiler/plugin): a fixture app importing `./model.yaml?hashee` (specs/tiny.yaml) is
// built with Vite and with esbuild, served from localhost (cross-origin isolated) and run in headless
// Chromium on wasm with 1 and 2 threads; exits equal, and logits match, the same cached package run in Node.
// Also: Vite's dev server (the cache folder served through /@fs/), the emitted files, cache reuse across builds, cache keys over the spec and the files it names,
// a bad spec as a located bundler error, and an encoder-decoder spec generating in Chromium as in Node.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build as viteBuild, createServer } from 'vite';
import { build as esbuild } from 'esbuild';
import * as hashee from '../compiler/plugin/index.ts';
import { browserFiles, cacheKey, packageFor, specInputs } from '../compiler/plugin/package.ts';
import { loadSpec } from '../compiler/spec/index.ts';
import { HasheeError } from '../compiler/errors.ts';
import { launchChromium, serve } from './support/browser.ts';

/** As in test/package-browser.test.ts and test/package-bundle.test.ts: logits to 2e-5. */
const TOL_LOGITS = 2e-5;

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const FIXTURE = join(ROOT, 'test/fixtures/plugin-app');
const TINY = readFileSync(join(ROOT, 'specs/tiny.yaml'), 'utf8');
const work = mkdtempSync(join(tmpdir(), 'hashee-plugin-'));
const cacheDir = join(work, 'cache');
const batch = [[1, 5, 9, 2, 33], [1, 40], [1, 60, 61, 62, 20, 2]];

/** A copy of the fixture app (or another fixture) in `work/name` whose model.yaml is `spec`. */
function app(name: string, spec: string, fixture = FIXTURE): string {
  const dir = join(work, name);
  cpSync(fixture, dir, { recursive: true });
  writeFileSync(join(dir, 'model.yaml'), spec);
  return dir;
}

async function buildVite(root: string, outDir: string, cache = cacheDir): Promise<void> {
  await viteBuild({ root, configFile: false, logLevel: 'silent', plugins: [hashee.vite({ cacheDir: cache })], build: { outDir, emptyOutDir: true } });
}

async function buildEsbuild(root: string, outdir: string, cache = cacheDir) {
  return esbuild({
    entryPoints: [join(root, 'main.js')], bundle: true, format: 'esm', platform: 'browser', outdir, absWorkingDir: root,
    plugins: [hashee.esbuild({ cacheDir: cache })], logLevel: 'silent', write: true,
  });
}

/** Every file under `dir`, relative, sorted. */
function filesUnder(dir: string): string[] {
  const walk = (rel: string): string[] => readdirSync(join(dir, rel), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(join(rel, e.name)) : [join(rel, e.name).split('\\').join('/')]));
  return walk('').sort();
}

const tinyApp = app('app', TINY);
const started = Date.now();
await buildVite(tinyApp, join(work, 'out-vite'));
const compileMs = Date.now() - started;
const cached = readdirSync(cacheDir).filter((e) => !e.startsWith('.'));
assert.is(cached.length, 1, `one package in the cache: ${cached.join(', ')}`);
const pkgId = cached[0]!;
const pkgDir = join(cacheDir, pkgId);
const cacheStat = statSync(pkgDir);
const rebuilt = Date.now();
const esbuilt = await buildEsbuild(tinyApp, join(work, 'out-esbuild'));
await buildVite(tinyApp, join(work, 'out-vite'));
const reuseMs = Date.now() - rebuilt;
console.log(`plugin: first Vite build (compiles tiny) ${compileMs} ms; esbuild + Vite again from the cache ${reuseMs} ms`);

test('the cache folder is <name>-<key8> of the spec, and the second and third builds reuse it (no recompile)', async () => {
  const spec = loadSpec(join(tinyApp, 'model.yaml'));
  assert.is(pkgId, `tiny-${cacheKey(spec, ['wasm']).slice(0, 8)}`);
  const after = statSync(pkgDir);
  assert.is(after.ino, cacheStat.ino, 'the folder was replaced');
  assert.is(after.mtimeMs, cacheStat.mtimeMs);
  assert.equal(readdirSync(cacheDir).filter((e) => !e.startsWith('.')), [pkgId]);
  const again = await packageFor(join(tinyApp, 'model.yaml'), { targets: ['wasm'], cacheDir });
  assert.is(again.compiled, false);
  assert.is(again.dir, pkgDir);
});

test('esbuild gets manifest.json, the data files and the worker under hashee/<id>/ byte for byte; Vite emits each large file once as its own asset; no Node entry', () => {
  const want = browserFiles(pkgDir);
  for (const f of ['manifest.json', 'exits.bin', 'schedule.json', 'wasm/simd128.wasm', 'wasm/simd128-shared.wasm', 'wasm/weights.bin', 'runtime/wasm/worker.js', 'runtime/wasm/pool.js', 'runtime/wasm/features.js']) {
    assert.ok(want.includes(f), `${f} among ${want.join(', ')}`);
  }
  assert.not.ok(want.some((f) => f.startsWith('webgpu/')), 'a wasm-only package has no webgpu files');
  // esbuild: the plugin writes the files under hashee/<id>/
  const emitted = join(work, 'out-esbuild', 'hashee', pkgId);
  assert.equal(filesUnder(emitted), want, 'out-esbuild');
  for (const f of want) assert.ok(readFileSync(join(emitted, f)).equals(readFileSync(join(pkgDir, f))), `out-esbuild: ${f}`);
  // Vite: its own assets from the entry's URLs, each file once (the weights are not shipped twice), no hashee/ copy
  const viteFiles = filesUnder(join(work, 'out-vite'));
  assert.not.ok(viteFiles.some((f) => f.startsWith('hashee/')), 'Vite output has a plugin copy of the package');
  for (const f of want.filter((f) => /\.(wasm|bin)$/.test(f) && readFileSync(join(pkgDir, f)).length > 4096)) {
    const bytes = readFileSync(join(pkgDir, f));
    const copies = viteFiles.filter((g) => readFileSync(join(work, 'out-vite', g)).equals(bytes));
    assert.is(copies.length, 1, `Vite output holds ${f} ${copies.length} times: ${copies.join(', ')}`);
  }
  for (const out of ['out-vite', 'out-esbuild']) {
    const all = filesUnder(join(work, out));
    for (const nodeOnly of ['index.js', 'runtime/node.js', 'browser.js']) assert.not.ok(all.some((f) => f.endsWith(`${pkgId}/${nodeOnly}`)), `${out} holds ${nodeOnly}`);
    for (const f of all.filter((f) => f.endsWith('.js') && !f.startsWith('hashee/'))) {
      assert.not.match(readFileSync(join(work, out, f), 'utf8'), /from ["']node:|import\(["']node:/, `${out}/${f} imports a node: module`);
    }
  }
  assert.equal(esbuilt.errors, []);
});

interface PageResult { backend: string; info: string; baseUrl: string; exits: number[][]; logits: number[][] }

test('Chromium runs the Vite and the esbuild build (wasm, 1 and 2 threads): exits equal and logits match the same package in Node', async () => {
  const node = await import(pathToFileURL(join(pkgDir, 'index.js')).href) as { load(o: object): Promise<{ run(ids: number[][]): Promise<{ exits: number[][]; logits: Float32Array[] }>; dispose(): void }> };
  const model = await node.load({ backend: 'wasm', threads: 1 });
  const want = await model.run(batch);
  model.dispose();
  const browser = await launchChromium();
  try {
    for (const out of ['out-vite', 'out-esbuild']) {
      // Each build at the root of its own server: Vite's default base '/' names its assets from the root.
      const dir = join(work, out);
      const html = out === 'out-vite' ? readFileSync(join(dir, 'index.html'), 'utf8') : readFileSync(join(FIXTURE, 'index.html'), 'utf8');
      const server = await serve({ '/': dir }, { '/': html });
      try {
        await browser.page.goto(`${server.url}/`);
        await browser.page.waitForFunction(() => (globalThis as { modelReady?: boolean }).modelReady === true, undefined, { timeout: 30_000 });
        for (const threads of [1, 2]) {
          const got = await browser.page.evaluate(async ({ threads, batch }) => (globalThis as unknown as { runModel(o: object, ids: number[][]): Promise<PageResult> }).runModel({ backend: 'wasm', threads }, batch), { threads, batch });
          const label = `${out}, ${threads} thread(s)`;
          assert.is(got.backend, 'wasm', label);
          assert.match(got.info, new RegExp(`${threads} thread`), label);
          assert.is(got.baseUrl, out === 'out-esbuild' ? `${server.url}/hashee/${pkgId}/` : undefined, label);
          assert.equal(got.exits, want.exits, `${label}: exits`);
          got.logits.forEach((l, b) => {
            assert.is(l.length, want.logits[b]!.length);
            l.forEach((x, j) => assert.ok(Math.abs(x - want.logits[b]![j]!) <= TOL_LOGITS, `${label}: logits[${b}][${j}] ${x} vs ${want.logits[b]![j]}`));
          });
        }
      } finally {
        await server.close();
      }
    }
  } finally {
    await browser.close();
  }
});

test('Vite\'s dev server serves the cached package through /@fs/ (nothing compiled again): Chromium runs it, 2 threads, like Node', async () => {
  const node = await import(pathToFileURL(join(pkgDir, 'index.js')).href) as { load(o: object): Promise<{ run(ids: number[][]): Promise<{ exits: number[][]; logits: Float32Array[] }>; dispose(): void }> };
  const model = await node.load({ backend: 'wasm', threads: 1 });
  const want = await model.run(batch);
  model.dispose();
  const server = await createServer({
    root: tinyApp, configFile: false, logLevel: 'silent', plugins: [hashee.vite({ cacheDir })],
    server: { port: 0, host: '127.0.0.1', headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' } },
  });
  await server.listen();
  const browser = await launchChromium();
  try {
    const url = server.resolvedUrls!.local[0]!;
    await browser.page.goto(url);
    await browser.page.waitForFunction(() => (globalThis as { modelReady?: boolean }).modelReady === true, undefined, { timeout: 30_000 });
    const got = await browser.page.evaluate(async ({ batch }) => (globalThis as unknown as { runModel(o: object, ids: number[][]): Promise<PageResult> }).runModel({ backend: 'wasm', threads: 2 }, batch), { batch });
    assert.match(got.info, /2 thread/);
    assert.is(got.baseUrl, new URL(`/@fs${pkgDir}/`, url).href);
    assert.equal(got.exits, want.exits);
    got.logits.forEach((l, b) => l.forEach((x, j) => assert.ok(Math.abs(x - want.logits[b]![j]!) <= TOL_LOGITS, `dev: logits[${b}][${j}]`)));
    assert.is(statSync(pkgDir).ino, cacheStat.ino);
  } finally {
    await browser.close();
    await server.close();
  }
});

test('the cache key changes with the spec text, a file the spec names, and the targets; the named files are watched', () => {
  const dir = join(work, 'keys');
  mkdirSync(dir);
  const specText = TINY.replace(/exit:[\s\S]*?targets:/, 'exit: { policy: table, table: exits.json }\ntargets:');
  assert.match(specText, /policy: table/);
  writeFileSync(join(dir, 'model.yaml'), specText);
  writeFileSync(join(dir, 'exits.json'), JSON.stringify({ 5: 1, 9: 2 }));
  const key = (): string => cacheKey(loadSpec(join(dir, 'model.yaml')), ['wasm']);
  const first = key();
  assert.is(key(), first, 'same inputs, same key');
  assert.is.not(cacheKey(loadSpec(join(dir, 'model.yaml')), ['wasm', 'webgpu']), first);
  writeFileSync(join(dir, 'exits.json'), JSON.stringify({ 5: 2, 9: 2 }));
  const table = key();
  assert.is.not(table, first, 'exit table changed');
  writeFileSync(join(dir, 'model.yaml'), specText.replace('seed: 1 }', 'seed: 2 }'));
  assert.is.not(key(), table, 'spec changed');
  assert.equal(specInputs(loadSpec(join(dir, 'model.yaml'))).map((i) => relative(dir, i.path)), ['exits.json']);
  // The key of the built app's spec moves with its text too.
  assert.is.not(cacheKey(loadSpec(join(tinyApp, 'model.yaml')), ['wasm']), cacheKey(loadSpec(join(tinyApp, 'model.yaml')), ['webgpu']));
});

test('a bad spec fails the Vite and the esbuild build with the located error (file:line:col, code), no stack trace', async () => {
  const bad = app('bad', TINY.replace('layer_norm_eps:', 'layer_norm_epsilon:'));
  const specFile = join(bad, 'model.yaml');
  let want: HasheeError | undefined;
  try { loadSpec(specFile); } catch (e) { want = e as HasheeError; }
  assert.ok(want?.location, 'loadSpec rejects the spec with a location');
  const where = `${want.location.file}:${want.location.line}:${want.location.col}`;
  let viteError: Error | undefined;
  try { await buildVite(bad, join(work, 'out-bad-vite')); } catch (e) { viteError = e as Error; }
  assert.ok(viteError, 'the Vite build failed');
  assert.ok(viteError.message.includes(where), viteError.message);
  assert.ok(viteError.message.includes(`error[${want.code}]`), viteError.message);
  // (the bundler's own aggregate error has its stack; the plugin's error in it has none)
  assert.not.match(viteError.message, /\n\s+at /);
  const [inner] = (viteError as Error & { errors?: Error[] }).errors ?? [];
  assert.ok(inner?.message.includes(where), String(inner));
  assert.not.match(String(inner.stack), /\n\s+at /);
  let esbuildError: { errors: { text: string }[] } | undefined;
  try { await buildEsbuild(bad, join(work, 'out-bad-esbuild')); } catch (e) { esbuildError = e as typeof esbuildError; }
  assert.ok(esbuildError, 'the esbuild build failed');
  assert.is(esbuildError.errors.length, 1);
  const [err] = esbuildError.errors;
  assert.ok(err!.text.includes(where) && err!.text.includes(`error[${want.code}]`), err!.text);
  assert.not.match(err!.text, /\n\s+at /);
  assert.not.ok(existsSync(join(work, 'out-bad-esbuild', 'hashee')));
  // Nothing was compiled for it.
  assert.equal(readdirSync(cacheDir).filter((e) => !e.startsWith('.')), [pkgId]);
});

interface GenerateResult { info: string; baseUrl: string | undefined; name: string; tokens: number[]; stepExits: number[] }

test('an encoder-decoder spec (specs/bart-tiny.yaml) through Vite and esbuild: Chromium generates what the same package generates in Node (wasm, 1 and 2 threads, greedy and beam)', async () => {
  const seqCache = join(work, 'cache-seq2seq');
  const bart = readFileSync(join(ROOT, 'specs/bart-tiny.yaml'), 'utf8');
  const dir = app('app-seq2seq', bart, join(ROOT, 'test/fixtures/plugin-app-seq2seq'));
  await buildVite(dir, join(work, 'out-seq2seq-vite'), seqCache);
  await buildEsbuild(dir, join(work, 'out-seq2seq-esbuild'), seqCache);
  const [id] = readdirSync(seqCache).filter((e) => !e.startsWith('.'));
  assert.is(id, `bart-tiny-${cacheKey(loadSpec(join(dir, 'model.yaml')), ['wasm']).slice(0, 8)}`);
  const pkg = join(seqCache, id!);
  const viteFiles = filesUnder(join(work, 'out-seq2seq-vite'));
  for (const f of ['wasm/encoder-weights.bin', 'wasm/decoder-weights.bin', 'wasm/decoder.relaxed.wasm']) { // (Vite inlines files under 4 KiB)
    const bytes = readFileSync(join(pkg, f));
    assert.is(viteFiles.filter((g) => readFileSync(join(work, 'out-seq2seq-vite', g)).equals(bytes)).length, 1, `Vite emits ${f} once`);
  }
  // An export folder as weights: each of its files is an input of the key.
  const onnxDir = join(dir, 'bart-onnx');
  const { exportOnnx } = await import('../compiler/api.ts');
  await exportOnnx(join(dir, 'model.yaml'), { out: onnxDir });
  writeFileSync(join(dir, 'from-onnx.yaml'), bart.replace(/weights:\n  random: \{[^}]*\}/, 'weights: { onnx: bart-onnx }'));
  const fromOnnx = (): ReturnType<typeof loadSpec> => loadSpec(join(dir, 'from-onnx.yaml'));
  assert.equal(specInputs(fromOnnx()).map((i) => `${i.role} ${relative(dir, i.path)}`),
    ['decoder_model.onnx', 'decoder_with_past_model.onnx', 'encoder_model.onnx'].map((f) => `weights.onnx/${f} bart-onnx/${f}`));
  const before = cacheKey(fromOnnx(), ['wasm']);
  const file = join(onnxDir, 'decoder_model.onnx');
  writeFileSync(file, Buffer.concat([readFileSync(file), Buffer.from([0])]));
  assert.is.not(cacheKey(fromOnnx(), ['wasm']), before, 'a file of the weights folder changed');
  const ids = [0, 7, 19, 33, 41, 2];
  const node = await import(pathToFileURL(join(pkg, 'index.js')).href) as { load(o: object): Promise<{ generate(ids: number[], o?: object): Promise<{ tokens: number[]; stepExits: number[] }>; dispose(): void }> };
  const model = await node.load({ backend: 'wasm' });
  const want = { greedy: await model.generate(ids), beam: await model.generate(ids, { beams: 2 }) };
  model.dispose();
  assert.ok(want.beam.stepExits.some((e) => e !== want.beam.stepExits[0]), `the beam's steps run different depths: ${want.beam.stepExits.join(' ')}`);
  const browser = await launchChromium();
  try {
    for (const out of ['out-seq2seq-vite', 'out-seq2seq-esbuild']) {
      const root = join(work, out);
      const html = out.endsWith('vite') ? readFileSync(join(root, 'index.html'), 'utf8') : readFileSync(join(dir, 'index.html'), 'utf8');
      const server = await serve({ '/': root }, { '/': html });
      try {
        await browser.page.goto(`${server.url}/`);
        await browser.page.waitForFunction(() => (globalThis as { modelReady?: boolean }).modelReady === true, undefined, { timeout: 30_000 });
        for (const threads of [1, 2]) {
          for (const [kind, call] of [['greedy', {}], ['beam', { beams: 2 }]] as const) {
            const got = await browser.page.evaluate(async ({ threads, ids, call }) =>
              (globalThis as unknown as { generate(o: object, ids: number[], c: object): Promise<GenerateResult> }).generate({ backend: 'wasm', threads }, ids, call), { threads, ids, call });
            const label = `${out}, ${threads} thread(s), ${kind}`;
            assert.is(got.name, 'bart-tiny', label);
            assert.match(got.info, new RegExp(`${threads} thread`), label);
            assert.is(got.baseUrl, out.endsWith('esbuild') ? `${server.url}/hashee/${id}/` : undefined, label);
            assert.equal(got.tokens, want[kind].tokens, `${label}: tokens`);
            assert.equal(got.stepExits, want[kind].stepExits, `${label}: step exits`);
          }
        }
      } finally {
        await server.close();
      }
    }
  } finally {
    await browser.close();
  }
});

test('the plugin refuses unknown targets when it is created', () => {
  assert.throws(() => hashee.vite({ targets: ['cuda' as 'wasm'] }), /targets must be one or more of wasm, webgpu/);
  assert.throws(() => hashee.esbuild({ targets: [] }), /targets must be one or more of wasm, webgpu/);
});

test.after(() => rmSync(work, { recursive: true, force: true }));

test.run();
