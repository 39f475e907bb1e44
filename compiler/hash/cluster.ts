// Clustered hash: seeded k-means++ over word-embedding rows; clusters with the smallest summed row norm exit first.

import type { ExitTable } from '../../contract/model.ts';
import { silentProgress, type Progress } from '../progress.ts';
import { createRng } from '../util/rng.ts';

export interface KMeansResult {
  readonly assignment: Int32Array;  // [V] cluster of each row
  readonly centers: Float64Array;   // [k, d]
}

function sqDist(rows: Float32Array, r: number, centers: Float64Array, c: number, d: number): number {
  const ro = r * d, co = c * d;
  let s0 = 0, s1 = 0;
  let i = 0;
  for (; i + 1 < d; i += 2) {
    const t0 = rows[ro + i]! - centers[co + i]!;
    const t1 = rows[ro + i + 1]! - centers[co + i + 1]!;
    s0 += t0 * t0;
    s1 += t1 * t1;
  }
  if (i < d) { const t = rows[ro + i]! - centers[co + i]!; s0 += t * t; }
  return s0 + s1;
}

/**
 * Nearest center of each row (ties to the lower index), by |c|^2 - 2 x.c (|x|^2 is the same for every
 * center); returns how many rows changed cluster.
 */
function assign(rows: Float32Array, V: number, d: number, centers: Float64Array, k: number, out: Int32Array): number {
  const cNorm = new Float64Array(k);
  for (let c = 0; c < k; c++) {
    let s = 0;
    for (let i = 0; i < d; i++) s += centers[c * d + i]! * centers[c * d + i]!;
    cNorm[c] = s;
  }
  let changed = 0;
  for (let r = 0; r < V; r++) {
    const ro = r * d;
    let best = 0, bestD = Infinity;
    for (let c = 0; c < k; c++) {
      const co = c * d;
      let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      let i = 0;
      for (; i + 3 < d; i += 4) {
        s0 += rows[ro + i]! * centers[co + i]!;
        s1 += rows[ro + i + 1]! * centers[co + i + 1]!;
        s2 += rows[ro + i + 2]! * centers[co + i + 2]!;
        s3 += rows[ro + i + 3]! * centers[co + i + 3]!;
      }
      for (; i < d; i++) s0 += rows[ro + i]! * centers[co + i]!;
      const dist = cNorm[c]! - 2 * (s0 + s1 + s2 + s3);
      if (dist < bestD) { bestD = dist; best = c; }
    }
    if (out[r] !== best) { out[r] = best; changed++; }
  }
  return changed;
}

/** k-means++ seeding: the first center uniform, each next one drawn with probability proportional to D(x)^2. */
function seedCenters(rows: Float32Array, V: number, d: number, k: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const centers = new Float64Array(k * d);
  const setCenter = (c: number, r: number): void => { for (let i = 0; i < d; i++) centers[c * d + i] = rows[r * d + i]!; };
  setCenter(0, rng.int(V));
  const nearest = new Float64Array(V).fill(Infinity);
  for (let c = 1; c < k; c++) {
    let total = 0;
    for (let r = 0; r < V; r++) { nearest[r] = Math.min(nearest[r]!, sqDist(rows, r, centers, c - 1, d)); total += nearest[r]!; }
    let pick = rng.int(V); // all rows already coincide with a center: any row will do
    if (total > 0) {
      let target = rng.next() * total;
      for (let r = 0; r < V; r++) { target -= nearest[r]!; if (target < 0) { pick = r; break; } }
    }
    setCenter(c, pick);
  }
  return centers;
}

/** k-means++ seeds, then up to `iterations` Lloyd updates; stops early once no row moves (later updates would change nothing). */
export function kMeans(rows: Float32Array, V: number, d: number, k: number, seed: number, iterations: number, progress: Progress = silentProgress): KMeansResult {
  const centers = seedCenters(rows, V, d, k, seed);
  const assignment = new Int32Array(V).fill(-1);
  assign(rows, V, d, centers, k, assignment);
  progress.start('k-means', iterations);
  for (let it = 0; it < iterations; it++) {
    const sums = new Float64Array(k * d);
    const sizes = new Float64Array(k);
    for (let r = 0; r < V; r++) {
      const c = assignment[r]!;
      sizes[c]!++;
      for (let i = 0; i < d; i++) sums[c * d + i]! += rows[r * d + i]!;
    }
    for (let c = 0; c < k; c++) {
      if (sizes[c] === 0) continue; // an empty cluster keeps its center
      for (let i = 0; i < d; i++) centers[c * d + i] = sums[c * d + i]! / sizes[c]!;
    }
    progress.tick();
    if (assign(rows, V, d, centers, k, assignment) === 0) break;
  }
  progress.done();
  return { assignment, centers };
}

/** Clusters ordered by the sum of their rows' L2 norms, ascending (ties by cluster index), as the reference code orders them. */
export function clusterOrder(rows: Float32Array, V: number, d: number, assignment: Int32Array, k: number): number[] {
  const normSum = new Float64Array(k);
  for (let r = 0; r < V; r++) {
    let s = 0;
    for (let i = 0; i < d; i++) s += rows[r * d + i]! * rows[r * d + i]!;
    normSum[assignment[r]!]! += Math.sqrt(s);
  }
  return Array.from({ length: k }, (_, c) => c).sort((a, b) => normSum[a]! - normSum[b]!);
}

/** rows: word embeddings [V, d]; cluster of rank j (smallest norm sum first) gets layersOfBucket[j]; specials stay at L. */
export function clusterTable(rows: Float32Array, d: number, seed: number, iterations: number, layersOfBucket: readonly number[], special: ReadonlySet<number>, L: number, progress?: Progress): ExitTable {
  const V = rows.length / d;
  const k = layersOfBucket.length;
  const { assignment } = kMeans(rows, V, d, k, seed, iterations, progress);
  const rankOf = new Int32Array(k);
  clusterOrder(rows, V, d, assignment, k).forEach((c, j) => { rankOf[c] = j; });
  const table = new Uint8Array(V);
  for (let id = 0; id < V; id++) table[id] = special.has(id) ? L : layersOfBucket[rankOf[assignment[id]!]!]!;
  return table;
}
