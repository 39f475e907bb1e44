// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
// Per-call schedule of the WebGPU engine, computed on the CPU from the batch plan before anything is
// submitted: the dispatch list with its workgroup counts, the uniform count slots and the row metadata.
import { bufferWidth } from "../../contract/program.js";
import { COUNT_FIELDS, ROW_INFO, ROW_THREADS, SLOT_BYTES, TILES, isProduct, kernelsOf, slotOf, tileFor } from "./program.js";
/** Workgroups of a product with `rows` rows and `cols` output columns in tile `t`. */
const tiles = (rows, cols, t) => [Math.ceil(cols / TILES[t].cols), Math.ceil(rows / TILES[t].rows), 1];
/**
 * Workgroup counts of each op's kernel for `rows` rows (its RowCount) and tile (products): row kernels
 * one workgroup per row, attention one per (row, head), products one per output tile, per-sequence
 * dense layers ROW_THREADS outputs per workgroup and one workgroup row per sequence.
 */
const GROUPS = {
    embed: (_s, _k, m) => [m, 1, 1],
    norm: (_s, _k, m) => [m, 1, 1],
    attention: (_s, _k, m, a) => [m, a.heads, 1],
    linear: (s, k, m, a, h, t) => {
        const n = bufferWidth(s.out, a, h);
        return isProduct(k) ? tiles(m, n, t) : [Math.ceil(n / ROW_THREADS), m, 1];
    },
};
/** The number each RowCount means in a slot: slot 0 and L + 1 count every row. */
function slotCount(plan, slot, count) {
    if (count === 'seqs')
        return plan.seqCount;
    if (count === 'rows' || slot === 0 || slot > plan.layers)
        return plan.rows;
    return plan.active[slot];
}
/**
 * The dispatches of one call, in program order: the embedding steps over all rows; per layer its steps
 * (K/V over all rows, the rest over the active prefix; a layer with no active rows is skipped: its K/V
 * would never be read); then the final LayerNorm and the head. Sizes and product tiles come from the
 * plan and the adapter's tile policy alone.
 */
export function scheduleCall(plan, arch, head, policy = 'gpu') {
    const out = [];
    const kernels = [...kernelsOf(arch, head).values()];
    const add = (k, slot) => {
        const rows = slotCount(plan, slot, k.count);
        const tile = tileFor(rows, policy);
        const groups = GROUPS[k.step.op](k.step, k, rows, arch, head, tile);
        out.push(isProduct(k) ? { kernel: k.step.name, slot, tile, groups } : { kernel: k.step.name, slot, groups });
    };
    for (const k of kernels.filter((x) => x.stage === 'embed'))
        add(k, 0);
    for (let l = 1; l <= plan.layers; l++) {
        if (plan.active[l] === 0)
            continue;
        for (const k of kernels.filter((x) => x.stage === 'layer'))
            add(k, slotOf('layer', l, plan.layers));
    }
    for (const k of kernels.filter((x) => x.stage === 'final' || x.stage === 'head'))
        add(k, slotOf(k.stage, 0, plan.layers));
    return out;
}
/** Info buffer sections for n rows and B sequences (u32 offsets): rows [n x ROW_INFO], keyRows [n], clsRows [B]. */
function sections(n, B) {
    const keyRowsAt = n * ROW_INFO;
    const clsAt = keyRowsAt + n;
    return { keyRowsAt, clsAt, words: clsAt + B };
}
/** Size in u32 of the info buffer for n rows and B sequences. */
export const infoWords = (n, B) => sections(n, B).words;
const infoSections = (plan) => sections(plan.rows, plan.seqCount);
/** The uniform count slots of one call ((L + 2) x SLOT_BYTES), written once before the submit. */
export function callCounts(plan) {
    const words = SLOT_BYTES / 4;
    const out = new Uint32Array((plan.layers + 2) * words);
    const { keyRowsAt, clsAt } = infoSections(plan);
    for (let slot = 0; slot <= plan.layers + 1; slot++) {
        const values = {
            rows: plan.rows,
            prefix: slotCount(plan, slot, 'prefix'),
            seqs: plan.seqCount,
            keyRowsAt,
            clsAt,
        };
        COUNT_FIELDS.forEach((f, i) => { out[slot * words + i] = values[f]; });
    }
    return out;
}
/**
 * Row metadata (u32) in packed row order: per row id, token type, position, start of its sequence's keys
 * in keyRows and their count; then keyRows (packed rows of each sequence, in position order); then each
 * sequence's [CLS] (position 0) row. `ids`/`types` are flat in input order.
 */
export function callInfo(plan, ids, types) {
    const { keyRowsAt, clsAt, words } = infoSections(plan);
    const out = new Uint32Array(words);
    for (let r = 0; r < plan.rows; r++) {
        const g = plan.order[r];
        const s = plan.seqOfRow[r];
        const o = r * ROW_INFO;
        out[o] = ids[g];
        out[o + 1] = types[g];
        out[o + 2] = plan.posOfRow[r];
        out[o + 3] = plan.seqStart[s];
        out[o + 4] = plan.seqStart[s + 1] - plan.seqStart[s];
    }
    out.set(plan.keyRows, keyRowsAt);
    for (let s = 0; s < plan.seqCount; s++)
        out[clsAt + s] = plan.rowOf[plan.seqStart[s]];
    return out;
}
