// `hashee train`: options -> task data -> the training run -> the ONNX weights (and optionally a spec that runs them).

import { resolve } from 'node:path';
import type { TextTokenizer } from '../../runtime/tokenizer.ts';
import type { CliOptions } from '../options.ts';
import { choice, oneSpec, type Command } from '../command.ts';
import { loadTokenizer } from '../corpus/tokenizer-file.ts';
import { HasheeError } from '../errors.ts';
import { exportOnnx } from '../onnx/index.ts';
import { loadAll } from '../load.ts';
import { createProgress } from '../progress.ts';
import { renderSpecYaml } from '../spec/index.ts';
import type { ExitPolicy, Spec } from '../spec/types.ts';
import { writeFileAtomic } from '../util/fs.ts';
import { formatMetrics } from '../eval/metrics.ts';
import { readExamples, shippedSplit, TASK_NAMES, TASKS, taskOfHeader, type TaskName } from './data.ts';
import { createTrainReporter } from './report.ts';
import { TRAIN_DEFAULTS, trainModel, type TrainSettings } from './train.ts';

const USAGE = `hashee train SPEC (--task sst2|mrpc|stsb | --data TRAIN.tsv) --out FILE.onnx
             [--epochs N] [--lr X] [--batch N] [--seed N] [--max-len N] [--dropout P] [--warmup F]
             [--weight-decay W] [--dev DEV.tsv | --dev none] [--resume] [--spec-out SPEC.yaml] [--json]
  Trains the spec's model (from its ONNX weights, or from a seeded BERT initialisation when the spec has
  random weights) with the spec's exit table active, exactly as inference runs it. Data: the task's
  shipped train split (data/<task>/train.tsv) unless --data; dev metrics after every epoch on the shipped
  dev split unless --dev. A checkpoint FILE.onnx.ckpt is written after every epoch (--resume continues
  from it; it is removed when the run completes). Output: full-depth ONNX (opset 17) for weights: { onnx }.
  Defaults: --epochs ${TRAIN_DEFAULTS.epochs} --lr ${TRAIN_DEFAULTS.lr} --batch ${TRAIN_DEFAULTS.batch} --seed ${TRAIN_DEFAULTS.seed} --max-len min(${TRAIN_DEFAULTS.maxLen}, max_positions) --dropout ${TRAIN_DEFAULTS.dropout}
  --warmup ${TRAIN_DEFAULTS.warmup} (fraction of steps, then linear decay) --weight-decay ${TRAIN_DEFAULTS.weightDecay}; gradients clipped to norm ${TRAIN_DEFAULTS.clip}.`;

/** A numeric option: `fallback` when absent, a usage error when not a number of the right kind. */
export function numberOption(value: string | undefined, flag: string, fallback: number, integer = false): number {
  if (value === undefined) return fallback;
  const x = Number(value);
  if (value.trim() === '' || !Number.isFinite(x) || (integer && !Number.isInteger(x))) {
    throw new HasheeError('usage', `${flag} must be ${integer ? 'an integer' : 'a number'}`, { expected: integer ? 'e.g. 3' : 'e.g. 0.001', actual: value });
  }
  return x;
}

/** --task, or the task whose columns the data file has. */
export function taskOption(opts: CliOptions, usage: string): TaskName {
  if (opts.task !== undefined) return choice<TaskName>(opts.task, TASK_NAMES, '--task', 'sst2');
  const inferred = opts.data === undefined ? undefined : taskOfHeader(resolve(opts.data));
  if (!inferred) throw new HasheeError('usage', `give --task ${TASK_NAMES.join('|')}${opts.data ? ` (the columns of ${opts.data} match no task)` : ''}\n${usage}`);
  return inferred;
}

export function maxLenOption(opts: CliOptions, spec: Spec, fallback: number): number {
  const maxLen = numberOption(opts['max-len'], '--max-len', Math.min(fallback, spec.arch.maxPositions), true);
  if (maxLen < 3 || maxLen > spec.arch.maxPositions) {
    throw new HasheeError('usage', '--max-len must be between 3 and the model\'s max_positions', { expected: `3..${spec.arch.maxPositions}`, actual: String(maxLen) });
  }
  return maxLen;
}

export function specTokenizer(spec: Spec): TextTokenizer {
  if (!spec.tokenizer) {
    throw new HasheeError('spec-missing', 'task data is text: the spec needs a tokenizer', { location: spec.locations.get('model'), keyPath: 'tokenizer', expected: 'tokenizer: { path: ..., special_ids: ... }' });
  }
  return loadTokenizer(spec.tokenizer.path);
}

export const trainCommand: Command = {
  usage: USAGE,
  async run(args, opts, ctx) {
    const spec = oneSpec(args, USAGE);
    if (!opts.out) throw new HasheeError('usage', `--out FILE.onnx is required\n${USAGE}`);
    const task = TASKS[taskOption(opts, USAGE)];
    const settings: TrainSettings = {
      epochs: numberOption(opts.epochs, '--epochs', TRAIN_DEFAULTS.epochs, true),
      lr: numberOption(opts.lr, '--lr', TRAIN_DEFAULTS.lr),
      batch: numberOption(opts.batch, '--batch', TRAIN_DEFAULTS.batch, true),
      seed: numberOption(opts.seed, '--seed', TRAIN_DEFAULTS.seed, true),
      maxLen: maxLenOption(opts, spec, TRAIN_DEFAULTS.maxLen),
      dropout: numberOption(opts.dropout, '--dropout', TRAIN_DEFAULTS.dropout),
      weightDecay: numberOption(opts['weight-decay'], '--weight-decay', TRAIN_DEFAULTS.weightDecay),
      warmup: numberOption(opts.warmup, '--warmup', TRAIN_DEFAULTS.warmup),
      clip: TRAIN_DEFAULTS.clip,
    };
    const tokenizer = specTokenizer(spec);
    const loaded = loadAll(spec, createProgress('loading'));
    const read = (file: string) => readExamples(file, task, tokenizer, { maxLen: settings.maxLen, vocabSize: spec.arch.vocabSize, progress: createProgress() });
    const train = read(opts.data === undefined ? shippedSplit(task.name, 'train') : resolve(opts.data));
    const dev = opts.dev === 'none' ? undefined : read(opts.dev === undefined ? shippedSplit(task.name, 'dev') : resolve(opts.dev));
    const out = resolve(opts.out);
    const reporter = createTrainReporter({ isTTY: process.stderr.isTTY, write: ctx.err });
    reporter.note(`training ${spec.name} on ${train.examples.length} ${task.name} examples${train.truncated ? ` (${train.truncated} cut to ${settings.maxLen} tokens)` : ''}, exit policy ${spec.exit.kind}, ${settings.epochs} epochs`);
    const result = trainModel({ loaded, train, dev, settings, checkpoint: { path: `${out}.ckpt`, resume: !!opts.resume }, reporter });
    const bytes = exportOnnx({ arch: spec.arch, head: spec.head, weights: result.weights });
    writeFileAtomic(out, bytes);
    ctx.err(`wrote ${opts.out} (${(bytes.length / 1e6).toFixed(1)} MB)${result.dev ? `; dev ${formatMetrics(result.dev)}` : ''}\n`);
    if (opts['spec-out']) {
      const specOut = resolve(opts['spec-out']);
      writeFileAtomic(specOut, renderSpecYaml({
        name: `${spec.name}-trained`, arch: spec.arch, head: spec.head, onnxPath: out, tokenizer: spec.tokenizer,
        exit: trainedPolicy(spec.exit, loaded.table, specOut), targets: spec.targets, specFile: specOut,
      }));
      ctx.err(`wrote ${opts['spec-out']}\n`);
    }
    if (opts.json) {
      ctx.out(`${JSON.stringify({ out: opts.out, task: task.name, settings, epochs: result.epochs, dev: result.dev ?? null })}\n`);
    }
  },
};

/**
 * The exit policy of the spec written for the trained model. The cluster policy reads the model's own
 * embeddings, which training changed, so its table is frozen into a JSON file next to the spec (the
 * other policies rebuild the same table from their corpus or seed).
 */
function trainedPolicy(policy: ExitPolicy, table: Uint8Array, specOut: string): ExitPolicy {
  if (policy.kind !== 'cluster') return policy;
  const path = specOut.replace(/\.ya?ml$/i, '') + '.exits.json';
  writeFileAtomic(path, `${JSON.stringify(Array.from(table))}\n`);
  return { kind: 'table', path };
}
