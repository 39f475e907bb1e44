// Clustered hash: seeded k-means++ over word-embedding rows; clusters with the smallest summed row norm exit first.

import type { ExitTable } from '../../runtime/model.ts';
import { silentProgress, type Progress } from '../progress.ts';
import { createRng } from '../util/rng.ts';

export interface KMeansResult {
  readonly assignment: Int32Array;  // [V] cluster of each row
  readonly centers: Float64Array;   // [k, d]
}

function sqDist(rows: Float32Array, r: number, centers: Float64Array, c: number, d: number): number {
  let s = 0;
  for (let i = 0; i < d; i++) { const t = rows[r * d + i]! - centers[c * d + i]!; s += t * t; }
  return s;
}

/** Nearest center of each row (ties to the lower index); returns how many rows changed cluster. */
function assign(rows: Float32Array, V: number, d: number, centers: Float64Array, k: number, out: Int32Array): number {
  let changed = 0;
  for (let r = 0; r < V; r++) {
    let best = 0, bestD = Infinity;
    for (let c = 0; c < k; c++) {
      const dist = sqDist(rows, r, centers, c, d);
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
