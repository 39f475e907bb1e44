// The packed weight blob and its manifest, read back by an independent decoder of the documented layout
// (contract/wasm-layout.ts): panels [n / nr][k][nr], fused QKV with 1/sqrt(dh) on the Q columns.

import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { compileWasm } from '../compiler/emit/wasm/index.ts';
import { randomWeights } from '../compiler/weights/random.ts';
import type { ArchConfig, HeadConfig, Model } from '../contract/model.ts';
import type { WeightsManifest } from '../contract/wasm-layout.ts';

const arch: ArchConfig = { layers: 2, hidden: 12, heads: 3, ffn: 20, vocabSize: 30, maxPositions: 16, typeVocabSize: 2, activation: 'gelu', layerNormEps: 1e-12, norm: 'post', embeddingSize: 12, sharedLayers: false };
const head: HeadConfig = { kind: 'classification', labels: 3 };
const model: Model = { arch, head, weights: randomWeights(arch, head, 9, 0.5) };
const art = compileWasm(model);
const blob = new Float32Array(art.weights.buffer, art.weights.byteOffset, art.weights.byteLength / 4);

/** Decodes a tensor of the manifest back to row-major [k, n] (or the flat vector). */
function decode(manifest: WeightsManifest, name: string): Float32Array {
  const t = manifest.tensors.find((x) => x.name === name);
  assert.ok(t, name);
  const data = blob.subarray(t!.offset / 4, (t!.offset + t!.bytes) / 4);
  if (t!.layout.kind === 'rowmajor') return data.slice();
  const [k, n] = t!.shape as [number, number];
  const nr = t!.layout.nr;
  const out = new Float32Array(k * n);
  for (let j = 0; j < n; j++) for (let i = 0; i < k; i++) out[i * n + j] = data[Math.floor(j / nr) * k * nr + i * nr + (j % nr)]!;
  return out;
}

test('manifest: tensors in order, aligned, inside the blob, not overlapping', () => {
  const m = art.manifest;
  assert.is(m.bytes, art.weights.byteLength);
  let end = 0;
  for (const t of m.tensors) {
    assert.ok(t.offset >= end && t.offset % 64 === 0, t.name);
    assert.is(t.bytes, t.shape.reduce((a, b) => a * b, 1) * 4);
    end = t.offset + t.bytes;
  }
  assert.ok(end <= m.bytes);
  assert.equal(JSON.parse(JSON.stringify(m)), m, 'plain JSON');
});

test('every matrix decodes back to the model weights (QKV fused, Q scaled by 1/sqrt(dh))', () => {
  const d = arch.hidden, scale = 1 / Math.sqrt(d / arch.heads);
  model.weights.layers.forEach((lw, l) => {
    const qkv = decode(art.manifest, `layers.${l}.qkv.weight`);
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < d; j++) {
        assert.is(qkv[i * 3 * d + j], Math.fround(lw.qW[i * d + j]! * scale));
        assert.is(qkv[i * 3 * d + d + j], lw.kW[i * d + j]);
        assert.is(qkv[i * 3 * d + 2 * d + j], lw.vW[i * d + j]);
      }
    }
    assert.equal(decode(art.manifest, `layers.${l}.f1.weight`), lw.f1W);
    assert.equal(decode(art.manifest, `layers.${l}.f2.weight`), lw.f2W);
    assert.equal(decode(art.manifest, `layers.${l}.o.weight`), lw.oW);
    assert.equal(decode(art.manifest, `layers.${l}.ln2.beta`), lw.ln2B);
  });
  assert.equal(decode(art.manifest, 'pooler.weight'), model.weights.head.poolerW);
  assert.equal(decode(art.manifest, 'wordEmb'), model.weights.wordEmb);
});

test.run();
