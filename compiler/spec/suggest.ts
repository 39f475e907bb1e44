// "Did you mean ...?": the closest allowed name to a misspelt key or enum value.

/** Levenshtein distance with adjacent transpositions (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1, cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The allowed name `word` most likely meant, or undefined when nothing is close. Case, '-' and '_' are
 * ignored first (`vocabSize`, `vocab-size` -> `vocab_size`); then a prefix (`vocab`), then a small edit.
 */
export function suggest(word: string, allowed: readonly string[]): string | undefined {
  const norm = (s: string): string => s.toLowerCase().replace(/[-_\s]/g, '');
  const w = norm(word);
  if (w === '') return undefined;
  const same = allowed.find((a) => norm(a) === w);
  if (same !== undefined) return same;
  let best: string | undefined, bestDist = Infinity;
  for (const a of allowed) {
    const dist = editDistance(w, norm(a));
    if (dist < bestDist) { best = a; bestDist = dist; }
  }
  const limit = Math.max(1, Math.floor(w.length / 3));
  if (best !== undefined && bestDist <= limit) return best;
  if (w.length >= 3) return allowed.find((a) => norm(a).startsWith(w) || (norm(a).length >= 3 && w.startsWith(norm(a))));
  return undefined;
}
