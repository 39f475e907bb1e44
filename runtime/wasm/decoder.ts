// The WASM decoder of an encoder-decoder: runs the decoder module (compiler/emit/wasm/decoder.ts) one step
// at a time over rows of (KV-cache slot, position, fed id), the rows sorted by exit layer so that each
// layer's active rows are a prefix; a row past its exit layer only writes its K/V (docs/hashee.md 4.2).
// Products and the LM head can be shared out over a worker pool (threads). Memory after the weights: per-slot KV caches (keys transposed, [d][ldk] per layer, so
// scores are contiguous along positions), cross-attention K/V of the current input, row scratch.

import type { ExitTable } from '../../contract/model.ts';
import type { Seq2SeqArch } from '../../contract/seq2seq.ts';
import { decoderLayout, type DecoderGemm, type DecoderLayout } from '../../contract/wasm-decoder-layout.ts';
import { alignUp, MAX_PAGES, WEIGHTS_BASE } from '../../contract/wasm-layout.ts';
import { stepPlan, stepRowMacs } from '../decoding.ts';
import type { SearchDecoder, StepOut, StepRow } from '../search.ts';
import { supportsRelaxedSimd } from './features.ts';
import type { ModuleSource } from './engine.ts';
import { kernelsOf, WorkerPool, type Kernel, type Split, type StartWorker } from './pool.ts';
import type { NodeHost } from '../host.ts';

/** Rows of the tied LM head kernel (lm_tied_1 .. lm_tied_4; compiler/emit/wasm/decoder.ts LM_TIED_ROWS). */
const LM_TIED_ROWS = 4;

export interface WasmDecoderOptions {
  readonly arch: Seq2SeqArch;
  /** The decoder module, plain SIMD128 and (optionally) relaxed SIMD. */
  readonly modules: { readonly simd128: ModuleSource; readonly relaxed?: ModuleSource };
  /** The same modules importing a shared memory: needed for threads > 1. */
  readonly sharedModules?: { readonly simd128: ModuleSource; readonly relaxed?: ModuleSource };
  /** Threads including the caller for the products and the LM head (default 1); Node needs `node`. */
  readonly threads?: number;
  readonly node?: NodeHost;
  /** URL of runtime/wasm/worker.js (default: next to pool.js). */
  readonly workerUrl?: string | URL;
  /** Browsers, without workerUrl: starts a pool thread (the browser entry's, which bundlers bundle as a worker). */
  readonly startWorker?: StartWorker;
  /** Packed decoder weights (compiler/passes/packDecoderWeights.ts). */
  readonly weights: Uint8Array;
  /** Decoder exit table: table[id] = decoder layers that id runs, 1..L_dec. */
  readonly exitTable: ExitTable;
  readonly simd?: 'auto' | 'relaxed' | 'simd128';
}


/** Byte addresses of the per-input regions (set by begin()). */
interface Regions {
  readonly n: number;             // source tokens
  readonly slots: number;
  readonly capacity: number;      // positions per slot
  readonly ldk: number;           // floats per transposed-key row of a slot's cache
  readonly npad: number;          // floats per transposed-key row of the cross K
  readonly cache: number;         // slot s, layer l: K^T at cache + (s L + l) cacheBytes, then V [capacity, d]
  readonly cacheBytes: number;
  readonly cross: number;         // layer l: K^T [d][npad] at cross + l crossBytes, then V [n, d]
  readonly crossBytes: number;
  readonly X: number; readonly A: number; readonly Q: number; readonly KV: number; readonly CTX: number;
  readonly HID: number; readonly LOG: number; readonly SCORES: number; readonly ENC: number;
}

export class WasmDecoder {
  private f32: Float32Array;
  private r: Regions | undefined;

  private constructor(
    readonly simd: 'relaxed' | 'simd128',
    private readonly layout: DecoderLayout,
    private readonly memory: WebAssembly.Memory,
    private readonly k: Readonly<Record<string, Kernel>>,
    private readonly table: ExitTable,
    private readonly pool: WorkerPool | undefined,
  ) {
    this.f32 = new Float32Array(memory.buffer);
  }

  get threads(): number {
    return this.pool?.size ?? 1;
  }

  static async create(opts: WasmDecoderOptions): Promise<WasmDecoder> {
    const layout = decoderLayout(opts.arch);
    if (opts.weights.byteLength !== layout.weightBytes) {
      throw new RangeError(`packed decoder weights have ${opts.weights.byteLength} bytes, the layout of this model needs ${layout.weightBytes}`);
    }
    const relaxed = opts.simd !== 'simd128' && opts.modules.relaxed !== undefined && supportsRelaxedSimd();
    if (opts.simd === 'relaxed' && !relaxed) throw new RangeError('relaxed SIMD was requested but this engine (or the module set) does not support it');
    const threads = opts.threads ?? 1;
    if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`threads must be a positive integer, got ${threads}`);
    const shared = threads > 1;
    if (shared && !opts.sharedModules) throw new RangeError(`${threads} decoder threads need the shared-memory modules (sharedModules)`);
    const set = shared ? opts.sharedModules! : opts.modules;
    const src = relaxed && set.relaxed ? set.relaxed : set.simd128;
    const module = src instanceof WebAssembly.Module ? src : await WebAssembly.compile(src as BufferSource);
    const memory = new WebAssembly.Memory({ initial: Math.ceil(layout.end / 65536) + 1, maximum: MAX_PAGES, shared } as WebAssembly.MemoryDescriptor);
    new Uint8Array(memory.buffer, WEIGHTS_BASE, layout.weightBytes).set(opts.weights);
    const instance = await WebAssembly.instantiate(module, { env: { memory } });
    const k = kernelsOf(module, instance);
    const pool = shared ? await WorkerPool.start(threads, module, memory, k, { workerUrl: opts.workerUrl, node: opts.node, startWorker: opts.startWorker }) : undefined;
    return new WasmDecoder(relaxed && set.relaxed ? 'relaxed' : 'simd128', layout, memory, k, opts.exitTable, pool);
  }

  /**
   * Prepares one input: cross-attention K/V of every layer from the final encoder states [n, d], and
   * `slots` KV caches of `capacity` positions each.
   */
  begin(encoderStates: Float32Array, n: number, slots: number, capacity: number): void {
    const a = this.layout.arch, d = a.hidden, L = a.decoderLayers;
    if (encoderStates.length !== n * d) throw new RangeError(`encoder states have ${encoderStates.length} values, expected ${n} x ${d}`);
    if (capacity > a.maxPositions) throw new RangeError(`${capacity} decoder positions exceed the model's ${a.maxPositions}`);
    const ldk = alignUp(capacity, 4), npad = alignUp(n, 4);
    const S = slots;
    let at = alignUp(this.layout.end);
    const take = (bytes: number): number => { const p = at; at = alignUp(at + bytes); return p; };
    const cacheBytes = alignUp(4 * (d * ldk + capacity * d)), crossBytes = alignUp(4 * (d * npad + n * d));
    const cache = take(S * L * cacheBytes), cross = take(L * crossBytes);
    const rows = Math.max(S, n);
    const r: Regions = {
      n, slots, capacity, ldk, npad, cache, cacheBytes, cross, crossBytes,
      X: take(4 * S * d), A: take(4 * S * d), Q: take(4 * S * d), KV: take(4 * rows * 2 * d), CTX: take(4 * S * d),
      HID: take(4 * S * a.ffn), LOG: take(4 * S * a.vocabSize), SCORES: take(4 * Math.max(ldk, npad)), ENC: take(4 * n * d),
    };
    const need = Math.ceil(at / 65536) - this.memory.buffer.byteLength / 65536;
    if (need > 0) this.memory.grow(need);
    this.f32 = new Float32Array(this.memory.buffer); // a grown (or shared) memory's buffer is a new object
    this.r = r;
    const f = this.f32;
    f.set(encoderStates, r.ENC / 4);
    for (let l = 0; l < L; l++) {
      this.mm('ckv', l, r.ENC, r.KV, 0, n);
      const kt = (cross + l * crossBytes) / 4, v = kt + d * npad;
      f.fill(0, kt, kt + d * npad);
      for (let j = 0; j < n; j++) {
        const row = r.KV / 4 + j * 2 * d;
        for (let c = 0; c < d; c++) f[kt + c * npad + j] = f[row + c]!;
        f.copyWithin(v + j * d, row + d, row + 2 * d);
      }
    }
  }

  /** One step of the given rows (distinct slots); logits [V] per row, in the rows' order. */
  step(rows: readonly StepRow[], fullDepth = false): StepOut {
    const r = this.r;
    if (!r) throw new RangeError('begin() an input before stepping the decoder');
    const a = this.layout.arch, d = a.hidden, L = a.decoderLayers, V = a.vocabSize, pre = a.norm === 'pre';
    const R = rows.length;
    if (R > r.slots) throw new RangeError(`${R} rows exceed the ${r.slots} slots begin() prepared`);
    rows.forEach((row) => {
      if (row.slot < 0 || row.slot >= r.slots) throw new RangeError(`slot ${row.slot} is outside 0..${r.slots - 1}`);
      if (row.pos < 0 || row.pos >= r.capacity) throw new RangeError(`position ${row.pos} is outside the cache's 0..${r.capacity - 1}`);
      if (!Number.isInteger(row.id) || row.id < 0 || row.id >= V) throw new RangeError(`token id ${row.id} is outside the vocabulary 0..${V - 1}`);
    });
    // buffer row i holds rows[order[i]]: exit layers descending, so layer l's active rows are a prefix
    const { exits, order, active } = stepPlan(rows, this.table, L, fullDepth);
    const fm = this.f32, at = this.layout.at;
    order.forEach((src, i) => {
      const { id, pos } = rows[src]!;
      const t = (at['tokens']! / 4) + id * d, p = (at['pos']! / 4) + pos * d, x = r.X / 4 + i * d;
      for (let c = 0; c < d; c++) fm[x + c] = fm[t + c]! + fm[p + c]!;
    });
    this.k['ln_emb']!(0, r.X, r.X, 0, R);
    for (let l = 0; l < L; l++) {
      const m = active[l]!;
      const s = pre ? r.A : r.X;
      if (pre) this.k['ln_self']!(l, r.X, r.A, 0, R);
      this.mm('skv', l, s, r.KV, 0, R);
      order.forEach((src, i) => this.putKv(rows[src]!.slot, l, rows[src]!.pos, r.KV + i * 2 * d * 4));
      if (m === 0) continue;
      this.mm('sq', l, s, r.Q, 0, m);
      for (let i = 0; i < m; i++) {
        const row = rows[order[i]!]!;
        const kt = r.cache + (row.slot * L + l) * r.cacheBytes;
        this.k['attend_row']!(r.Q + i * d * 4, kt, r.ldk, kt + 4 * d * r.ldk, row.pos + 1, r.CTX + i * d * 4, r.SCORES);
      }
      this.block('so', 'ln_self', l, m);
      const c = pre ? r.A : r.X;
      if (pre) this.k['ln_cross']!(l, r.X, r.A, 0, m);
      this.mm('cq', l, c, r.Q, 0, m);
      const ckt = r.cross + l * r.crossBytes;
      for (let i = 0; i < m; i++) this.k['attend_row']!(r.Q + i * d * 4, ckt, r.npad, ckt + 4 * d * r.npad, r.n, r.CTX + i * d * 4, r.SCORES);
      this.block('co', 'ln_cross', l, m);
      const h = pre ? r.A : r.X;
      if (pre) this.k['ln_ffn']!(l, r.X, r.A, 0, m);
      this.mm('f1', l, h, r.HID, 0, m);
      this.mm('f2', l, r.HID, r.X, 0, m, r.X);
      if (!pre) this.k['ln_ffn']!(l, r.X, r.X, 0, m);
    }
    if (pre) this.k['ln_final']!(0, r.X, r.X, 0, R);
    if (a.tieEmbeddings) {
      for (let i = 0; i < R; i += LM_TIED_ROWS) {
        const n = Math.min(LM_TIED_ROWS, R - i);
        this.par(`lm_tied_${n}`, [r.X + i * d * 4, r.LOG + i * V * 4, 0, V], { arg: 2 });
      }
    } else {
      this.mm('lm', 0, r.X, r.LOG, 0, R);
    }
    const logits: Float32Array[] = new Array(R);
    order.forEach((src, i) => { logits[src] = this.f32.slice(r.LOG / 4 + i * V, r.LOG / 4 + (i + 1) * V); });
    const macs = rows.reduce((sum, row, i) => sum + stepRowMacs(a, row.pos, r.n, exits[i]!), 0);
    const fullDepthMacs = rows.reduce((sum, row) => sum + stepRowMacs(a, row.pos, r.n, L), 0);
    return { logits, exits, macs, fullDepthMacs };
  }

  /** Copies slot `from`'s KV cache (positions 0..upTo-1 of every layer) to slot `to`. */
  copySlot(from: number, to: number, upTo: number): void {
    const r = this.r!, a = this.layout.arch, d = a.hidden, L = a.decoderLayers, f = this.f32;
    for (let l = 0; l < L; l++) {
      const src = (r.cache + (from * L + l) * r.cacheBytes) / 4, dst = (r.cache + (to * L + l) * r.cacheBytes) / 4;
      f.copyWithin(dst, src, src + d * r.ldk);
      f.copyWithin(dst + d * r.ldk, src + d * r.ldk, src + d * r.ldk + upTo * d);
    }
  }

  /** This decoder as the search sees it (runtime/search.ts). */
  searchDecoder(fullDepth: boolean): SearchDecoder {
    return { step: (rows) => this.step(rows, fullDepth), copySlot: (from, to, upTo) => this.copySlot(from, to, upTo) };
  }

  /** Writes one row's K (a column of the slot's transposed keys) and V (a row) at position pos of layer l. */
  private putKv(slot: number, l: number, pos: number, kvRow: number): void {
    const r = this.r!, d = this.layout.arch.hidden, L = this.layout.arch.decoderLayers, f = this.f32;
    const kt = (r.cache + (slot * L + l) * r.cacheBytes) / 4, v = kt + d * r.ldk, src = kvRow / 4;
    for (let c = 0; c < d; c++) f[kt + c * r.ldk + pos] = f[src + c]!;
    f.copyWithin(v + pos * d, src + d, src + 2 * d);
  }

  /** Output projection with the residual into X, then (post-LN) the block's LayerNorm, for rows [0, m). */
  private block(g: DecoderGemm, norm: string, l: number, m: number): void {
    const r = this.r!;
    this.mm(g, l, r.CTX, r.X, 0, m, r.X);
    if (this.layout.arch.norm !== 'pre') this.k[norm]!(l, r.X, r.X, 0, m);
  }

  /** y = x @ W_g + b (+ res) for rows [r0, r1), every panel (shared out by panels over the threads). */
  private mm(g: DecoderGemm, l: number, x: number, y: number, r0: number, r1: number, res = 0): void {
    const shape = this.layout.gemm[g]!;
    this.par(`mm_${g}`, [l, x, y, res, r0, r1, 0, shape.n / shape.nr], { arg: 6 });
  }

  /** A kernel call on the pool when there is one (args[split.arg .. + 1] divided), else on this thread. */
  private par(kernel: string, args: number[], split: Split): void {
    if (this.pool) this.pool.run(kernel, args, split);
    else this.k[kernel]!(...args);
  }

  /** Stops the worker threads. */
  dispose(): void {
    this.pool?.dispose();
  }
}
