// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
// The WebGPU program: one kernel per step of the model's program (contract/program.ts), with what the WGSL
// emitter and the engine share about it (weight block, bindings, row counts, tile sizes), and the compiled
// artifact (one WGSL module per kernel, one per tile shape for products) the engine loads.
import { encoderProgram, programSteps, stepReads } from "../../contract/program.js";
import { BLOCK_OF_GROUP } from "../../contract/webgpu-layout.js";
const COUNT_OF_ROWS = { all: 'rows', prefix: 'prefix', cls: 'seqs', seqs: 'seqs' };
/** Steps that read the per-row metadata: embeddings (ids, types, positions), attention (key rows), [CLS] gathers. */
function readsInfo(step) {
    return step.op === 'embed' || step.op === 'attention' || step.rows === 'cls';
}
function blockOf(step, stage) {
    if (step.op === 'attention')
        return 'none';
    return BLOCK_OF_GROUP[stage === 'layer' ? 'layer' : stage === 'embed' ? 'embed' : stage];
}
/** Every kernel of a model in program order, with its bindings' roles and row count. */
export function kernelsOf(arch, head) {
    const out = new Map();
    for (const { stage, step } of programSteps(encoderProgram(arch, head))) {
        const reads = [...(readsInfo(step) ? ['info'] : []), ...stepReads(step)];
        out.set(step.name, { step, stage, block: blockOf(step, stage), reads, writes: [step.out], count: COUNT_OF_ROWS[step.rows] });
    }
    return out;
}
/** Bind group 0 of a kernel: 0 = counts (uniform slot), 1 = weight block (if any), then reads, then writes. */
export function bindingsOf(kernel) {
    const list = [{ binding: 0, name: 'counts', kind: 'uniform' }];
    if (kernel.block !== 'none')
        list.push({ binding: list.length, name: 'weights', kind: 'read' });
    for (const r of kernel.reads)
        list.push({ binding: list.length, name: r, kind: 'read' });
    for (const r of kernel.writes)
        list.push({ binding: list.length, name: r, kind: 'read_write' });
    return list;
}
/** Linear steps over token rows are tiled matrix products (one module per tile shape); per-sequence ones are row kernels. */
export function isProduct(kernel) {
    return kernel.step.op === 'linear' && (kernel.step.rows === 'all' || kernel.step.rows === 'prefix');
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
/** Workgroup size of the row kernels (embedding, LayerNorm, attention, per-sequence dense layers). */
export const ROW_THREADS = 64;
/**
 * Per-call uniform slots, one per 256 bytes (minUniformBufferOffsetAlignment): slot 0 = embeddings,
 * slot l = layer l, slot L + 1 = final LayerNorm and head. Fields are u32, in this order.
 */
export const COUNT_FIELDS = ['rows', 'prefix', 'seqs', 'keyRowsAt', 'clsAt'];
export const SLOT_BYTES = 256;
export const SLOT_FIELDS = 8; // struct padded to 32 bytes (uniform structs are 16-byte multiples)
/** Uniform slot (and weight block) of a stage: embeddings 0, layer l, final and head L + 1. */
export function slotOf(stage, layer, layers) {
    return stage === 'embed' ? 0 : stage === 'layer' ? layer : layers + 1;
}
/** Per-row metadata in the info buffer (u32): id, token type, position, key start, key count. */
export const ROW_INFO = 5;
/** The modules a device runs: each plain module, or its feature twin where the device has that feature. */
export function modulesFor(program, features) {
    const twinned = new Set(program.modules.filter((m) => m.feature && features.has(m.feature)).map((m) => moduleKey(m.kernel, m.tile)));
    return program.modules.filter((m) => (m.feature ? features.has(m.feature) : !twinned.has(moduleKey(m.kernel, m.tile))));
}
