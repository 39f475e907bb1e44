// `hashee train`: options -> task data -> the training run -> the ONNX weights (and optionally a spec that
// runs them). The command's own modules (data, the training kernels, ONNX export) load when it runs.

import { resolve } from 'node:path';
import type { TextTokenizer } from '../../runtime/tokenizer.ts';
import { command, JSON_OPTION, oneSpec } from '../command.ts';
import { HasheeError } from '../errors.ts';
import { createProgress } from '../progress.ts';
import type { ExitPolicy, Spec } from '../spec/types.ts';
import { writeFileAtomic } from '../util/fs.ts';
import { TASK_NAMES, TASKS, readExamples, shippedSplit, taskOfHeader, type TaskName } from './data.ts';
import { TRAIN_DEFAULTS, type TrainSettings } from './settings.ts';

const TASK_OPTION = { type: 'string', choices: TASK_NAMES, value: 'TASK', help: 'the task: its columns, metrics and shipped splits (default: from the data file\'s columns)' } as const;
const MAX_LEN_OPTION = { type: 'string', value: 'N', help: 'longer rows are cut (the longer segment of a pair first)' } as const;


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
export function taskOption(opts: { readonly task?: TaskName; readonly data?: string }, name: string): TaskName {
  if (opts.task !== undefined) return opts.task;
  const inferred = opts.data === undefined ? undefined : taskOfHeader(resolve(opts.data));
  if (!inferred) throw new HasheeError('usage', `give --task ${TASK_NAMES.join('|')}${opts.data ? ` (the columns of ${opts.data} match no task)` : ''}\nRun 'hashee ${name} --help' for usage.`);
  return inferred;
}

export function maxLenOption(opts: { readonly 'max-len'?: string }, spec: Spec, fallback: number): number {
  const maxLen = numberOption(opts['max-len'], '--max-len', Math.min(fallback, spec.arch.maxPositions), true);
  if (maxLen < 3 || maxLen > spec.arch.maxPositions) {
    throw new HasheeError('usage', '--max-len must be between 3 and the model\'s max_positions', { expected: `3..${spec.arch.maxPositions}`, actual: String(maxLen) });
  }
  return maxLen;
}

export async function specTokenizer(spec: Spec): Promise<TextTokenizer> {
  if (!spec.tokenizer) {
    throw new HasheeError('spec-missing', 'task data is text: the spec needs a tokenizer', { location: spec.locations.get('model'), keyPath: 'tokenizer', expected: 'tokenizer: { path: ..., special_ids: ... }' });
  }
  const { loadTokenizer } = await import('../corpus/tokenizer-file.ts');
  return loadTokenizer(spec.tokenizer.path);
}

export const trainCommand = command({
  args: 'SPEC',
  summary: 'train the model with its exit table active (writes ONNX)',
  description: 'Trains the spec\'s model (from its ONNX weights, or from a seeded BERT initialisation when the spec has\n' +
    'random weights) with the spec\'s exit table active, exactly as inference runs it. Data: the task\'s\n' +
    'shipped train split (data/<task>/train.tsv) unless --data; dev metrics after every epoch on the shipped\n' +
    'dev split unless --dev. A checkpoint FILE.onnx.ckpt is written after every epoch (--resume continues\n' +
    'from it; it is removed when the run completes). Output: full-depth ONNX (opset 17) for weights: { onnx }.\n' +
    `Gradients are clipped to global norm ${TRAIN_DEFAULTS.clip}; --warmup is a fraction of all steps, then a linear decay.`,
  options: {
    task: TASK_OPTION,
    data: { type: 'string', value: 'TRAIN.tsv', help: 'training data (default: the task\'s shipped train split)' },
    out: { type: 'string', short: 'o', value: 'FILE.onnx', required: true, help: 'the trained weights (full-depth ONNX)' },
    epochs: { type: 'string', value: 'N', help: `epochs (default ${TRAIN_DEFAULTS.epochs})` },
    lr: { type: 'string', value: 'X', help: `peak learning rate (default ${TRAIN_DEFAULTS.lr})` },
    batch: { type: 'string', value: 'N', help: `sentences per step (default ${TRAIN_DEFAULTS.batch})` },
    seed: { type: 'string', value: 'N', help: `shuffling, dropout and initialisation seed (default ${TRAIN_DEFAULTS.seed})` },
    'max-len': { ...MAX_LEN_OPTION, help: `${MAX_LEN_OPTION.help} (default min(${TRAIN_DEFAULTS.maxLen}, max_positions))` },
    dropout: { type: 'string', value: 'P', help: `dropout probability (default ${TRAIN_DEFAULTS.dropout})` },
    warmup: { type: 'string', value: 'F', help: `warmup fraction of all steps (default ${TRAIN_DEFAULTS.warmup})` },
    'weight-decay': { type: 'string', value: 'W', help: `AdamW's decoupled weight decay (default ${TRAIN_DEFAULTS.weightDecay})` },
    dev: { type: 'string', value: 'DEV.tsv|none', help: 'dev split for the per-epoch metrics (default: the shipped one; none: skip)' },
    resume: { type: 'boolean', help: 'continue from FILE.onnx.ckpt' },
    'spec-out': { type: 'string', value: 'SPEC.yaml', help: 'also write a spec that runs the trained weights' },
    json: { ...JSON_OPTION, help: 'print the settings, per-epoch figures and dev metrics as JSON' },
  },
  async run(args, opts, ctx) {
    const spec = await oneSpec('train', args);
    if (!opts.out) throw new HasheeError('usage', '--out FILE.onnx is required\nRun \'hashee train --help\' for usage.');
    const task = TASKS[taskOption(opts, 'train')];
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
    const [{ loadAll }, { exportOnnx }, { renderSpecYaml }, { formatMetrics }, { createTrainReporter }, { trainModel }] = await Promise.all([
      import('../load.ts'), import('../onnx/index.ts'), import('../spec/index.ts'), import('../eval/metrics.ts'), import('./report.ts'), import('./train.ts'),
    ]);
    const tokenizer = await specTokenizer(spec);
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
});

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
