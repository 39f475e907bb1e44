// `hashee eval`: options -> a labelled split -> metrics, average exit layer and expected FLOPs ratio.

import { resolve } from 'node:path';
import { choice, oneSpec, type Command } from '../command.ts';
import { HasheeError } from '../errors.ts';
import { loadAll } from '../load.ts';
import { createProgress } from '../progress.ts';
import { maxLenOption, numberOption, specTokenizer, taskOption } from '../train/command.ts';
import { readExamples, shippedSplit, TASKS } from '../train/data.ts';
import { evalJson, evaluate, formatEval, type EvalBackend } from './eval.ts';

const USAGE = `hashee eval SPEC (--task sst2|mrpc|stsb | --data FILE.tsv [--task T]) [--json] [--full-depth]
            [--backend reference|wasm] [--precision f64|f32] [--limit N] [--max-len N]
  Runs the spec's model with its exit table on a labelled split (default: the task's shipped dev split;
  the task is read from the file's columns unless --task) and prints accuracy (SST-2), accuracy and F1
  (MRPC) or Pearson / Spearman (STS-B), the average exit layer (token mass) and the expected FLOPs ratio
  vs full depth (cost model, each sentence alone). --limit N: the first N rows only. --backend wasm runs
  the compiled package (single sentences only); the reference runs in float64 unless --precision f32.`;

export const evalCommand: Command = {
  usage: USAGE,
  async run(args, opts, ctx) {
    const spec = oneSpec(args, USAGE);
    const task = TASKS[taskOption(opts, USAGE)];
    const backend = choice<EvalBackend>(opts.backend, ['reference', 'wasm'], '--backend', 'reference');
    const precision = choice(opts.precision, ['f64', 'f32'] as const, '--precision', 'f64');
    const limit = numberOption(opts.limit, '--limit', Infinity, opts.limit !== undefined);
    if (limit < 1) throw new HasheeError('usage', '--limit must be a positive integer', { actual: String(opts.limit) });
    const maxLen = maxLenOption(opts, spec, spec.arch.maxPositions);
    const tokenizer = specTokenizer(spec);
    const file = opts.data === undefined ? shippedSplit(task.name, 'dev') : resolve(opts.data);
    const set = readExamples(file, task, tokenizer, { maxLen, vocabSize: spec.arch.vocabSize, limit, progress: createProgress() });
    const loaded = loadAll(spec, createProgress('loading'));
    const report = await evaluate(loaded, set, { backend, precision, fullDepth: !!opts['full-depth'] }, createProgress());
    ctx.out(opts.json ? `${JSON.stringify(evalJson(report))}\n` : formatEval(report));
  },
};
