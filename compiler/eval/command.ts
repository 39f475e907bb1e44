// `hashee eval`: options -> a labelled split -> metrics, average exit layer and expected FLOPs ratio.
// The command's own modules (task data, the reference executor or the compiled package) load when it runs.

import { resolve } from 'node:path';
import { command, JSON_OPTION, oneSpec } from '../command.ts';
import { HasheeError } from '../errors.ts';
import { createProgress } from '../progress.ts';
import { maxLenOption, numberOption, specTokenizer, taskOption } from '../train/command.ts';
import { TASK_NAMES, TASKS, readExamples, shippedSplit } from '../train/data.ts';
import type { EvalPrecision } from './eval.ts';

/** The reference's precisions (EvalPrecision of compiler/eval/eval.ts, whose module --help does not load). */
const EVAL_PRECISIONS: readonly EvalPrecision[] = ['f64', 'f32', 'int8', 'f16'];

export const evalCommand = command({
  args: 'SPEC',
  summary: 'task metrics with the exits, average exit layer and expected FLOPs ratio',
  description: 'Runs the spec\'s model with its exit table on a labelled split (default: the task\'s shipped dev split;\n' +
    'the task is read from the file\'s columns unless --task) and prints accuracy (SST-2), accuracy and F1\n' +
    '(MRPC) or Pearson / Spearman (STS-B), the average exit layer (token mass) and the expected FLOPs ratio\n' +
    'vs full depth (cost model, each sentence alone). --backend wasm runs the compiled package (single\n' +
    'sentences only, in the spec\'s precision); the reference runs in float64 unless --precision f32, int8\n' +
    '(the WASM int8 arithmetic: per-column int8 weights, per-row int8 activations) or f16 (f32 on the weights\n' +
    'rounded to half, as the WebGPU f16 package stores them). --against PRECISION also runs the reference at that\n' +
    'precision and prints how often the argmax agrees and the largest logit difference.',
  options: {
    task: { type: 'string', choices: TASK_NAMES, value: 'TASK', help: 'the task (default: from the data file\'s columns)' },
    data: { type: 'string', value: 'FILE.tsv', help: 'labelled data (default: the task\'s shipped dev split)' },
    backend: { type: 'string', choices: ['reference', 'wasm'], help: 'the reference executor (default) or the compiled wasm package' },
    precision: { type: 'string', choices: EVAL_PRECISIONS, help: 'the reference executor\'s precision (default f64)' },
    against: { type: 'string', choices: EVAL_PRECISIONS, value: 'PRECISION', help: 'compare with the reference at this precision (argmax agreement, max logit difference)' },
    'full-depth': { type: 'boolean', help: 'ignore the exit table' },
    limit: { type: 'string', value: 'N', help: 'read the first N rows only' },
    'max-len': { type: 'string', value: 'N', help: 'longer rows are cut (default max_positions)' },
    json: { ...JSON_OPTION, help: 'print the metrics and each example\'s prediction as JSON' },
  },
  async run(args, opts, ctx) {
    const spec = await oneSpec('eval', args);
    const task = TASKS[taskOption(opts, 'eval')];
    const limit = numberOption(opts.limit, '--limit', Infinity, opts.limit !== undefined);
    if (limit < 1) throw new HasheeError('usage', '--limit must be a positive integer', { actual: String(opts.limit) });
    const maxLen = maxLenOption(opts, spec, spec.arch.maxPositions);
    const tokenizer = await specTokenizer(spec);
    const file = opts.data === undefined ? shippedSplit(task.name, 'dev') : resolve(opts.data);
    const set = readExamples(file, task, tokenizer, { maxLen, vocabSize: spec.arch.vocabSize, limit, progress: createProgress() });
    const [{ loadAll }, { evalJson, evaluate, formatEval, withComparison }] = await Promise.all([import('../load.ts'), import('./eval.ts')]);
    const loaded = loadAll(spec, createProgress('loading'));
    const fullDepth = !!opts['full-depth'];
    let report = await evaluate(loaded, set, { backend: opts.backend ?? 'reference', precision: (opts.precision ?? 'f64') as EvalPrecision, fullDepth }, createProgress());
    if (opts.against) report = withComparison(report, await evaluate(loaded, set, { backend: 'reference', precision: opts.against as EvalPrecision, fullDepth }, createProgress()));
    const wasmPrecision = spec.precision.wasm;
    ctx.out(opts.json ? `${JSON.stringify(evalJson(report, wasmPrecision))}\n` : formatEval(report, wasmPrecision));
  },
});
