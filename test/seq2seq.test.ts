// The encoder-decoder reference (runtime/reference/seq2seq.ts) against a naive oracle that recomputes the
// whole decoder prefix at every step (test/support/seq2seq-naive.ts): logits at every step, greedy and
// beam search, post- and pre-LN, tied and untied LM heads, with random decoder exit tables. Both sides are
// f64 with the same summation order, so the logits agree to 1e-12 and tokens, exits and scores exactly.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { encoderModel, type Seq2SeqModel } from '../contract/seq2seq.ts';
import { runReference } from '../runtime/reference/index.ts';
import { crossKV, decoderStep, emptyCache, generate, type Seq2SeqTables } from '../runtime/reference/seq2seq.ts';
import { storeFor } from '../runtime/reference/math.ts';
import { naiveBeamSearch, naiveLogits } from './support/seq2seq-naive.ts';
import { ARCH, IDS, SOURCE, VARIANTS, maxDiff, model, tables } from './support/seq2seq-fixtures.ts';

function encoderStates(m: Seq2SeqModel, t: Seq2SeqTables, fullDepth = false): Float64Array {
  return runReference(encoderModel(m), t.encoder, { ids: [SOURCE] }, { fullDepth }).lastHidden[0]!;
}

for (const [name, arch] of VARIANTS) {
  test(`${name}: the cached decoder step equals a full recomputation of the prefix at every step`, () => {
    const m = model(arch), t = tables(arch, 11);
    const H = encoderStates(m, t);
    const ctx = { model: m, table: t.decoder, store: storeFor('f64'), fullDepth: false };
    const cross = crossKV(ctx, H, SOURCE.length);
    const cache = emptyCache(arch, 12);
    const fed = [IDS.decoderStart, 5, 17, 30, 8, 8, 21, 3, 33, 14, 9, 27];
    let exited = 0;
    fed.forEach((id, pos) => {
      const r = decoderStep(ctx, cross, cache, pos, id);
      assert.is(r.exit, id < 4 ? arch.decoderLayers : t.decoder[id]!);
      if (r.exit < arch.decoderLayers) exited++;
      const want = naiveLogits(m, t.decoder, H, SOURCE.length, fed.slice(0, pos + 1));
      const diff = maxDiff(r.logits, want);
      assert.ok(diff <= 1e-12, `step ${pos}: logits differ by ${diff}`);
    });
    assert.ok(exited >= 4, `the table must exit some fed ids early (${exited})`);
  });

  test(`${name}: greedy and beam search equal the naive search (tokens, scores), exits are the fed ids' table values`, () => {
    const m = model(arch), t = tables(arch, 5);
    const H = encoderStates(m, t);
    for (const beams of [1, 3]) {
      const r = generate(m, t, SOURCE, IDS, { maxNew: 10, beams });
      const want = naiveBeamSearch(m, t.decoder, H, SOURCE.length, IDS, 10, beams);
      assert.equal(r.tokens, want.tokens, `beams ${beams}`);
      assert.ok(Math.abs(r.score - want.score) <= 1e-12, `beams ${beams}: score ${r.score} vs ${want.score}`);
      const fed = [IDS.decoderStart, ...r.tokens.slice(0, -1)];
      assert.equal(r.stepExits, fed.map((id) => (id < 4 ? arch.decoderLayers : t.decoder[id]!)));
      assert.equal(r.encoderExits, SOURCE.map((id) => (id < 4 ? arch.encoderLayers : t.encoder[id]!)));
    }
  });
}

test('eos ends greedy search at its first occurrence; beams finish on eos', () => {
  const m = model(ARCH, 8), t = tables(ARCH, 5); // seed 8: a greedy output with a token first produced late
  const free = generate(m, t, SOURCE, { ...IDS, eos: 1 }, { maxNew: 12 });
  const k = free.tokens.findIndex((id, i) => i >= 2 && free.tokens.indexOf(id) === i);
  assert.ok(k >= 2, `a token first produced at step >= 2 (${free.tokens.join(' ')})`);
  const stopped = generate(m, t, SOURCE, { ...IDS, eos: free.tokens[k]! }, { maxNew: 12 });
  assert.equal(stopped.tokens, free.tokens.slice(0, k + 1));
  const H = encoderStates(m, t);
  const beam = generate(m, t, SOURCE, { ...IDS, eos: free.tokens[k]! }, { maxNew: 12, beams: 4 });
  const want = naiveBeamSearch(m, t.decoder, H, SOURCE.length, { ...IDS, eos: free.tokens[k]! }, 12, 4);
  assert.equal(beam.tokens, want.tokens);
});

test('full depth ignores both tables; exits cut the decoder work by the cost model', () => {
  const m = model(ARCH), t = tables(ARCH, 5);
  const NO_EOS = { ...IDS, eos: 1 }; // pad: never produced here, so both runs take all 8 steps
  const full = generate(m, t, SOURCE, NO_EOS, { maxNew: 8, fullDepth: true });
  const fullTables = { encoder: new Uint8Array(ARCH.vocabSize).fill(ARCH.encoderLayers), decoder: new Uint8Array(ARCH.vocabSize).fill(ARCH.decoderLayers) };
  const plain = generate(m, fullTables, SOURCE, NO_EOS, { maxNew: 8 });
  assert.equal(full.tokens, plain.tokens);
  assert.is(full.work.macs, plain.work.macs);
  assert.is(full.tokens.length, 8);
  assert.ok(full.stepExits.every((k) => k === ARCH.decoderLayers));
  const d = ARCH.hidden, f = ARCH.ffn, n = SOURCE.length;
  // every step: self K/V at every layer, the rest at every layer; the LM head per step; cross K/V once
  let want = 0;
  const steps = full.tokens.length;
  for (let pos = 0; pos < steps; pos++) want += ARCH.decoderLayers * (2 * d * d + 4 * d * d + 2 * (pos + 1) * d + 2 * n * d + 2 * d * f);
  assert.is(full.work.decoder, want);
  assert.is(full.work.cross, ARCH.decoderLayers * 2 * n * d * d);
  assert.is(full.work.head, steps * d * ARCH.vocabSize);
  const exits = generate(m, t, SOURCE, NO_EOS, { maxNew: 8 });
  assert.is(exits.tokens.length, 8);
  let cut = 0;
  const fed = [IDS.decoderStart, ...exits.tokens.slice(0, -1)];
  fed.forEach((id, pos) => {
    const k = id < 4 ? ARCH.decoderLayers : t.decoder[id]!;
    cut += ARCH.decoderLayers * 2 * d * d + k * (4 * d * d + 2 * (pos + 1) * d + 2 * n * d + 2 * d * f);
  });
  assert.is(exits.work.decoder, cut);
  assert.ok(exits.work.encoder < full.work.encoder && exits.work.decoder < full.work.decoder);
  assert.is(exits.work.flops, 2 * exits.work.macs);
  // the full-depth baseline of the same steps: the full run's cost when both produced the same tokens' count
  assert.is(full.work.fullDepthMacs, full.work.macs);
  assert.is(exits.work.fullDepthMacs, full.work.macs);
});

test('f32 precision stays within 1e-4 of f64 on the logits', () => {
  const m = model(ARCH), t = tables(ARCH, 5);
  const H64 = encoderStates(m, t);
  const H32 = runReference(encoderModel(m), t.encoder, { ids: [SOURCE] }, { precision: 'f32' }).lastHidden[0]!;
  assert.ok(maxDiff(H64, H32) <= 1e-4);
  const run = (precision: 'f32' | 'f64', H: Float64Array): Float64Array => {
    const ctx = { model: m, table: t.decoder, store: storeFor(precision), fullDepth: false };
    const cache = emptyCache(ARCH, 3);
    const cross = crossKV(ctx, H, SOURCE.length);
    decoderStep(ctx, cross, cache, 0, IDS.decoderStart);
    decoderStep(ctx, cross, cache, 1, 17);
    return decoderStep(ctx, cross, cache, 2, 30).logits;
  };
  const a = run('f64', H64), b = run('f32', H32);
  const diff = maxDiff(a, b);
  assert.ok(diff > 0 && diff <= 1e-4, `f32 vs f64 logits: ${diff}`);
});

test('teacher forcing scores the target with the naive logits, fed ids exiting by the table', () => {
  const m = model(ARCH), t = tables(ARCH, 5);
  const H = encoderStates(m, t);
  const target = [5, 17, 30, 8, 21, 3, 33];
  const r = generate(m, t, SOURCE, IDS, { maxNew: 1, target });
  let logp = 0;
  target.forEach((token, pos) => {
    const lg = naiveLogits(m, t.decoder, H, SOURCE.length, [IDS.decoderStart, ...target.slice(0, pos)]);
    const max = Math.max(...lg);
    logp += lg[token]! - (max + Math.log(lg.reduce((s, v) => s + Math.exp(v - max), 0)));
  });
  assert.equal(r.tokens, target);
  assert.ok(Math.abs(r.score - logp / target.length) <= 1e-12, `${r.score} vs ${logp / target.length}`);
  assert.equal(r.stepExits, [IDS.decoderStart, ...target.slice(0, -1)].map((id) => (id < 4 ? ARCH.decoderLayers : t.decoder[id]!)));
  assert.throws(() => generate(m, t, SOURCE, IDS, { maxNew: 1, target: [] }), /a forced target needs 1..24 tokens, got 0/);
});

test('bad options and ids are RangeErrors naming the value', () => {
  const m = model(ARCH), t = tables(ARCH, 5);
  assert.throws(() => generate(m, t, SOURCE, IDS, { maxNew: 0 }), /maxNew must be a positive integer, got 0/);
  assert.throws(() => generate(m, t, SOURCE, IDS, { maxNew: 25 }), /maxNew 25 exceeds the model's 24 decoder positions/);
  assert.throws(() => generate(m, t, SOURCE, IDS, { maxNew: 4, beams: 0 }), /beams must be a positive integer/);
  assert.throws(() => generate(m, t, SOURCE, { ...IDS, eos: 40 }, { maxNew: 4 }), /eos id 40 is outside the vocabulary 0..39/);
  assert.throws(() => generate(m, t, [0, 41, 2], IDS, { maxNew: 4 }), /41/);
  const broken = { ...m, decoder: { ...m.decoder, layers: m.decoder.layers.slice(1) } };
  assert.throws(() => generate(broken, t, SOURCE, IDS, { maxNew: 4 }), /3 decoder layers of weights, arch says 4/);
});

test.run();
