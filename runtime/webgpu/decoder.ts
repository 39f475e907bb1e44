// The WebGPU decoder of an encoder-decoder: runs the modules of compiler/emit/wgsl/decoder.ts one step at a
// time over rows of (KV-cache slot, position, fed id), the rows sorted by exit layer so that each layer's
// active rows are a prefix; a row past its exit layer only writes its K/V (docs/hashee.md 4.2). One command
// buffer and one logits readback per step. Browser-safe (the device comes from the caller).

import type { ExitTable } from '../../contract/model.ts';
import type { Seq2SeqArch } from '../../contract/seq2seq.ts';
import { META, metaRows, webgpuDecoderLayout } from '../../contract/webgpu-decoder-layout.ts';
import { stepPlan, stepRowMacs } from '../decoding.ts';
import type { AsyncSearchDecoder, StepOut, StepRow } from '../search.ts';
import { WebGpuError } from './errors.ts';

/** GPUBufferUsage / GPUMapMode values from the WebGPU spec (no globals needed). */
const USAGE = { MAP_READ: 0x0001, COPY_SRC: 0x0004, COPY_DST: 0x0008, STORAGE: 0x0080 } as const;
const MAP_READ = 0x0001;
/** Threads per workgroup (compiler/emit/wgsl/decoder.ts DECODER_THREADS). */
const THREADS = 64;

export interface WebGpuDecoderOptions {
  readonly device: GPUDevice;
  readonly arch: Seq2SeqArch;
  /** emitDecoderWgsl(arch): module name -> WGSL. */
  readonly modules: readonly { readonly name: string; readonly code: string }[];
  /** packWebGpuDecoder(model): the f32 weight buffer of contract/webgpu-decoder-layout.ts. */
  readonly weights: Float32Array<ArrayBuffer>;
  readonly exitTable: ExitTable;
}

interface Regions {
  readonly n: number;
  readonly slots: number;
  readonly capacity: number;
  readonly act: GPUBuffer;
  readonly meta: GPUBuffer;
  readonly readback: GPUBuffer;
  readonly staging: GPUBuffer;    // one layer's cache rows of a slot: a copy within one buffer goes through it
  readonly bind: GPUBindGroup;
  readonly words: Uint32Array<ArrayBuffer>; // the meta buffer's host copy
  readonly log: number;           // float offset of LOG
  readonly kc: number; readonly vc: number;
}

export class WebGpuDecoder {
  private r: Regions | undefined;

  private constructor(
    private readonly device: GPUDevice,
    private readonly arch: Seq2SeqArch,
    private readonly pipelines: ReadonlyMap<string, GPUComputePipeline>,
    private readonly layout: GPUBindGroupLayout,
    private readonly weights: GPUBuffer,
    private readonly table: ExitTable,
  ) {}

  static async create(opts: WebGpuDecoderOptions): Promise<WebGpuDecoder> {
    const { device, arch } = opts;
    const want = webgpuDecoderLayout(arch).floats;
    if (opts.weights.length !== want) throw new WebGpuError('weights', `decoder weights have ${opts.weights.length} floats, the layout needs ${want}`);
    if (opts.weights.byteLength > device.limits.maxStorageBufferBindingSize) {
      throw new WebGpuError('weights', `the decoder's ${opts.weights.byteLength} weight bytes exceed this device's storage binding limit (${device.limits.maxStorageBufferBindingSize})`);
    }
    const layout = device.createBindGroupLayout({
      entries: [0, 1, 2].map((binding) => ({ binding, visibility: 0x4, buffer: { type: binding === 1 ? 'storage' as const : 'read-only-storage' as const } })),
    });
    const pipelineLayout = device.createPipelineLayout({ bindGroupLayouts: [layout] });
    const pipelines = new Map<string, GPUComputePipeline>();
    for (const m of opts.modules) {
      const module = device.createShaderModule({ code: m.code, label: m.name });
      pipelines.set(m.name, await device.createComputePipelineAsync({ layout: pipelineLayout, compute: { module, entryPoint: 'main' }, label: m.name }));
    }
    const weights = device.createBuffer({ size: opts.weights.byteLength, usage: USAGE.STORAGE | USAGE.COPY_DST, label: 'decoder weights' });
    device.queue.writeBuffer(weights, 0, opts.weights);
    return new WebGpuDecoder(device, arch, pipelines, layout, weights, opts.exitTable);
  }

  /** Prepares one input: cross K/V of every layer from the final encoder states [n, d]; `slots` caches of `capacity` positions. */
  begin(encoderStates: Float32Array<ArrayBuffer>, n: number, slots: number, capacity: number): void {
    const a = this.arch, d = a.hidden, L = a.decoderLayers;
    if (encoderStates.length !== n * d) throw new WebGpuError('input', `encoder states have ${encoderStates.length} values, expected ${n} x ${d}`);
    if (n > a.maxPositions || capacity > a.maxPositions) throw new WebGpuError('input', `${Math.max(n, capacity)} positions exceed the model's ${a.maxPositions}`);
    this.release();
    let at = 0;
    const take = (floats: number): number => { const p = at; at += floats; return p; };
    const S = slots;
    const off = {
      X: take(S * d), A: take(S * d), Q: take(S * d), K: take(S * d), V: take(S * d), CTX: take(S * d), HID: take(S * a.ffn), LOG: take(S * a.vocabSize),
      KC: take(S * L * capacity * d), VC: take(S * L * capacity * d), CK: take(L * n * d), CV: take(L * n * d), ENC: take(n * d),
    };
    const words = new Uint32Array(metaRows(L) + 3 * S);
    for (const [k, v] of Object.entries(off)) words[META[k as keyof typeof off]] = v;
    words[META.n] = n;
    words[META.cap] = capacity;
    const act = this.device.createBuffer({ size: 4 * at, usage: USAGE.STORAGE | USAGE.COPY_DST | USAGE.COPY_SRC, label: 'decoder activations' });
    const meta = this.device.createBuffer({ size: 4 * words.length, usage: USAGE.STORAGE | USAGE.COPY_DST, label: 'decoder meta' });
    const readback = this.device.createBuffer({ size: 4 * S * a.vocabSize, usage: USAGE.MAP_READ | USAGE.COPY_DST, label: 'decoder logits' });
    const staging = this.device.createBuffer({ size: 4 * capacity * d, usage: USAGE.COPY_SRC | USAGE.COPY_DST, label: 'decoder cache copy' });
    const bind = this.device.createBindGroup({ layout: this.layout, entries: [this.weights, act, meta].map((buffer, binding) => ({ binding, resource: { buffer } })) });
    this.r = { n, slots, capacity, act, meta, readback, staging, bind, words, log: off.LOG, kc: off.KC, vc: off.VC };
    this.device.queue.writeBuffer(act, 4 * off.ENC, encoderStates);
    this.device.queue.writeBuffer(meta, 0, words);
    const enc = this.device.createCommandEncoder();
    const pass = enc.beginComputePass();
    for (let l = 0; l < L; l++) {
      this.dispatch(pass, `cross_k.${l}`, n * d);
      this.dispatch(pass, `cross_v.${l}`, n * d);
    }
    pass.end();
    this.device.queue.submit([enc.finish()]);
  }

  /** One step of the given rows (distinct slots): logits [V] per row, in the rows' order. */
  async step(rows: readonly StepRow[], fullDepth = false): Promise<StepOut> {
    const r = this.r;
    if (!r) throw new WebGpuError('input', 'begin() an input before stepping the decoder');
    const a = this.arch, d = a.hidden, f = a.ffn, L = a.decoderLayers, V = a.vocabSize, pre = a.norm === 'pre';
    const R = rows.length;
    if (R > r.slots) throw new WebGpuError('input', `${R} rows exceed the ${r.slots} slots begin() prepared`);
    for (const row of rows) {
      if (row.slot < 0 || row.slot >= r.slots || row.pos < 0 || row.pos >= r.capacity) throw new WebGpuError('input', `row slot ${row.slot} / position ${row.pos} outside the ${r.slots} slots of ${r.capacity} positions`);
      if (!Number.isInteger(row.id) || row.id < 0 || row.id >= V) throw new WebGpuError('input', `token id ${row.id} is outside the vocabulary 0..${V - 1}`);
    }
    const { exits, order, active } = stepPlan(rows, this.table, L, fullDepth);
    const w = r.words;
    w[META.R] = R;
    active.forEach((m, l) => { w[META.active + l] = m; });
    const base = metaRows(L);
    order.forEach((src, i) => { w[base + 3 * i] = rows[src]!.slot; w[base + 3 * i + 1] = rows[src]!.pos; w[base + 3 * i + 2] = rows[src]!.id; });
    this.device.queue.writeBuffer(r.meta, 0, w);
    const enc = this.device.createCommandEncoder();
    const pass = enc.beginComputePass();
    this.dispatch(pass, 'embed', R * d);
    this.dispatchRows(pass, 'ln_emb', R);
    for (let l = 0; l < L; l++) {
      const m = active[l]!;
      if (pre) this.dispatchRows(pass, `ln_self.${l}`, R);
      this.dispatch(pass, `lin_sk.${l}`, R * d);
      this.dispatch(pass, `lin_sv.${l}`, R * d);
      if (m === 0) continue;
      this.dispatch(pass, `lin_sq.${l}`, m * d);
      this.dispatchHeads(pass, `attend_self.${l}`, m);
      this.dispatch(pass, `lin_so.${l}`, m * d);
      if (!pre) this.dispatchRows(pass, `ln_self.${l}`, m);
      if (pre) this.dispatchRows(pass, `ln_cross.${l}`, m);
      this.dispatch(pass, `lin_cq.${l}`, m * d);
      this.dispatchHeads(pass, `attend_cross.${l}`, m);
      this.dispatch(pass, `lin_co.${l}`, m * d);
      if (!pre) this.dispatchRows(pass, `ln_cross.${l}`, m);
      if (pre) this.dispatchRows(pass, `ln_ffn.${l}`, m);
      this.dispatch(pass, `lin_f1.${l}`, m * f);
      this.dispatch(pass, `lin_f2.${l}`, m * d);
      if (!pre) this.dispatchRows(pass, `ln_ffn.${l}`, m);
    }
    if (pre) this.dispatchRows(pass, 'ln_final', R);
    this.dispatch(pass, 'lm', R * V);
    pass.end();
    enc.copyBufferToBuffer(r.act, 4 * r.log, r.readback, 0, 4 * R * V);
    this.device.queue.submit([enc.finish()]);
    await r.readback.mapAsync(MAP_READ, 0, 4 * R * V);
    const all = new Float32Array(r.readback.getMappedRange(0, 4 * R * V).slice(0));
    r.readback.unmap();
    const logits: Float32Array[] = new Array(R);
    order.forEach((src, i) => { logits[src] = all.slice(i * V, (i + 1) * V); });
    const macs = rows.reduce((sum, row, i) => sum + stepRowMacs(a, row.pos, r.n, exits[i]!), 0);
    const fullDepthMacs = rows.reduce((sum, row) => sum + stepRowMacs(a, row.pos, r.n, L), 0);
    return { logits, exits, macs, fullDepthMacs };
  }

  /** Copies slot `from`'s KV cache (positions 0..upTo-1 of every layer) to slot `to`, in queue order. */
  copySlot(from: number, to: number, upTo: number): void {
    const r = this.r!, d = this.arch.hidden, L = this.arch.decoderLayers;
    const enc = this.device.createCommandEncoder();
    for (let l = 0; l < L; l++) {
      for (const base of [r.kc, r.vc]) {
        const at = (s: number): number => 4 * (base + (s * L + l) * r.capacity * d);
        enc.copyBufferToBuffer(r.act, at(from), r.staging, 0, 4 * upTo * d);
        enc.copyBufferToBuffer(r.staging, 0, r.act, at(to), 4 * upTo * d);
      }
    }
    this.device.queue.submit([enc.finish()]);
  }

  searchDecoder(fullDepth: boolean): AsyncSearchDecoder {
    return { step: (rows) => this.step(rows, fullDepth), copySlot: (from, to, upTo) => this.copySlot(from, to, upTo) };
  }

  dispose(): void {
    this.release();
    this.weights.destroy();
  }

  /** Frees the per-input buffers. */
  private release(): void {
    for (const b of this.r ? [this.r.act, this.r.meta, this.r.readback, this.r.staging] : []) b.destroy();
    this.r = undefined;
  }

  /** One invocation per element: ceil(count / THREADS) workgroups. */
  private dispatch(pass: GPUComputePassEncoder, name: string, count: number): void {
    this.use(pass, name).dispatchWorkgroups(Math.ceil(count / THREADS));
  }

  /** One workgroup per row. */
  private dispatchRows(pass: GPUComputePassEncoder, name: string, rows: number): void {
    this.use(pass, name).dispatchWorkgroups(rows);
  }

  /** One workgroup per (row, head). */
  private dispatchHeads(pass: GPUComputePassEncoder, name: string, rows: number): void {
    this.use(pass, name).dispatchWorkgroups(rows, this.arch.heads);
  }

  private use(pass: GPUComputePassEncoder, name: string): GPUComputePassEncoder {
    const p = this.pipelines.get(name);
    if (!p) throw new Error(`internal: no decoder pipeline ${name}`);
    pass.setPipeline(p);
    pass.setBindGroup(0, this.r!.bind);
    return pass;
  }
}
