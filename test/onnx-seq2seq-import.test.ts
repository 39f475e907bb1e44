// Reading an encoder-decoder back from its ONNX export folder by structure (compiler/onnx/seq2seq-import.ts):
// every weight exactly, post- and pre-LN, tied and untied LM heads; with every initializer renamed (names
// carry nothing), also from the BART-shaped graphs (decomposed LayerNorm, scaled query, position offset 2); a spec with `weights: { onnx: DIR }` generates as the model it was exported from; a
// mismatching spec key and a folder without the files are located errors.

import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { Seq2SeqArch, Seq2SeqModel } from '../contract/seq2seq.ts';
import { generate } from '../compiler/api.ts';
import { loadSeq2Seq } from '../compiler/load.ts';
import { exportSeq2SeqOnnx, SEQ2SEQ_FILES } from '../compiler/onnx/seq2seq.ts';
import { importSeq2SeqOnnx } from '../compiler/onnx/seq2seq-import.ts';
import { onnx } from '../compiler/onnx/proto.ts';
import { loadSpec, SpecErrors } from '../compiler/spec/index.ts';
import { HasheeError } from '../compiler/errors.ts';
import { REPO } from './fixtures/specs/expect.ts';
import { readFileSync } from 'node:fs';
import { ARCH, VARIANTS, model } from './support/seq2seq-fixtures.ts';

function sameArrays(a: Record<string, unknown>, b: Record<string, unknown>, where: string): void {
  for (const [k, v] of Object.entries(a)) {
    if (!(v instanceof Float32Array)) continue;
    const w = b[k];
    assert.ok(w instanceof Float32Array && w.length === v.length && Buffer.compare(Buffer.from(v.buffer, v.byteOffset, v.byteLength), Buffer.from(w.buffer, w.byteOffset, w.byteLength)) === 0, `${where}${k}`);
  }
}

function checkSame(m: Seq2SeqModel, r: { arch: Seq2SeqArch; encoder: Seq2SeqModel['encoder']; decoder: Seq2SeqModel['decoder'] }): void {
  assert.equal(r.arch, m.arch);
  sameArrays(m.decoder as unknown as Record<string, unknown>, r.decoder as unknown as Record<string, unknown>, 'decoder.');
  m.decoder.layers.forEach((lw, l) => sameArrays(lw as unknown as Record<string, unknown>, r.decoder.layers[l] as unknown as Record<string, unknown>, `decoder.layers[${l}].`));
  sameArrays(m.encoder as unknown as Record<string, unknown>, r.encoder as unknown as Record<string, unknown>, 'encoder.');
  m.encoder.layers.forEach((lw, l) => sameArrays(lw as unknown as Record<string, unknown>, r.encoder.layers[l] as unknown as Record<string, unknown>, `encoder.layers[${l}].`));
  assert.is(r.decoder.lmW === undefined, m.arch.tieEmbeddings);
}

/** The model file with every initializer (and its uses) renamed `onnx::W_<n>`, in reverse order. */
function renamed(bytes: Uint8Array): Uint8Array {
  const model = onnx.ModelProto.decode(bytes);
  const graph = model.graph!;
  const names = new Map((graph.initializer ?? []).map((t, i) => [t.name!, `onnx::W_${i}`]));
  for (const t of graph.initializer ?? []) t.name = names.get(t.name!)!;
  graph.initializer = [...(graph.initializer ?? [])].reverse();
  for (const n of graph.node ?? []) n.input = (n.input ?? []).map((i) => names.get(i) ?? i);
  return onnx.ModelProto.encode(model).finish();
}

for (const [name, arch] of VARIANTS) {
  test(`${name}: the export folder reads back by structure, every weight bit for bit, also with initializers renamed`, () => {
    const m = model(arch);
    const files = exportSeq2SeqOnnx(m);
    checkSame(m, importSeq2SeqOnnx({ bytes: files.encoder, file: 'encoder_model.onnx' }, { bytes: files.decoder, file: 'decoder_model.onnx' }));
    checkSame(m, importSeq2SeqOnnx({ bytes: renamed(files.encoder), file: 'encoder_model.onnx' }, { bytes: renamed(files.decoder), file: 'decoder_model.onnx' }));
    // transformers' BART graph shapes: decomposed LayerNorms, the query scaled by a Mul, positions offset by 2
    const bart = exportSeq2SeqOnnx(m, 'bart');
    checkSame(m, importSeq2SeqOnnx({ bytes: renamed(bart.encoder), file: 'encoder_model.onnx' }, { bytes: renamed(bart.decoder), file: 'decoder_model.onnx' }));
  });
}

test('a decoder file that is not one (the encoder file twice) is an onnx-structure error naming the file', () => {
  const m = model(ARCH);
  const files = exportSeq2SeqOnnx(m);
  try {
    importSeq2SeqOnnx({ bytes: files.encoder, file: 'encoder_model.onnx' }, { bytes: files.encoder, file: 'decoder_model.onnx' });
    assert.unreachable('must be refused');
  } catch (e) {
    assert.instance(e, HasheeError);
    assert.is((e as HasheeError).code, 'onnx-structure');
    assert.match((e as Error).message, 'decoder_model.onnx');
    assert.match((e as Error).message, 'encoder_hidden_states');
  }
});

test('a spec with weights: { onnx: DIR } generates what the exported model does; a mismatching key and a missing file are located', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hashee-s2s-import-'));
  try {
    const tiny = join(REPO, 'specs/bart-tiny.yaml');
    const original = loadSeq2Seq(loadSpec(tiny));
    const out = join(dir, 'export');
    mkdirSync(out);
    const files = exportSeq2SeqOnnx(original.model);
    writeFileSync(join(out, SEQ2SEQ_FILES.encoder), files.encoder);
    writeFileSync(join(out, SEQ2SEQ_FILES.decoder), files.decoder);
    const text = readFileSync(tiny, 'utf8');
    const spec = join(dir, 'bart-onnx.yaml');
    writeFileSync(spec, text.replace('  random: { seed: 1, std: 0.25 }', '  onnx: export'));
    const a = await generate(tiny, { ids: [0, 5, 9, 2] }, { maxNew: 6, beams: 2 });
    const b = await generate(spec, { ids: [0, 5, 9, 2] }, { maxNew: 6, beams: 2 });
    assert.equal(b.results[0]!.tokens, a.results[0]!.tokens);
    assert.is(b.results[0]!.score, a.results[0]!.score);
    const wrong = join(dir, 'bart-wrong.yaml');
    writeFileSync(wrong, text.replace('  random: { seed: 1, std: 0.25 }', '  onnx: export').replace('  ffn: 32', '  ffn: 64'));
    try {
      loadSeq2Seq(loadSpec(wrong));
      assert.unreachable('ffn differs');
    } catch (e) {
      assert.is((e as HasheeError).code, 'onnx-mismatch');
      assert.is((e as HasheeError).keyPath, 'model.ffn');
      assert.match((e as Error).message, 'ffn 32, the spec says 64');
    }
    rmSync(join(out, SEQ2SEQ_FILES.decoder));
    try {
      loadSpec(spec);
      assert.unreachable('decoder file missing');
    } catch (e) {
      assert.instance(e, SpecErrors);
      const [err] = (e as SpecErrors).errors;
      assert.is(err!.keyPath, 'weights.onnx');
      assert.match(err!.message, "has no decoder_model.onnx");
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
