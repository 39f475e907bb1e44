// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
// The contract between a generated WASM module and the engine: memory import, exported kernels and their
// signatures (all pointers are byte addresses in linear memory, all ranges half-open).
/** Largest linear memory a module may be given (4 GiB of 64 KiB pages); declared as its maximum. */
export const MAX_PAGES = 65536;
/**
 * Exported kernels. `layer` is 0-based; gemms take rows [r0, r1) and column panels [p0, p1) of the product:
 *   mm_qkv(layer, x, y, res, r0, r1, p0, p1)  y [rows, 3d] = x [rows, d] @ Wqkv + b   (Q pre-scaled by 1/sqrt(dh))
 *   mm_o  (layer, x, y, res, r0, r1, p0, p1)  y [rows, d]  = x @ Wo + b + res
 *   mm_f1 (layer, x, y, res, r0, r1, p0, p1)  y [rows, f]  = act(x @ W1 + b)
 *   mm_f2 (layer, x, y, res, r0, r1, p0, p1)  y [rows, d]  = x [rows, f] @ W2 + b + res
 *   mm_pool(0, x, y, res, r0, r1, p0, p1)     y [rows, d]  = tanh(x @ Wp + b)   (sequence heads only)
 *   ln_emb / ln1 / ln2 (layer, x, y, r0, r1)  y[r] = LayerNorm(x[r])
 *   gather_kt(qkv, seqMeta, s0, s1)            per-sequence transposed keys (compiler/emit/wasm/kernels.ts)
 *   attend(qkv, ctx, rowSeq, seqMeta, scores, i0, i1)
 */
export const KERNELS = ['mm_qkv', 'mm_o', 'mm_f1', 'mm_f2', 'mm_pool', 'ln_emb', 'ln1', 'ln2', 'gather_kt', 'attend'];
