// Human-readable and JSON forms of schedule statistics (deterministic: fixed widths, fixed decimals).

import type { ScheduleStats } from './stats.ts';

const BAR = 40; // characters of the longest histogram bar

const pct = (n: number, total: number): string => `${total === 0 ? '0.0' : ((100 * n) / total).toFixed(1)}%`;
const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

function histogram(title: string, perLayer: readonly number[]): string[] {
  const max = Math.max(1, ...perLayer);
  const w = String(perLayer.length).length;
  return [title, ...perLayer.map((n, i) => `  ${String(i + 1).padStart(w)} | ${'#'.repeat(Math.round((BAR * n) / max)).padEnd(BAR)} ${n}`)];
}

export function formatSchedule(s: ScheduleStats): string {
  const c = s.corpus;
  const types = sum(s.typesPerLayer);
  const head = ['exit', 'types', '%', ...(c ? ['tokens', '%', 'non-special', '%'] : [])];
  const rows = s.typesPerLayer.map((t, i) => [
    String(i + 1), String(t), pct(t, types),
    ...(c ? [String(c.massPerLayer[i]), pct(c.massPerLayer[i]!, c.tokens), String(c.nonSpecialMassPerLayer[i]), pct(c.nonSpecialMassPerLayer[i]!, c.nonSpecialTokens)] : []),
  ]);
  const widths = head.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j]!.length)));
  const line = (cells: readonly string[]): string => cells.map((x, j) => x.padStart(widths[j]!)).join('  ');
  const out = [
    `exit schedule: ${s.layers} layers, vocabulary ${s.vocabSize}`,
    line(head), ...rows.map(line), '',
    ...histogram('token types per exit layer', s.typesPerLayer),
  ];
  if (c) out.push('', ...histogram('token mass per exit layer (all tokens)', c.massPerLayer));
  out.push('', `average depth by type: ${s.avgDepthByType.toFixed(2)} layers`);
  if (c) {
    out.push(
      `average depth by token mass: ${c.avgDepthByMass.toFixed(2)} layers (${c.avgDepthByMassNonSpecial.toFixed(2)} without special tokens)`,
      `expected FLOPs vs full depth: ${c.flopsRatio.toFixed(3)} (${(1 / c.flopsRatio).toFixed(2)}x fewer) over ${c.sentences} sentences, one at a time`,
      `at the median length (${c.medianLength} tokens): ${c.flopsRatioAtMedian.toFixed(3)} (${(1 / c.flopsRatioAtMedian).toFixed(2)}x fewer)`,
    );
  }
  return `${out.join('\n')}\n`;
}

const round6 = (x: number): number => Number(x.toFixed(6));

/** The `--json` form: snake_case keys, ratios and averages rounded to 6 decimals. */
export function scheduleJson(s: ScheduleStats): object {
  const c = s.corpus;
  return {
    layers: s.layers,
    vocab_size: s.vocabSize,
    types_per_layer: s.typesPerLayer,
    avg_depth_by_type: round6(s.avgDepthByType),
    corpus: c ? {
      sentences: c.sentences,
      tokens: c.tokens,
      non_special_tokens: c.nonSpecialTokens,
      mass_per_layer: c.massPerLayer,
      non_special_mass_per_layer: c.nonSpecialMassPerLayer,
      avg_depth_by_mass: round6(c.avgDepthByMass),
      avg_depth_by_mass_non_special: round6(c.avgDepthByMassNonSpecial),
      flops_ratio: round6(c.flopsRatio),
      median_length: c.medianLength,
      flops_ratio_at_median: round6(c.flopsRatioAtMedian),
    } : null,
  };
}
