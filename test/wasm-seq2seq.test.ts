// The WASM encoder-decoder against the reference executor in f32 (runtime/reference/seq2seq.ts): per-step
// logits with a KV cache, rows batched with different exit layers equal to rows run alone (bit for bit),
// greedy and beam search (tokens, exits per step, work exactly; scores within 1e-5), post- and pre-LN, tied
// and untied LM heads, both SIMD variants; the module is deterministic. Tolerance: logits within 2e-5 of the
// f32 reference (f32 sums in another order and the module's exp / erf approximations, about 1e-6 measured).

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { ExitTable } from '../contract/model.ts';
import type { Seq2SeqModel } from '../contract/seq2seq.ts';
import { emitDecoderModules } from '../compiler/emit/wasm/decoder.ts';
import { packDecoderWeights } from '../compiler/passes/packDecoderWeights.ts';
import { createWasmSeq2Seq } from '../compiler/run/seq2seq-wasm.ts';
import { runReference } from '../runtime/reference/index.ts';
import { storeFor } from '../runtime/reference/math.ts';
import { crossKV, decoderStep, emptyCache, generate } from '../runtime/reference/seq2seq.ts';
import { WasmDecoder } from '../runtime/wasm/decoder.ts';
import { supportsRelaxedSimd } from '../runtime/wasm/features.ts';
import { encoderModel } from '../contract/seq2seq.ts';
import { ARCH, IDS, SOURCE, VARIANTS, assertSameGeneration, maxDiff, model, tables } from './support/seq2seq-fixtures.ts';

const TOL = 2e-5;
/** Node 20 runs the relaxed module only with --experimental-wasm-relaxed-simd. */
const SIMD_VARIANTS = supportsRelaxedSimd() ? (['relaxed', 'simd128'] as const) : (['simd128'] as const);

async function decoder(m: Seq2SeqModel, table: ExitTable, simd: 'auto' | 'relaxed' | 'simd128' = 'auto'): Promise<WasmDecoder> {
  const mods = emitDecoderModules(m.arch);
  return WasmDecoder.create({ arch: m.arch, modules: { simd128: mods.simd, relaxed: mods.relaxed }, weights: packDecoderWeights(m), exitTable: table, simd });
}

for (const [name, arch] of VARIANTS) {
  test(`${name}: each cached step's logits within ${TOL} of the f32 reference, both SIMD variants`, async () => {
    const m = model(arch), t = tables(arch, 11);
    const H = runReference(encoderModel(m), t.encoder, { ids: [SOURCE] }, { precision: 'f32' }).lastHidden[0]!;
    const ctx = { model: m, table: t.decoder, store: storeFor('f32'), fullDepth: false };
    const cross = crossKV(ctx, H, SOURCE.length);
    const fed = [IDS.decoderStart, 5, 17, 30, 8, 8, 21, 3, 33, 14];
    for (const simd of SIMD_VARIANTS) {
      const dec = await decoder(m, t.decoder, simd);
      dec.begin(Float32Array.from(H), SOURCE.length, 1, fed.length);
      const cache = emptyCache(arch, fed.length);
      let worst = 0;
      fed.forEach((id, pos) => {
        const want = decoderStep(ctx, cross, cache, pos, id);
        const got = dec.step([{ slot: 0, pos, id }]);
        assert.is(got.exits[0], want.exit);
        assert.is(got.macs, want.macs);
        worst = Math.max(worst, maxDiff(got.logits[0]!, want.logits));
      });
      assert.ok(worst <= TOL, `${simd}: logits differ by ${worst}`);
      if (process.env.HASHEE_TEST_VERBOSE) console.log(`${name} ${simd}: max |logit diff| ${worst.toExponential(2)}`);
    }
  });

  test(`${name}: rows batched with different exits give the bits of each row run alone`, async () => {
    const m = model(arch), t = tables(arch, 11);
    const H = Float32Array.from(runReference(encoderModel(m), t.encoder, { ids: [SOURCE] }, { precision: 'f32' }).lastHidden[0]!);
    const seqs = [[IDS.decoderStart, 5, 17, 30], [IDS.decoderStart, 8, 21, 9], [IDS.decoderStart, 33, 3, 14]];
    assert.ok(new Set(seqs.map((s) => t.decoder[s[3]!])).size > 1, 'the last fed ids exit at different layers');
    const batched = await decoder(m, t.decoder), alone = await decoder(m, t.decoder);
    batched.begin(H, SOURCE.length, 3, 4);
    alone.begin(H, SOURCE.length, 3, 4);
    for (let pos = 0; pos < 4; pos++) {
      const got = batched.step(seqs.map((s, slot) => ({ slot, pos, id: s[pos]! })));
      seqs.forEach((s, slot) => {
        const one = alone.step([{ slot, pos, id: s[pos]! }]);
        const bytes = (x: ArrayLike<number>): Buffer => Buffer.from(Float32Array.from(x).buffer);
        assert.ok(Buffer.compare(bytes(got.logits[slot]!), bytes(one.logits[0]!)) === 0, `pos ${pos} row ${slot}`);
        assert.is(got.exits[slot], one.exits[0]);
      });
    }
  });

  test(`${name}: greedy and beam search equal the f32 reference (tokens, exits, work; scores within 1e-5)`, async () => {
    const m = model(arch), t = tables(arch, 5);
    const w = await createWasmSeq2Seq({ model: m, tables: t }, { ids: IDS });
    try {
      for (const beams of [1, 2, 4]) { // with the batched test (3 rows): every lm_tied_R kernel
        for (const fullDepth of [false, true]) {
          const got = w.generate(SOURCE, { maxNew: 10, beams, fullDepth });
          const want = generate(m, t, SOURCE, IDS, { maxNew: 10, beams, fullDepth, precision: 'f32' });
          assertSameGeneration(got, want, `beams ${beams}${fullDepth ? ', full depth' : ''}`);
        }
      }
    } finally {
      w.dispose();
    }
  });
}

test('two threads (products and the LM head shared out by panels and token ranges) give the bits of one', async () => {
  const m = model(ARCH), t = tables(ARCH, 5);
  const one = await createWasmSeq2Seq({ model: m, tables: t }, { ids: IDS, threads: 1 });
  const two = await createWasmSeq2Seq({ model: m, tables: t }, { ids: IDS, threads: 2 });
  try {
    assert.match(two.info, 'decoder 2 thread(s)');
    for (const beams of [1, 3]) {
      const a = one.generate(SOURCE, { maxNew: 10, beams }), b = two.generate(SOURCE, { maxNew: 10, beams });
      assert.equal(b.tokens, a.tokens);
      assert.is(b.score, a.score, `beams ${beams}: scores bit for bit`);
    }
  } finally {
    one.dispose();
    two.dispose();
  }
});

test('teacher forcing: the WASM score of a target equals the reference (exits and work exactly, log p within 1e-4)', async () => {
  for (const [, arch] of VARIANTS) {
    const m = model(arch), t = tables(arch, 5);
    const w = await createWasmSeq2Seq({ model: m, tables: t }, { ids: IDS });
    try {
      const target = [5, 17, 30, 8, 21, 3, 33, 14, 9, 39];
      const got = w.generate(SOURCE, { maxNew: 1, target });
      const want = generate(m, t, SOURCE, IDS, { maxNew: 1, target, precision: 'f32' });
      assert.equal(got.tokens, target);
      assert.equal(got.stepExits, [IDS.decoderStart, ...target.slice(0, -1)].map((id) => (id < 4 ? arch.decoderLayers : t.decoder[id]!)));
      assert.equal(got.work, want.work);
      assert.ok(Math.abs(got.score - want.score) <= 1e-4, `${got.score} vs ${want.score}`);
      assert.throws(() => w.generate(SOURCE, { maxNew: 1, target: [40] }), /target token id 40 is outside the vocabulary/);
    } finally {
      w.dispose();
    }
  }
});

test('the decoder module is deterministic; misuse is a RangeError', async () => {
  const a = emitDecoderModules(ARCH), b = emitDecoderModules(ARCH);
  assert.ok(Buffer.compare(Buffer.from(a.relaxed), Buffer.from(b.relaxed)) === 0);
  assert.ok(Buffer.compare(Buffer.from(a.simd), Buffer.from(b.simd)) === 0);
  const m = model(ARCH), t = tables(ARCH, 5);
  const dec = await decoder(m, t.decoder);
  assert.throws(() => dec.step([{ slot: 0, pos: 0, id: 2 }]), /begin\(\) an input before stepping/);
  dec.begin(new Float32Array(3 * ARCH.hidden), 3, 2, 4);
  assert.throws(() => dec.step([{ slot: 2, pos: 0, id: 2 }]), /slot 2 is outside 0..1/);
  assert.throws(() => dec.step([{ slot: 0, pos: 4, id: 2 }]), /position 4 is outside the cache's 0..3/);
  assert.throws(() => dec.step([{ slot: 0, pos: 0, id: 40 }]), /token id 40 is outside the vocabulary/);
  await assert.not.throws(() => WasmDecoder.create({ arch: ARCH, modules: { simd128: a.simd }, weights: packDecoderWeights(m), exitTable: t.decoder }));
  try {
    await WasmDecoder.create({ arch: ARCH, modules: { simd128: a.simd }, weights: new Uint8Array(8), exitTable: t.decoder });
    assert.unreachable('short weights must be refused');
  } catch (e) {
    assert.match((e as Error).message, /packed decoder weights have 8 bytes/);
  }
});

test.run();
