// `hashee eval`: options -> a labelled split -> metrics, average exit layer and expected FLOPs ratio.
// The command's own modules (task data, the reference executor or the compiled package) load when it runs.

import { resolve } from 'node:path';
import { command, JSON_OPTION, oneSpec } from '../command.ts';
import { HasheeError } from '../errors.ts';
import { createProgress } from '../progress.ts';
import { maxLenOption, numberOption, specTokenizer, taskOption } from '../train/command.ts';
import { TASK_NAMES, TASKS, readExamples, shippedSplit } from '../train/data.ts';

export const evalCommand = command({
  args: 'SPEC',
  summary: 'task metrics with the exits, average exit layer and expected FLOPs ratio',
  description: 'Runs the spec\'s model with its exit table on a labelled split (default: the task\'s shipped dev split;\n' +
    'the task is read from the file\'s columns unless --task) and prints accuracy (SST-2), accuracy and F1\n' +
    '(MRPC) or Pearson / Spearman (STS-B), the average exit layer (token mass) and the expected FLOPs ratio\n' +
    'vs full depth (cost model, each sentence alone). --backend wasm runs the compiled package (single\n' +
    'sentences only, in the spec\'s precision); the reference runs in float64 unless --precision f32, or int8\n' +
    '(the WASM int8 arithmetic: per-column int8 weights, per-row int8 activations).',
  options: {
    task: { type: 'string', choices: TASK_NAMES, value: 'TASK', help: 'the task (default: from the data file\'s columns)' },
    data: { type: 'string', value: 'FILE.tsv', help: 'labelled data (default: the task\'s shipped dev split)' },
    backend: { type: 'string', choices: ['reference', 'wasm'], help: 'the reference executor (default) or the compiled wasm package' },
    precision: { type: 'string', choices: ['f64', 'f32', 'int8'], help: 'the reference executor\'s precision (default f64)' },
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
    const [{ loadAll }, { evalJson, evaluate, formatEval }] = await Promise.all([import('../load.ts'), import('./eval.ts')]);
    const loaded = loadAll(spec, createProgress('loading'));
    const report = await evaluate(loaded, set, { backend: opts.backend ?? 'reference', precision: opts.precision ?? 'f64', fullDepth: !!opts['full-depth'] }, createProgress());
    ctx.out(opts.json ? `${JSON.stringify(evalJson(report))}\n` : formatEval(report));
  },
});
