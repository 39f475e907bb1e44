// The encoder-decoder ONNX export (compiler/onnx/seq2seq.ts) run by onnxruntime-node against the reference
// executor at full depth: encoder states, then the first step (decoder_model.onnx) and every later step
// (decoder_with_past_model.onnx, fed its own present K/V back), logits within 1e-4 (measured ~7e-7), for
// post-LN tied and pre-LN untied models; `hashee export-onnx` writes the folder and guards a foreign one.

import { mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as ort from 'onnxruntime-node';
import { encoderModel } from '../contract/seq2seq.ts';
import { main } from '../compiler/cli.ts';
import { exportSeq2SeqOnnx, SEQ2SEQ_FILES } from '../compiler/onnx/seq2seq.ts';
import { runReference } from '../runtime/reference/index.ts';
import { storeFor } from '../runtime/reference/math.ts';
import { crossKV, decoderStep, emptyCache } from '../runtime/reference/seq2seq.ts';
import { REPO } from './fixtures/specs/expect.ts';
import { ARCH, SOURCE, maxDiff, model } from './support/seq2seq-fixtures.ts';

const FED = [2, 5, 17, 30, 8, 8, 21, 3, 33, 14];
const TOL = 1e-4;

const i64 = (xs: readonly number[]): ort.Tensor => new ort.Tensor('int64', BigInt64Array.from(xs.map(BigInt)), [1, xs.length]);

for (const [name, arch, style] of [
  ['post-LN, tied, gelu', ARCH, 'hashee'], ['pre-LN, untied, relu', { ...ARCH, norm: 'pre', tieEmbeddings: false, activation: 'relu' }, 'hashee'],
  ['post-LN, tied, gelu, BART-shaped graphs', ARCH, 'bart'],
] as const) {
  test(`${name}: onnxruntime-node on the three files equals the reference at full depth (logits within ${TOL})`, async () => {
    const m = model(arch);
    const files = exportSeq2SeqOnnx(m, style);
    const [enc, first, withPast] = await Promise.all([files.encoder, files.decoder, files.decoderWithPast].map((f) => ort.InferenceSession.create(f)));
    const full = { encoder: new Uint8Array(arch.vocabSize).fill(arch.encoderLayers), decoder: new Uint8Array(arch.vocabSize).fill(arch.decoderLayers) };
    const H = runReference(encoderModel(m), full.encoder, { ids: [SOURCE] }).lastHidden[0]!;
    const e = await enc!.run({ input_ids: i64(SOURCE), attention_mask: i64(SOURCE.map(() => 1)), token_type_ids: i64(SOURCE.map(() => 0)) });
    assert.ok(maxDiff(e['last_hidden_state']!.data as Float32Array, H) <= TOL);
    const ctx = { model: m, table: full.decoder, store: storeFor('f64'), fullDepth: true };
    const cross = crossKV(ctx, H, SOURCE.length);
    const cache = emptyCache(arch, FED.length);
    let past: Record<string, ort.Tensor> = {};
    let worst = 0;
    for (let pos = 0; pos < FED.length; pos++) {
      const want = decoderStep(ctx, cross, cache, pos, FED[pos]!).logits;
      const out = pos === 0
        ? await first!.run({ input_ids: i64([FED[0]!]), encoder_hidden_states: e['last_hidden_state']! })
        : await withPast!.run({ input_ids: i64([FED[pos]!]), ...past });
      assert.equal(out['logits']!.dims, [1, 1, arch.vocabSize]);
      worst = Math.max(worst, maxDiff(out['logits']!.data as Float32Array, want));
      const next: Record<string, ort.Tensor> = {};
      for (let l = 0; l < arch.decoderLayers; l++) {
        for (const t of ['key', 'value']) {
          next[`past_key_values.${l}.decoder.${t}`] = out[`present.${l}.decoder.${t}`]!;
          next[`past_key_values.${l}.encoder.${t}`] = pos === 0 ? out[`present.${l}.encoder.${t}`]! : past[`past_key_values.${l}.encoder.${t}`]!;
        }
      }
      assert.equal(next['past_key_values.0.decoder.key']!.dims, [1, arch.heads, pos + 1, arch.hidden / arch.heads]);
      past = next;
    }
    assert.ok(worst <= TOL, `logits differ by ${worst}`);
  });
}

test('hashee export-onnx writes the three files into a folder, rewrites an earlier export, refuses a foreign folder', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hashee-s2s-'));
  try {
    const io = { out: () => {}, err: () => {} };
    const out = join(dir, 'bart');
    assert.is(await main(['export-onnx', join(REPO, 'specs/bart-tiny.yaml'), '--out', out], io), 0);
    assert.equal(readdirSync(out).sort(), Object.values(SEQ2SEQ_FILES).sort());
    // hashee import DIR prints a spec on the folder that generates what the original spec does at full depth
    const specOut = join(dir, 'imported.yaml');
    assert.is(await main(['import', out, '--out', specOut], io), 0);
    let a = '', b = '';
    assert.is(await main(['generate', specOut, '--ids', '0,5,9,2', '--max-new', '6', '--full-depth', '--json'], { out: (s) => { a += s; }, err: () => {} }), 0);
    assert.is(await main(['generate', join(REPO, 'specs/bart-tiny.yaml'), '--ids', '0,5,9,2', '--max-new', '6', '--full-depth', '--json'], { out: (s) => { b += s; }, err: () => {} }), 0);
    const tokens = (t: string): number[] => (JSON.parse(t) as { results: { tokens: number[] }[] }).results[0]!.tokens;
    assert.equal(tokens(a), tokens(b));
    assert.is(await main(['export-onnx', join(REPO, 'specs/bart-tiny.yaml'), '--out', out], io), 0);
    const foreign = join(dir, 'other');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'keep.txt'), 'mine');
    let err = '';
    assert.is(await main(['export-onnx', join(REPO, 'specs/bart-tiny.yaml'), '--out', foreign], { out: () => {}, err: (s) => { err += s; } }), 1);
    assert.match(err, 'a folder holding other files');
    assert.equal(readdirSync(foreign), ['keep.txt']);
    err = '';
    assert.is(await main(['export-onnx', join(REPO, 'specs/bart-tiny.yaml'), '--out', join(dir, 'x'), '--exits'], { out: () => {}, err: (s) => { err += s; } }), 1);
    assert.match(err, 'full depth only');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
