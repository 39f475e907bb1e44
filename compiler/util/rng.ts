// Seeded pseudo-random numbers (splitmix32 / mulberry-style): same seed, same stream, on every platform.

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Standard normal (Box-Muller, one value per call). */
  normal(): number;
  /** Fills `out` with uniform values in [lo, hi): the same stream as calling next() out.length times. */
  fillUniform(out: Float32Array, lo: number, hi: number): void;
}

export function createRng(seed: number): Rng {
  let state = (seed >>> 0) ^ 0x9e3779b9;
  const nextU32 = (): number => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  const next = (): number => nextU32() / 4294967296;
  return {
    next,
    int: (n) => Math.floor(next() * n),
    normal: () => {
      const u = 1 - next(); // (0, 1]
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    fillUniform: (out, lo, hi) => {
      const scale = (hi - lo) / 4294967296;
      let s = state;
      for (let i = 0; i < out.length; i++) {
        s = (s + 0x9e3779b9) >>> 0;
        let z = s;
        z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
        z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
        out[i] = lo + ((z ^ (z >>> 16)) >>> 0) * scale;
      }
      state = s;
    },
  };
}
