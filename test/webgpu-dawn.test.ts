// WebGPU on a real implementation (Dawn; SwiftShader when the machine has no GPU): every generated module
// compiles, activations are accurate, and models agree with the f32 reference executor, exits exactly.
import { fileURLToPath } from 'node:url';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { emitWgsl } from '../compiler/emit/wgsl/index.ts';
import { activationProbe } from '../compiler/emit/wgsl/kernels.ts';
import { loadAll } from '../compiler/load.ts';
import { loadSpec } from '../compiler/spec/load.ts';
import { randomWeights } from '../compiler/weights/random.ts';
import type { Activation, ArchConfig, HeadConfig, Model } from '../contract/model.ts';
import { gelu, geluTanh, type RunInput } from '../runtime/reference/index.ts';
import { createEngine, type EngineResult } from '../runtime/webgpu/engine.ts';
import { packWebGpuWeights } from '../compiler/passes/packWebGpuWeights.ts';
import { nodeGpu, SWIFTSHADER_ICD } from '../runtime/webgpu/node.ts';
import { compareWithReference, maxAbs, TOL } from './support/webgpu-compare.ts';

/**
 * Tolerances (max absolute error against runReference(..., { precision: 'f32' })), per output:
 * - hidden states (post-LayerNorm, values O(1)): 2e-5 per layer run;
 * - pooled (tanh, |x| < 1) and logits: 2e-5.
 * Measured on SwiftShader (Dawn 0.6.2): hidden 1.9e-6, pooled 4.0e-7, logits 1.6e-6 at most over these models.
 * Differences come from summation order in the tiled products and reductions, and from WGSL's exp and
 * the erf approximation. Exit layers are decided on the CPU from the table and must match exactly.
 */

const gpu = await nodeGpu({ vulkanIcd: process.env['VK_ICD_FILENAMES'] ?? SWIFTSHADER_ICD });
const adapter = await gpu.requestAdapter();
if (!adapter) {
  throw new Error(`no WebGPU adapter: install Debian's chromium and libvulkan1 (SwiftShader driver at ${SWIFTSHADER_ICD}) or set VK_ICD_FILENAMES`);
}
const device = await adapter.requestDevice();

/** The project's tiny and mid-size specs: seeded random weights, seeded random exit policy. */
const specFile = (name: string): string => fileURLToPath(new URL(`../specs/${name}.yaml`, import.meta.url));
const tinySpec = loadAll(loadSpec(specFile('tiny')));
const midSpec = loadAll(loadSpec(specFile('mid')));
const tiny = tinySpec.model.arch;
const mid = midSpec.model.arch;

/** Deterministic ids in [3, vocab): a sequence of `len` tokens. */
function seq(len: number, seed: number, vocab: number): number[] {
  return Array.from({ length: len }, (_, i) => 3 + ((i * 37 + seed * 11) % (vocab - 3)));
}

const worst = { hidden: 0, pooled: 0, logits: 0 };

/** Compares with the f32 reference, output by output (test/support/webgpu-compare.ts). */
const compare = (model: Model, table: Uint8Array, input: RunInput, got: EngineResult, fullDepth: boolean): void => compareWithReference(model, table, input, got, fullDepth, worst);

const bertBase: ArchConfig = {
  layers: 12, hidden: 768, heads: 12, ffn: 3072, vocabSize: 30522, maxPositions: 512, typeVocabSize: 2,
  activation: 'gelu', layerNormEps: 1e-12, norm: 'post', embeddingSize: 768, sharedLayers: false,
};

test('every generated module compiles without errors: every head and activation, tiny to BERT-base shapes', async () => {
  const heads: HeadConfig[] = [{ kind: 'none' }, { kind: 'classification', labels: 3 }, { kind: 'regression' }, { kind: 'token', labels: 5 }];
  const acts: Activation[] = ['gelu', 'gelu_tanh', 'relu'];
  for (const head of heads) {
    for (const [arch, activation] of [...acts.map((a) => [tiny, a] as const), [mid, 'gelu'] as const, [bertBase, 'gelu'] as const]) {
      for (const m of emitWgsl({ ...arch, activation }, head).modules) {
        const info = await device.createShaderModule({ code: m.code }).getCompilationInfo();
        const errors = info.messages.filter((x) => x.type === 'error').map((x) => `${x.lineNum}:${x.linePos} ${x.message}`);
        assert.equal(errors, [], `${arch.hidden}/${head.kind}/${activation}/${m.kernel}`);
      }
    }
  }
});

test('activations on the GPU match the f64 definitions (GELU through the erf approximation)', async () => {
  const xs = Float32Array.from({ length: 4001 }, (_, i) => -10 + i * 0.005);
  const exact: Record<Activation, (x: number) => number> = { gelu, gelu_tanh: geluTanh, relu: (x) => Math.max(x, 0) };
  // absolute error bound: approximation (A&S 7.1.26: 0.75e-7 |x| for GELU) plus a few f32 ulps of the value
  const bound: Record<Activation, (x: number) => number> = {
    gelu: (x) => 0.75e-7 * Math.abs(x) + 4 * 1.2e-7 * Math.max(1, Math.abs(x)),
    gelu_tanh: (x) => 4 * 1.2e-7 * Math.max(1, Math.abs(x)),
    relu: () => 0,
  };
  for (const act of ['gelu', 'gelu_tanh', 'relu'] as const) {
    const y = await runProbe(activationProbe(act, xs.length), xs);
    let worstRatio = 0;
    xs.forEach((x, i) => { worstRatio = Math.max(worstRatio, Math.abs(y[i]! - exact[act](x)) / Math.max(bound[act](x), 1e-30)); });
    assert.ok(worstRatio <= 1, `${act}: error reaches ${worstRatio.toFixed(2)} x the bound`);
  }
});

test('tiny spec (classification): single and ragged batches, sentence pairs, exits and full depth, with and without hidden states', async () => {
  const { model, table } = tinySpec;
  const engine = await createEngine({ gpu: device, program: emitWgsl(model.arch, model.head), weights: packWebGpuWeights(model), table });
  const inputs: RunInput[] = [
    { ids: [[1, 7, 8, 9, 2]] },
    { ids: [[1, 5, 6, 7, 8, 9, 10, 2], [1, 3, 2], [1, 40, 41, 42, 43, 2]] },
    { ids: [[1, 5, 6, 2, 7, 8, 2], [1, 9, 2, 3, 2]], typeIds: [[0, 0, 0, 0, 1, 1, 1], [0, 0, 0, 1, 1]] }, // sentence pairs
  ];
  for (const input of inputs) {
    for (const fullDepth of [false, true]) {
      for (const hidden of [false, true]) compare(model, table, input, await engine.run(input, { fullDepth, hidden }), fullDepth);
    }
  }
  engine.dispose();
});

test('mid spec (4 layers, d 256, whole tiles): single and ragged batches, exits and full depth', async () => {
  const { model, table } = midSpec;
  const engine = await createEngine({ gpu: device, program: emitWgsl(model.arch, model.head), weights: packWebGpuWeights(model), table });
  const single = [seq(12, 1, mid.vocabSize)]; // SwiftShader runs d 256 at about 0.05 GFLOP/s: keep batches short
  const ragged = [single[0]!, seq(9, 2, mid.vocabSize)];
  const alone = await engine.run({ ids: single }, { hidden: true });
  compare(model, table, { ids: single }, alone, false);
  for (const fullDepth of [false, true]) {
    const got = await engine.run({ ids: ragged }, { fullDepth, hidden: !fullDepth });
    compare(model, table, { ids: ragged }, got, fullDepth);
    // a sequence gives the same result alone and inside a batch (attention stays within its sequence)
    if (!fullDepth) assert.ok(maxAbs(alone.lastHidden![0]!, got.lastHidden![0]!) <= 1e-6);
  }
  engine.dispose();
});

// Last: it destroys the shared device to check how a lost device is reported.
test('token head with gelu_tanh, head size 4, partial column tiles and three row tiles; then a lost device', async () => {
  const arch: ArchConfig = { ...tiny, layers: 3, hidden: 16, embeddingSize: 16, heads: 4, ffn: 40, activation: 'gelu_tanh' };
  const head: HeadConfig = { kind: 'token', labels: 3 };
  const model: Model = { arch, head, weights: randomWeights(arch, head, 12, 0.4) };
  const table = Uint8Array.from({ length: arch.vocabSize }, (_, id) => 1 + (id % arch.layers));
  const engine = await createEngine({ gpu: device, program: emitWgsl(arch, head), weights: packWebGpuWeights(model), table });
  const ids = [seq(32, 1, arch.vocabSize), seq(25, 2, arch.vocabSize), seq(32, 3, arch.vocabSize), seq(31, 4, arch.vocabSize), seq(9, 5, arch.vocabSize)]; // 129 rows
  for (const fullDepth of [false, true]) compare(model, table, { ids }, await engine.run({ ids }, { fullDepth, hidden: true }), fullDepth);
  device.destroy();
  await new Promise((r) => setTimeout(r, 10));
  let message = '';
  await engine.run({ ids }).catch((e: Error) => { message = e.message; });
  assert.match(message, /WebGPU device was lost \(destroyed/);
  engine.dispose();
  console.log(`webgpu vs reference f32, max abs error: hidden ${worst.hidden.toExponential(2)}, pooled ${worst.pooled.toExponential(2)}, logits ${worst.logits.toExponential(2)}`);
});

/** Runs a probe module (binding 0 input, binding 1 output) over xs and reads the output back. */
async function runProbe(code: string, xs: Float32Array<ArrayBuffer>): Promise<Float32Array> {
  const usage = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST;
  const x = device.createBuffer({ size: xs.byteLength, usage });
  const y = device.createBuffer({ size: xs.byteLength, usage });
  const read = device.createBuffer({ size: xs.byteLength, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
  device.queue.writeBuffer(x, 0, xs);
  const pipeline = await device.createComputePipelineAsync({ layout: 'auto', compute: { module: device.createShaderModule({ code }), entryPoint: 'main' } });
  const enc = device.createCommandEncoder();
  const pass = enc.beginComputePass();
  pass.setPipeline(pipeline);
  pass.setBindGroup(0, device.createBindGroup({ layout: pipeline.getBindGroupLayout(0), entries: [{ binding: 0, resource: { buffer: x } }, { binding: 1, resource: { buffer: y } }] }));
  pass.dispatchWorkgroups(Math.ceil(xs.length / 64));
  pass.end();
  enc.copyBufferToBuffer(y, 0, read, 0, xs.byteLength);
  device.queue.submit([enc.finish()]);
  await read.mapAsync(GPUMapMode.READ);
  const out = new Float32Array(read.getMappedRange().slice(0));
  [x, y, read].forEach((b) => b.destroy());
  return out;
}

// Dawn's GPU and adapter objects must outlive the device (a collected GPU object crashes Dawn's threads)
test.after(() => {
  device.destroy();
  assert.ok(gpu && adapter);
});

test.run();
