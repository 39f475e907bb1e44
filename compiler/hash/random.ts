// Consistent random hash: every non-special vocabulary id gets a uniformly random bucket, fixed by the seed.

import type { ExitTable } from '../../contract/model.ts';
import { createRng } from '../util/rng.ts';

/** Draws one bucket per id in id order, skipping special ids (they stay at L), like the reference. */
export function randomTable(seed: number, layersOfBucket: readonly number[], special: ReadonlySet<number>, L: number, vocabSize: number): ExitTable {
  const rng = createRng(seed);
  const table = new Uint8Array(vocabSize).fill(L);
  for (let id = 0; id < vocabSize; id++) {
    if (!special.has(id)) table[id] = layersOfBucket[rng.int(layersOfBucket.length)]!;
  }
  return table;
}
