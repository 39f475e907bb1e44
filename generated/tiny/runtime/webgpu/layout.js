// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
// Weight buffer layout of the WebGPU target: three kinds of f32 blocks (embeddings, one per layer, head),
// each one GPU buffer; tensor offsets are baked into the WGSL, and every layer block has the same layout.
import { headOutputs } from "../../contract/model.js";
/** Lays tensors out in order, each at a 4-float boundary; returns the slots and the block size (>= 4). */
function place(sizes) {
    const out = {};
    let at = 0;
    for (const [name, size] of sizes) {
        out[name] = { at, size };
        at += Math.ceil(size / 4) * 4;
    }
    return { ...out, floats: Math.max(at, 4) };
}
export function weightLayout(arch, head) {
    const { hidden: d, ffn: f } = arch;
    const seqHead = head.kind === 'classification' || head.kind === 'regression';
    const n = headOutputs(head);
    return {
        embed: place([['word', arch.vocabSize * d], ['pos', arch.maxPositions * d], ['type', arch.typeVocabSize * d], ['lnG', d], ['lnB', d]]),
        layer: place([
            ['kvW', d * 2 * d], ['kvB', 2 * d], ['qW', d * d], ['qB', d], ['oW', d * d], ['oB', d], ['ln1G', d], ['ln1B', d],
            ['f1W', d * f], ['f1B', f], ['f2W', f * d], ['f2B', d], ['ln2G', d], ['ln2B', d],
        ]),
        head: place([['poolerW', seqHead ? d * d : 0], ['poolerB', seqHead ? d : 0], ['classifierW', d * n], ['classifierB', n]]),
    };
}
/** Copies a model's weights into the blocks of weightLayout (throws RangeError on a size mismatch). */
export function packWeights(model) {
    const { arch, head, weights: w } = model;
    const layout = weightLayout(arch, head);
    const d = arch.hidden;
    const e = layout.embed;
    const embed = new Float32Array(e.floats);
    put(embed, e.word, w.wordEmb, 'wordEmb');
    put(embed, e.pos, w.posEmb, 'posEmb');
    put(embed, e.type, w.typeEmb, 'typeEmb');
    put(embed, e.lnG, w.embLnG, 'embLnG');
    put(embed, e.lnB, w.embLnB, 'embLnB');
    const L = layout.layer;
    const layers = w.layers.map((lw, i) => {
        const b = new Float32Array(L.floats);
        put(b, L.kvW, interleaveColumns(lw.kW, lw.vW, d), `layers[${i}].kW/vW`);
        put(b, L.kvB, concat(lw.kB, lw.vB), `layers[${i}].kB/vB`);
        put(b, L.qW, lw.qW, `layers[${i}].qW`);
        put(b, L.qB, lw.qB, `layers[${i}].qB`);
        put(b, L.oW, lw.oW, `layers[${i}].oW`);
        put(b, L.oB, lw.oB, `layers[${i}].oB`);
        put(b, L.ln1G, lw.ln1G, `layers[${i}].ln1G`);
        put(b, L.ln1B, lw.ln1B, `layers[${i}].ln1B`);
        put(b, L.f1W, lw.f1W, `layers[${i}].f1W`);
        put(b, L.f1B, lw.f1B, `layers[${i}].f1B`);
        put(b, L.f2W, lw.f2W, `layers[${i}].f2W`);
        put(b, L.f2B, lw.f2B, `layers[${i}].f2B`);
        put(b, L.ln2G, lw.ln2G, `layers[${i}].ln2G`);
        put(b, L.ln2B, lw.ln2B, `layers[${i}].ln2B`);
        return b;
    });
    if (layers.length !== arch.layers)
        throw new RangeError(`model has ${layers.length} layers of weights, arch says ${arch.layers}`);
    const h = layout.head;
    const headBlock = new Float32Array(h.floats);
    const empty = new Float32Array(0);
    put(headBlock, h.poolerW, h.poolerW.size ? w.head.poolerW : empty, 'head.poolerW');
    put(headBlock, h.poolerB, h.poolerB.size ? w.head.poolerB : empty, 'head.poolerB');
    put(headBlock, h.classifierW, h.classifierW.size ? w.head.classifierW : empty, 'head.classifierW');
    put(headBlock, h.classifierB, h.classifierB.size ? w.head.classifierB : empty, 'head.classifierB');
    return { embed, layers, head: headBlock };
}
function put(block, slot, data, name) {
    if (!data || data.length !== slot.size)
        throw new RangeError(`weight ${name} has ${data?.length ?? 0} values, expected ${slot.size}`);
    block.set(data, slot.at);
}
/** [d, d] and [d, d] -> [d, 2d] with row i = [a row i, b row i]. */
function interleaveColumns(a, b, d) {
    if (a.length !== d * d || b.length !== d * d)
        return new Float32Array(0); // put() reports the size mismatch
    const out = new Float32Array(2 * d * d);
    for (let i = 0; i < d; i++) {
        out.set(a.subarray(i * d, (i + 1) * d), 2 * i * d);
        out.set(b.subarray(i * d, (i + 1) * d), (2 * i + 1) * d);
    }
    return out;
}
function concat(a, b) {
    const out = new Float32Array(a.length + b.length);
    out.set(a);
    out.set(b, a.length);
    return out;
}
/** Total floats of all blocks in file order: embed, layers 1..L, head. */
export function packedFloats(layout, layers) {
    return layout.embed.floats + layers * layout.layer.floats + layout.head.floats;
}
/** One contiguous array in file order (embed, layers 1..L, head), e.g. for a weights.bin. */
export function joinWeights(packed) {
    const blocks = [packed.embed, ...packed.layers, packed.head];
    const out = new Float32Array(blocks.reduce((n, b) => n + b.length, 0));
    let at = 0;
    for (const b of blocks) {
        out.set(b, at);
        at += b.length;
    }
    return out;
}
/** Views of the blocks of a joined array (no copy); throws RangeError if its size does not match the layout. */
export function splitWeights(layout, layers, data) {
    const total = packedFloats(layout, layers);
    if (data.length !== total)
        throw new RangeError(`weights have ${data.length} floats, the layout needs ${total}`);
    const view = (at, n) => data.subarray(at, at + n);
    const L = layout.layer.floats;
    const first = layout.embed.floats;
    return {
        embed: view(0, first),
        layers: Array.from({ length: layers }, (_, l) => view(first + l * L, L)),
        head: view(first + layers * L, layout.head.floats),
    };
}
