// The reference bucket rule (docs/hashee.md section 2): bucket -> layers, and the walk over a ranked type list.

import type { ExitTable } from '../../runtime/model.ts';
import { HasheeError, type SourceLocation } from '../errors.ts';

export interface BucketParams {
  readonly layers: number;                    // L
  readonly buckets: number;                   // B
  readonly bucketLayers?: readonly number[];  // explicit bucket j -> layers
  readonly locations?: ReadonlyMap<string, SourceLocation>;
}

/**
 * layers[j] for j = 0..B-1. Reference: MAX_LAYER = L + 1, interval = (MAX_LAYER - 1) // B, bucket j
 * processes 1 + j * interval layers. With B > L the interval would be 0 (every bucket one layer), so
 * that is rejected unless bucket_layers is given.
 */
export function bucketLayers(p: BucketParams): number[] {
  const { layers: L, buckets: B } = p;
  const where = (keyPath: string): { location?: SourceLocation; keyPath: string } => ({ location: p.locations?.get(keyPath), keyPath });
  if (!Number.isInteger(B) || B < 1) throw new HasheeError('spec-value', `buckets must be a positive integer, got ${B}`, where('exit.buckets'));
  if (p.bucketLayers) {
    if (p.bucketLayers.length !== B) {
      throw new HasheeError('spec-value', `bucket_layers has ${p.bucketLayers.length} entries for ${B} buckets`, { ...where('exit.bucket_layers'), expected: `${B} entries` });
    }
    p.bucketLayers.forEach((k, j) => {
      if (!Number.isInteger(k) || k < 1 || k > L) {
        throw new HasheeError('spec-value', `bucket_layers[${j}] = ${k} is not a layer count in 1..${L}`, where(`exit.bucket_layers[${j}]`));
      }
    });
    return [...p.bucketLayers];
  }
  if (B > L) {
    throw new HasheeError('spec-value', `${B} buckets for ${L} layers: the reference rule gives every bucket 1 layer`, {
      ...where('exit.buckets'), expected: `buckets <= ${L}, or explicit bucket_layers`, actual: `${B}`,
    });
  }
  const interval = Math.floor(L / B);
  return Array.from({ length: B }, (_, j) => 1 + j * interval);
}

/**
 * Bucket index of each rank 0..n-1 (most important first), as the reference walk assigns them:
 * bucket_size = n // B; after every bucket_size types move to the next bucket, never past bucket B-1,
 * which takes the remainder. With n < B, bucket_size is 0 and the reference's `count >= bucket_size`
 * test moves on after every type, so type i gets bucket i (same as bucket_size 1); we reproduce that.
 * Deviation, as docs/hashee.md states the rule: the reference guards the step with
 * `bucket_id < MAX_LAYER`, so when 1 + (B-1) * interval < L (e.g. L = 12, B = 6) it steps once past
 * the last bucket and the n mod B least important types get min(1 + B * interval, L) layers instead
 * of the last bucket's (at most B - 1 types; full depth for L = 12, B = 6).
 */
export function walkBuckets(n: number, buckets: number): Uint8Array {
  const size = Math.floor(n / buckets);
  const out = new Uint8Array(n);
  let j = 0, inBucket = 0;
  for (let r = 0; r < n; r++) {
    out[r] = j;
    inBucket++;
    if (inBucket >= size && j < buckets - 1) { j++; inBucket = 0; }
  }
  return out;
}

/** Exit table of length V: every id at L, then ranked ids at their bucket's layers (specials must not be ranked). */
export function tableFromRanking(ranked: readonly number[], layersOfBucket: readonly number[], L: number, vocabSize: number): ExitTable {
  const table = new Uint8Array(vocabSize).fill(L);
  const bucket = walkBuckets(ranked.length, layersOfBucket.length);
  ranked.forEach((id, r) => { table[id] = layersOfBucket[bucket[r]!]!; });
  return table;
}
