// The training backends' vectors: float32 (the SIMD kernels) or float64 (the gradient-check backend).

export type Vec = Float32Array | Float64Array;
