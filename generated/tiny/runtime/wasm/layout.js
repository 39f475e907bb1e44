// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
// Memory layout shared by the WASM emitter, the weight packer and the engine: where each (pre-packed)
// weight tensor lives in the module's linear memory and which register tile each product uses.
// Weights occupy [WEIGHTS_BASE, WEIGHTS_BASE + weightBytes); per-call scratch follows them.
import { headOutputs } from "../../contract/model.js";
/** Byte address of the first weight byte (bytes below it are never touched: a null guard). */
export const WEIGHTS_BASE = 1024;
/** Every tensor starts on a 64-byte (cache line) boundary. */
export const ALIGN = 64;
/** Panel of 8 columns (4 for widths that are not a multiple of 8); undefined when n is not a multiple of 4. */
export function panelWidth(n) {
    return [8, 4].find((nr) => n % nr === 0);
}
/**
 * Rows per register tile: 4 x 8 keeps 8 accumulators + 2 weight vectors + 1 broadcast in V8's 16 xmm
 * registers (bench/wasm-gemm.ts, relaxed: 4x8 and 2x16 reach ~47 GFLOP/s of ~61 peak; 3x16, 4x12, 5x8 spill).
 */
function tileRows(nr) {
    return nr === 8 ? 4 : 6;
}
function gemmShape(k, n) {
    const nr = panelWidth(n);
    if (nr === undefined)
        throw new RangeError(`product width ${n} is not a multiple of 4`);
    return { k, n, nr, mr: tileRows(nr) };
}
/**
 * Computes the layout for an architecture. Requires d and f to be multiples of 4 and d / heads to be a
 * multiple of 4 (the emitter checks this first and reports a HasheeError).
 */
export function wasmLayout(arch, head) {
    const d = arch.hidden, f = arch.ffn, dh = d / arch.heads;
    const gemm = {
        qkv: gemmShape(d, 3 * d), o: gemmShape(d, d), f1: gemmShape(d, f), f2: gemmShape(f, d), pool: gemmShape(d, d),
    };
    const tensors = [];
    const at = {};
    let cursor = WEIGHTS_BASE;
    const place = (name, shape, layout) => {
        const bytes = shape.reduce((a, b) => a * b, 1) * 4;
        tensors.push({ name, address: cursor, bytes, shape, layout });
        at[name] = cursor;
        cursor = alignUp(cursor + bytes);
    };
    const rowmajor = { kind: 'rowmajor' };
    const panels = (g) => ({ kind: 'panels', nr: g.nr });
    place('wordEmb', [arch.vocabSize, d], rowmajor);
    place('posEmb', [arch.maxPositions, d], rowmajor);
    place('typeEmb', [arch.typeVocabSize, d], rowmajor);
    place('embLn.gamma', [d], rowmajor);
    place('embLn.beta', [d], rowmajor);
    let layerStart = cursor, layerStride = 0;
    for (let l = 0; l < arch.layers; l++) {
        layerStart = cursor;
        const p = `layers.${l}.`;
        place(p + 'qkv.weight', [d, 3 * d], panels(gemm.qkv));
        place(p + 'qkv.bias', [3 * d], rowmajor);
        place(p + 'o.weight', [d, d], panels(gemm.o));
        place(p + 'o.bias', [d], rowmajor);
        place(p + 'ln1.gamma', [d], rowmajor);
        place(p + 'ln1.beta', [d], rowmajor);
        place(p + 'f1.weight', [d, f], panels(gemm.f1));
        place(p + 'f1.bias', [f], rowmajor);
        place(p + 'f2.weight', [f, d], panels(gemm.f2));
        place(p + 'f2.bias', [d], rowmajor);
        place(p + 'ln2.gamma', [d], rowmajor);
        place(p + 'ln2.beta', [d], rowmajor);
        layerStride = cursor - layerStart;
    }
    const outputs = headOutputs(head);
    if (head.kind === 'classification' || head.kind === 'regression') {
        place('pooler.weight', [d, d], panels(gemm.pool));
        place('pooler.bias', [d], rowmajor);
    }
    if (outputs > 0) {
        place('classifier.weight', [d, outputs], rowmajor);
        place('classifier.bias', [outputs], rowmajor);
    }
    return {
        arch, head, headDim: dh, qScale: 1 / Math.sqrt(dh), layerStride,
        weightBytes: cursor - WEIGHTS_BASE, end: cursor, tensors, at, gemm,
    };
}
export function alignUp(n, to = ALIGN) {
    return Math.ceil(n / to) * to;
}
export function manifestOf(layout) {
    return {
        format: 'hashee-wasm-weights/1', dtype: 'f32', base: WEIGHTS_BASE, bytes: layout.weightBytes,
        tensors: layout.tensors.map((t) => ({ name: t.name, offset: t.address - WEIGHTS_BASE, bytes: t.bytes, shape: t.shape, layout: t.layout })),
    };
}
