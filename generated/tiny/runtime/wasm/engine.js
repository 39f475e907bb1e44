// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
// WASM execution engine: loads a generated module + packed weights + exit table and runs ragged batches in
// the prefix form of runtime/plan.ts (Q onward on the active prefix, K/V on all rows). Node and browsers.
import { headOutputs } from "../../contract/model.js";
import { checkBatch } from "../input.js";
import { countWork, planBatch } from "../plan.js";
import { KERNELS, MAX_PAGES } from "./abi.js";
import { canUseThreads, isNode, supportsRelaxedSimd } from "./features.js";
import { alignUp, wasmLayout, WEIGHTS_BASE } from "./layout.js";
import { WorkerPool } from "./pool.js";
let warnedThreads = false;
const SCRATCH_PAGES = 16384;
/**
 * Default minSplitMacs: waking the workers and waiting for the slowest costs ~10-50 us, about what one
 * thread needs for this many multiply-accumulates.
 */
const MIN_SPLIT_MACS = 1 << 19;
/** LayerNorm work per element in MAC-equivalents (three passes: sum, squares, scale). */
const LN_MACS_PER_ELEMENT = 3;
/** Default thread count in Node: every core, at most this many. */
const MAX_DEFAULT_THREADS = 8;
export class WasmEngine {
    info;
    layout;
    memory;
    k;
    pool;
    table;
    minSplitMacs;
    views;
    constructor(info, layout, memory, k, pool, table, minSplitMacs) {
        this.info = info;
        this.layout = layout;
        this.memory = memory;
        this.k = k;
        this.pool = pool;
        this.table = table;
        this.minSplitMacs = minSplitMacs;
        this.refreshViews();
    }
    static async create(opts) {
        const layout = wasmLayout(opts.arch, opts.head);
        if (opts.weights instanceof Uint8Array && opts.weights.byteLength !== layout.weightBytes) {
            throw new RangeError(`packed weights have ${opts.weights.byteLength} bytes, the layout of this model needs ${layout.weightBytes}`);
        }
        const relaxed = opts.simd !== 'simd128' && opts.modules.relaxed !== undefined && supportsRelaxedSimd();
        if (opts.simd === 'relaxed' && !relaxed)
            throw new RangeError('relaxed SIMD was requested but this engine (or the module set) does not support it');
        const threads = await resolveThreads(opts);
        const variants = relaxed ? opts.modules.relaxed : opts.modules.simd128;
        const shared = threads > 1;
        const module = await compile(shared ? variants.shared : variants.single);
        const pages = Math.ceil(layout.end / 65536) + 1;
        // room for 1 GiB of per-call scratch (BERT-base needs ~30 MB per 1000 tokens)
        const maximum = Math.min(MAX_PAGES, pages + SCRATCH_PAGES);
        const memory = new WebAssembly.Memory({ initial: pages, maximum, shared });
        const region = new Uint8Array(memory.buffer, WEIGHTS_BASE, layout.weightBytes);
        if (opts.weights instanceof Uint8Array)
            region.set(opts.weights);
        else
            await opts.weights(region);
        const instance = await WebAssembly.instantiate(module, { env: { memory } });
        const k = kernelsOf(instance.exports);
        const pool = shared ? await WorkerPool.start(threads, module, memory, k, opts.workerUrl) : undefined;
        return new WasmEngine({ simd: relaxed ? 'relaxed' : 'simd128', threads }, layout, memory, k, pool, opts.exitTable, opts.minSplitMacs ?? MIN_SPLIT_MACS);
    }
    /** Stops the worker threads (the engine cannot run afterwards). */
    dispose() {
        this.pool?.dispose();
    }
    run(input, opts = {}) {
        const { arch, head } = this.layout;
        const types = checkInput(arch, input);
        const sequenceHead = head.kind === 'classification' || head.kind === 'regression';
        const clsOnly = opts.clsOnly ?? sequenceHead;
        if (clsOnly && head.kind === 'token')
            throw new RangeError('clsOnly needs a sequence-level head, not a token head');
        const plan = planBatch(this.table, input.ids, arch.layers, { fullDepth: !!opts.fullDepth, clsOnlyLastLayer: clsOnly });
        const s = this.prepare(plan);
        this.embed(plan, input.ids, types, s.H);
        this.par('ln_emb', [0, s.H, s.H, 0, plan.rows], { arg: 3 }, plan.rows * arch.hidden * LN_MACS_PER_ELEMENT);
        this.encode(plan, s);
        const d = arch.hidden;
        const f32 = this.views.f32;
        const rowState = (r) => f32.slice((s.H >> 2) + r * d, (s.H >> 2) + (r + 1) * d);
        const exits = input.ids.map((seq, b) => seq.map((_, p) => plan.exitOfRow[plan.rowOf[plan.seqStart[b] + p]]));
        const work = countWork(plan, arch);
        const clsRows = input.ids.map((_, b) => plan.rowOf[plan.seqStart[b]]);
        const lastHidden = clsOnly ? undefined : input.ids.map((seq, b) => {
            const out = new Float32Array(seq.length * d);
            for (let p = 0; p < seq.length; p++)
                out.set(rowState(plan.rowOf[plan.seqStart[b] + p]), p * d);
            return out;
        });
        const clsHidden = clsOnly ? clsRows.map(rowState) : undefined;
        if (head.kind === 'none')
            return { exits, lastHidden, clsHidden, work };
        if (head.kind === 'token')
            return { exits, lastHidden, work, logits: lastHidden.map((h) => this.classify(h, h.length / d)) };
        const pooled = this.poolCls(clsRows, s);
        return { exits, lastHidden, clsHidden, pooled, logits: pooled.map((p) => this.classify(p, 1)), work };
    }
    /** Scratch addresses for this plan (after the weights), growing memory when needed; writes the plan's tables. */
    prepare(plan) {
        const { arch } = this.layout;
        const d = arch.hidden, n = plan.rows, B = plan.seqCount;
        const lens = Array.from({ length: B }, (_, b) => plan.seqStart[b + 1] - plan.seqStart[b]);
        const lpads = lens.map((len) => alignUp(len, 4));
        let cursor = this.layout.end;
        const take = (bytes) => { const at = cursor; cursor = alignUp(cursor + bytes); return at; };
        const H = take(n * d * 4), QKV = take(n * 3 * d * 4), CTX = take(n * d * 4), T = take(n * d * 4), U = take(n * arch.ffn * 4);
        const ktAt = lpads.map((lp) => take(d * lp * 4));
        const ROWSEQ = take(n * 4), KEYS = take(n * 4), SEQMETA = take(B * 16);
        const scoresStride = alignUp(4 * Math.max(...lpads) * 4); // 4 rows of scores at a time
        const SCORES = take(scoresStride * (this.pool?.size ?? 1));
        const POOLIN = take(B * d * 4), POOLOUT = take(B * d * 4);
        const have = this.memory.buffer.byteLength;
        if (cursor > have)
            this.memory.grow(Math.ceil((cursor - have) / 65536));
        this.refreshViews();
        const i32 = this.views.i32;
        i32.set(plan.seqOfRow, ROWSEQ >> 2);
        i32.set(plan.keyRows, KEYS >> 2);
        for (let b = 0; b < B; b++)
            i32.set([ktAt[b], lens[b], KEYS + plan.seqStart[b] * 4, lpads[b]], (SEQMETA >> 2) + 4 * b);
        return { H, QKV, CTX, T, U, ROWSEQ, SEQMETA, SCORES, scoresStride, POOLIN, POOLOUT, maxLen: Math.max(...lens) };
    }
    /** h0 = word + position + type embedding of each packed row (LayerNorm follows in wasm). */
    embed(plan, ids, types, H) {
        const d = this.layout.arch.hidden, at = this.layout.at, f32 = this.views.f32;
        const word = at['wordEmb'] >> 2, pos = at['posEmb'] >> 2, type = at['typeEmb'] >> 2;
        for (let r = 0; r < plan.rows; r++) {
            const b = plan.seqOfRow[r], p = plan.posOfRow[r];
            const w = word + ids[b][p] * d, q = pos + p * d, t = type + types[b][p] * d, o = (H >> 2) + r * d;
            for (let c = 0; c < d; c++)
                f32[o + c] = f32[w + c] + f32[q + c] + f32[t + c];
        }
    }
    /** The L layers in prefix form. */
    encode(plan, s) {
        const { arch, gemm } = this.layout;
        const n = plan.rows, d = arch.hidden;
        const panels = (g) => g.n / g.nr;
        const pQkv = panels(gemm.qkv), pQ = d / gemm.qkv.nr, pD = panels(gemm.o), pF = panels(gemm.f1);
        const mm = (name, layer, x, y, res, rows, p0, p1) => {
            const g = gemm[name];
            this.par(`mm_${name}`, [layer, x, y, res, 0, rows, p0, p1], { arg: 6 }, rows * (p1 - p0) * g.nr * g.k);
        };
        const ln = (name, layer, rows) => this.par(name, [layer, s.T, s.H, 0, rows], { arg: 3 }, rows * d * LN_MACS_PER_ELEMENT);
        for (let l = 1; l <= arch.layers; l++) {
            const m = plan.active[l], layer = l - 1;
            if (m === 0)
                break;
            // Q for the active prefix, K/V for every row: one pass over the K/V panels, one row tail each
            if (m === n)
                mm('qkv', layer, s.H, s.QKV, 0, n, 0, pQkv);
            else {
                mm('qkv', layer, s.H, s.QKV, 0, m, 0, pQ);
                mm('qkv', layer, s.H, s.QKV, 0, n, pQ, pQkv);
            }
            this.par('gather_kt', [s.QKV, s.SEQMETA, 0, plan.seqCount], { arg: 2 }, n * d);
            this.par('attend', [s.QKV, s.CTX, s.ROWSEQ, s.SEQMETA, s.SCORES, 0, m], { arg: 5, scratch: { arg: 4, stride: s.scoresStride } }, 2 * m * s.maxLen * d);
            mm('o', layer, s.CTX, s.T, s.H, m, 0, pD);
            ln('ln1', layer, m);
            mm('f1', layer, s.H, s.U, 0, m, 0, pF);
            mm('f2', layer, s.U, s.T, s.H, m, 0, pD);
            ln('ln2', layer, m);
        }
    }
    /** pooled = tanh(h_cls @ Wp + bp) for each sequence. */
    poolCls(clsRows, s) {
        const d = this.layout.arch.hidden;
        const f32 = this.views.f32;
        clsRows.forEach((r, b) => f32.copyWithin((s.POOLIN >> 2) + b * d, (s.H >> 2) + r * d, (s.H >> 2) + (r + 1) * d));
        this.k.mm_pool(0, s.POOLIN, s.POOLOUT, 0, 0, clsRows.length, 0, d / this.layout.gemm.pool.nr);
        return clsRows.map((_, b) => f32.slice((s.POOLOUT >> 2) + b * d, (s.POOLOUT >> 2) + (b + 1) * d));
    }
    /** rows x N logits = h [rows, d] @ Wc + bc (N is small: plain JS, f64 sums rounded to f32). */
    classify(h, rows) {
        const d = this.layout.arch.hidden, N = headOutputs(this.layout.head), f32 = this.views.f32;
        const W = this.layout.at['classifier.weight'] >> 2, bias = this.layout.at['classifier.bias'] >> 2;
        const out = new Float32Array(rows * N);
        for (let r = 0; r < rows; r++) {
            for (let j = 0; j < N; j++) {
                let acc = f32[bias + j];
                for (let c = 0; c < d; c++)
                    acc += h[r * d + c] * f32[W + c * N + j];
                out[r * N + j] = acc;
            }
        }
        return out;
    }
    /**
     * A kernel call, shared out over the pool when there is one and the call has at least minSplitMacs
     * multiply-accumulates (or equivalent work).
     */
    par(kernel, args, split, macs) {
        if (this.pool && macs >= this.minSplitMacs)
            this.pool.run(kernel, args, split);
        else
            this.k[kernel](...args);
    }
    refreshViews() {
        const buf = this.memory.buffer;
        if (this.views?.f32.buffer === buf)
            return;
        this.views = { f32: new Float32Array(buf), i32: new Int32Array(buf) };
    }
}
async function compile(src) {
    return src instanceof WebAssembly.Module ? src : WebAssembly.compile(src);
}
function kernelsOf(exports) {
    const out = {};
    for (const name of KERNELS) {
        const f = exports[name];
        out[name] = typeof f === 'function' ? f : () => { throw new RangeError(`module has no kernel ${name}`); };
    }
    return out;
}
async function resolveThreads(opts) {
    const node = isNode();
    const cores = node ? (await import('node:os')).availableParallelism() : 1;
    return threadCount({ requested: opts.threads, node, threadsUsable: canUseThreads(), cores }, opts.warn ?? ((msg) => console.warn(msg)));
}
/**
 * Threads to run on. Node: the request, default every core (at most 8). Browsers: 1 unless requested and
 * the page is crossOriginIsolated; a request that cannot be honoured warns once per process.
 */
export function threadCount(env, warn) {
    if (env.node)
        return Math.max(1, Math.floor(env.requested ?? Math.min(MAX_DEFAULT_THREADS, env.cores)));
    const wanted = Math.max(1, Math.floor(env.requested ?? 1));
    if (wanted > 1 && !env.threadsUsable) {
        if (!warnedThreads) {
            warn(`hashee: ${wanted} threads were requested but this page is not crossOriginIsolated (serve it with COOP: same-origin and COEP: require-corp for SharedArrayBuffer); running on 1 thread`);
            warnedThreads = true;
        }
        return 1;
    }
    return wanted;
}
function checkInput(arch, input) {
    if (input.ids.length === 0)
        throw new RangeError('the batch is empty');
    return checkBatch(arch, input.ids, input.typeIds, (message) => { throw new RangeError(message); });
}
