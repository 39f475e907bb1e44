// WASM engine end to end against the f32 reference executor (runtime/reference): tiny and mid-size models,
// full depth and with exits, single inputs and ragged batches, [CLS]-only last layer, threads, the relaxed
// SIMD module, deterministic module bytes.
//
// Tolerances (max abs difference to runReference(..., { precision: 'f32' })), per output:
//   hidden states h^L (LayerNorm outputs, O(1)): 2e-5 tiny, 1e-4 mid (f32 accumulation order over k <= 1024
//   vs the reference's f64 sums, plus the exp/erf approximations of compiler/emit/wasm/mathf.ts);
//   pooled (tanh outputs) and logits: 1e-4. Exit decisions and work counts: exactly equal.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import binaryen from 'binaryen';
import { randomWeights } from '../compiler/weights/random.ts';
import { packWeights } from '../compiler/passes/packWeights.ts';
import { checkWasmArch, emitWasmModule, emitWasmModules, emitWasmText, type WasmModules } from '../compiler/emit/wasm/module.ts';
import { Fn, type Local } from '../compiler/emit/wasm/builder.ts';
import { HasheeError } from '../compiler/errors.ts';
import { createRng } from '../compiler/util/rng.ts';
import { runReference, runReferenceClsOnly } from '../runtime/reference/index.ts';
import { threadCount, WasmEngine, type WasmEngineOptions } from '../runtime/wasm/engine.ts';
import { kernelsOf, WorkerPool } from '../runtime/wasm/pool.ts';
import { nodeHost } from '../runtime/node.ts';
import { countWork, planBatch } from '../runtime/plan.ts';
import { RELAXED_SIMD_PROBE, supportsRelaxedSimd } from '../runtime/wasm/features.ts';
import { wasmLayout } from '../contract/wasm-layout.ts';
import type { ArchConfig, HeadConfig, Model } from '../contract/model.ts';

interface Fixture { readonly name: string; readonly model: Model; readonly table: Uint8Array; readonly seed: number; readonly std: number; readonly hiddenTol: number }

function fixture(name: string, arch: ArchConfig, head: HeadConfig, seed: number, std: number, hiddenTol: number): Fixture {
  const rng = createRng(seed + 100);
  const table = new Uint8Array(arch.vocabSize).map(() => 1 + Math.floor(rng.next() * arch.layers));
  table[1] = arch.layers; // [CLS]
  table[2] = arch.layers; // [SEP]
  return { name, model: { arch, head, weights: randomWeights(arch, head, seed, std) }, table, seed, std, hiddenTol };
}

const base = { maxPositions: 64, typeVocabSize: 2, activation: 'gelu', layerNormEps: 1e-12, norm: 'post', sharedLayers: false } as const;
const TINY = fixture('tiny', { ...base, layers: 2, hidden: 8, embeddingSize: 8, heads: 2, ffn: 16, vocabSize: 64 }, { kind: 'classification', labels: 2 }, 3, 0.3, 2e-5);
const MID = fixture('mid', { ...base, layers: 4, hidden: 256, embeddingSize: 256, heads: 4, ffn: 1024, vocabSize: 1000 }, { kind: 'classification', labels: 3 }, 4, 0.02, 1e-4);
const OUT_TOL = 1e-4;

/** [CLS] id ... [SEP] sequences of the given lengths, ids drawn from the vocabulary above the specials. */
function batchOf(seed: number, vocab: number, lengths: readonly number[]): number[][] {
  const rng = createRng(seed);
  return lengths.map((len) => len === 1 ? [1] : [1, ...Array.from({ length: len - 2 }, () => 3 + Math.floor(rng.next() * (vocab - 3))), 2]);
}

const modulesCache = new Map<string, WasmModules>();
const packedCache = new Map<string, ReturnType<typeof packWeights>>();
async function engineFor(fx: Fixture, opts: Partial<WasmEngineOptions> = {}): Promise<WasmEngine> {
  if (!packedCache.has(fx.name)) packedCache.set(fx.name, packWeights(fx.model));
  const packed = packedCache.get(fx.name)!;
  if (!modulesCache.has(fx.name)) modulesCache.set(fx.name, emitWasmModules(packed.layout));
  const mods = modulesCache.get(fx.name)!;
  const { arch, head } = fx.model;
  return WasmEngine.create({ arch, head, modules: { simd128: mods.simd, relaxed: mods.relaxed }, weights: packed.bytes, exitTable: fx.table, threads: 1, node: nodeHost, ...opts });
}

function maxDiff(a: ArrayLike<number>[], b: ArrayLike<number>[]): number {
  let worst = 0;
  assert.is(a.length, b.length);
  a.forEach((x, i) => {
    assert.is(x.length, b[i]!.length);
    for (let j = 0; j < x.length; j++) worst = Math.max(worst, Math.abs(x[j]! - b[i]![j]!));
  });
  return worst;
}

for (const fx of [TINY, MID]) {
  for (const fullDepth of [true, false]) {
    // tiny also covers long keys (the 32-key score blocks) and one- and two-token sequences
    for (const lengths of fx === TINY ? [[9], [12, 5, 7], [45, 1, 2]] : [[9], [12, 5, 7]]) {
      test(`${fx.name} ${fullDepth ? 'full depth' : 'with exits'}, batch of ${lengths.length}: h^L, logits, exits and work match the f32 reference`, async () => {
        const ids = batchOf(lengths.length, fx.model.arch.vocabSize, lengths);
        const engine = await engineFor(fx);
        const got = engine.run({ ids }, { fullDepth, clsOnly: false });
        const want = runReference(fx.model, fx.table, { ids }, { precision: 'f32', fullDepth });
        assert.equal(got.exits, want.exits);
        assert.equal(Array.from(got.work.perLayer), Array.from(want.work.perLayer));
        assert.ok(maxDiff(got.lastHidden!, want.lastHidden) <= fx.hiddenTol, `h^L differs by ${maxDiff(got.lastHidden!, want.lastHidden)}`);
        assert.ok(maxDiff(got.pooled!, want.pooled!) <= OUT_TOL, 'pooled');
        assert.ok(maxDiff(got.logits!, want.logits!) <= OUT_TOL, 'logits');
        if (!fullDepth) assert.ok(got.work.macs < countWork(planBatch(fx.table, ids, fx.model.arch.layers, { fullDepth: true }), fx.model.arch).macs, 'exits skip work');
      });
    }
  }

  test(`${fx.name}: [CLS]-only last layer (default for a sequence head) matches runReferenceClsOnly`, async () => {
    const ids = batchOf(11, fx.model.arch.vocabSize, [10, 4, 13]);
    const engine = await engineFor(fx);
    const got = engine.run({ ids });
    const want = runReferenceClsOnly(fx.model, fx.table, { ids }, { precision: 'f32' });
    assert.is(got.lastHidden, undefined);
    assert.equal(got.exits, want.exits);
    assert.is(got.work.macs, want.work.macs);
    assert.ok(maxDiff(got.clsHidden!, want.clsHidden) <= fx.hiddenTol, 'clsHidden');
    assert.ok(maxDiff(got.logits!, want.logits!) <= OUT_TOL, 'logits');
  });
}

test('mid: a ragged batch gives the one-by-one results (bit for bit: per-row arithmetic does not depend on the batch)', async () => {
  const ids = batchOf(21, MID.model.arch.vocabSize, [14, 3, 9, 6]);
  const engine = await engineFor(MID);
  const batch = engine.run({ ids }, { clsOnly: false });
  ids.forEach((seq, b) => {
    const one = engine.run({ ids: [seq] }, { clsOnly: false });
    assert.equal(Array.from(one.lastHidden![0]!), Array.from(batch.lastHidden![b]!));
    assert.equal(Array.from(one.logits![0]!), Array.from(batch.logits![b]!));
  });
});

test('mid: two threads (shared memory + worker) give the single-thread results exactly', async () => {
  const ids = batchOf(31, MID.model.arch.vocabSize, [17, 6, 11]);
  const single = await engineFor(MID);
  // default: only the large products are shared out; minSplitMacs 0: every kernel call is (attention, LayerNorm)
  for (const minSplitMacs of [undefined, 0]) {
    const multi = await engineFor(MID, { threads: 2, minSplitMacs });
    try {
      assert.is(multi.info.threads, 2);
      for (const fullDepth of [true, false]) {
        const a = single.run({ ids }, { fullDepth, clsOnly: false }), b = multi.run({ ids }, { fullDepth, clsOnly: false });
        assert.equal(b.lastHidden!.map((h) => Array.from(h)), a.lastHidden!.map((h) => Array.from(h)));
      }
    } finally {
      multi.dispose();
    }
  }
});

test('a trap in a worker thread is reported by the caller instead of hanging it', async () => {
  const mods = modulesCache.get(TINY.name) ?? emitWasmModules(wasmLayout(TINY.model.arch, TINY.model.head));
  const module = await WebAssembly.compile(mods.simd.shared as BufferSource);
  const pages = 32;
  const memory = new WebAssembly.Memory({ initial: pages, maximum: pages, shared: true });
  const inst = await WebAssembly.instantiate(module, { env: { memory } });
  const kernels = kernelsOf(module, inst);
  const pool = await WorkerPool.start(2, module, memory, kernels, { node: nodeHost });
  try {
    const d = TINY.model.arch.hidden, x = pages * 65536 - 2 * d * 4; // rows 0, 1 in memory; rows 2, 3 past its end
    pool.run('ln_emb', [0, x, x, 0, 2], { arg: 3 }); // main thread's half alone: fine
    assert.throws(() => pool.run('ln_emb', [0, x, x, 0, 4], { arg: 3 }), /worker thread failed in kernel ln_emb/);
  } finally {
    pool.dispose();
  }
});

test('token head with token types: per-token logits match the reference', async () => {
  const fx = fixture('tiny-token', { ...base, layers: 3, hidden: 12, embeddingSize: 12, heads: 3, ffn: 20, vocabSize: 40 }, { kind: 'token', labels: 5 }, 8, 0.3, 2e-5);
  const ids = batchOf(41, 40, [6, 9]);
  const typeIds = ids.map((seq) => seq.map((_, p) => (p >= seq.length / 2 ? 1 : 0)));
  const engine = await engineFor(fx);
  const got = engine.run({ ids, typeIds });
  const want = runReference(fx.model, fx.table, { ids, typeIds }, { precision: 'f32' });
  assert.equal(got.exits, want.exits);
  assert.ok(maxDiff(got.lastHidden!, want.lastHidden) <= fx.hiddenTol);
  assert.ok(maxDiff(got.logits!, want.logits!) <= OUT_TOL);
});

test('module bytes are deterministic (all four variants, emitted twice)', () => {
  const layout = wasmLayout(TINY.model.arch, TINY.model.head);
  const a = emitWasmModules(layout), b = emitWasmModules(layout);
  for (const v of ['simd', 'relaxed'] as const) {
    for (const mem of ['single', 'shared'] as const) assert.ok(Buffer.from(a[v][mem]).equals(Buffer.from(b[v][mem])), `${v} ${mem}`);
  }
  assert.not.ok(Buffer.from(a.simd.single).equals(Buffer.from(a.relaxed.single)), 'relaxed differs from SIMD128');
  assert.is(emitWasmText(layout, { relaxed: false, shared: false }), emitWasmText(layout, { relaxed: false, shared: false }), 'WAT text');
  const mid = wasmLayout(MID.model.arch, MID.model.head);
  assert.ok(Buffer.from(emitWasmModule(mid, { relaxed: true, shared: true })).equals(Buffer.from(emitWasmModule(mid, { relaxed: true, shared: true }))), 'mid');
});

test('relaxed-SIMD probe bytes are the module binaryen emits for one f32x4.relaxed_madd', () => {
  const m = new binaryen.Module();
  m.setFeatures(binaryen.Features.SIMD128 | binaryen.Features.RelaxedSIMD);
  const v = binaryen.v128;
  const fn = new Fn(m, { relaxed: true }, [v, v, v]);
  const [a, b, c] = fn.params as [Local, Local, Local];
  m.addFunction('f', binaryen.createType([v, v, v]), v, [], fn.fma(a.get(), b.get(), c.get()));
  assert.ok(m.validate());
  assert.equal(Array.from(m.emitBinary()), Array.from(RELAXED_SIMD_PROBE));
  m.dispose();
});

test('architectures the kernels cannot express are rejected with a HasheeError', () => {
  const ok: ArchConfig = { ...base, layers: 1, hidden: 8, embeddingSize: 8, heads: 2, ffn: 8, vocabSize: 10 };
  checkWasmArch(ok);
  for (const bad of [{ ...ok, hidden: 6, embeddingSize: 6, heads: 2 }, { ...ok, heads: 4 }, { ...ok, ffn: 10 }]) {
    assert.throws(() => checkWasmArch(bad), (e: unknown) => e instanceof HasheeError && e.code === 'backend');
  }
});

test('threads: Node defaults to the cores; a browser page without cross-origin isolation warns once and runs on 1', () => {
  const warnings: string[] = [];
  const warn = (m: string) => warnings.push(m);
  assert.is(threadCount({ node: true, threadsUsable: true, cores: 2 }, warn), 2);
  assert.is(threadCount({ node: true, threadsUsable: true, cores: 64 }, warn), 8);
  assert.is(threadCount({ node: false, threadsUsable: false, cores: 1 }, warn), 1);
  assert.is(threadCount({ requested: 4, node: false, threadsUsable: true, cores: 1 }, warn), 4);
  assert.equal(warnings, []);
  assert.is(threadCount({ requested: 4, node: false, threadsUsable: false, cores: 1 }, warn), 1);
  assert.is(threadCount({ requested: 2, node: false, threadsUsable: false, cores: 1 }, warn), 1);
  assert.is(warnings.length, 1);
  assert.match(warnings[0]!, /crossOriginIsolated/);
});

test('the browser path imports no Node built-in statically (node: modules only behind a Node check)', () => {
  for (const file of ['runtime/wasm/engine.ts', 'runtime/wasm/pool.ts', 'runtime/wasm/worker.ts', 'runtime/wasm/features.ts', 'contract/wasm-layout.ts', 'contract/program.ts', 'contract/model.ts']) {
    const src = readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
    assert.not.match(src, /^import[^;]*from\s+'node:/m, file);
  }
});

test('out-of-vocabulary ids are rejected', async () => {
  const engine = await engineFor(TINY);
  assert.throws(() => engine.run({ ids: [[1, 64, 2]] }), /outside the vocabulary/);
});

test('relaxed-SIMD module matches the reference (in this process, or in a child with --experimental-wasm-relaxed-simd)', async () => {
  const ids = batchOf(51, MID.model.arch.vocabSize, [10, 7]);
  const want = runReference(MID.model, MID.table, { ids }, { precision: 'f32' });
  let got: { simd: string; exits: number[][]; hidden: number[][] };
  if (supportsRelaxedSimd()) {
    const engine = await engineFor(MID, { simd: 'relaxed' });
    const r = engine.run({ ids }, { clsOnly: false });
    got = { simd: engine.info.simd, exits: r.exits, hidden: r.lastHidden!.map((h) => Array.from(h)) };
  } else {
    const child = runRelaxedChild(MID, ids);
    if (child === undefined) return;
    got = child;
  }
  assert.is(got.simd, 'relaxed');
  assert.equal(got.exits, want.exits);
  assert.ok(maxDiff(got.hidden, want.lastHidden) <= MID.hiddenTol, `h^L differs by ${maxDiff(got.hidden, want.lastHidden)}`);
});

/**
 * Runs the fixture's relaxed module in `node --experimental-wasm-relaxed-simd` (module bytes and packed
 * weights handed over in a temporary directory). Says so loudly and returns undefined when that Node
 * cannot run relaxed SIMD at all.
 */
function runRelaxedChild(fx: Fixture, ids: number[][]): { simd: string; exits: number[][]; hidden: number[][] } | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'hashee-relaxed-'));
  try {
    writeFileSync(join(dir, 'model.wasm'), modulesCache.get(fx.name)!.relaxed.single);
    writeFileSync(join(dir, 'weights.bin'), packedCache.get(fx.name)!.bytes);
    const engineUrl = JSON.stringify(new URL('../runtime/wasm/engine.ts', import.meta.url).href);
    const script = `
      const { readFileSync } = await import('node:fs');
      const { WasmEngine } = await import(${engineUrl});
      const dir = ${JSON.stringify(dir)};
      const relaxed = { single: readFileSync(dir + '/model.wasm'), shared: new Uint8Array(0) };
      const engine = await WasmEngine.create({ arch: ${JSON.stringify(fx.model.arch)}, head: ${JSON.stringify(fx.model.head)},
        modules: { simd128: relaxed, relaxed }, weights: new Uint8Array(readFileSync(dir + '/weights.bin')),
        exitTable: Uint8Array.from(${JSON.stringify(Array.from(fx.table))}), threads: 1, simd: 'relaxed' });
      const r = engine.run({ ids: ${JSON.stringify(ids)} }, { clsOnly: false });
      process.stdout.write(JSON.stringify({ simd: engine.info.simd, exits: r.exits, hidden: r.lastHidden.map((h) => Array.from(h)) }));
    `;
    const child = spawnSync(process.execPath, ['--experimental-wasm-relaxed-simd', '--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (child.status !== 0 || child.stdout.trim() === '') {
      console.log(`relaxed-SIMD check SKIPPED: this Node cannot run relaxed SIMD even with --experimental-wasm-relaxed-simd (${child.stderr.trim().split('\n')[0]})`);
      return undefined;
    }
    return JSON.parse(child.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test.run();
