// AdamW (decoupled weight decay, bias-corrected moments) over the flat parameter array, global-norm
// gradient clipping, and the linear warmup / linear decay learning-rate schedule.

import type { Vec } from './vec.ts';

export interface AdamWSettings {
  readonly beta1: number;       // 0.9
  readonly beta2: number;       // 0.999
  readonly eps: number;         // 1e-8
  readonly weightDecay: number; // applied to [0, decayEnd) only
}

export const ADAMW_DEFAULTS: AdamWSettings = { beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0.01 };

/**
 * One update at step t (1-based) with learning rate lr, as torch.optim.AdamW:
 *   p -= lr * wd * p (decay range only); m = b1 m + (1 - b1) g; v = b2 v + (1 - b2) g^2;
 *   p -= lr * (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps).
 */
export function adamwStep(p: Vec, g: Vec, m: Vec, v: Vec, decayEnd: number, t: number, lr: number, s: AdamWSettings): void {
  const { beta1: b1, beta2: b2, eps } = s;
  const c1 = 1 - b1 ** t, c2 = 1 - b2 ** t;
  const decay = 1 - lr * s.weightDecay;
  for (let i = 0; i < p.length; i++) {
    const gi = g[i]!;
    const mi = b1 * m[i]! + (1 - b1) * gi;
    const vi = b2 * v[i]! + (1 - b2) * gi * gi;
    m[i] = mi;
    v[i] = vi;
    const pi = i < decayEnd ? p[i]! * decay : p[i]!;
    p[i] = pi - (lr * (mi / c1)) / (Math.sqrt(vi / c2) + eps);
  }
}

/** Scales g so that its L2 norm is at most maxNorm (as torch's clip_grad_norm_); returns the norm before. */
export function clipGradNorm(g: Vec, maxNorm: number): number {
  let ss = 0;
  for (let i = 0; i < g.length; i++) ss += g[i]! * g[i]!;
  const norm = Math.sqrt(ss);
  const coef = maxNorm / (norm + 1e-6);
  if (maxNorm > 0 && coef < 1) for (let i = 0; i < g.length; i++) g[i] = g[i]! * coef;
  return norm;
}

/** Learning rate of step t (0-based) of `total`: linear warmup over `warmup` steps to `base`, then linear decay to 0. */
export function scheduledLr(base: number, t: number, total: number, warmup: number): number {
  if (t < warmup) return (base * (t + 1)) / warmup;
  return base * Math.max(0, (total - t) / Math.max(1, total - warmup));
}
