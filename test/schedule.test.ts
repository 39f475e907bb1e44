// Schedule statistics on a hand-made table and corpus; FLOPs ratio from the cost-model formula written out here.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { ArchConfig } from '../contract/model.ts';
import { scheduleStats } from '../compiler/schedule/stats.ts';
import { formatSchedule, scheduleJson } from '../compiler/schedule/format.ts';

const arch: ArchConfig = { layers: 3, hidden: 4, heads: 1, ffn: 8, vocabSize: 10, maxPositions: 16, typeVocabSize: 2, activation: 'gelu', layerNormEps: 1e-12, norm: 'post', embeddingSize: 4, sharedLayers: false };
// id 5 exits after 1 layer, id 6 after 2, every other id runs all 3 (specials 2 = [CLS], 3 = [SEP]).
const table = Uint8Array.from([3, 3, 3, 3, 3, 1, 2, 3, 3, 3]);
const sequences = [[2, 5, 6, 3], [2, 5, 3]];
const corpus = { sequences, specialIds: [0, 1, 2, 3, 4] };

/** docs/hashee.md section 3: per layer 2nd^2 + 2md^2 + 2mnd + 2mdf MACs, FLOPs = 2 x MACs. */
function flops(n: number, activePerLayer: readonly number[]): number {
  const d = 4, f = 8;
  return 2 * activePerLayer.reduce((s, m) => s + 2 * n * d * d + 2 * m * d * d + 2 * m * n * d + 2 * m * d * f, 0);
}

test('types and token mass per exit layer, average depths', () => {
  const s = scheduleStats(table, arch, corpus);
  assert.equal(s.typesPerLayer, [1, 1, 8]);
  assert.is(s.avgDepthByType, (1 * 1 + 1 * 2 + 8 * 3) / 10);
  const c = s.corpus!;
  // Sentence 1: [CLS] 3, 5 -> 1, 6 -> 2, [SEP] 3. Sentence 2: [CLS] 3, 5 -> 1, [SEP] 3.
  assert.equal(c.massPerLayer, [2, 1, 4]);
  assert.equal(c.nonSpecialMassPerLayer, [2, 1, 0]);
  assert.equal([c.sentences, c.tokens, c.nonSpecialTokens], [2, 7, 3]);
  assert.is(c.avgDepthByMass, (2 * 1 + 1 * 2 + 4 * 3) / 7);
  assert.is(c.avgDepthByMassNonSpecial, (2 * 1 + 1 * 2) / 3);
});

test('expected FLOPs ratio: each sentence run alone, exits vs full depth', () => {
  const c = scheduleStats(table, arch, corpus).corpus!;
  // Active tokens per layer: sentence 1 (n = 4) 4, 3, 2; sentence 2 (n = 3) 3, 2, 2.
  const exited = flops(4, [4, 3, 2]) + flops(3, [3, 2, 2]);
  const full = flops(4, [4, 4, 4]) + flops(3, [3, 3, 3]);
  assert.ok(Math.abs(c.flopsRatio - exited / full) < 1e-15);
  // Lengths 3 and 4: the (lower) median is 3, which only sentence 2 has.
  assert.is(c.medianLength, 3);
  assert.ok(Math.abs(c.flopsRatioAtMedian - flops(3, [3, 2, 2]) / flops(3, [3, 3, 3])) < 1e-15);
});

test('without a corpus only the vocabulary side is reported', () => {
  const s = scheduleStats(table, arch);
  assert.is(s.corpus, undefined);
  assert.is((scheduleJson(s) as { corpus: unknown }).corpus, null);
  assert.not.ok(formatSchedule(s).includes('token mass'));
});

test('text and JSON forms: deterministic, one row and one bar per layer', () => {
  const s = scheduleStats(table, arch, corpus);
  const text = formatSchedule(s);
  assert.is(formatSchedule(scheduleStats(table, arch, corpus)), text);
  const lines = text.split('\n');
  assert.ok(lines.includes('   1      1  10.0%       2  28.6%            2  66.7%'), text);
  // The largest count in each histogram gets the full 40-character bar.
  assert.ok(lines.includes(`  3 | ${'#'.repeat(40)} 8`), text);
  assert.ok(lines.includes(`  3 | ${'#'.repeat(40)} 4`), text);
  assert.ok(lines.includes(`  1 | ${'#'.repeat(20)}${' '.repeat(20)} 2`), text);
  const json = scheduleJson(s) as { types_per_layer: number[]; corpus: { mass_per_layer: number[]; median_length: number } };
  assert.equal(json.types_per_layer, [1, 1, 8]);
  assert.equal(json.corpus.mass_per_layer, [2, 1, 4]);
  assert.is(json.corpus.median_length, 3);
});

test.run();
