// Frequency hash: token types ranked by corpus count, most frequent first (they exit earliest).

import { HasheeError } from '../errors.ts';

/** Non-special ids in first-occurrence order, with their counts; ids must be < vocabSize. */
export function countTypes(sequences: readonly (readonly number[])[], special: ReadonlySet<number>, vocabSize: number): { firstSeen: number[]; counts: Float64Array } {
  const counts = new Float64Array(vocabSize);
  const firstSeen: number[] = [];
  for (const seq of sequences) {
    for (const id of seq) {
      if (special.has(id)) continue;
      if (!(id >= 0 && id < vocabSize)) {
        throw new HasheeError('policy', `the tokenizer produced id ${id}, outside the model vocabulary (vocab_size ${vocabSize})`, { keyPath: 'model.vocab_size' });
      }
      if (counts[id] === 0) firstSeen.push(id);
      counts[id]!++;
    }
  }
  return { firstSeen, counts };
}

/** Ids by descending count; ties keep first-occurrence order (a stable sort, like the reference's sorted()). */
export function frequencyRanking(sequences: readonly (readonly number[])[], special: ReadonlySet<number>, vocabSize: number): number[] {
  const { firstSeen, counts } = countTypes(sequences, special, vocabSize);
  return firstSeen.sort((a, b) => counts[b]! - counts[a]!);
}
