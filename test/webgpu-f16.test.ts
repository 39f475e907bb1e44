// The WebGPU f16 precision on Dawn (SwiftShader when the machine has no GPU): every weight stored as an
// IEEE half (contract/half.ts), read as f32 by the kernels. The engine is compared with the f32 reference
// run on the f16-rounded weights (every tensor through roundHalf) at the WebGPU tolerances (2e-5 per layer
// for h^L, 2e-5 for pooled and logits), exits exactly; the shader-f16 twins compile and agree with the
// unpacking modules bit for bit where the adapter has shader-f16 (SwiftShader has not: said loudly, and
// the twins are then compiled with `enable f16` dropped and f32 elements, which checks all the rest);
// the package from a spec with `precision: { webgpu: f16 }` runs f16 with half the weight bytes.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { emitWgsl } from '../compiler/emit/wgsl/index.ts';
import { loadAll } from '../compiler/load.ts';
import { loadSpec } from '../compiler/spec/load.ts';
import { compilePackage } from '../compiler/package/assemble.ts';
import { compareTrees } from '../compiler/package/generated.ts';
import { randomWeights } from '../compiler/weights/random.ts';
import { packWebGpuWeights } from '../compiler/passes/packWebGpuWeights.ts';
import { halfBits, halfRoundedWeights, roundHalf } from '../contract/half.ts';
import { joinWeights, packedFloats, splitWeights, weightLayout } from '../contract/webgpu-layout.ts';
import type { ArchConfig, HeadConfig, Model, ModelWeights } from '../contract/model.ts';
import { runReference, type RunInput } from '../runtime/reference/index.ts';
import { createEngine, type EngineResult, type WebGpuEngine } from '../runtime/webgpu/engine.ts';
import { nodeGpu, SWIFTSHADER_ICD } from '../runtime/webgpu/node.ts';
import { compareWithReference, maxAbs, TOL } from './support/webgpu-compare.ts';

/** The WebGPU engine's documented tolerances (test/webgpu-dawn.test.ts), here against the f16-rounded weights. */

const gpu = await nodeGpu({ vulkanIcd: process.env['VK_ICD_FILENAMES'] ?? SWIFTSHADER_ICD });
const adapter = await gpu.requestAdapter();
if (!adapter) {
  throw new Error(`no WebGPU adapter: install Debian's chromium and libvulkan1 (SwiftShader driver at ${SWIFTSHADER_ICD}) or set VK_ICD_FILENAMES`);
}
const hasF16 = adapter.features.has('shader-f16');
if (!hasF16) console.warn('webgpu-f16: this adapter has no shader-f16: only the unpack2x16float modules run here; the array<f16> twins are compiled with f32 elements only, and not run');
const device = await adapter.requestDevice(hasF16 ? { requiredFeatures: ['shader-f16'] } : {});

const specFile = (name: string): string => fileURLToPath(new URL(`../specs/${name}.yaml`, import.meta.url));
const tinySpec = loadAll(loadSpec(specFile('tiny')));

/** The model with every stored tensor rounded to its nearest f16 value. */
const halfRounded = (model: Model): Model => ({ ...model, weights: halfRoundedWeights(model.weights) });

function seq(len: number, seed: number, vocab: number): number[] {
  return Array.from({ length: len }, (_, i) => 3 + ((i * 37 + seed * 11) % (vocab - 3)));
}

const worst = { hidden: 0, pooled: 0, logits: 0 };

/** Compares with the f32 reference on the rounded weights, output by output (test/support/webgpu-compare.ts). */
const compare = (rounded: Model, table: Uint8Array, input: RunInput, got: EngineResult, fullDepth: boolean): void => compareWithReference(rounded, table, input, got, fullDepth, worst);

async function f16Engine(model: Model, table: Uint8Array, shaderF16 = true): Promise<WebGpuEngine> {
  const program = emitWgsl(model.arch, model.head, { precision: 'f16' });
  return createEngine({ gpu: device, program, weights: packWebGpuWeights(model, 'f16'), table, shaderF16 });
}

test('packing: every element is the half of its f32 value, the blocks hold half the bytes', () => {
  const { model } = tinySpec;
  const f32 = packWebGpuWeights(model);
  const f16 = packWebGpuWeights(model, 'f16');
  assert.is(f16.precision, 'f16');
  const blocks = (p: typeof f32) => [p.embed, ...p.layers, p.head];
  blocks(f16).forEach((b, i) => {
    const a = blocks(f32)[i]!;
    assert.ok(b instanceof Uint16Array);
    assert.is(b.length, a.length);
    for (let j = 0; j < a.length; j++) if (b[j] !== halfBits(a[j]!)) assert.unreachable(`block ${i} element ${j}`);
    assert.is(b.byteLength * 2, a.byteLength);
  });
});

test('an f16 program refuses f32 weights, an f32 program f16 weights; splitWeights checks the element type', async () => {
  const { model, table } = tinySpec;
  const { arch: a, head } = model;
  const refused = async (program: ReturnType<typeof emitWgsl>, weights: ReturnType<typeof packWebGpuWeights>): Promise<string> =>
    createEngine({ gpu: device, program, weights, table }).then((e) => { e.dispose(); return ''; }, (e: Error) => e.message);
  assert.match(await refused(emitWgsl(a, head, { precision: 'f16' }), packWebGpuWeights(model)), 'the weights are f32, the program reads f16');
  assert.match(await refused(emitWgsl(a, head), packWebGpuWeights(model, 'f16')), 'the weights are f16, the program reads f32');
  const joined = joinWeights(packWebGpuWeights(model));
  assert.throws(() => splitWeights(weightLayout(a, head, 'f16'), joined), /f16 weights need a Uint16Array, got a Float32Array/);
});

test('the f16 program: unpacking modules plus one array<f16> twin per module that reads weights; deterministic', () => {
  const { arch, head } = tinySpec.model;
  const f32 = emitWgsl(arch, head);
  const f16 = emitWgsl(arch, head, { precision: 'f16' });
  const plain = f16.modules.filter((m) => !m.feature);
  const twins = f16.modules.filter((m) => m.feature === 'shader-f16');
  assert.equal(plain.map((m) => [m.kernel, m.tile]), f32.modules.map((m) => [m.kernel, m.tile]));
  assert.equal(twins.map((m) => [m.kernel, m.tile]), plain.filter((m) => m.kernel !== 'attention').map((m) => [m.kernel, m.tile]));
  for (const m of plain) {
    if (m.kernel === 'attention') assert.is(m.code, f32.modules.find((x) => x.kernel === 'attention')!.code);
    else assert.match(m.code, 'weights: array<u32>;');
  }
  for (const m of twins) {
    assert.match(m.code, /^\/\/ kernel \S+\n\nenable f16;\n/);
    assert.match(m.code, 'weights: array<f16>;');
  }
  assert.equal(emitWgsl(arch, head, { precision: 'f16' }).modules, f16.modules);
});

/** WGSL compilation errors of a module on the test device. */
async function compileErrors(code: string): Promise<string[]> {
  const info = await device.createShaderModule({ code }).getCompilationInfo();
  return info.messages.filter((x) => x.type === 'error').map((x) => `${x.lineNum}:${x.linePos} ${x.message}`);
}

test('every f16 module compiles, every head, tiny to BERT-base shapes (twins without shader-f16: all but the element type)', async () => {
  const bertBase: ArchConfig = { ...tinySpec.model.arch, layers: 12, hidden: 768, heads: 12, ffn: 3072, vocabSize: 30522, maxPositions: 512, embeddingSize: 768 };
  const heads: HeadConfig[] = [{ kind: 'none' }, { kind: 'classification', labels: 3 }, { kind: 'regression' }, { kind: 'token', labels: 5 }];
  for (const head of heads) {
    for (const a of [tinySpec.model.arch, { ...arch, activation: 'gelu_tanh' as const }, bertBase]) {
      for (const m of emitWgsl(a, head, { precision: 'f16' }).modules) {
        // without the feature, `enable f16` is refused: check the rest of the twin with f32 elements
        const code = m.feature && !hasF16 ? m.code.replace('enable f16;\n\n', '').replace('array<f16>', 'array<f32>') : m.code;
        assert.equal(await compileErrors(code), [], `${a.hidden}/${head.kind}/${m.kernel}/${m.tile ?? ''}${m.feature ? ' (shader-f16)' : ''}`);
      }
    }
  }
});

test('tiny spec at f16: single and ragged batches, sentence pairs, full depth, hidden states, against the reference on rounded weights', async () => {
  const { model, table } = tinySpec;
  const rounded = halfRounded(model);
  const engine = await f16Engine(model, table);
  assert.is(engine.precision, 'f16');
  assert.is(engine.shaderF16, hasF16);
  const inputs: RunInput[] = [
    { ids: [[1, 7, 8, 9, 2]] },
    { ids: [[1, 5, 6, 7, 8, 9, 10, 2], [1, 3, 2], [1, 40, 41, 42, 43, 2]] },
    { ids: [[1, 5, 6, 2, 7, 8, 2], [1, 9, 2, 3, 2]], typeIds: [[0, 0, 0, 0, 1, 1, 1], [0, 0, 0, 1, 1]] },
  ];
  for (const input of inputs) {
    for (const fullDepth of [false, true]) {
      for (const hidden of [false, true]) compare(rounded, table, input, await engine.run(input, { fullDepth, hidden }), fullDepth);
    }
  }
  engine.dispose();
});

// d 64 with partial column tiles (ffn 72), a factorised embedding (proj), pre-LN (final LayerNorm) and a
// token head: every kernel that reads weights, with rows in several narrow tiles
const arch: ArchConfig = {
  layers: 3, hidden: 64, heads: 4, ffn: 72, vocabSize: 300, maxPositions: 64, typeVocabSize: 2,
  activation: 'gelu', layerNormEps: 1e-12, norm: 'pre', embeddingSize: 32, sharedLayers: false,
};
const tokenHead: HeadConfig = { kind: 'token', labels: 5 };
const clsHead: HeadConfig = { kind: 'classification', labels: 3 };
const tableOf = (a: ArchConfig): Uint8Array => Uint8Array.from({ length: a.vocabSize }, (_, id) => 1 + ((id * 7) % a.layers));

for (const [name, head] of [['token head, pre-LN, factorised embedding', tokenHead], ['classification, post-LN', clsHead]] as const) {
  test(`d 64 ${name}: against the reference on rounded weights; the f32 engine differs (f16 is really stored)`, async () => {
    const a: ArchConfig = head.kind === 'token' ? arch : { ...arch, norm: 'post', embeddingSize: 64 };
    const model: Model = { arch: a, head, weights: randomWeights(a, head, 21, 0.1) };
    const table = tableOf(a);
    const ids = [seq(20, 1, a.vocabSize), seq(7, 2, a.vocabSize), seq(33, 3, a.vocabSize)];
    const engine = await f16Engine(model, table);
    const full = await createEngine({ gpu: device, program: emitWgsl(a, head), weights: packWebGpuWeights(model), table });
    for (const fullDepth of [false, true]) {
      const got = await engine.run({ ids }, { fullDepth, hidden: true });
      compare(halfRounded(model), table, { ids }, got, fullDepth);
      const f32 = await full.run({ ids }, { fullDepth, hidden: true });
      const diff = Math.max(...ids.map((_, s) => maxAbs(got.logits![s]!, f32.logits![s]!)));
      console.log(`webgpu f16 vs f32 (${a.hidden}, ${head.kind}${fullDepth ? ', full depth' : ''}): logits max abs diff ${diff.toExponential(2)}`);
      assert.ok(diff > TOL.logits, `f16 logits differ from f32 by only ${diff}: are the weights really rounded?`);
    }
    engine.dispose();
    full.dispose();
  });
}

test('shader-f16 modules give the unpacking modules\' results bit for bit (where the adapter has shader-f16)', async () => {
  if (!hasF16) {
    console.warn('webgpu-f16: SKIPPED shader-f16 vs unpack2x16float: the adapter has no shader-f16');
    return;
  }
  const model: Model = { arch, head: tokenHead, weights: randomWeights(arch, tokenHead, 22, 0.1) };
  const table = tableOf(arch);
  const ids = [seq(20, 1, arch.vocabSize), seq(9, 2, arch.vocabSize)];
  const f16 = await f16Engine(model, table, true);
  const unpack = await f16Engine(model, table, false);
  assert.ok(f16.shaderF16 && !unpack.shaderF16);
  const a = await f16.run({ ids }, { hidden: true }), b = await unpack.run({ ids }, { hidden: true });
  ids.forEach((_, s) => assert.is(Buffer.compare(Buffer.from(a.lastHidden![s]!.buffer), Buffer.from(b.lastHidden![s]!.buffer)), 0, `sequence ${s}`));
  f16.dispose();
  unpack.dispose();
});

test('a spec with precision { webgpu: f16 } compiles to a package that runs f16 with half the weight bytes', async () => {
  const work = mkdtempSync(join(tmpdir(), 'hashee-f16-'));
  try {
    const spec = (precision: string) => {
      const file = join(work, `${precision}.yaml`);
      writeFileSync(file, readFileSync(specFile('tiny'), 'utf8').replace(/^name: tiny$/m, `name: tiny-${precision}`) + `precision: { webgpu: ${precision} }\n`);
      return loadAll(loadSpec(file));
    };
    const f16 = spec('f16'), f32 = spec('f32');
    await compilePackage(f16, join(work, 'p16'), { targets: ['webgpu'], toolVersion: '0.0.0-test' });
    await compilePackage(f16, join(work, 'p16b'), { targets: ['webgpu'], toolVersion: '0.0.0-test' });
    await compilePackage(f32, join(work, 'p32'), { targets: ['webgpu'], toolVersion: '0.0.0-test' });
    assert.equal(compareTrees(join(work, 'p16'), join(work, 'p16b')), [], 'byte-identical recompilation');
    const size = (dir: string) => statSync(join(work, dir, 'webgpu/weights.bin')).size;
    const layout = weightLayout(f16.model.arch, f16.model.head, 'f16');
    assert.is(size('p16'), 2 * packedFloats(layout));
    assert.is(size('p16') * 2, size('p32'));
    console.log(`webgpu weights.bin (tiny): f32 ${size('p32')} bytes, f16 ${size('p16')} bytes`);
    const manifest = JSON.parse(readFileSync(join(work, 'p16', 'webgpu/weights.json'), 'utf8')) as { dtype: string; bytes: number };
    assert.is(manifest.dtype, 'f16');
    assert.is(manifest.bytes, size('p16'));
    const pkg = await import(pathToFileURL(join(work, 'p16', 'index.js')).href) as { load(o: object): Promise<{ info: string; run(ids: number[][]): Promise<{ exits: number[][]; logits: Float32Array[] }>; dispose(): void }> };
    const model = await pkg.load({ backend: 'webgpu', gpu: device });
    try {
      assert.match(model.info, hasF16 ? 'webgpu f16 (shader-f16)' : 'webgpu f16 (unpack2x16float)');
      const ids = [[1, 40, 7, 33, 12, 2], [1, 3], [1, 60, 61, 62, 63, 20, 21, 2, 9]];
      const got = await model.run(ids);
      const want = runReference(halfRounded(f16.model), f16.table, { ids }, { precision: 'f32' });
      assert.equal(got.exits, want.exits);
      ids.forEach((_, s) => assert.ok(maxAbs(got.logits[s]!, want.logits![s]!) <= TOL.logits, `logits of sequence ${s}`));
    } finally {
      model.dispose();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test.after(() => {
  console.log(`webgpu f16 vs reference f32 on rounded weights, max abs error: hidden ${worst.hidden.toExponential(2)}, pooled ${worst.pooled.toExponential(2)}, logits ${worst.logits.toExponential(2)}`);
  device.destroy();
  assert.ok(gpu && adapter);
});

test.run();
