// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
// The WebGPU program: the kernel catalogue shared by the WGSL emitter and the engine (bindings, row
// counts, tile sizes), and the compiled artifact (one WGSL module per kernel) the engine loads.
export const KERNELS = {
    embed: { block: 'embed', reads: ['info'], writes: ['h'], count: 'rows' },
    kv: { block: 'layer', reads: ['h'], writes: ['kv'], count: 'rows' },
    query: { block: 'layer', reads: ['h'], writes: ['q'], count: 'prefix' },
    attention: { block: 'none', reads: ['info', 'q', 'kv'], writes: ['ctx'], count: 'prefix' },
    attnOut: { block: 'layer', reads: ['ctx'], writes: ['tmp'], count: 'prefix' },
    attnNorm: { block: 'layer', reads: ['tmp', 'h'], writes: ['h1'], count: 'prefix' },
    ffnUp: { block: 'layer', reads: ['h1'], writes: ['ffn'], count: 'prefix' },
    ffnDown: { block: 'layer', reads: ['ffn'], writes: ['tmp'], count: 'prefix' },
    ffnNorm: { block: 'layer', reads: ['tmp', 'h1'], writes: ['h'], count: 'prefix' },
    pooler: { block: 'head', reads: ['info', 'h'], writes: ['pooled'], count: 'seqs' },
    classifier: { block: 'head', reads: ['pooled'], writes: ['logits'], count: 'seqs' },
    tokenHead: { block: 'head', reads: ['h'], writes: ['logits'], count: 'rows' },
};
/** Encoder kernels in dispatch order within one layer. */
export const LAYER_KERNELS = ['kv', 'query', 'attention', 'attnOut', 'attnNorm', 'ffnUp', 'ffnDown', 'ffnNorm'];
/** Head kernels in dispatch order. */
export function headKernels(head) {
    switch (head.kind) {
        case 'none': return [];
        case 'classification':
        case 'regression': return ['pooler', 'classifier'];
        case 'token': return ['tokenHead'];
    }
}
/** Every kernel a model needs, in a fixed order (the order of the program's modules). */
export function kernelsFor(head) {
    return ['embed', ...LAYER_KERNELS, ...headKernels(head)];
}
/** Bind group 0 of a kernel: 0 = counts (uniform slot), 1 = weight block (if any), then reads, then writes. */
export function bindingsOf(kernel) {
    const k = KERNELS[kernel];
    const list = [{ binding: 0, name: 'counts', kind: 'uniform' }];
    if (k.block !== 'none')
        list.push({ binding: list.length, name: 'weights', kind: 'read' });
    for (const r of k.reads)
        list.push({ binding: list.length, name: r, kind: 'read' });
    for (const r of k.writes)
        list.push({ binding: list.length, name: r, kind: 'read_write' });
    return list;
}
const PRODUCTS = new Set(['kv', 'query', 'attnOut', 'ffnUp', 'ffnDown', 'tokenHead']);
export function isProduct(kernel) {
    return PRODUCTS.has(kernel);
}
export const TILE_NAMES = ['wide', 'narrow'];
/**
 * Product tiles, 16x16 workgroups, 4 columns per invocation.
 * wide = 128x64 outputs, up to 8x4 per invocation, operands staged through workgroup memory in k-steps of
 * 8 (a k-step of 16 compiles three times slower on SwiftShader). Invocations loop over their tile rows only
 * up to the live ones (rows below the count), so a tile costs a fixed part (each weight k-step staged once,
 * two barriers per k-step) plus a part per live row: weights are staged once per 128 rows, and a layer
 * thinned by exits pays for its live rows, not for whole tiles (with 64-row tiles, 73 and 103 live rows cost
 * as much as 128 on SwiftShader).
 * narrow = 16x64, one row per invocation, no workgroup memory and no barriers: invocations past the live
 * rows return at once, so short inputs and the [CLS]-only last layer cost about their rows.
 */
export const TILES = {
    wide: { rows: 128, cols: 64, depth: 8, threadsX: 16, threadsY: 16 },
    narrow: { rows: 16, cols: 64, depth: null, threadsX: 16, threadsY: 16 },
};
/** Products over at most this many rows use the narrow tile under the 'gpu' policy. */
export const NARROW_MAX_ROWS = 16;
export function tileFor(rows, policy = 'gpu') {
    return policy === 'cpu' || rows <= NARROW_MAX_ROWS ? 'narrow' : 'wide';
}
/** Name of a kernel's module (and pipeline): `query/wide`, `query/narrow`, `attention`. */
export function moduleKey(kernel, tile) {
    return tile ? `${kernel}/${tile}` : kernel;
}
/** Workgroup size of the row kernels (embedding, LayerNorm, attention, pooler, classifier). */
export const ROW_THREADS = 64;
/**
 * Per-call uniform slots, one per 256 bytes (minUniformBufferOffsetAlignment): slot 0 = embeddings,
 * slot l = layer l, slot L + 1 = head. Fields are u32, in this order.
 */
export const COUNT_FIELDS = ['rows', 'prefix', 'seqs', 'keyRowsAt', 'clsAt'];
export const SLOT_BYTES = 256;
export const SLOT_FIELDS = 8; // struct padded to 32 bytes (uniform structs are 16-byte multiples)
/** Per-row metadata in the info buffer (u32): id, token type, position, key start, key count. */
export const ROW_INFO = 5;
