// The accuracy / FLOPs trade-off tables of README: one small model trained per hash policy (same
// architecture, seed, epochs and hyper-parameters), each evaluated on the task's dev split with its own
// exit table; plus the full-depth model with the frequency table applied after training (post hoc), and
// the frequency-trained model run without exits.
// Run: nice -n 10 npm run tradeoff [-- --task sst2 --layers 6 --buckets 6 --epochs 3 --seed 1 --out out/tradeoff]
// Writes OUT/results.json and OUT/table.md; prints the table. Takes a while (one training run per policy).

import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { main } from '../compiler/cli.ts';
import { formatMetrics, type TaskMetrics } from '../compiler/eval/metrics.ts';
import { loadAll } from '../compiler/load.ts';
import { loadSpec } from '../compiler/spec/index.ts';
import { TASK_NAMES, TASKS, type TaskName } from '../compiler/train/data.ts';

const { values: o } = parseArgs({
  options: {
    task: { type: 'string', default: 'sst2' },
    layers: { type: 'string', default: '6' }, buckets: { type: 'string', default: '6' }, hidden: { type: 'string', default: '128' },
    heads: { type: 'string', default: '4' }, epochs: { type: 'string', default: '3' }, lr: { type: 'string', default: '5e-4' },
    seed: { type: 'string', default: '1' }, policies: { type: 'string' }, out: { type: 'string', default: 'out/tradeoff' },
  },
});
if (!TASK_NAMES.includes(o.task as TaskName)) throw new Error(`--task must be one of ${TASK_NAMES.join(', ')}`);
const task = TASKS[o.task as TaskName];
const regression = task.kind === 'regression';
// MI needs class labels: the reference handles two; STS-B's scores are not classes
const policies = (o.policies ?? (regression ? 'none,frequency,random,cluster' : 'none,frequency,mi,random,cluster')).split(',');
const out = resolve(o.out!);
mkdirSync(out, { recursive: true });
const data = fileURLToPath(new URL(`../data/${task.name}`, import.meta.url));
const tokenizer = fileURLToPath(new URL('../data/sst2/tokenizer.json', import.meta.url));
const hidden = Number(o.hidden);

/** A training spec: the shipped tokenizer, seeded BERT initialisation, one exit policy. */
function spec(name: string, exit: string, weights = '{ random: { seed: 1 } }'): string {
  const file = join(out, `${name}.yaml`);
  writeFileSync(file, `name: ${name}
model: { layers: ${o.layers}, hidden: ${hidden}, heads: ${o.heads}, ffn: ${4 * hidden}, vocab_size: 10000, max_positions: 128, type_vocab_size: 2, activation: gelu, layer_norm_eps: 1.0e-12, norm: post }
head: ${regression ? '{ kind: regression }' : `{ kind: classification, labels: ${task.classes} }`}
weights: ${weights}
tokenizer: { path: ${tokenizer}, special_ids: { cls: 101, sep: 102, pad: 0, unk: 100, mask: 103 } }
exit: ${exit}
targets: [wasm]
`);
  return file;
}

const columns = `text_columns: [${task.textColumns.map((c) => JSON.stringify(c)).join(', ')}], label_column: ${JSON.stringify(task.labelColumn)}`;
const exits: Record<string, string> = {
  none: '{ policy: none }',
  // train + dev counts, as the reference code
  frequency: `{ policy: frequency, buckets: ${o.buckets}, corpus: { files: [${data}/train.tsv, ${data}/dev.tsv], ${columns} } }`,
  mi: `{ policy: mi, buckets: ${o.buckets}, corpus: { files: [${data}/train.tsv], ${columns} } }`,
  random: `{ policy: random, seed: 1, buckets: ${o.buckets} }`,
  // k-means over the word embeddings of the trained full-depth model (the paper clusters pretrained ones)
  cluster: `{ policy: cluster, seed: 1, buckets: ${o.buckets} }`,
};

async function hashee(...argv: string[]): Promise<string> {
  let text = '';
  process.stderr.write(`$ hashee ${argv.join(' ')}\n`);
  const code = await main(argv, { out: (s) => { text += s; }, err: (s) => process.stderr.write(s) });
  if (code !== 0) throw new Error(`hashee ${argv[0]} failed (${code})`);
  return text;
}

interface EvalJson { metrics: TaskMetrics; avg_exit_layer: number; avg_exit_layer_non_special: number; flops_ratio: number; predictions: number[] }
interface Row { policy: string; trainedWith: string; eval: EvalJson; agreement?: number; epochSeconds: number[] }

const train = ['--task', task.name, '--epochs', o.epochs!, '--lr', o.lr!, '--seed', o.seed!, '--dev', 'none', '--json'];
const rows: Row[] = [];
const evalOf = async (specFile: string, ...extra: string[]): Promise<EvalJson> => JSON.parse(await hashee('eval', specFile, '--task', task.name, '--json', ...extra)) as EvalJson;
const seconds = (json: string): number[] => (JSON.parse(json) as { epochs: { seconds: number }[] }).epochs.map((e) => e.seconds);

for (const policy of policies) {
  let exit = exits[policy];
  if (!exit) throw new Error(`unknown policy ${policy}`);
  if (policy === 'cluster') {
    // the table from the full-depth model's trained embeddings, frozen as JSON, then a model trained with it
    if (!policies.includes('none') || policies.indexOf('none') > policies.indexOf('cluster')) throw new Error('cluster clusters the none model: list none first');
    const base = spec('cluster-source', exit, `{ onnx: ${join(out, 'none.onnx')} }`);
    const table = loadAll(loadSpec(base)).table;
    writeFileSync(join(out, 'cluster.exits.json'), `${JSON.stringify(Array.from(table))}\n`);
    exit = `{ policy: table, table: ${join(out, 'cluster.exits.json')} }`;
  }
  const s = spec(`${task.name}-${policy}`, exit);
  const log = await hashee('train', s, ...train, '--out', join(out, `${policy}.onnx`), '--spec-out', join(out, `${policy}.trained.yaml`));
  rows.push({ policy, trainedWith: policy, eval: await evalOf(join(out, `${policy}.trained.yaml`)), epochSeconds: seconds(log) });
}

// Exits applied after training: the full-depth model run with the frequency table.
if (policies.includes('none')) {
  const full = rows.find((r) => r.policy === 'none')!;
  const posthoc = spec('none-with-frequency', exits.frequency!, `{ onnx: ${join(out, 'none.onnx')} }`);
  const e = await evalOf(posthoc);
  // classes: the share of equal predictions (scores have no such thing)
  const agreement = regression ? undefined : e.predictions.filter((p, i) => p === full.eval.predictions[i]).length / e.predictions.length;
  rows.push({ policy: 'frequency (post hoc)', trainedWith: 'none', eval: e, agreement, epochSeconds: [] });
}
// The other way round: the model trained with the frequency table, run at full depth.
if (policies.includes('frequency')) {
  rows.push({ policy: 'none (exits removed)', trainedWith: 'frequency', eval: await evalOf(join(out, 'frequency.trained.yaml'), '--full-depth'), epochSeconds: [] });
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const dev = { sst2: 'SST-2 dev (1,101 sentences)', mrpc: 'MRPC dev (408 pairs)', stsb: 'STS-B dev (1,500 pairs)' }[task.name];
const table = [
  `${dev}, ${o.layers} layers, width ${hidden}, ${o.heads} heads, FFN ${4 * hidden}, ${o.buckets} buckets; ${o.epochs} epochs, lr ${o.lr}, seed ${o.seed}`,
  '',
  '| exit table at inference | trained with | dev metrics | expected FLOPs (vs full depth) | avg exit layer (all / non-special tokens) | agreement with full-depth model |',
  '|---|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.policy} | ${r.trainedWith} | ${formatMetrics(r.eval.metrics)} | ${pct(r.eval.flops_ratio)} (${(1 / r.eval.flops_ratio).toFixed(2)}x fewer) | ${r.eval.avg_exit_layer.toFixed(2)} / ${r.eval.avg_exit_layer_non_special.toFixed(2)} | ${r.agreement === undefined ? '' : pct(r.agreement)} |`),
  '',
  `Training time per epoch (s): ${rows.filter((r) => r.epochSeconds.length).map((r) => `${r.policy} ${r.epochSeconds.map((x) => x.toFixed(0)).join('/')}`).join(', ')}`,
].join('\n');
writeFileSync(join(out, 'results.json'), `${JSON.stringify(rows.map(({ eval: e, ...r }) => ({ ...r, metrics: e.metrics, flops_ratio: e.flops_ratio, avg_exit_layer: e.avg_exit_layer, avg_exit_layer_non_special: e.avg_exit_layer_non_special })), null, 2)}\n`);
writeFileSync(join(out, 'table.md'), `${table}\n`);
process.stdout.write(`${table}\n`);
