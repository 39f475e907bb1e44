// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
// Weight buffer layout of the WebGPU target, shared by the compiler (WGSL emitter, weight packer) and the
// engine: three kinds of blocks (embeddings, one per stored layer, the head with the final LayerNorm),
// each one GPU buffer; tensor offsets are baked into the WGSL and every layer block has the same layout.
// Every element is an f32, or at the f16 precision an IEEE half (contract/half.ts): offsets and sizes
// count elements either way. Derived from the weight table (contract/model.ts).
import { WEIGHTS, hasWeight, weightSize } from "./model.js";
import { LINEARS, NORMS } from "./program.js";
/** Bytes of one stored element. */
export const ELEMENT_BYTES = { f32: 4, f16: 2 };
/** The block of each weight group: the final LayerNorm travels with the head. */
export const BLOCK_OF_GROUP = { embed: 'embed', layer: 'layer', final: 'head', head: 'head' };
/**
 * How the WebGPU target stores the weight table, block by block in order: each slot holds table tensors
 * with their columns side by side (kvW [d, 2d]: row i = [Wk row i, Wv row i], so one product gives K then V).
 */
export const WEBGPU_TENSORS = [
    { name: 'word', from: ['wordEmb'] },
    { name: 'pos', from: ['posEmb'] },
    { name: 'type', from: ['typeEmb'] },
    { name: 'lnG', from: ['embLnG'] },
    { name: 'lnB', from: ['embLnB'] },
    { name: 'projW', from: ['embProjW'] },
    { name: 'projB', from: ['embProjB'] },
    { name: 'kvW', from: ['kW', 'vW'] },
    { name: 'kvB', from: ['kB', 'vB'] },
    { name: 'qW', from: ['qW'] },
    { name: 'qB', from: ['qB'] },
    { name: 'oW', from: ['oW'] },
    { name: 'oB', from: ['oB'] },
    { name: 'ln1G', from: ['ln1G'] },
    { name: 'ln1B', from: ['ln1B'] },
    { name: 'f1W', from: ['f1W'] },
    { name: 'f1B', from: ['f1B'] },
    { name: 'f2W', from: ['f2W'] },
    { name: 'f2B', from: ['f2B'] },
    { name: 'ln2G', from: ['ln2G'] },
    { name: 'ln2B', from: ['ln2B'] },
    { name: 'finalLnG', from: ['finalLnG'] },
    { name: 'finalLnB', from: ['finalLnB'] },
    { name: 'poolerW', from: ['poolerW'] },
    { name: 'poolerB', from: ['poolerB'] },
    { name: 'classifierW', from: ['classifierW'] },
    { name: 'classifierB', from: ['classifierB'] },
];
export function weightLayout(arch, head, precision = 'f32') {
    const block = (name) => {
        const slots = {};
        let at = 0;
        for (const t of WEBGPU_TENSORS) {
            if (BLOCK_OF_GROUP[WEIGHTS[t.from[0]].group] !== name || !hasWeight(t.from[0], arch, head))
                continue;
            const size = t.from.reduce((s, w) => s + weightSize(w, arch, head), 0);
            slots[t.name] = { at, size };
            at += Math.ceil(size / 4) * 4;
        }
        return { slots, floats: Math.max(at, 4) };
    };
    return { embed: block('embed'), layer: block('layer'), head: block('head'), storedLayers: arch.sharedLayers ? 1 : arch.layers, precision };
}
/** The slot holding exactly these table tensors (a linear's weights or bias), by name. */
function slotNameOf(parts) {
    const t = WEBGPU_TENSORS.find((x) => x.from.length === parts.length && x.from.every((p, i) => p === parts[i]));
    if (!t)
        throw new Error(`internal: no WebGPU slot holds ${parts.join(' + ')}`);
    return t.name;
}
/** Block and slots of a linear's weight [k, n] and bias [n]. */
export function linearSlots(layout, name) {
    const l = LINEARS[name];
    const block = BLOCK_OF_GROUP[WEIGHTS[l.w[0]].group];
    const slots = layout[block].slots;
    return { block, w: slots[slotNameOf(l.w)], bias: slots[slotNameOf(l.b)] };
}
/** Block and slots of a LayerNorm's gain and bias. */
export function normSlots(layout, name) {
    const n = NORMS[name];
    const block = BLOCK_OF_GROUP[WEIGHTS[n.gamma].group];
    const slots = layout[block].slots;
    return { block, gain: slots[slotNameOf([n.gamma])], beta: slots[slotNameOf([n.beta])] };
}
/** Total elements of all blocks in file order: embed, stored layers, head. */
export function packedFloats(layout) {
    return layout.embed.floats + layout.storedLayers * layout.layer.floats + layout.head.floats;
}
/** The element array type of a precision. */
function blockOf(precision, length) {
    return precision === 'f16' ? new Uint16Array(length) : new Float32Array(length);
}
/** One contiguous array in file order (embed, stored layers, head), e.g. for a weights.bin. */
export function joinWeights(packed) {
    const blocks = [packed.embed, ...packed.layers, packed.head];
    const out = blockOf(packed.precision, blocks.reduce((n, b) => n + b.length, 0));
    let at = 0;
    for (const b of blocks) {
        out.set(b, at);
        at += b.length;
    }
    return out;
}
/**
 * Views of the blocks of a joined array (no copy): Float32Array at f32, Uint16Array (the halves' bits) at
 * f16; throws RangeError if its type or size does not match the layout.
 */
export function splitWeights(layout, data) {
    const total = packedFloats(layout);
    if (!(data instanceof (layout.precision === 'f16' ? Uint16Array : Float32Array))) {
        throw new RangeError(`${layout.precision} weights need a ${layout.precision === 'f16' ? 'Uint16Array' : 'Float32Array'}, got a ${data.constructor.name}`);
    }
    if (data.length !== total)
        throw new RangeError(`weights have ${data.length} ${layout.precision} values, the layout needs ${total}`);
    const view = (at, n) => data.subarray(at, at + n);
    const L = layout.layer.floats;
    const first = layout.embed.floats;
    return {
        precision: layout.precision,
        embed: view(0, first),
        layers: Array.from({ length: layout.storedLayers }, (_, l) => view(first + l * L, L)),
        head: view(first + layout.storedLayers * L, layout.head.floats),
    };
}
