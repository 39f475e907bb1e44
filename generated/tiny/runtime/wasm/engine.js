// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
// WASM execution engine: loads a generated module + packed weights + exit table and runs ragged batches by
// executing the model's program (contract/program.ts) in the prefix form of runtime/plan.ts (Q onward on
// the active prefix, K/V on all rows): one implementation per op. Node and browsers.
import { bufferWidth, buffersOf, perSequence, programSteps } from "../../contract/program.js";
import { alignUp, MAX_PAGES, WASM_NORMS, wasmLayout, WEIGHTS_BASE } from "../../contract/wasm-layout.js";
import { checkBatch } from "../input.js";
import { countWork, planBatch } from "../plan.js";
import { canUseThreads, isNode, supportsRelaxedSimd } from "./features.js";
import { kernelsOf, WorkerPool } from "./pool.js";
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
    disposed = false; // run() after dispose() would wait forever on the stopped worker threads
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
        const layout = wasmLayout(opts.arch, opts.head, opts.precision ?? 'f32');
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
        const k = kernelsOf(module, instance);
        const pool = shared ? await WorkerPool.start(threads, module, memory, k, { workerUrl: opts.workerUrl, node: opts.node, startWorker: opts.startWorker }) : undefined;
        return new WasmEngine({ simd: relaxed ? 'relaxed' : 'simd128', threads, precision: layout.precision }, layout, memory, k, pool, opts.exitTable, opts.minSplitMacs ?? MIN_SPLIT_MACS);
    }
    /** Stops the worker threads (the engine cannot run afterwards). */
    dispose() {
        this.disposed = true;
        this.pool?.dispose();
    }
    run(input, opts = {}) {
        if (this.disposed)
            throw new RangeError('this WASM engine was disposed');
        const { arch, head, program } = this.layout;
        const types = checkInput(arch, input);
        const sequenceHead = head.kind === 'classification' || head.kind === 'regression';
        const clsOnly = opts.clsOnly ?? sequenceHead;
        if (clsOnly && head.kind === 'token')
            throw new RangeError('clsOnly needs a sequence-level head, not a token head');
        const plan = planBatch(this.table, input.ids, arch.layers, { fullDepth: !!opts.fullDepth, clsOnlyLastLayer: clsOnly });
        const s = this.prepare(plan);
        const call = { plan, ids: input.ids, types, s, layer: 0, logits: undefined, quantized: undefined };
        const steps = programSteps(program);
        for (let i = 0; i < steps.length; i++) {
            const { stage, step } = steps[i];
            if (stage !== 'layer') {
                this.step(stage, step, call);
                continue;
            }
            // the layer stage: its steps for every layer with an active row (a layer with none is skipped: its K/V would never be read)
            const layerSteps = [];
            for (; i < steps.length && steps[i].stage === 'layer'; i++)
                layerSteps.push(steps[i]);
            i--;
            for (let l = 1; l <= arch.layers && plan.active[l] > 0; l++) {
                call.layer = l;
                for (let j = 0; j < layerSteps.length; j++) {
                    // Q and K/V of a fully active layer: one pass over all the QKV panels
                    if (this.fuseWithNext(layerSteps[j].step, layerSteps[j + 1]?.step, call)) {
                        j++;
                        continue;
                    }
                    this.step('layer', layerSteps[j].step, call);
                }
            }
            call.layer = 0;
        }
        const d = arch.hidden;
        const f32 = this.views.f32;
        const out = s.buffers[program.output];
        const rowState = (r) => f32.slice((out >> 2) + r * d, (out >> 2) + (r + 1) * d);
        const exits = input.ids.map((seq, b) => seq.map((_, p) => plan.exitOfRow[plan.rowOf[plan.seqStart[b] + p]]));
        const work = countWork(plan, arch);
        const lastHidden = clsOnly ? undefined : input.ids.map((seq, b) => {
            const h = new Float32Array(seq.length * d);
            for (let p = 0; p < seq.length; p++)
                h.set(rowState(plan.rowOf[plan.seqStart[b] + p]), p * d);
            return h;
        });
        const clsHidden = clsOnly ? input.ids.map((_, b) => rowState(plan.rowOf[plan.seqStart[b]])) : undefined;
        if (head.kind === 'none')
            return { exits, lastHidden, clsHidden, work };
        const N = bufferWidth('logits', arch, head);
        if (head.kind === 'token') {
            const packed = call.logits;
            const logits = input.ids.map((seq, b) => {
                const z = new Float32Array(seq.length * N);
                for (let p = 0; p < seq.length; p++) {
                    const r = plan.rowOf[plan.seqStart[b] + p];
                    z.set(packed.subarray(r * N, (r + 1) * N), p * N);
                }
                return z;
            });
            return { exits, lastHidden, work, logits };
        }
        const pooledAt = s.buffers.pooled >> 2;
        const pooled = input.ids.map((_, b) => f32.slice(pooledAt + b * d, pooledAt + (b + 1) * d));
        const logits = input.ids.map((_, b) => call.logits.slice(b * N, (b + 1) * N));
        return { exits, lastHidden, clsHidden, pooled, logits, work };
    }
    /** Runs one step of the program with its op's implementation. */
    step(stage, step, call) {
        if (step.op !== 'linear')
            call.quantized = undefined; // it may write the buffer last quantized
        this.ops[step.op](step, stage, call);
    }
    /** The WASM engine's implementation of every op. */
    ops = {
        embed: (step, _stage, call) => this.embed(call, call.s.buffers[step.out]),
        norm: (step, stage, call) => {
            const rows = this.rowCount(call, step.rows);
            const width = bufferWidth(step.out, this.layout.arch, this.layout.head);
            const { buffers } = call.s;
            this.par(WASM_NORMS[step.weights].kernel, [layerArg(stage, call), buffers[step.x], buffers[step.out], 0, rows], { arg: 3 }, rows * width * LN_MACS_PER_ELEMENT);
        },
        linear: (step, stage, call) => {
            const { arch, head } = this.layout;
            const impl = this.layout.linear[step.weights];
            const rows = this.rowCount(call, step.rows);
            const k = bufferWidth(step.x, arch, head), n = bufferWidth(step.out, arch, head);
            const { buffers } = call.s;
            const x = step.rows === 'cls' ? this.gatherCls(call, buffers[step.x], k) : buffers[step.x];
            if (impl.kind === 'js') {
                call.logits = this.denseJs(x, rows, k, n, impl.weight, impl.bias);
                return;
            }
            const g = this.layout.gemm[impl.gemm];
            this.mm(call, impl.gemm, layerArg(stage, call), x, buffers[step.out], step.residual ? buffers[step.residual] : 0, rows, impl.col0 / g.nr, (impl.col0 + impl.cols) / g.nr);
        },
        attention: (step, _stage, call) => {
            const { s, plan } = call;
            const m = this.rowCount(call, step.rows);
            const qkv = s.buffers[step.q];
            this.par('gather_kt', [qkv, s.SEQMETA, 0, plan.seqCount], { arg: 2 }, plan.rows * this.layout.arch.hidden);
            this.par('attend', [qkv, s.buffers[step.out], s.ROWSEQ, s.SEQMETA, s.SCORES, 0, m], { arg: 5, scratch: { arg: 4, stride: s.scoresStride } }, 2 * m * s.maxLen * this.layout.arch.hidden);
        },
    };
    /**
     * Two adjacent linear steps that use the same packed product on the same input with the same rows and
     * adjacent columns (K/V, then Q of a fully active layer) run as one call over the union of their panels.
     */
    fuseWithNext(a, b, call) {
        if (a.op !== 'linear' || b?.op !== 'linear' || a.x !== b.x || a.epilogue !== 'none' || b.epilogue !== 'none')
            return false;
        const ia = this.layout.linear[a.weights], ib = this.layout.linear[b.weights];
        if (ia.kind !== 'gemm' || ib.kind !== 'gemm' || ia.gemm !== ib.gemm)
            return false;
        const rows = this.rowCount(call, a.rows);
        if (rows !== this.rowCount(call, b.rows))
            return false;
        const [lo, hi] = ia.col0 < ib.col0 ? [ia, ib] : [ib, ia];
        if (lo.col0 + lo.cols !== hi.col0)
            return false;
        const nr = this.layout.gemm[ia.gemm].nr, buffers = call.s.buffers;
        this.mm(call, ia.gemm, call.layer - 1, buffers[a.x], buffers[a.out], 0, rows, lo.col0 / nr, (hi.col0 + hi.cols) / nr);
        return true;
    }
    mm(call, gemm, layer, x, y, res, rows, p0, p1) {
        const g = this.layout.gemm[gemm];
        const macs = rows * (p1 - p0) * g.nr * g.k;
        if (this.layout.precision === 'f32') {
            this.par(`mm_${gemm}`, [layer, x, y, res, 0, rows, p0, p1], { arg: 6 }, macs);
            return;
        }
        // int8: quantize the input rows once (Q and K/V of a layer read the same rows), then the product
        const s = call.s;
        const q = call.quantized;
        if (q === undefined || q.x !== x || q.rows < rows || q.width !== g.k) {
            this.par('quant', [x, s.XQ, s.XS, g.k, 0, rows], { arg: 4 }, rows * g.k * LN_MACS_PER_ELEMENT);
            call.quantized = { x, rows, width: g.k };
        }
        this.par(`mm_${gemm}`, [layer, s.XQ, s.XS, y, res, 0, rows, p0, p1], { arg: 7 }, macs);
        if (y === x)
            call.quantized = undefined;
    }
    rowCount(call, rows) {
        switch (rows) {
            case 'all': return call.plan.rows;
            case 'prefix': return call.plan.active[call.layer];
            case 'cls':
            case 'seqs': return call.plan.seqCount;
        }
    }
    /** Scratch addresses for this plan (after the weights), growing memory when needed; writes the plan's tables. */
    prepare(plan) {
        const { arch, head, program } = this.layout;
        const d = arch.hidden, n = plan.rows, B = plan.seqCount;
        const lens = Array.from({ length: B }, (_, b) => plan.seqStart[b + 1] - plan.seqStart[b]);
        const lpads = lens.map((len) => alignUp(len, 4));
        let cursor = this.layout.end;
        const take = (bytes) => { const at = cursor; cursor = alignUp(cursor + bytes); return at; };
        // one region per program buffer, except q and kv: the fused QKV product writes rows [q | k | v] ([n, 3d])
        const buffers = {};
        const QKV = take(n * 3 * d * 4);
        for (const b of buffersOf(program)) {
            if (b === 'logits')
                continue; // the classifier runs in JS
            buffers[b] = b === 'q' || b === 'kv' ? QKV : take((perSequence(b, head) ? B : n) * bufferWidth(b, arch, head) * 4);
        }
        const ktAt = lpads.map((lp) => take(d * lp * 4));
        const ROWSEQ = take(n * 4), KEYS = take(n * 4), SEQMETA = take(B * 16);
        const scoresStride = alignUp(4 * Math.max(...lpads) * 4); // 4 rows of scores at a time
        const SCORES = take(scoresStride * (this.pool?.size ?? 1));
        const widest = Math.max(d, arch.embeddingSize, arch.ffn);
        const CLSIN = take(B * Math.max(d, arch.embeddingSize) * 4);
        // int8: one product's input rows quantized to i16, and their scales
        const int8 = this.layout.precision === 'int8';
        const XQ = int8 ? take(n * widest * 2) : 0, XS = int8 ? take(n * 4) : 0;
        const have = this.memory.buffer.byteLength;
        if (cursor > have)
            this.memory.grow(Math.ceil((cursor - have) / 65536));
        this.refreshViews();
        const i32 = this.views.i32;
        i32.set(plan.seqOfRow, ROWSEQ >> 2);
        i32.set(plan.keyRows, KEYS >> 2);
        for (let b = 0; b < B; b++)
            i32.set([ktAt[b], lens[b], KEYS + plan.seqStart[b] * 4, lpads[b]], (SEQMETA >> 2) + 4 * b);
        return { buffers, ROWSEQ, SEQMETA, SCORES, scoresStride, CLSIN, XQ, XS, maxLen: Math.max(...lens) };
    }
    /** emb = word + position (+ token type) embedding of each packed row ([n, E]). */
    embed(call, out) {
        const { plan, ids, types } = call;
        const E = this.layout.arch.embeddingSize, at = this.layout.at, f32 = this.views.f32;
        const typed = this.layout.arch.typeVocabSize > 0;
        const word = at['wordEmb'] >> 2, pos = at['posEmb'] >> 2, type = at['typeEmb'] >> 2;
        for (let r = 0; r < plan.rows; r++) {
            const b = plan.seqOfRow[r], p = plan.posOfRow[r];
            const w = word + ids[b][p] * E, q = pos + p * E, o = (out >> 2) + r * E;
            if (typed) {
                const t = type + types[b][p] * E;
                for (let c = 0; c < E; c++)
                    f32[o + c] = f32[w + c] + f32[q + c] + f32[t + c];
            }
            else {
                for (let c = 0; c < E; c++)
                    f32[o + c] = f32[w + c] + f32[q + c];
            }
        }
    }
    /** Copies each sequence's [CLS] row of `src` ([n, width]) to the CLSIN scratch ([B, width]); returns its address. */
    gatherCls(call, src, width) {
        const { plan, s } = call;
        const f32 = this.views.f32;
        for (let b = 0; b < plan.seqCount; b++) {
            const r = plan.rowOf[plan.seqStart[b]];
            f32.copyWithin((s.CLSIN >> 2) + b * width, (src >> 2) + r * width, (src >> 2) + (r + 1) * width);
        }
        return s.CLSIN;
    }
    /** rows x n = x [rows, k] @ W + b with row-major W (n is small: plain JS, f64 sums rounded to f32). */
    denseJs(x, rows, k, n, weight, bias) {
        const f32 = this.views.f32;
        const W = this.layout.at[weight] >> 2, B = this.layout.at[bias] >> 2, X = x >> 2;
        const out = new Float32Array(rows * n);
        for (let r = 0; r < rows; r++) {
            for (let j = 0; j < n; j++) {
                let acc = f32[B + j];
                for (let c = 0; c < k; c++)
                    acc += f32[X + r * k + c] * f32[W + c * n + j];
                out[r * n + j] = acc;
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
            this.kernel(kernel)(...args);
    }
    kernel(name) {
        const k = this.k[name];
        if (!k)
            throw new RangeError(`module has no kernel ${name}`);
        return k;
    }
    refreshViews() {
        const buf = this.memory.buffer;
        if (this.views?.f32.buffer === buf)
            return;
        this.views = { f32: new Float32Array(buf), i32: new Int32Array(buf) };
    }
}
/** The `layer` argument of a kernel: 0-based layer during the layer stage, 0 (no stride) elsewhere. */
function layerArg(stage, call) {
    return stage === 'layer' ? call.layer - 1 : 0;
}
async function compile(src) {
    return src instanceof WebAssembly.Module ? src : WebAssembly.compile(src);
}
async function resolveThreads(opts) {
    const node = isNode();
    const threads = threadCount({ requested: opts.threads, node, threadsUsable: canUseThreads(), cores: opts.node?.cores() ?? 1 }, opts.warn ?? ((msg) => console.warn(msg)));
    if (node && threads > 1 && !opts.node)
        throw new RangeError(`${threads} threads in Node need options.node (nodeHost from runtime/node.ts: worker_threads)`);
    return threads;
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
