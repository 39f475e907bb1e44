// Task metrics as GLUE reports them: accuracy, F1 of the positive class (MRPC), Pearson and Spearman
// correlation (STS-B; Spearman with average ranks for ties).

import type { Task } from '../train/data.ts';

export function accuracy(pred: readonly number[], gold: readonly number[]): number {
  let ok = 0;
  for (let i = 0; i < gold.length; i++) if (pred[i] === gold[i]) ok++;
  return gold.length === 0 ? 0 : ok / gold.length;
}

/** F1 of class `positive`: 2 tp / (2 tp + fp + fn); 0 when there is no positive anywhere. */
export function f1(pred: readonly number[], gold: readonly number[], positive = 1): number {
  let tp = 0, fp = 0, fn = 0;
  for (let i = 0; i < gold.length; i++) {
    if (pred[i] === positive && gold[i] === positive) tp++;
    else if (pred[i] === positive) fp++;
    else if (gold[i] === positive) fn++;
  }
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}

export function pearson(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  let mx = 0, my = 0;
  for (let i = 0; i < n; i++) { mx += x[i]!; my += y[i]!; }
  mx /= n; my /= n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    const a = x[i]! - mx, b = y[i]! - my;
    sxy += a * b; sxx += a * a; syy += b * b;
  }
  return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
}

/** Ranks 1..n, tied values sharing the mean of their ranks. */
export function ranks(x: readonly number[]): number[] {
  const idx = x.map((_, i) => i).sort((a, b) => x[a]! - x[b]! || a - b);
  const r = new Array<number>(x.length);
  for (let i = 0; i < idx.length;) {
    let j = i;
    while (j + 1 < idx.length && x[idx[j + 1]!] === x[idx[i]!]) j++;
    const mean = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) r[idx[k]!] = mean;
    i = j + 1;
  }
  return r;
}

export function spearman(x: readonly number[], y: readonly number[]): number {
  return pearson(ranks(x), ranks(y));
}

export interface TaskMetrics {
  readonly accuracy?: number; // classification
  readonly f1?: number;       // MRPC
  readonly pearson?: number;  // regression
  readonly spearman?: number;
}

/** The metrics GLUE reports for a task, from the head's outputs per example ([N] logits, or [1] score). */
export function taskMetrics(task: Task, outputs: readonly (ArrayLike<number>)[], gold: readonly number[]): TaskMetrics {
  if (task.kind === 'regression') {
    const score = outputs.map((o) => o[0]!);
    return { pearson: pearson(score, gold), spearman: spearman(score, gold) };
  }
  const pred = outputs.map(argmax);
  return task.name === 'mrpc' ? { accuracy: accuracy(pred, gold), f1: f1(pred, gold) } : { accuracy: accuracy(pred, gold) };
}

/** Index of the largest value (the first on ties). */
export function argmax(v: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < v.length; i++) if (v[i]! > v[best]!) best = i;
  return best;
}

/** One line: "accuracy 81.2%, F1 86.0%" or "Pearson 0.712, Spearman 0.705". */
export function formatMetrics(m: TaskMetrics): string {
  const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
  const parts: string[] = [];
  if (m.accuracy !== undefined) parts.push(`accuracy ${pct(m.accuracy)}`);
  if (m.f1 !== undefined) parts.push(`F1 ${pct(m.f1)}`);
  if (m.pearson !== undefined) parts.push(`Pearson ${m.pearson.toFixed(4)}`);
  if (m.spearman !== undefined) parts.push(`Spearman ${m.spearman.toFixed(4)}`);
  return parts.join(', ');
}
