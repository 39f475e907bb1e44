// Files saved by onnxruntime's C++ graph optimizer (`optimizedModelFilePath`, levels extended and all):
// FusedMatMul, FusedGemm with its activation, a Slice of the position table and, in quantized files,
// MatMulIntegerToFloat / DynamicQuantizeMatMul (compiler/onnx/unfuse.ts, compiler/onnx/dequantize.ts).
// import reads each back: the arch exactly, the weights bit for bit as the unoptimized file's, and the
// reference on them matches onnxruntime running the optimized file within 1e-4.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as ort from 'onnxruntime-node';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportOnnx, importOnnx } from '../compiler/onnx/index.ts';
import { quantizeDynamic } from '../compiler/onnx/quantize.ts';
import { onnx } from '../compiler/onnx/proto.ts';
import { randomWeights } from '../compiler/weights/random.ts';
import { runReference } from '../runtime/reference/index.ts';
import type { ArchConfig, HeadConfig, ModelWeights, NormPlacement } from '../contract/model.ts';

const dir = mkdtempSync(join(tmpdir(), 'hashee-ort-optimized-'));
const head: HeadConfig = { kind: 'classification', labels: 3 };
const arch = (norm: NormPlacement): ArchConfig => ({
  layers: 2, hidden: 64, heads: 4, ffn: 128, vocabSize: 50, maxPositions: 16, typeVocabSize: 2, activation: 'gelu',
  layerNormEps: 1e-12, norm, embeddingSize: 64, sharedLayers: false,
});
const inputs = [[1, 7, 3, 9, 2, 5, 11, 30], [1, 12, 2]];

/** The ops of a file, with their domains. */
function ops(bytes: Uint8Array): Set<string> {
  return new Set(onnx.ModelProto.decode(bytes).graph!.node!.map((n) => `${n.domain ? `${n.domain}:` : ''}${n.opType}`));
}

function sameWeights(a: ModelWeights, b: ModelWeights, label: string): void {
  const eq = (x: Float32Array | undefined, y: Float32Array | undefined, what: string): void => {
    assert.ok(x && y && Buffer.compare(Buffer.from(x.buffer, x.byteOffset, x.byteLength), Buffer.from(y.buffer, y.byteOffset, y.byteLength)) === 0, `${label}: ${what}`);
  };
  for (const k of ['wordEmb', 'posEmb', 'typeEmb', 'embLnG', 'embLnB'] as const) eq(a[k], b[k], k);
  a.layers.forEach((layer, l) => { for (const k of Object.keys(layer) as (keyof typeof layer)[]) eq(layer[k], b.layers[l]![k], `layer ${l} ${k}`); });
  for (const k of ['poolerW', 'poolerB', 'classifierW', 'classifierB'] as const) eq(a.head[k], b.head[k], `head ${k}`);
}

for (const norm of ['post', 'pre'] as const) {
  for (const precision of ['f32', 'int8'] as const) {
    test(`${norm}-LN ${precision}: onnxruntime's optimized file (extended, all) imports as the file it came from`, async () => {
      const a = arch(norm);
      const model = { arch: a, head, weights: randomWeights(a, head, 7, 0.05) };
      const plain = precision === 'f32' ? exportOnnx(model) : quantizeDynamic(exportOnnx(model)).bytes;
      const source = join(dir, `${norm}-${precision}.onnx`);
      writeFileSync(source, plain);
      const want = importOnnx(plain, source);
      for (const level of ['extended', 'all'] as const) {
        const file = join(dir, `${norm}-${precision}-${level}.onnx`);
        await ort.InferenceSession.create(source, { graphOptimizationLevel: level, optimizedModelFilePath: file, logSeverityLevel: 3 });
        const bytes = readFileSync(file);
        const found = ops(bytes);
        // what makes the file different from the exporter's: the optimizer's own forms
        assert.ok(found.has('com.microsoft:FusedMatMul') || found.has('com.microsoft:FusedGemm'), `${level}: ${[...found].join(' ')}`);
        if (precision === 'int8') assert.ok(found.has('com.microsoft:DynamicQuantizeMatMul') || found.has('com.microsoft:MatMulIntegerToFloat'), `${level}: ${[...found].join(' ')}`);
        const got = importOnnx(bytes, file);
        assert.equal(got.arch, a, level);
        assert.equal(got.head, head, level);
        assert.is(got.dequantized, want.dequantized, level);
        sameWeights(got.weights, want.weights, `${level}`);
        if (precision === 'int8') continue; // onnxruntime quantizes the activations; the reference does not
        const session = await ort.InferenceSession.create(bytes);
        const table = new Uint8Array(a.vocabSize).fill(a.layers);
        for (const ids of inputs) {
          const n = ids.length;
          const t = (v: readonly number[]) => new ort.Tensor('int64', BigInt64Array.from(v, BigInt), [1, n]);
          const r = await session.run({ input_ids: t(ids), attention_mask: t(ids.map(() => 1)), token_type_ids: t(ids.map(() => 0)) });
          const ref = runReference({ arch: a, head, weights: got.weights }, table, { ids: [ids] }, { fullDepth: true }).logits![0]!;
          const logits = r.logits!.data as Float32Array;
          logits.forEach((v, j) => assert.ok(Math.abs(v - ref[j]!) <= 1e-4, `${level}: logits[${j}] ${v} vs ${ref[j]}`));
        }
        await session.release();
      }
    });
  }
}

test.after(() => rmSync(dir, { recursive: true, force: true }));

test.run();
