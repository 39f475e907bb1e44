// Per-op checks of the generated kernels on Dawn (as ggml's test-backend-ops): each module runs alone on
// seeded inputs and is compared with a float64 loop, against its own documented tolerance; rows past the
// active prefix must stay untouched.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { emitWgsl } from '../compiler/emit/wgsl/index.ts';
import { createRng } from '../compiler/util/rng.ts';
import { randomWeights } from '../compiler/weights/random.ts';
import type { ArchConfig, HeadConfig } from '../contract/model.ts';
import { gelu } from '../runtime/reference/index.ts';
import { packWebGpuWeights } from '../compiler/passes/packWebGpuWeights.ts';
import { weightLayout } from '../contract/webgpu-layout.ts';
import { nodeGpu, SWIFTSHADER_ICD } from '../runtime/webgpu/node.ts';
import { COUNT_FIELDS, SLOT_FIELDS, TILES, bindingsOf, kernelsOf, type KernelName, type Role, type TileName } from '../runtime/webgpu/program.ts';

/**
 * Tolerances, per op (u = 2^-24, the f32 unit roundoff):
 * - matrix products: |error| <= (K + 2) u (sum_k |x_k w_k| + |b|), the worst-case bound of a K-term dot
 *   product in any summation order; with GELU after it, that times 1.13 (max |gelu'|) plus the erf
 *   approximation's 0.75e-7 |z| and 2 u |y|;
 * - LayerNorm kernels: |error| <= 4 d u (1 + |x_hat|) |gain| + 2 u |y|
 * - embedding sum (three terms): |error| <= 2 u sum |terms|; products with the residual epilogue: the product
 *   bound plus u (|y| + |residual|)
 *   (mean and variance each carry about d u relative error; first order);
 * - attention: |error| <= 32 u (1 + max |score|) max |v| (score rounding, exp's few ulps, normalisation);
 * - pooler (dense + tanh): the product bound plus 2e-7 (tanh through exp).
 */
const u = 2 ** -24;

const gpu = await nodeGpu({ vulkanIcd: process.env['VK_ICD_FILENAMES'] ?? SWIFTSHADER_ICD });
const adapter = await gpu.requestAdapter();
if (!adapter) {
  throw new Error(`no WebGPU adapter: install Debian's chromium and libvulkan1 (SwiftShader driver at ${SWIFTSHADER_ICD}) or set VK_ICD_FILENAMES`);
}
const device = await adapter.requestDevice();

const arch: ArchConfig = {
  layers: 1, hidden: 24, heads: 3, ffn: 40, vocabSize: 20, maxPositions: 16, typeVocabSize: 2,
  activation: 'gelu', layerNormEps: 1e-12, norm: 'post', embeddingSize: 24, sharedLayers: false,
};
const head: HeadConfig = { kind: 'classification', labels: 2 };
const d = arch.hidden;
const model = { arch, head, weights: randomWeights(arch, head, 7, 0.3) };
const packed = packWebGpuWeights(model);
const kernels = kernelsOf(arch, head);
const layout = weightLayout(arch, head);
const program = emitWgsl(arch, head);
const lw = model.weights.layers[0]!;
const rng = createRng(99);
const random = (n: number, scale = 1): Float32Array => Float32Array.from({ length: n }, () => (rng.next() * 2 - 1) * scale);
const SENTINEL = 7.25; // output rows a kernel must not write keep this value

type Counts = Partial<Record<(typeof COUNT_FIELDS)[number], number>>;

/** Runs one module once: inputs by role, outputs (pre-filled with SENTINEL) read back by role. */
async function runOp(kernel: KernelName, tile: TileName | undefined, counts: Counts, weights: ArrayBufferView<ArrayBuffer>,
  inputs: Partial<Record<Role, Float32Array | Uint32Array>>, outputs: Partial<Record<Role, number>>, groups: [number, number, number]): Promise<Partial<Record<Role, Float32Array>>> {
  const code = program.modules.find((m) => m.kernel === kernel && m.tile === tile)!.code;
  const pipeline = await device.createComputePipelineAsync({ layout: 'auto', compute: { module: device.createShaderModule({ code }), entryPoint: 'main' } });
  const storage = GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST;
  const made: GPUBuffer[] = [];
  const upload = (data: ArrayBufferView<ArrayBuffer>, usage: number): GPUBuffer => {
    const b = device.createBuffer({ size: Math.max(16, data.byteLength), usage });
    device.queue.writeBuffer(b, 0, data);
    made.push(b);
    return b;
  };
  const slot = new Uint32Array(SLOT_FIELDS);
  COUNT_FIELDS.forEach((f, i) => { slot[i] = counts[f] ?? 0; });
  const outBuffers = new Map<Role, GPUBuffer>();
  const entries = bindingsOf(kernels.get(kernel)!).map((b): GPUBindGroupEntry => {
    if (b.name === 'counts') return { binding: b.binding, resource: { buffer: upload(slot, GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST) } };
    if (b.name === 'weights') return { binding: b.binding, resource: { buffer: upload(weights, storage) } };
    const input = inputs[b.name];
    if (input) return { binding: b.binding, resource: { buffer: upload(input as ArrayBufferView<ArrayBuffer>, storage) } };
    const buffer = upload(new Float32Array(outputs[b.name]!).fill(SENTINEL), storage);
    outBuffers.set(b.name, buffer);
    return { binding: b.binding, resource: { buffer } };
  });
  const enc = device.createCommandEncoder();
  const pass = enc.beginComputePass();
  pass.setPipeline(pipeline);
  pass.setBindGroup(0, device.createBindGroup({ layout: pipeline.getBindGroupLayout(0), entries }));
  pass.dispatchWorkgroups(...groups);
  pass.end();
  const reads = [...outBuffers].map(([role, buffer]) => {
    const read = device.createBuffer({ size: buffer.size, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
    made.push(read);
    enc.copyBufferToBuffer(buffer, 0, read, 0, buffer.size);
    return [role, read] as const;
  });
  device.queue.submit([enc.finish()]);
  const out: Partial<Record<Role, Float32Array>> = {};
  for (const [role, read] of reads) {
    await read.mapAsync(GPUMapMode.READ);
    out[role] = new Float32Array(read.getMappedRange().slice(0)).subarray(0, outputs[role]!);
  }
  made.forEach((b) => b.destroy());
  return out;
}

/** Largest ratio of |got - want| to its bound over rows [0, m), and whether rows [m, n) kept SENTINEL. */
function check(got: Float32Array, want: Float64Array, bound: Float64Array, m: number, width: number, name: string): number {
  let worst = 0;
  for (let i = 0; i < got.length; i++) {
    if (i < m * width) worst = Math.max(worst, Math.abs(got[i]! - want[i]!) / bound[i]!);
    else assert.is(got[i], SENTINEL, `${name}: element ${i} past the active rows was written`);
  }
  assert.ok(worst <= 1, `${name}: error reaches ${worst.toFixed(2)} x its bound`);
  return worst;
}

/** f64 product over rows [0, m) with the worst-case rounding bound of each element. */
function product(x: Float32Array, m: number, k: number, w: Float32Array, b: Float32Array | undefined, n: number): { y: Float64Array; bound: Float64Array } {
  const y = new Float64Array(m * n);
  const bound = new Float64Array(m * n);
  for (let r = 0; r < m; r++) {
    for (let c = 0; c < n; c++) {
      let s = b ? b[c]! : 0;
      let a = b ? Math.abs(b[c]!) : 0;
      for (let i = 0; i < k; i++) {
        s += x[r * k + i]! * w[i * n + c]!;
        a += Math.abs(x[r * k + i]! * w[i * n + c]!);
      }
      y[r * n + c] = s;
      bound[r * n + c] = (k + 2) * u * a + 1e-30;
    }
  }
  return { y, bound };
}

const ratios: Record<string, number> = {};

test('matrix products (both tiles, full and partly live tiles): x @ W + b over the active prefix only', async () => {
  const n = 140;
  const x = random(n * d);
  for (const [tile, m] of [['wide', 37], ['wide', 137], ['narrow', 13], ['narrow', 16]] as const) {
    const groups: [number, number, number] = [1, Math.ceil(m / TILES[tile].rows), 1];
    const got = await runOp('query', tile, { prefix: m, rows: n }, packed.layers[0]!, { h: x }, { q: n * d }, groups);
    const { y, bound } = product(x, m, d, lw.qW, lw.qB, d);
    ratios[`query/${tile}`] = check(got.q!, y, bound, m, d, `query/${tile}`);
  }
});

test('matrix product with the bias + GELU epilogue', async () => {
  const n = 20, m = 20, f = arch.ffn;
  const x = random(n * d, 2);
  const got = await runOp('ffnUp', 'narrow', { prefix: m, rows: n }, packed.layers[0]!, { x }, { ffn: n * f }, [1, 2, 1]);
  const { y: z, bound: zb } = product(x, m, d, lw.f1W, lw.f1B, f);
  const y = z.map(gelu);
  const bound = zb.map((b, i) => 1.13 * b + 0.75e-7 * Math.abs(z[i]!) + 2 * u * Math.abs(y[i]!) + 1e-30);
  ratios['ffnUp'] = check(got.ffn!, y, bound, m, f, 'ffnUp');
});

/** f64 LayerNorm of rows [0, m) of v [*, d] with its tolerance (see the header). */
function layerNorm(v: Float64Array, m: number, g: Float32Array, b: Float32Array): { y: Float64Array; bound: Float64Array } {
  const y = new Float64Array(m * d);
  const bound = new Float64Array(m * d);
  for (let r = 0; r < m; r++) {
    const row = v.subarray(r * d, (r + 1) * d);
    const mean = row.reduce((s, a) => s + a, 0) / d;
    const sd = Math.sqrt(row.reduce((s, a) => s + (a - mean) ** 2, 0) / d + arch.layerNormEps);
    for (let c = 0; c < d; c++) {
      const xh = (row[c]! - mean) / sd;
      y[r * d + c] = xh * g[c]! + b[c]!;
      bound[r * d + c] = 4 * d * u * (1 + Math.abs(xh)) * Math.abs(g[c]!) + 2 * u * Math.abs(y[r * d + c]!) + 1e-30;
    }
  }
  return { y, bound };
}

test('matrix product with the bias + residual epilogue (attention output) over the active prefix only', async () => {
  const n = 40, m = 23;
  const ctx = random(n * d, 2);
  const res = random(n * d, 3);
  for (const tile of ['wide', 'narrow'] as const) {
    const groups: [number, number, number] = [1, Math.ceil(m / TILES[tile].rows), 1];
    const got = await runOp('attnOut', tile, { prefix: m, rows: n }, packed.layers[0]!, { ctx, h: res }, { t: n * d }, groups);
    const { y: z, bound: zb } = product(ctx, m, d, lw.oW, lw.oB, d);
    const y = z.map((v, i) => v + res[i]!);
    const bound = zb.map((b, i) => b + u * (Math.abs(y[i]!) + Math.abs(res[i]!)) + 1e-30);
    ratios[`attnOut/${tile}`] = check(got.t!, y, bound, m, d, `attnOut/${tile}`);
  }
});

test('LayerNorm over the active prefix only', async () => {
  const n = 10, m = 7;
  const t = random(n * d, 3);
  const got = await runOp('attnNorm', undefined, { prefix: m, rows: n }, packed.layers[0]!, { t }, { x: n * d }, [m, 1, 1]);
  const { y, bound } = layerNorm(Float64Array.from(t.subarray(0, m * d)), m, lw.ln1G, lw.ln1B);
  ratios['attnNorm'] = check(got.x!, y, bound, m, d, 'attnNorm');
});

test('embedding sum (word + position + type) over every row, then its LayerNorm', async () => {
  const rows = [[3, 0, 0], [17, 1, 5], [0, 1, 15], [19, 0, 9]]; // id, type, position
  const n = rows.length;
  const info = new Uint32Array(n * 5);
  rows.forEach(([id, ty, pos], r) => info.set([id!, ty!, pos!, 0, 1], r * 5));
  const got = await runOp('embed', undefined, { rows: n }, packed.embed, { info }, { emb: n * d }, [n, 1, 1]);
  const w = model.weights;
  const terms = (i: number): number[] => {
    const [id, ty, pos] = rows[Math.floor(i / d)]!;
    const c = i % d;
    return [w.wordEmb[id! * d + c]!, w.posEmb[pos! * d + c]!, w.typeEmb[ty! * d + c]!];
  };
  const v = Float64Array.from({ length: n * d }, (_, i) => terms(i).reduce((a, b) => a + b, 0));
  const vb = Float64Array.from({ length: n * d }, (_, i) => 2 * u * terms(i).reduce((a, b) => a + Math.abs(b), 0) + 1e-30);
  ratios['embed'] = check(got.emb!, v, vb, n, d, 'embed');
  const normed = await runOp('embedNorm', undefined, { rows: n }, packed.embed, { emb: got.emb! }, { h: n * d }, [n, 1, 1]);
  const { y, bound } = layerNorm(Float64Array.from(got.emb!), n, w.embLnG, w.embLnB);
  ratios['embedNorm'] = check(normed.h!, y, bound, n, d, 'embedNorm');
});

test('attention: each active row attends to its own sequence only, softmax without overflow', async () => {
  // two sequences over 9 packed rows: rows 0..4 hold sequence 0 (keys in order 0,1,2,3,4), rows 5..8 sequence 1
  // (keys 8,5,6,7); rows 7 and 8 are past the prefix. Large scores check the max-subtracted softmax.
  const n = 9, m = 7, heads = arch.heads, dh = d / heads;
  const keyRows = [0, 1, 2, 3, 4, 8, 5, 6, 7];
  const seqOf = (r: number) => (r < 5 ? 0 : 1);
  const info = new Uint32Array(n * 5 + n);
  for (let r = 0; r < n; r++) info.set([0, 0, 0, seqOf(r) === 0 ? 0 : 5, seqOf(r) === 0 ? 5 : 4], r * 5);
  info.set(keyRows, n * 5);
  const q = random(n * d, 12);
  const kv = random(n * 2 * d, 3);
  const got = await runOp('attention', undefined, { prefix: m, rows: n, keyRowsAt: n * 5 }, new Float32Array(4), { info, q, kv }, { ctx: n * d }, [m, heads, 1]);
  const want = new Float64Array(m * d);
  const bound = new Float64Array(m * d);
  for (let r = 0; r < m; r++) {
    const keys = keyRows.slice(seqOf(r) === 0 ? 0 : 5, seqOf(r) === 0 ? 5 : 9);
    for (let hd = 0; hd < heads; hd++) {
      const s = keys.map((k) => {
        let dot = 0;
        for (let c = 0; c < dh; c++) dot += q[r * d + hd * dh + c]! * kv[k * 2 * d + hd * dh + c]!;
        return dot / Math.sqrt(dh);
      });
      const top = Math.max(...s);
      const e = s.map((x) => Math.exp(x - top));
      const total = e.reduce((a, b) => a + b, 0);
      const vmax = Math.max(...keys.flatMap((k) => Array.from(kv.subarray(k * 2 * d + d + hd * dh, k * 2 * d + d + (hd + 1) * dh), Math.abs)));
      for (let c = 0; c < dh; c++) {
        const i = r * d + hd * dh + c;
        want[i] = keys.reduce((a, k, j) => a + (e[j]! / total) * kv[k * 2 * d + d + hd * dh + c]!, 0);
        bound[i] = 32 * u * (1 + Math.max(...s.map(Math.abs))) * vmax;
      }
    }
  }
  ratios['attention'] = check(got.ctx!, want, bound, m, d, 'attention');
});

test('pooler: tanh(h[CLS] @ W + b) for each sequence, reading its [CLS] row', async () => {
  const n = 6, B = 2;
  const h = random(n * d, 2);
  const clsRows = [4, 1];
  const info = new Uint32Array(n * 5 + n + B);
  info.set(clsRows, n * 6);
  const hw = model.weights.head;
  const got = await runOp('pooler', undefined, { seqs: B, rows: n, clsAt: n * 6 }, packed.head, { info, h }, { pooled: B * d }, [1, B, 1]);
  const x = Float32Array.from(clsRows.flatMap((r) => Array.from(h.subarray(r * d, (r + 1) * d))));
  const { y: z, bound: zb } = product(x, B, d, hw.poolerW!, hw.poolerB!, d);
  const y = z.map(Math.tanh);
  const bound = zb.map((b) => b + 2e-7);
  ratios['pooler'] = check(got.pooled!, y, bound, B, d, 'pooler');
  assert.is(layout.head.slots['poolerW']!.size, d * d);
});

test.after(() => {
  console.log(`webgpu per-op error / tolerance: ${Object.entries(ratios).map(([k, r]) => `${k} ${r.toFixed(3)}`).join(', ')}`);
  device.destroy();
  assert.ok(gpu && adapter); // Dawn's GPU and adapter must outlive the device
});

test.run();
