// The WebGPU encoder-decoder (runtime/webgpu/decoder.ts, WGSL from compiler/emit/wgsl/decoder.ts) on Dawn
// (SwiftShader without a GPU) against the f32 reference: per-step logits within 2e-5 (measured in the test's
// output, ~1e-6), rows batched with different exit layers equal to rows run alone, greedy / beam / forced
// decoding with the reference's tokens, exits and work (scores within 1e-5), post- and pre-LN, tied and
// untied heads; the WGSL is deterministic and misuse is a WebGpuError.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { ExitTable } from '../contract/model.ts';
import { encoderModel, type Seq2SeqModel } from '../contract/seq2seq.ts';
import { emitDecoderWgsl } from '../compiler/emit/wgsl/decoder.ts';
import { packWebGpuDecoder } from '../compiler/passes/packWebGpuDecoder.ts';
import { createWebGpuSeq2Seq } from '../compiler/run/seq2seq-webgpu.ts';
import { runReference } from '../runtime/reference/index.ts';
import { storeFor } from '../runtime/reference/math.ts';
import { crossKV, decoderStep, emptyCache, generate } from '../runtime/reference/seq2seq.ts';
import { WebGpuDecoder } from '../runtime/webgpu/decoder.ts';
import { nodeGpu, SWIFTSHADER_ICD } from '../runtime/webgpu/node.ts';
import { ARCH, IDS, SOURCE, VARIANTS, assertSameGeneration, maxDiff, model, tables } from './support/seq2seq-fixtures.ts';

const gpu = await nodeGpu({ vulkanIcd: process.env['VK_ICD_FILENAMES'] ?? SWIFTSHADER_ICD });
const adapter = await gpu.requestAdapter();
if (!adapter) throw new Error(`no WebGPU adapter: install Debian's chromium and libvulkan1 (SwiftShader driver at ${SWIFTSHADER_ICD}) or set VK_ICD_FILENAMES`);
const device = await adapter.requestDevice();

const TOL = 2e-5;

const decoderOf = (m: Seq2SeqModel, table: ExitTable): Promise<WebGpuDecoder> =>
  WebGpuDecoder.create({ device, arch: m.arch, modules: emitDecoderWgsl(m.arch), weights: packWebGpuDecoder(m), exitTable: table });

for (const [name, arch] of VARIANTS) {
  test(`${name}: each cached step's logits within ${TOL} of the f32 reference; batched rows equal rows alone`, async () => {
    const m = model(arch), t = tables(arch, 11);
    const H = runReference(encoderModel(m), t.encoder, { ids: [SOURCE] }, { precision: 'f32' }).lastHidden[0]!;
    const ctx = { model: m, table: t.decoder, store: storeFor('f32'), fullDepth: false };
    const cross = crossKV(ctx, H, SOURCE.length);
    const fed = [IDS.decoderStart, 5, 17, 30, 8, 8, 21, 3, 33, 14];
    const dec = await decoderOf(m, t.decoder);
    try {
      dec.begin(Float32Array.from(H), SOURCE.length, 3, fed.length);
      const cache = emptyCache(arch, fed.length);
      let worst = 0;
      for (const [pos, id] of fed.entries()) {
        const want = decoderStep(ctx, cross, cache, pos, id);
        const got = await dec.step([{ slot: 0, pos, id }]);
        assert.is(got.exits[0], want.exit);
        assert.is(got.macs, want.macs);
        worst = Math.max(worst, maxDiff(got.logits[0]!, want.logits));
      }
      assert.ok(worst <= TOL, `logits differ by ${worst}`);
      if (process.env.HASHEE_TEST_VERBOSE) console.log(`${name}: max |logit diff| ${worst.toExponential(2)}`);
      // three rows whose last ids exit at different layers, in slots 0..2, against each row alone
      const seqs = [[IDS.decoderStart, 5, 17, 30], [IDS.decoderStart, 8, 21, 9], [IDS.decoderStart, 33, 3, 14]];
      assert.ok(new Set(seqs.map((s) => t.decoder[s[3]!])).size > 1);
      const alone = await decoderOf(m, t.decoder);
      dec.begin(Float32Array.from(H), SOURCE.length, 3, 4);
      alone.begin(Float32Array.from(H), SOURCE.length, 3, 4);
      for (let pos = 0; pos < 4; pos++) {
        const got = await dec.step(seqs.map((s, slot) => ({ slot, pos, id: s[pos]! })));
        for (const [slot, s] of seqs.entries()) {
          const one = await alone.step([{ slot, pos, id: s[pos]! }]);
          assert.ok(maxDiff(got.logits[slot]!, one.logits[0]!) === 0, `pos ${pos} row ${slot}`);
          assert.is(got.exits[slot], one.exits[0]);
        }
      }
      alone.dispose();
    } finally {
      dec.dispose();
    }
  });

  test(`${name}: greedy, beam and forced decoding equal the f32 reference (tokens, exits, work; scores within 1e-5)`, async () => {
    const m = model(arch), t = tables(arch, 5);
    const w = await createWebGpuSeq2Seq({ model: m, tables: t }, { gpu: device, ids: IDS });
    try {
      for (const opts of [{ maxNew: 8, beams: 1 }, { maxNew: 8, beams: 3 }, { maxNew: 8, beams: 3, fullDepth: true }, { maxNew: 1, target: [5, 17, 30, 8, 21, 39] }]) {
        const got = await w.generate(SOURCE, opts);
        const want = generate(m, t, SOURCE, IDS, { ...opts, precision: 'f32' });
        assertSameGeneration(got, want, JSON.stringify(opts));
      }
    } finally {
      w.dispose();
    }
  });
}

test('the WGSL is deterministic; misuse is a WebGpuError', async () => {
  assert.equal(emitDecoderWgsl(ARCH), emitDecoderWgsl(ARCH));
  const m = model(ARCH), t = tables(ARCH, 5);
  const dec = await decoderOf(m, t.decoder);
  try {
    await dec.step([{ slot: 0, pos: 0, id: 2 }]);
    assert.unreachable('step before begin');
  } catch (e) {
    assert.match((e as Error).message, 'begin() an input before stepping');
  }
  dec.begin(new Float32Array(3 * ARCH.hidden), 3, 1, 4);
  try {
    await dec.step([{ slot: 0, pos: 0, id: 40 }]);
    assert.unreachable('id outside the vocabulary');
  } catch (e) {
    assert.match((e as Error).message, 'token id 40 is outside the vocabulary');
  }
  dec.dispose();
  try {
    await WebGpuDecoder.create({ device, arch: ARCH, modules: emitDecoderWgsl(ARCH), weights: new Float32Array(8), exitTable: t.decoder });
    assert.unreachable('short weights');
  } catch (e) {
    assert.match((e as Error).message, 'decoder weights have 8 floats');
  }
});

// Dawn's GPU and adapter objects must outlive the device (a collected GPU object crashes Dawn's threads)
test.after(() => {
  device.destroy();
  assert.ok(gpu && adapter);
});

test.run();
