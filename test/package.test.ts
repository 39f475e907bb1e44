// The deployable WASM package end to end: compiled for tiny and a mid-size spec, loaded through its own
// generated index.js in Node, run on single inputs and ragged batches against the f32 reference executor;
// byte-identical recompilation; the generated index.d.ts type-checks a consumer; `hashee run --backend wasm`.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DiagnosticCategory, ModuleKind, ModuleResolutionKind, Project, ScriptTarget } from 'ts-morph';
import { loadSpec } from '../compiler/spec/index.ts';
import { loadAll, type Loaded } from '../compiler/load.ts';
import { compilePackage } from '../compiler/package/assemble.ts';
import { compareTrees, listFiles } from '../compiler/package/generated.ts';
import { main } from '../compiler/cli.ts';
import { asHasheeError } from '../compiler/run/compiled.ts';
import { isHasheeError } from '../compiler/errors.ts';
import { runReference } from '../runtime/reference/index.ts';
import type { Model } from '../runtime/package/model.ts';

/**
 * Tolerances of the WASM engine against runReference(..., { precision: 'f32' }) (max absolute error):
 * hidden states (LayerNorm outputs, O(1)) 2e-5 per layer run, pooled-head logits 2e-5 (measured: 3.6e-7 and 9e-8,
 * plain SIMD128 variant on Node 20). The engine sums
 * products in f32 in a different order (register tiles, fused multiply-add in the relaxed variant) and
 * uses its own exp/erf; exit layers come from the same table and must match exactly.
 */
const TOL = { hiddenPerLayer: 2e-5, logits: 2e-5 };

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'hashee-package-'));
// The package resolves its bare imports ('@huggingface/tokenizers') from a node_modules above it.
symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'), 'dir');

interface PackageModule { load(options?: Record<string, unknown>): Promise<Model> }

async function compileTo(loaded: Loaded, name: string): Promise<string> {
  const dir = join(work, name);
  await compilePackage(loaded, dir, { targets: ['wasm'], toolVersion: '0.0.0-test' });
  return dir;
}

async function loadFrom(dir: string, options: Record<string, unknown> = {}): Promise<Model> {
  const pkg = (await import(pathToFileURL(join(dir, 'index.js')).href)) as PackageModule;
  return pkg.load({ threads: 1, ...options });
}

function maxAbs(a: ArrayLike<number>, b: ArrayLike<number>): number {
  assert.is(a.length, b.length, 'lengths differ');
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

/** Ragged batch of ids in [0, vocab) from a seed (xorshift), [CLS]-like id 1 first. */
function batchOf(seed: number, lengths: readonly number[], vocab: number): number[][] {
  let s = seed >>> 0 || 1;
  const next = (): number => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s; };
  return lengths.map((n) => Array.from({ length: n }, (_, p) => (p === 0 ? 1 : next() % vocab)));
}

async function rejects(p: Promise<unknown>, pattern: RegExp): Promise<void> {
  try { await p; } catch (e) { assert.match((e as Error).message, pattern); return; }
  assert.unreachable(`expected a rejection matching ${pattern}`);
}

const worst = { hidden: 0, logits: 0 };

async function checkAgainstReference(loaded: Loaded, model: Model, batch: number[][], fullDepth: boolean): Promise<void> {
  const L = loaded.spec.arch.layers;
  const ref = runReference(loaded.model, loaded.table, { ids: batch }, { precision: 'f32', fullDepth });
  const logits = await model.run(batch, { fullDepth });
  const hidden = await model.run(batch, { fullDepth, output: 'last-hidden' });
  assert.equal(logits.exits, ref.exits);
  assert.equal(hidden.exits, ref.exits);
  batch.forEach((_, b) => {
    const eh = maxAbs(hidden.lastHidden![b]!, ref.lastHidden[b]!);
    const el = maxAbs(logits.logits![b]!, ref.logits![b]!);
    worst.hidden = Math.max(worst.hidden, eh / L);
    worst.logits = Math.max(worst.logits, el);
    assert.ok(eh <= TOL.hiddenPerLayer * L, `hidden of sequence ${b}: max error ${eh}`);
    assert.ok(el <= TOL.logits, `logits of sequence ${b}: max error ${el}`);
  });
}

const tiny = loadAll(loadSpec(join(ROOT, 'specs/tiny.yaml')));
const tinyDir = await compileTo(tiny, 'tiny');

test('tiny: single inputs and ragged batches agree with the f32 reference, exits exactly', async () => {
  const model = await loadFrom(tinyDir);
  assert.is(model.backend, 'wasm');
  const V = tiny.spec.arch.vocabSize;
  for (const fullDepth of [false, true]) {
    await checkAgainstReference(tiny, model, batchOf(7, [5], V), fullDepth);
    await checkAgainstReference(tiny, model, batchOf(11, [1, 9, 4, 17], V), fullDepth);
  }
  // A single input gives the batch form's first row; batching does not change results.
  const batch = batchOf(3, [6, 2, 11], V);
  const together = await model.run(batch);
  for (let b = 0; b < batch.length; b++) {
    const one = await model.run(batch[b]!);
    assert.equal(one.exits, together.exits[b]);
    assert.ok(maxAbs(one.logits!, together.logits![b]!) <= 1e-6);
  }
  model.dispose();
  await rejects(model.run([1, 2]), /disposed/);
});

test('tiny: flops follow the plan (cls-only last layer for logits) and exits save work', async () => {
  const model = await loadFrom(tinyDir);
  const ids = batchOf(5, [12], tiny.spec.arch.vocabSize)[0]!;
  const exits = await model.run(ids, { output: 'last-hidden' });
  const full = await model.run(ids, { output: 'last-hidden', fullDepth: true });
  const cls = await model.run(ids);
  assert.ok(exits.flops < full.flops, `${exits.flops} < ${full.flops}`);
  assert.ok(cls.flops < exits.flops, `${cls.flops} < ${exits.flops}`);
  // Under the cost model a full-depth layer costs 2 * (2 n d^2 + 2 n d^2 + 2 n^2 d + 2 n d f) FLOPs.
  const { hidden: d, ffn: f, layers: L } = tiny.spec.arch, n = ids.length;
  assert.is(full.flops, L * 2 * (4 * n * d * d + 2 * n * n * d + 2 * n * d * f));
  model.dispose();
});

test('bad inputs are rejected with the package error', async () => {
  const model = await loadFrom(tinyDir);
  await rejects(model.run([1, 9999]), /outside the vocabulary/);
  await rejects(model.run([]), /empty/);
  await rejects(model.run(new Array(33).fill(1)), /^input 1 has 33 tokens, more than max_positions \(32\); pass \{ truncate: true \} to cut it$/);
  await rejects(model.run('hello'), /no tokenizer/);
  await rejects(loadFrom(tinyDir, { backend: 'webgpu' }), /not compiled for webgpu/);
  model.dispose();
  const broken = join(work, 'broken');
  cpSync(tinyDir, broken, { recursive: true });
  writeFileSync(join(broken, 'wasm/weights.bin'), readFileSync(join(tinyDir, 'wasm/weights.bin')).subarray(0, 100));
  await rejects(loadFrom(broken), /package file wasm\/weights\.bin does not match manifest\.json: expected \d+ bytes, sha256 [0-9a-f]{64}; got 100 bytes/);
  rmSync(join(broken, 'exits.bin'));
  await rejects(loadFrom(broken), /cannot read package file exits\.bin/);
});

/** Path -> {bytes, sha256} as manifest.json records them. */
function manifestFiles(dir: string): Record<string, { bytes: number; sha256: string }> {
  return (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { files: Record<string, { bytes: number; sha256: string }> }).files;
}

test('manifest.json records the size and sha256 of every other file of the package', () => {
  const files = manifestFiles(tinyDir);
  assert.equal(Object.keys(files), listFiles(tinyDir).filter((f) => f !== 'manifest.json'));
  for (const [path, d] of Object.entries(files)) {
    const bytes = readFileSync(join(tinyDir, path));
    assert.equal(d, { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }, path);
  }
});

test('a truncated or damaged package file is named with its expected and actual size and hash', async () => {
  const damaged = (name: string, edit: (dir: string) => void): string => {
    const dir = join(work, name);
    cpSync(tinyDir, dir, { recursive: true });
    edit(dir);
    return dir;
  };
  const want = manifestFiles(tinyDir)['wasm/simd128.wasm']!;
  const truncated = damaged('truncated-wasm', (dir) => writeFileSync(join(dir, 'wasm/simd128.wasm'), readFileSync(join(tinyDir, 'wasm/simd128.wasm')).subarray(0, 50)));
  const short = createHash('sha256').update(readFileSync(join(truncated, 'wasm/simd128.wasm'))).digest('hex');
  await rejects(loadFrom(truncated), new RegExp(`^package file wasm/simd128\\.wasm does not match manifest\\.json: expected ${want.bytes} bytes, sha256 ${want.sha256}; got 50 bytes, sha256 ${short} `));
  // Same size, one byte changed: only the hash tells, on the Node path and through fetch (WebCrypto,
  // and the JS hash for the shared memory two threads use).
  const flip = (file: string) => (dir: string): void => { const b = readFileSync(join(dir, file)); b[b.length >> 1] ^= 1; writeFileSync(join(dir, file), b); };
  const weights = damaged('flipped-weights', flip('wasm/weights.bin'));
  const fetchFrom = (dir: string) => async (url: string) => {
    const bytes = readFileSync(join(dir, url.slice(pathToFileURL(dir).href.length + 1)));
    return { ok: true, status: 200, statusText: 'OK', arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) };
  };
  for (const options of [{}, { fetch: fetchFrom(weights) }, { fetch: fetchFrom(weights), threads: 2 }]) {
    await rejects(loadFrom(weights, options), /^package file wasm\/weights\.bin does not match manifest\.json: expected (\d+) bytes, sha256 ([0-9a-f]{64}); got \1 bytes, sha256 (?!\2)[0-9a-f]{64} /);
  }
  // The undamaged package loads through the same fetch paths.
  for (const options of [{ fetch: fetchFrom(tinyDir) }, { fetch: fetchFrom(tinyDir), threads: 2 }]) (await loadFrom(tinyDir, options)).dispose();
  await rejects(loadFrom(damaged('flipped-exits', flip('exits.bin'))), /^package file exits\.bin does not match manifest\.json/);
  // A manifest without the file list, or from another build, is refused before any file is used.
  const edit = (dir: string, change: (m: Record<string, unknown>) => void): void => {
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    change(m);
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m));
  };
  await rejects(loadFrom(damaged('no-list', (dir) => edit(dir, (m) => { delete m.files; }))), /manifest\.json lists no file sizes and hashes/);
  await rejects(loadFrom(damaged('other-build', (dir) => edit(dir, (m) => { m.specSha256 = '0'.repeat(64); }))), /manifest\.json is from another build/);
});

test('threads: two threads give the single-thread results', async () => {
  const one = await loadFrom(tinyDir);
  const two = await loadFrom(tinyDir, { threads: 2 });
  const batch = batchOf(9, [7, 3, 12], tiny.spec.arch.vocabSize);
  const a = await one.run(batch, { output: 'last-hidden' }), b = await two.run(batch, { output: 'last-hidden' });
  assert.equal(a.exits, b.exits);
  batch.forEach((_, s) => assert.ok(maxAbs(a.lastHidden![s]!, b.lastHidden![s]!) <= 1e-6));
  one.dispose();
  two.dispose();
});

test('the relaxed-SIMD variant loads and agrees where the engine supports it (node --experimental-wasm-relaxed-simd)', () => {
  const batch = batchOf(13, [9, 4], tiny.spec.arch.vocabSize);
  const script = [
    `const { load } = await import(${JSON.stringify(pathToFileURL(join(tinyDir, 'index.js')).href)});`,
    "const model = await load({ simd: 'relaxed', threads: 1 });",
    `const r = await model.run(${JSON.stringify(batch)}, { output: 'last-hidden' });`,
    'model.dispose();',
    'console.log(JSON.stringify({ info: model.info, exits: r.exits, hidden: r.lastHidden.map((h) => Array.from(h)) }));',
  ].join('\n');
  const out = execFileSync(process.execPath, ['--experimental-wasm-relaxed-simd', '--input-type=module', '-e', script], { encoding: 'utf8' });
  const got = JSON.parse(out) as { info: string; exits: number[][]; hidden: number[][] };
  assert.match(got.info, /wasm relaxed/);
  const ref = runReference(tiny.model, tiny.table, { ids: batch }, { precision: 'f32' });
  assert.equal(got.exits, ref.exits);
  batch.forEach((_, b) => assert.ok(maxAbs(got.hidden[b]!, ref.lastHidden[b]!) <= TOL.hiddenPerLayer * tiny.spec.arch.layers));
});

test('compiling twice gives byte-identical packages with headers and no absolute paths', async () => {
  const again = await compileTo(tiny, 'tiny-again');
  assert.equal(compareTrees(tinyDir, again), []);
  const header = `hashee 0.0.0-test · spec tiny sha256:${tiny.spec.hash}`;
  for (const f of listFiles(tinyDir).filter((p) => /\.(ts|js)$/.test(p))) {
    const text = readFileSync(join(tinyDir, f), 'utf8');
    assert.ok(text.startsWith(`// ${header}\n`), `${f} starts with the header`);
    assert.not.ok(text.includes(ROOT) || text.includes(work), `${f} holds an absolute path`);
  }
  assert.not.ok(listFiles(tinyDir).some((f) => f.startsWith('runtime/webgpu/') || f.startsWith('runtime/reference/')), 'a wasm package ships no WebGPU or reference runtime');
  const pkg = JSON.parse(readFileSync(join(tinyDir, 'package.json'), 'utf8')) as { type: string; main: string; types: string };
  assert.equal([pkg.type, pkg.main, pkg.types], ['module', 'index.js', 'index.d.ts']);
});

test('the generated index.d.ts type-checks a consumer (installed as a dependency)', () => {
  const app = join(work, 'app');
  mkdirSync(join(app, 'node_modules'), { recursive: true });
  cpSync(tinyDir, join(app, 'node_modules', 'tiny-model'), { recursive: true });
  rmSync(join(app, 'node_modules', 'tiny-model', 'index.ts')); // consumers see the declarations only
  const project = new Project({
    compilerOptions: {
      strict: true, noEmit: true, target: ScriptTarget.ES2022, module: ModuleKind.ES2022, moduleResolution: ModuleResolutionKind.Bundler,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'], typeRoots: [join(ROOT, 'node_modules/@types')], types: ['node'], skipLibCheck: false,
    },
    skipAddingFilesFromTsConfig: true,
  });
  project.createSourceFile(join(app, 'main.ts'), [
    "import { load, PACKAGE, type Model, type ModelBatchResult } from 'tiny-model';",
    'const model: Model = await load({ backend: \'wasm\', threads: 1 });',
    'const one = await model.run([1, 2, 3]);',
    'const exits: number[] = one.exits;',
    'const flops: number = one.flops;',
    'const logits: Float32Array | undefined = one.logits;',
    'const batch: ModelBatchResult = await model.run([[1, 2], [3]], { fullDepth: true, output: \'last-hidden\' });',
    'const rows: number[][] = batch.exits;',
    'const layers: number = PACKAGE.arch.layers;',
    '// @ts-expect-error: a number is not an input',
    'await model.run(42);',
    '// @ts-expect-error: unknown backend',
    "await load({ backend: 'cuda' });",
    'model.dispose();',
    'export { exits, flops, logits, rows, layers };',
  ].join('\n'));
  const errors = project.getPreEmitDiagnostics().filter((d) => d.getCategory() === DiagnosticCategory.Error);
  assert.is(errors.length, 0, project.formatDiagnosticsWithColorAndContext(errors));
});

test('hashee run --backend wasm --json agrees with the reference run', async () => {
  const cli = async (...argv: string[]): Promise<{ code: number; out: string; err: string }> => {
    let out = '', err = '';
    const code = await main(argv, { out: (s) => { out += s; }, err: (s) => { err += s; } });
    return { code, out, err };
  };
  const spec = join(ROOT, 'specs/tiny.yaml');
  const args = ['run', spec, '--ids', '1,5,9,2,33', '--ids', '1,40', '--output', 'last-hidden', '--json'];
  const got = await cli(...args, '--backend', 'wasm');
  assert.is(got.code, 0, got.err);
  const want = await cli(...args, '--precision', 'f32');
  type Row = { exits: number[]; last_hidden: number[][]; flops: { executed: number } };
  const g = JSON.parse(got.out) as Row[], w = JSON.parse(want.out) as Row[];
  g.forEach((row, b) => {
    assert.equal(row.exits, w[b]!.exits);
    assert.ok(maxAbs(row.last_hidden.flat(), w[b]!.last_hidden.flat()) <= TOL.hiddenPerLayer * tiny.spec.arch.layers);
  });
  const text = await cli('run', spec, '--ids', '1,5,9,2', '--backend', 'wasm');
  assert.match(text.out, /backend wasm \(f32\)/);
  assert.match(text.out, /-> label [01]/);
});

test('a missing WebGPU adapter and bad package input become user-facing errors (exit code 1)', () => {
  // Checked end to end by hand with VK_ICD_FILENAMES=/nonexistent: `hashee run --backend webgpu` exits 1 with this message.
  const noAdapter = Object.assign(new Error('no WebGPU adapter found'), { name: 'WebGpuError', code: 'no-adapter' });
  const e = asHasheeError(noAdapter, 'webgpu');
  assert.ok(isHasheeError(e) && e.code === 'backend' && /no WebGPU adapter/.test(e.message) && /VK_ICD_FILENAMES/.test(e.format()));
  const input = asHasheeError(Object.assign(new Error('input 1 is empty'), { name: 'PackageError', code: 'input' }), 'wasm');
  assert.ok(isHasheeError(input) && input.code === 'input');
  const other = new RangeError('internal');
  assert.is(asHasheeError(other, 'wasm'), other);
});

test('mid-size spec (4 layers, width 256): batches with exits and at full depth', async () => {
  const mid = loadAll(loadSpec(join(ROOT, 'specs/mid.yaml')));
  const model = await loadFrom(await compileTo(mid, 'mid'));
  const V = mid.spec.arch.vocabSize;
  await checkAgainstReference(mid, model, batchOf(21, [33, 5, 18], V), false);
  await checkAgainstReference(mid, model, batchOf(22, [20], V), true);
  model.dispose();
  console.log(`  wasm package: worst error hidden ${worst.hidden.toExponential(2)} per layer, logits ${worst.logits.toExponential(2)}`);
});

test('heads without pooling: none (h^L by default) and token (per-token logits)', async () => {
  for (const head of ['{ kind: none }', '{ kind: token, labels: 3 }']) {
    const dir = join(work, `head-${head.length}`);
    mkdirSync(dir);
    writeFileSync(join(dir, 'spec.yaml'), [
      'name: heads',
      'model: { layers: 3, hidden: 16, heads: 4, ffn: 32, vocab_size: 50, max_positions: 16, type_vocab_size: 2, activation: gelu_tanh, layer_norm_eps: 1.0e-12, norm: post }',
      `head: ${head}`,
      'weights: { random: { seed: 4 } }',
      'exit: { policy: random, seed: 3, buckets: 3 }',
      'targets: [wasm]',
    ].join('\n'));
    const loaded = loadAll(loadSpec(join(dir, 'spec.yaml')));
    const model = await loadFrom(await compileTo(loaded, `pkg-${head.length}`));
    const batch = batchOf(17, [7, 3], 50);
    const ref = runReference(loaded.model, loaded.table, { ids: batch }, { precision: 'f32' });
    if (loaded.spec.head.kind === 'none') {
      const r = await model.run(batch);
      assert.equal(r.exits, ref.exits);
      batch.forEach((_, b) => assert.ok(maxAbs(r.lastHidden![b]!, ref.lastHidden[b]!) <= TOL.hiddenPerLayer * 3));
      await rejects(model.run(batch, { output: 'logits' }), /no head/);
    } else {
      const r = await model.run(batch);
      batch.forEach((seq, b) => {
        assert.is(r.logits![b]!.length, seq.length * 3);
        assert.ok(maxAbs(r.logits![b]!, ref.logits![b]!) <= TOL.logits, 'token logits');
      });
    }
    model.dispose();
  }
});

test('text input goes through the packaged tokenizer', async () => {
  const dir = join(work, 'text-spec');
  mkdirSync(dir);
  writeFileSync(join(dir, 'spec.yaml'), [
    'name: text-tiny',
    'model: { layers: 2, hidden: 8, heads: 2, ffn: 16, vocab_size: 30522, max_positions: 64, type_vocab_size: 2, activation: gelu, layer_norm_eps: 1.0e-12, norm: post }',
    'head: { kind: classification, labels: 2 }',
    'weights: { random: { seed: 3 } }',
    `tokenizer: { path: ${join(ROOT, 'data/sst2/tokenizer.json')}, special_ids: { cls: 101, sep: 102, pad: 0, unk: 100, mask: 103 } }`,
    'exit: { policy: random, seed: 2, buckets: 2 }',
    'targets: [wasm]',
  ].join('\n'));
  const loaded = loadAll(loadSpec(join(dir, 'spec.yaml')));
  const model = await loadFrom(await compileTo(loaded, 'text'));
  const byText = await model.run(['a gripping film', 'dull']);
  assert.is(byText.exits[0]!.length, 5, '[CLS] a gripping film [SEP]');
  const { createTokenizer } = await import('../runtime/tokenizer.ts');
  const ids = createTokenizer(JSON.parse(readFileSync(join(ROOT, 'data/sst2/tokenizer.json'), 'utf8')) as object).encode('a gripping film').ids;
  const byIds = await model.run(ids);
  assert.equal(byIds.exits, byText.exits[0]);
  assert.ok(maxAbs(byIds.logits!, byText.logits![0]!) <= 1e-6);
  model.dispose();
});

test.after(() => rmSync(work, { recursive: true, force: true }));

test.run();
