// Mutual-information hash: token types ranked by MI with the sentence label, highest first.

import { HasheeError } from '../errors.ts';
import { countTypes } from './frequency.ts';

/**
 * MI(x) = sum_y p(x,y) * log(p(x,y) / (p(x) p(y)) + 1e-6), as the reference computes it:
 * p(x) = count(x) / N and p(x,y) = count(x in sentences labelled y) / N over the N non-special
 * tokens; p(y) = sentences labelled y / sentences. The reference handles exactly two labels; this
 * sums over every label present (first-seen order). It also starts each type's per-label counts at
 * zero on the type's first occurrence, dropping that occurrence from p(x,y); we count it (the
 * documented formula), which only differs in that one occurrence per type.
 */
export function miScores(sequences: readonly (readonly number[])[], labels: readonly string[], special: ReadonlySet<number>, vocabSize: number): { firstSeen: number[]; mi: Float64Array } {
  if (labels.length !== sequences.length) {
    throw new HasheeError('policy', `the mi policy needs a label for every row (${labels.length} labels, ${sequences.length} rows)`, { keyPath: 'exit.corpus.label_column' });
  }
  const labelIndex = new Map<string, number>();
  const y = labels.map((l) => labelIndex.get(l) ?? (labelIndex.set(l, labelIndex.size), labelIndex.size - 1));
  const Y = labelIndex.size;
  const { firstSeen, counts } = countTypes(sequences, special, vocabSize);
  const joint = new Float64Array(vocabSize * Y); // [V, Y] token counts per label
  const sentencesOf = new Float64Array(Y);
  let tokens = 0;
  sequences.forEach((seq, s) => {
    sentencesOf[y[s]!]!++;
    for (const id of seq) {
      if (special.has(id)) continue;
      joint[id * Y + y[s]!]!++;
      tokens++;
    }
  });
  const mi = new Float64Array(vocabSize);
  for (const id of firstSeen) {
    const px = counts[id]! / tokens;
    let sum = 0;
    for (let k = 0; k < Y; k++) {
      const pxy = joint[id * Y + k]! / tokens;
      const py = sentencesOf[k]! / sequences.length;
      sum += Math.log(pxy / (px * py) + 1e-6) * pxy;
    }
    mi[id] = sum;
  }
  return { firstSeen, mi };
}

/** Ids by descending MI; ties keep first-occurrence order. */
export function miRanking(sequences: readonly (readonly number[])[], labels: readonly string[], special: ReadonlySet<number>, vocabSize: number): number[] {
  const { firstSeen, mi } = miScores(sequences, labels, special, vocabSize);
  return firstSeen.sort((a, b) => mi[b]! - mi[a]!);
}
