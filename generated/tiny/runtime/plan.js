// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
// Per-call exit plan in prefix form: tokens of all sequences packed by exit layer (descending) so that
// the rows that compute queries onward at every layer form a dense prefix [0, active[l]).
/** Exit layer of one id: ids outside the table get the full depth. */
export function exitOf(table, id, layers) {
    const k = id >= 0 && id < table.length ? table[id] : layers;
    return k >= 1 && k <= layers ? k : layers;
}
/**
 * Orders tokens by (exit desc, position-0 first, sequence, position). Exits come from the table alone
 * ([CLS] and other special ids get L there); putting position 0 first within each exit group makes the
 * [CLS]-only last layer a prefix as well.
 */
export function planBatch(table, batch, layers, opts = {}) {
    const B = batch.length;
    const seqStart = new Int32Array(B + 1);
    for (let s = 0; s < B; s++)
        seqStart[s + 1] = seqStart[s] + batch[s].length;
    const n = seqStart[B];
    const exitFlat = new Uint8Array(n);
    const seqFlat = new Int32Array(n);
    const posFlat = new Int32Array(n);
    for (let s = 0; s < B; s++) {
        const ids = batch[s];
        for (let p = 0; p < ids.length; p++) {
            const g = seqStart[s] + p;
            exitFlat[g] = opts.fullDepth ? layers : exitOf(table, ids[p], layers);
            seqFlat[g] = s;
            posFlat[g] = p;
        }
    }
    const order = Int32Array.from({ length: n }, (_, i) => i);
    order.sort((a, b) => {
        const de = exitFlat[b] - exitFlat[a];
        if (de !== 0)
            return de;
        const dc = (posFlat[a] === 0 ? 0 : 1) - (posFlat[b] === 0 ? 0 : 1);
        if (dc !== 0)
            return dc;
        return a - b;
    });
    const rowOf = new Int32Array(n);
    const seqOfRow = new Int32Array(n);
    const posOfRow = new Int32Array(n);
    const exitOfRow = new Uint8Array(n);
    for (let r = 0; r < n; r++) {
        const g = order[r];
        rowOf[g] = r;
        seqOfRow[r] = seqFlat[g];
        posOfRow[r] = posFlat[g];
        exitOfRow[r] = exitFlat[g];
    }
    const active = new Int32Array(layers + 1);
    active[0] = n;
    for (let l = 1; l <= layers; l++) {
        let m = 0;
        while (m < n && exitOfRow[m] >= l)
            m++;
        active[l] = m;
    }
    const clsOnly = !!opts.clsOnlyLastLayer;
    if (clsOnly && layers >= 1) {
        let m = 0;
        while (m < active[layers] && posOfRow[m] === 0)
            m++;
        active[layers] = m;
    }
    const keyRows = new Int32Array(n);
    for (let g = 0; g < n; g++)
        keyRows[g] = rowOf[g];
    return { layers, rows: n, seqCount: B, seqStart, order, rowOf, seqOfRow, posOfRow, exitOfRow, active, keyRows, clsOnlyLastLayer: clsOnly };
}
/** Keys the first `m` (active) rows attend to: the sum of their sequences' lengths. */
export function keysSeen(plan, m) {
    let keys = 0;
    for (let r = 0; r < m; r++) {
        const s = plan.seqOfRow[r];
        keys += plan.seqStart[s + 1] - plan.seqStart[s];
    }
    return keys;
}
export function countWork(plan, arch) {
    const d = arch.hidden, f = arch.ffn, L = plan.layers;
    const perLayer = new Float64Array(L);
    let total = 0;
    for (let l = 1; l <= L; l++) {
        const m = plan.active[l];
        const macs = 2 * plan.rows * d * d + 2 * m * d * d + 2 * keysSeen(plan, m) * d + 2 * m * d * f;
        perLayer[l - 1] = macs;
        total += macs;
    }
    return { perLayer, macs: total, flops: 2 * total };
}
