// Row-major matrix layout helper shared by export (our [in, out] to Gemm's [out, in]) and import (back).

/** [rows, cols] row-major -> [cols, rows]. */
export function transpose(a: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(a.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = a[r * cols + c]!;
  return out;
}
