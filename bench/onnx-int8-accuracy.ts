// Accuracy of onnxruntime's int8 peer next to hashee's: a spec's model exported at full depth, quantized
// as onnxruntime's quantize_dynamic does (compiler/onnx/quantize.ts, per tensor and per column), run on
// onnxruntime-node over a task's shipped dev split one sentence at a time; prints accuracy, how often the
// argmax agrees with the f32 export and the largest logit difference. hashee's own int8 and f16 figures
// come from `hashee eval SPEC --task TASK --precision int8|f16 --against f32` (the same sentences).
// node --import tsx bench/onnx-int8-accuracy.ts [spec=specs/sst2-small.yaml] [task=sst2] [limit=N]

import * as ort from 'onnxruntime-node';
import { loadSpec } from '../compiler/spec/index.ts';
import { loadModel } from '../compiler/load.ts';
import { exportOnnx } from '../compiler/onnx/index.ts';
import { quantizeDynamic } from '../compiler/onnx/quantize.ts';
import { readExamples, shippedSplit, TASKS, type TaskName } from '../compiler/train/data.ts';
import { specTokenizer } from '../compiler/train/command.ts';
import { argmax } from '../compiler/eval/metrics.ts';

const arg = (k: string, d: string): string => process.argv.find((a) => a.startsWith(`${k}=`))?.slice(k.length + 1) ?? d;
const spec = loadSpec(arg('spec', 'specs/sst2-small.yaml'));
const task = TASKS[arg('task', 'sst2') as TaskName];
const set = readExamples(shippedSplit(task.name, 'dev'), task, await specTokenizer(spec), {
  maxLen: spec.arch.maxPositions, vocabSize: spec.arch.vocabSize, limit: Number(arg('limit', 'Infinity')),
});
const f32 = exportOnnx(loadModel(spec));
const files = { f32, 'int8 per tensor': quantizeDynamic(f32).bytes, 'int8 per column': quantizeDynamic(f32, { perChannel: true }).bytes };

async function logitsOf(bytes: Uint8Array): Promise<Float32Array[]> {
  const session = await ort.InferenceSession.create(bytes, { intraOpNumThreads: 1 });
  const out: Float32Array[] = [];
  for (const e of set.examples) {
    const n = e.ids.length;
    const t = (values: readonly number[]) => new ort.Tensor('int64', BigInt64Array.from(values, BigInt), [1, n]);
    const r = await session.run({ input_ids: t(e.ids), attention_mask: t(new Array<number>(n).fill(1)), token_type_ids: t(e.types) });
    out.push(Float32Array.from(r.logits!.data as Float32Array));
  }
  await session.release();
  return out;
}

const base = await logitsOf(files.f32);
console.log(`${spec.name} on ${set.examples.length} ${task.name} dev examples, onnxruntime-node ${ort.env.versions.node ?? ''}, full depth`);
console.log('| file | MB | accuracy | argmax agrees with f32 | max abs logit diff vs f32 |');
console.log('|---|---|---|---|---|');
for (const [name, bytes] of Object.entries(files)) {
  const z = name === 'f32' ? base : await logitsOf(bytes);
  let correct = 0, agree = 0, diff = 0;
  z.forEach((row, i) => {
    if (argmax(row) === set.examples[i]!.label) correct++;
    if (argmax(row) === argmax(base[i]!)) agree++;
    row.forEach((v, j) => { diff = Math.max(diff, Math.abs(v - base[i]![j]!)); });
  });
  const n = set.examples.length;
  console.log(`| ${name} | ${(bytes.length / 1e6).toFixed(1)} | ${(correct / n).toFixed(4)} | ${agree} of ${n} (${(100 * agree / n).toFixed(2)}%) | ${diff.toExponential(2)} |`);
}
