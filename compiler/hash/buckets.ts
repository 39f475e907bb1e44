// The reference bucket rule (docs/hashee.md section 2): bucket -> layers, and the walk over a ranked type list.

import type { ExitTable } from '../../contract/model.ts';
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
 * Layers of each rank 0..n-1 (most important first), walking as the reference code does: bucket_size =
 * n // B; after every bucket_size types, step to the next bucket while `bucket_id < MAX_LAYER`.
 * Consequences kept from the code (where hashee.md's "the last bucket takes the remainder" is looser,
 * the code wins): when the last bucket still runs fewer than L layers (1 + (B-1) * interval < L, e.g.
 * L = 12, B = 6), the walk steps past it and the leftover types run min(1 + j * interval, L) layers
 * (full depth for L = 12, B = 6); with n < B (bucket_size 0) every type steps, so type i gets bucket i.
 * With explicit bucket_layers there is no reference behaviour to follow: the last bucket takes the rest.
 */
export function walkLayers(n: number, p: BucketParams): Uint8Array {
  const explicit = bucketLayers(p);
  const L = p.layers, B = p.buckets;
  const interval = Math.floor(L / B);
  const layersAt = (j: number): number => (p.bucketLayers ? explicit[Math.min(j, B - 1)]! : Math.min(1 + j * interval, L));
  const canStep = (j: number): boolean => (p.bucketLayers ? j < B - 1 : 1 + j * interval < L);
  const size = Math.floor(n / B);
  const out = new Uint8Array(n);
  let j = 0, inBucket = 0;
  for (let r = 0; r < n; r++) {
    out[r] = layersAt(j);
    inBucket++;
    if (inBucket >= size && canStep(j)) { j++; inBucket = 0; }
  }
  return out;
}

/** Exit table of length V: every id at L, then ranked ids at their walk's layers (specials must not be ranked). */
export function tableFromRanking(ranked: readonly number[], p: BucketParams, vocabSize: number): ExitTable {
  const table = new Uint8Array(vocabSize).fill(p.layers);
  const layers = walkLayers(ranked.length, p);
  ranked.forEach((id, r) => { table[id] = layers[r]!; });
  return table;
}
