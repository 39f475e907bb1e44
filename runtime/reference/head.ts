// Output heads (pooler + classifier, or per-token classifier) on h^L: shared by both forms.

import { poolerActivation, type Model } from '../../contract/model.ts';
import { dense, relu, type Store } from './math.ts';

export interface HeadOutputs {
  readonly pooled?: Float64Array[]; // [B] of [d]
  readonly logits?: Float64Array[]; // [B] of [N] (sequence heads) or [len, N] (token head)
}

/**
 * Applies the model's head to h^L of each sequence ([B] of [len, d], input order). Sequence heads read
 * row 0 only ([CLS]): pooled = act(h0 @ Wp + bp), act tanh or relu (head.pooler), logits = pooled @ Wc + bc. Token head: h @ Wc + bc.
 */
export function applyHead(model: Model, hidden: readonly Float64Array[], store: Store): HeadOutputs {
  const d = model.arch.hidden;
  const head = model.head;
  const hw = model.weights.head;
  if (head.kind === 'none') return {};
  if (!hw.classifierW || !hw.classifierB) throw new RangeError(`model head '${head.kind}' has no classifier weights`);
  const cW = hw.classifierW, cB = hw.classifierB;
  const labels = head.kind === 'regression' ? 1 : head.labels;
  if (head.kind === 'token') {
    const logits = hidden.map((h) => {
      const len = h.length / d;
      const out = new Float64Array(len * labels);
      dense(h, len, d, cW, cB, labels, out);
      store(out);
      return out;
    });
    return { logits };
  }
  if (!hw.poolerW || !hw.poolerB) throw new RangeError(`model head '${head.kind}' has no pooler weights`);
  const pW = hw.poolerW, pB = hw.poolerB;
  const act = poolerActivation(head) === 'relu' ? relu : Math.tanh;
  const pooled: Float64Array[] = [];
  const logits: Float64Array[] = [];
  for (const h of hidden) {
    const p = new Float64Array(d);
    dense(h, 1, d, pW, pB, d, p); // row 0 = [CLS]
    store(p);
    for (let j = 0; j < d; j++) p[j] = act(p[j]!);
    store(p);
    const z = new Float64Array(labels);
    dense(p, 1, d, cW, cB, labels, z);
    store(z);
    pooled.push(p);
    logits.push(z);
  }
  return { pooled, logits };
}
