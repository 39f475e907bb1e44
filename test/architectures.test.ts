// The architecture features beyond BERT (pre-LN, factorised embeddings, no token types, a relu pooler,
// shared layers) through every backend: the WASM and WebGPU engines against the f32 reference executor,
// with exits and at full depth, and shared layers stored once. Tolerances as test/wasm-engine.test.ts and
// test/webgpu-dawn.test.ts: h^L within 2e-5 per layer, pooled and logits within 1e-4; exits exactly equal.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { main } from '../compiler/cli.ts';
import { emitWasmModules } from '../compiler/emit/wasm/module.ts';
import { emitWgsl } from '../compiler/emit/wgsl/index.ts';
import { packWeights } from '../compiler/passes/packWeights.ts';
import { packWebGpuWeights } from '../compiler/passes/packWebGpuWeights.ts';
import { createRng } from '../compiler/util/rng.ts';
import { randomWeights } from '../compiler/weights/random.ts';
import type { ArchConfig, HeadConfig, Model } from '../contract/model.ts';
import { encoderProgram, printProgram } from '../contract/program.ts';
import { weightLayout } from '../contract/webgpu-layout.ts';
import { runReference } from '../runtime/reference/index.ts';
import { WasmEngine } from '../runtime/wasm/engine.ts';
import { createEngine } from '../runtime/webgpu/engine.ts';
import { nodeGpu, SWIFTSHADER_ICD } from '../runtime/webgpu/node.ts';

const BASE: ArchConfig = {
  layers: 3, hidden: 16, heads: 4, ffn: 32, vocabSize: 48, maxPositions: 24, typeVocabSize: 2, embeddingSize: 16,
  activation: 'gelu', layerNormEps: 1e-12, norm: 'post', sharedLayers: false,
};

interface Variant { readonly name: string; readonly arch: ArchConfig; readonly head: HeadConfig }

const VARIANTS: readonly Variant[] = [
  { name: 'pre-LN', arch: { ...BASE, norm: 'pre', layerNormEps: 1e-5 }, head: { kind: 'classification', labels: 3 } },
  { name: 'factorised embeddings (E 8) + shared layers (ALBERT)', arch: { ...BASE, embeddingSize: 8, sharedLayers: true }, head: { kind: 'classification', labels: 2 } },
  { name: 'no token types + relu pooler (DistilBERT)', arch: { ...BASE, typeVocabSize: 0, activation: 'gelu_tanh' }, head: { kind: 'classification', labels: 2, pooler: 'relu' } },
  { name: 'pre-LN, factorised, shared, no types, token head', arch: { ...BASE, norm: 'pre', embeddingSize: 12, sharedLayers: true, typeVocabSize: 0 }, head: { kind: 'token', labels: 5 } },
  { name: 'pre-LN, regression head', arch: { ...BASE, norm: 'pre' }, head: { kind: 'regression' } },
];

function modelOf(v: Variant, seed: number): { model: Model; table: Uint8Array } {
  const model = { arch: v.arch, head: v.head, weights: randomWeights(v.arch, v.head, seed, 0.3) };
  const rng = createRng(seed + 1);
  const table = new Uint8Array(v.arch.vocabSize).map(() => 1 + Math.floor(rng.next() * v.arch.layers));
  table[1] = v.arch.layers; // [CLS]
  return { model, table };
}

const INPUTS = [[1, 5, 9, 13, 40, 2], [1, 7], [1, 33, 21, 8, 17, 30, 44, 3, 11]];

function maxAbs(a: ArrayLike<number>, b: ArrayLike<number>): number {
  assert.is(a.length, b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

type Out = { exits: number[][]; lastHidden?: readonly ArrayLike<number>[]; logits?: readonly ArrayLike<number>[] };

function compare(name: string, arch: ArchConfig, got: Out, want: ReturnType<typeof runReference>): void {
  assert.equal(got.exits, want.exits, `${name}: exits`);
  got.lastHidden?.forEach((h, s) => assert.ok(maxAbs(h, want.lastHidden[s]!) <= 2e-5 * arch.layers, `${name}: hidden of sequence ${s}: ${maxAbs(h, want.lastHidden[s]!)}`));
  want.logits?.forEach((z, s) => assert.ok(maxAbs(got.logits![s]!, z) <= 1e-4, `${name}: logits of sequence ${s}: ${maxAbs(got.logits![s]!, z)}`));
}

test('the programs of the variants verify and differ where the architectures do', () => {
  const text = VARIANTS.map((v) => printProgram(encoderProgram(v.arch, v.head)));
  assert.match(text[0]!, /attnNorm\s+norm ln1\s+h\s+-> x \[all\]/);      // pre-LN: LN1 before K/V, every row
  assert.match(text[0]!, /finalNorm\s+norm finalLn/);
  assert.match(text[1]!, /embedProject\s+linear embProj\s+embNorm\s+-> h \[all\]/);
  assert.match(text[2]!, /pooler\s+linear pooler\s+h\s+-> pooled \[cls\] relu/);
  assert.match(text[3]!, /tokenHead\s+linear classifier x\s+-> logits \[all\]/); // pre-LN: the head reads the final LN's output
});

test('WASM engine == f32 reference for every variant, with exits and at full depth', async () => {
  for (const [i, v] of VARIANTS.entries()) {
    const { model, table } = modelOf(v, 10 + i);
    const packed = packWeights(model);
    const mods = emitWasmModules(packed.layout);
    const engine = await WasmEngine.create({ arch: v.arch, head: v.head, modules: { simd128: mods.simd }, weights: packed.bytes, exitTable: table, threads: 1 });
    for (const fullDepth of [false, true]) {
      const want = runReference(model, table, { ids: INPUTS }, { precision: 'f32', fullDepth });
      compare(`${v.name} (wasm, fullDepth ${fullDepth})`, v.arch, engine.run({ ids: INPUTS }, { fullDepth, clsOnly: false }), want);
    }
    engine.dispose();
  }
});

test('shared layers are stored once: WASM blob and WebGPU blocks hold one layer', () => {
  const v = VARIANTS[1]!;
  const unshared = { ...v, arch: { ...v.arch, sharedLayers: false } };
  const a = packWeights(modelOf(v, 3).model), b = packWeights(modelOf(unshared, 3).model);
  assert.is(a.layout.layerStride, 0);
  const layerBytes = b.layout.layerStride;
  assert.is(b.bytes.byteLength - a.bytes.byteLength, (v.arch.layers - 1) * layerBytes);
  const g = packWebGpuWeights(modelOf(v, 3).model);
  assert.is(g.layers.length, 1);
  assert.is(weightLayout(v.arch, v.head).storedLayers, 1);
});

const gpu = await nodeGpu({ vulkanIcd: process.env['VK_ICD_FILENAMES'] ?? SWIFTSHADER_ICD });

test('WebGPU engine (Dawn) == f32 reference for every variant, with exits and at full depth', async () => {
  for (const [i, v] of VARIANTS.entries()) {
    const { model, table } = modelOf(v, 10 + i);
    const engine = await createEngine({ gpu, program: emitWgsl(v.arch, v.head), weights: packWebGpuWeights(model), table });
    for (const fullDepth of [false, true]) {
      const want = runReference(model, table, { ids: INPUTS }, { precision: 'f32', fullDepth });
      compare(`${v.name} (webgpu, fullDepth ${fullDepth})`, v.arch, await engine.run({ ids: INPUTS }, { fullDepth, hidden: true }), want);
    }
    engine.dispose();
  }
});

test('a pre-LN ALBERT-style spec (factorised, shared, no token types) compiles and runs through the CLI like the reference', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hashee-arch-'));
  try {
    const spec = join(dir, 'albert.yaml');
    writeFileSync(spec, [
      'name: albert-pre',
      'model: { layers: 3, hidden: 16, heads: 4, ffn: 32, vocab_size: 48, max_positions: 24, type_vocab_size: 0,',
      '         embedding_size: 8, shared_layers: true, norm: pre, layer_norm_eps: 1.0e-5 }',
      'head: { kind: classification, labels: 2, pooler: relu }',
      'weights: { random: { seed: 4, std: 0.3 } }',
      'exit: { policy: random, seed: 2, buckets: 3 }',
      'targets: [wasm]',
      '',
    ].join('\n'));
    const run = async (backend: string): Promise<{ exits: number[]; logits: number[] }> => {
      let out = '';
      const code = await main(['run', spec, '--backend', backend, '--precision', 'f32', '--ids', '1,5,9,13,40,2', '--json', '--threads', '1'], { out: (x) => { out += x; }, err: () => {} });
      assert.is(code, 0, `${backend}: exit code`);
      return JSON.parse(out) as { exits: number[]; logits: number[] };
    };
    const ref = await run('reference'), wasm = await run('wasm');
    assert.equal(wasm.exits, ref.exits);
    assert.ok(maxAbs(wasm.logits, ref.logits) <= 1e-4, `logits ${maxAbs(wasm.logits, ref.logits)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
