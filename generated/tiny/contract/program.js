// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
// The encoder program as data: the steps every backend runs for a model (embeddings, each layer in the
// exit-prefix form, the final LayerNorm, the head), written once. The reference executor, the WASM
// backend and the WebGPU backend each implement every Op (Record<Op, ...>), so a new op does not
// type-check until all of them handle it.
import { WEIGHTS, headOutputs, poolerActivation } from "./model.js";
export const OPS = ['embed', 'norm', 'linear', 'attention'];
export const BUFFERS = ['emb', 'embNorm', 'h', 'x', 't', 'q', 'kv', 'ctx', 'ffn', 'pooled', 'logits'];
export const LINEARS = {
    embProj: { w: ['embProjW'], b: ['embProjB'] },
    q: { w: ['qW'], b: ['qB'] },
    kv: { w: ['kW', 'vW'], b: ['kB', 'vB'] },
    o: { w: ['oW'], b: ['oB'] },
    f1: { w: ['f1W'], b: ['f1B'] },
    f2: { w: ['f2W'], b: ['f2B'] },
    pooler: { w: ['poolerW'], b: ['poolerB'] },
    classifier: { w: ['classifierW'], b: ['classifierB'] },
};
export const NORMS = {
    embLn: { gamma: 'embLnG', beta: 'embLnB' },
    ln1: { gamma: 'ln1G', beta: 'ln1B' },
    ln2: { gamma: 'ln2G', beta: 'ln2B' },
    finalLn: { gamma: 'finalLnG', beta: 'finalLnB' },
};
export const STAGES = ['embed', 'layer', 'final', 'head'];
/** Every step with its stage, in execution order (the layer steps once). */
export function programSteps(p) {
    return STAGES.flatMap((stage) => p.steps[stage].map((step) => ({ stage, step })));
}
/**
 * The program of a model. Post-LN (BERT) layer: K/V of every row from h, Q onward on the prefix,
 * h = LN2(x + FFN(x)) with x = LN1(h + O(attention)). Pre-LN layer: x = LN1(h) for every row (its K/V need
 * it), t = h + O(attention(x)), h = t + FFN(LN2(t)) on the prefix; then one final LayerNorm of every row.
 * Rows outside the prefix are never written: an exited token keeps its state (the copy-up rule).
 */
export function encoderProgram(arch, head) {
    const factorised = arch.embeddingSize !== arch.hidden;
    const linear = (name, weights, x, out, rows, epilogue, residual) => ({ op: 'linear', name, weights, x, out, rows, epilogue, ...(residual ? { residual } : {}) });
    const norm = (name, weights, x, out, rows) => ({ op: 'norm', name, weights, x, out, rows });
    const attention = { op: 'attention', name: 'attention', q: 'q', kv: 'kv', out: 'ctx', rows: 'prefix' };
    const embed = [
        { op: 'embed', name: 'embed', out: 'emb', rows: 'all' },
        norm('embedNorm', 'embLn', 'emb', factorised ? 'embNorm' : 'h', 'all'),
        ...(factorised ? [linear('embedProject', 'embProj', 'embNorm', 'h', 'all', 'none')] : []),
    ];
    const act = arch.activation;
    const layer = arch.norm === 'post' ? [
        linear('kv', 'kv', 'h', 'kv', 'all', 'none'),
        linear('query', 'q', 'h', 'q', 'prefix', 'none'),
        attention,
        linear('attnOut', 'o', 'ctx', 't', 'prefix', 'residual', 'h'),
        norm('attnNorm', 'ln1', 't', 'x', 'prefix'),
        linear('ffnUp', 'f1', 'x', 'ffn', 'prefix', act),
        linear('ffnDown', 'f2', 'ffn', 't', 'prefix', 'residual', 'x'),
        norm('ffnNorm', 'ln2', 't', 'h', 'prefix'),
    ] : [
        norm('attnNorm', 'ln1', 'h', 'x', 'all'),
        linear('kv', 'kv', 'x', 'kv', 'all', 'none'),
        linear('query', 'q', 'x', 'q', 'prefix', 'none'),
        attention,
        linear('attnOut', 'o', 'ctx', 't', 'prefix', 'residual', 'h'),
        norm('ffnNorm', 'ln2', 't', 'x', 'prefix'),
        linear('ffnUp', 'f1', 'x', 'ffn', 'prefix', act),
        linear('ffnDown', 'f2', 'ffn', 'h', 'prefix', 'residual', 't'),
    ];
    const final = arch.norm === 'pre' ? [norm('finalNorm', 'finalLn', 'h', 'x', 'all')] : [];
    const output = arch.norm === 'pre' ? 'x' : 'h';
    const headSteps = head.kind === 'none' ? []
        : head.kind === 'token' ? [linear('tokenHead', 'classifier', output, 'logits', 'all', 'none')]
            : [
                linear('pooler', 'pooler', output, 'pooled', 'cls', poolerActivation(head)),
                linear('classifier', 'classifier', 'pooled', 'logits', 'seqs', 'none'),
            ];
    const program = { arch, head, steps: { embed, layer, final, head: headSteps }, output };
    verifyProgram(program);
    return program;
}
/** Width (floats per row) of a buffer. */
export function bufferWidth(buffer, arch, head) {
    const d = arch.hidden;
    switch (buffer) {
        case 'emb':
        case 'embNorm': return arch.embeddingSize;
        case 'h':
        case 'x':
        case 't':
        case 'q':
        case 'ctx':
        case 'pooled': return d;
        case 'kv': return 2 * d;
        case 'ffn': return arch.ffn;
        case 'logits': return headOutputs(head);
    }
}
/** Whether a buffer holds one row per sequence (else one per token). */
export function perSequence(buffer, head) {
    return buffer === 'pooled' || (buffer === 'logits' && head.kind !== 'token');
}
/** Buffers the program reads or writes, in BUFFERS order. */
export function buffersOf(p) {
    const used = new Set();
    for (const { step } of programSteps(p))
        for (const b of stepBuffers(step))
            used.add(b);
    return BUFFERS.filter((b) => used.has(b));
}
/** Inputs and output of a step. */
export function stepReads(s) {
    switch (s.op) {
        case 'embed': return [];
        case 'norm': return [s.x];
        case 'linear': return s.residual ? [s.x, s.residual] : [s.x];
        case 'attention': return [s.q, s.kv];
    }
}
function stepBuffers(s) {
    return [...stepReads(s), s.out];
}
/** [k, n] of a linear product from its weights' shapes. */
export function linearShape(name, arch, head) {
    const dims = (d) => ({ V: arch.vocabSize, P: arch.maxPositions, T: arch.typeVocabSize, E: arch.embeddingSize, d: arch.hidden, f: arch.ffn, N: headOutputs(head) })[d];
    const l = LINEARS[name];
    const k = dims(WEIGHTS[l.w[0]].shape[0]);
    const n = l.w.reduce((s, w) => s + dims(WEIGHTS[w].shape[1]), 0);
    return { k, n };
}
/**
 * Checks the program's dataflow: every buffer a step reads was written before (by an earlier step; in a
 * layer, by the embeddings or an earlier layer), shapes agree (linear [k, n] with its buffers' widths,
 * norm width with its buffers'), step names are unique, and per-sequence buffers are only read and
 * written by per-sequence steps. Throws an Error naming the step: a failure is a compiler bug.
 */
export function verifyProgram(p) {
    const { arch, head } = p;
    const written = new Set();
    const names = new Set();
    const fail = (s, why) => { throw new Error(`internal: program step '${s.name}' (${s.op}): ${why}`); };
    for (const { stage, step } of programSteps(p)) {
        if (names.has(step.name))
            fail(step, 'name used twice');
        names.add(step.name);
        for (const b of stepReads(step))
            if (!written.has(b))
                fail(step, `reads '${b}' before any step writes it`);
        const w = (b) => bufferWidth(b, arch, head);
        const seqRows = step.rows === 'cls' || step.rows === 'seqs';
        if (perSequence(step.out, head) !== seqRows)
            fail(step, `rows '${step.rows}' cannot write '${step.out}'`);
        if (step.op === 'linear') {
            const { k, n } = linearShape(step.weights, arch, head);
            if (w(step.x) !== k || w(step.out) !== n)
                fail(step, `[${k}, ${n}] product from '${step.x}' (${w(step.x)}) to '${step.out}' (${w(step.out)})`);
            if ((step.epilogue === 'residual') !== (step.residual !== undefined))
                fail(step, 'a residual epilogue needs exactly one residual buffer');
            if (step.residual && w(step.residual) !== n)
                fail(step, `residual '${step.residual}' is ${w(step.residual)} wide, not ${n}`);
            if (step.residual === step.out || step.x === step.out)
                fail(step, 'reads and writes the same buffer');
            if (step.rows === 'seqs' && !perSequence(step.x, head))
                fail(step, `rows 'seqs' reads '${step.x}', which is per token`);
        }
        if (step.op === 'norm' && (w(step.x) !== w(step.out) || step.x === step.out))
            fail(step, `LayerNorm from '${step.x}' to '${step.out}'`);
        if (step.op === 'attention' && (w(step.q) !== arch.hidden || w(step.kv) !== 2 * arch.hidden))
            fail(step, 'q must be [*, d] and kv [*, 2d]');
        if (stage === 'layer' && step.rows !== 'all' && step.rows !== 'prefix')
            fail(step, `layer steps cover 'all' or 'prefix' rows, not '${step.rows}'`);
        written.add(step.out);
    }
    if (!written.has(p.output))
        throw new Error(`internal: program output '${p.output}' is never written`);
}
/** The program as text, one step per line (for `hashee compile --dump-after plan` and golden files). */
export function printProgram(p) {
    const a = p.arch;
    const lines = [`program: ${a.layers} layers, d ${a.hidden}, E ${a.embeddingSize}, ${a.heads} heads, ffn ${a.ffn}, norm ${a.norm}${a.sharedLayers ? ', shared layers' : ''}; head ${p.head.kind}; output ${p.output}`];
    for (const stage of STAGES) {
        if (p.steps[stage].length === 0)
            continue;
        lines.push(stage === 'layer' ? `layer l = 1..${a.layers} (prefix = active[l]):` : `${stage}:`);
        for (const s of p.steps[stage])
            lines.push(`  ${s.name.padEnd(12)} ${describe(s)}`);
    }
    return `${lines.join('\n')}\n`;
}
function describe(s) {
    switch (s.op) {
        case 'embed': return `embed                   -> ${s.out} [${s.rows}]`;
        case 'norm': return `norm ${s.weights.padEnd(10)} ${s.x.padEnd(8)} -> ${s.out} [${s.rows}]`;
        case 'linear': return `linear ${s.weights.padEnd(8)} ${s.x.padEnd(8)} -> ${s.out} [${s.rows}]${s.epilogue === 'none' ? '' : s.epilogue === 'residual' ? ` + ${s.residual}` : ` ${s.epilogue}`}`;
        case 'attention': return `attention ${`${s.q}, ${s.kv}`.padEnd(13)} -> ${s.out} [${s.rows}]`;
    }
}
