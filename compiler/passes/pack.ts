// Weight-packing helpers shared by the targets' packers: columns side by side, k-major panels.

/** Columns side by side: [k, n1] ++ [k, n2] ++ ... -> [k, n1 + n2 + ...]; `scale` multiplies one part. */
export function concatColumns(k: number, parts: readonly { readonly w: Float32Array; readonly n: number; readonly scale?: number }[]): Float32Array {
  const n = parts.reduce((s, p) => s + p.n, 0);
  const out = new Float32Array(k * n);
  for (let i = 0; i < k; i++) {
    let col = 0;
    for (const p of parts) {
      const s = p.scale ?? 1;
      for (let j = 0; j < p.n; j++) out[i * n + col + j] = p.w[i * p.n + j]! * s;
      col += p.n;
    }
  }
  return out;
}

/** W [k, n] row-major -> [n / nr][k][nr]. */
export function packPanels(w: Float32Array, k: number, n: number, nr: number): Float32Array {
  const out = new Float32Array(k * n);
  let o = 0;
  for (let p = 0; p < n; p += nr) {
    for (let i = 0; i < k; i++) {
      const row = i * n + p;
      for (let j = 0; j < nr; j++) out[o++] = w[row + j]!;
    }
  }
  return out;
}
