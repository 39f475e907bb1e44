// Losses of the sequence heads, averaged over the batch, with their gradient with respect to the logits.

import type { Vec } from './backend.ts';

export interface LossValue {
  readonly loss: number;    // mean over the batch
  readonly correct: number; // classification: argmax == label count (0 for regression)
}

/** Softmax cross-entropy of logits [B, N] against integer labels; dlogits = (softmax - onehot) / B. */
export function crossEntropy(logits: Vec, labels: readonly number[], N: number, dlogits: Vec): LossValue {
  const B = labels.length;
  let loss = 0, correct = 0;
  for (let b = 0; b < B; b++) {
    const o = b * N, y = labels[b]!;
    let max = -Infinity, arg = 0;
    for (let j = 0; j < N; j++) if (logits[o + j]! > max) { max = logits[o + j]!; arg = j; }
    let sum = 0;
    for (let j = 0; j < N; j++) sum += Math.exp(logits[o + j]! - max);
    loss += Math.log(sum) + max - logits[o + y]!;
    for (let j = 0; j < N; j++) dlogits[o + j] = (Math.exp(logits[o + j]! - max) / sum - (j === y ? 1 : 0)) / B;
    if (arg === y) correct++;
  }
  return { loss: loss / B, correct };
}

/** Mean squared error of one output per sequence; dlogits = 2 (z - y) / B. */
export function meanSquared(logits: Vec, targets: readonly number[], dlogits: Vec): LossValue {
  const B = targets.length;
  let loss = 0;
  for (let b = 0; b < B; b++) {
    const e = logits[b]! - targets[b]!;
    loss += e * e;
    dlogits[b] = (2 * e) / B;
  }
  return { loss: loss / B, correct: 0 };
}
