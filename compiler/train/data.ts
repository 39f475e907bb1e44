// Labelled task data for training and evaluation: the ELUE tasks' TSV columns, tokenized (sentence pairs
// as pairs, with token types), truncated to the model's length, checked against the vocabulary.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../util/root.ts';
import type { TextTokenizer } from '../../runtime/tokenizer.ts';
import { parseTsv } from '../corpus/tsv.ts';
import { HasheeError } from '../errors.ts';
import type { Progress } from '../progress.ts';
import { silentProgress } from '../progress.ts';

export type TaskName = 'sst2' | 'mrpc' | 'stsb';
export const TASK_NAMES: readonly TaskName[] = ['sst2', 'mrpc', 'stsb'];

export interface Task {
  readonly name: TaskName;
  readonly textColumns: readonly [string] | readonly [string, string];
  readonly labelColumn: string;
  /** classification: labels 0..classes-1; regression: a real score. */
  readonly kind: 'classification' | 'regression';
  readonly classes: number; // 1 for regression
}

export const TASKS: Readonly<Record<TaskName, Task>> = {
  sst2: { name: 'sst2', textColumns: ['sentence'], labelColumn: 'label', kind: 'classification', classes: 2 },
  mrpc: { name: 'mrpc', textColumns: ['#1 String', '#2 String'], labelColumn: 'Quality', kind: 'classification', classes: 2 },
  stsb: { name: 'stsb', textColumns: ['sentence1', 'sentence2'], labelColumn: 'label', kind: 'regression', classes: 1 },
};

/** The shipped split of a task (data/<task>/<split>.tsv in this package). */
export function shippedSplit(task: TaskName, split: 'train' | 'dev'): string {
  return join(ROOT, 'data', task, `${split}.tsv`);
}

export interface Example {
  readonly ids: readonly number[];   // [CLS] A [SEP] (B [SEP])
  readonly types: readonly number[]; // 0 for [CLS] A [SEP], 1 for B [SEP]
  readonly label: number;            // class index or score
}

export interface ExampleSet {
  readonly file: string;
  readonly task: Task;
  readonly examples: readonly Example[];
  /** Rows cut to maxLen tokens. */
  readonly truncated: number;
}

/** The task whose columns a TSV header has (for `eval` without --task), or undefined. */
export function taskOfHeader(file: string): TaskName | undefined {
  const header = parseTsv(readText(file).split(/\r?\n/, 1)[0] ?? '', file).header;
  return TASK_NAMES.find((t) => [...TASKS[t].textColumns, TASKS[t].labelColumn].every((c) => header.includes(c)));
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new HasheeError('file-missing', `cannot read data file ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/**
 * Reads `file` as `task`: every row (or the first opts.limit) tokenized with [CLS]/[SEP] (pairs as pairs), cut to maxLen tokens
 * (longest segment first, as Hugging Face's `longest_first`), ids checked against vocabSize.
 */
export interface ReadExamplesOptions {
  readonly maxLen: number;
  readonly vocabSize: number;
  /** Only the first `limit` rows. */
  readonly limit?: number;
  readonly progress?: Progress;
}

export function readExamples(file: string, task: Task, tokenizer: TextTokenizer, opts: ReadExamplesOptions): ExampleSet {
  const { maxLen, vocabSize } = opts;
  const progress = opts.progress ?? silentProgress;
  const tsv = parseTsv(readText(file), file);
  const rows = tsv.rows.slice(0, opts.limit ?? tsv.rows.length);
  const col = (name: string): number => {
    const i = tsv.header.indexOf(name);
    if (i < 0) {
      throw new HasheeError('file-format', `${file}: no column "${name}" for task ${task.name}`, {
        location: { file, line: 1, col: 1 }, expected: `columns ${[...task.textColumns, task.labelColumn].join(', ')}`, actual: tsv.header.join(', '),
      });
    }
    return i;
  };
  const text = task.textColumns.map(col);
  const labelCol = col(task.labelColumn);
  const minLen = task.textColumns.length + 1; // the specials alone
  if (maxLen < minLen + task.textColumns.length) throw new HasheeError('usage', `--max-len must be at least ${minLen + task.textColumns.length} for ${task.name}`, { actual: String(maxLen) });
  const examples: Example[] = [];
  let truncated = 0;
  progress.start(`tokenizing ${file}`, rows.length);
  for (const row of rows) {
    const where = { location: { file, line: row.line, col: 1 } };
    const label = parseLabel(row.cells[labelCol]!.trim(), task, `${file}:${row.line}`, where);
    const enc = tokenizer.encode(row.cells[text[0]!]!, text[1] === undefined ? undefined : row.cells[text[1]]!);
    const cut = truncate(enc.ids, enc.typeIds, maxLen);
    if (cut.ids.length < enc.ids.length) truncated++;
    const bad = cut.ids.find((id) => id >= vocabSize);
    if (bad !== undefined) {
      throw new HasheeError('input', `${file}:${row.line}: the tokenizer produced id ${bad}, outside the model vocabulary`, { ...where, keyPath: 'model.vocab_size', expected: `ids < ${vocabSize}`, actual: String(bad) });
    }
    examples.push({ ...cut, label });
    progress.tick();
  }
  progress.done();
  if (examples.length === 0) throw new HasheeError('file-format', `${file}: no data rows`, { location: { file, line: 2, col: 1 } });
  return { file, task, examples, truncated };
}

function parseLabel(cell: string, task: Task, at: string, where: { location: { file: string; line: number; col: number } }): number {
  const v = Number(cell);
  if (task.kind === 'regression') {
    if (cell === '' || !Number.isFinite(v)) throw new HasheeError('file-format', `${at}: label "${cell}" is not a number`, { ...where, expected: 'a real score', actual: cell });
    return v;
  }
  if (!/^\d+$/.test(cell) || v >= task.classes) {
    throw new HasheeError('file-format', `${at}: label "${cell}" is not a class of ${task.name}`, { ...where, expected: `0..${task.classes - 1}`, actual: cell });
  }
  return v;
}

/**
 * [CLS] A [SEP] (B [SEP]) cut to at most maxLen ids: one token at a time from the end of the longer
 * segment (B on ties), the specials kept.
 */
export function truncate(ids: readonly number[], types: readonly number[], maxLen: number): { ids: number[]; types: number[] } {
  if (ids.length <= maxLen) return { ids: [...ids], types: [...types] };
  const firstB = types.indexOf(1);
  const endA = (firstB < 0 ? ids.length : firstB) - 1; // index of A's [SEP]
  const a = ids.slice(1, endA), b = firstB < 0 ? [] : ids.slice(firstB, ids.length - 1);
  const specials = firstB < 0 ? 2 : 3;
  while (a.length + b.length + specials > maxLen) {
    if (b.length >= a.length && b.length > 0) b.pop();
    else a.pop();
  }
  const outIds = [ids[0]!, ...a, ids[endA]!, ...(firstB < 0 ? [] : [...b, ids[ids.length - 1]!])];
  const outTypes = outIds.map((_, i) => (i < a.length + 2 ? 0 : 1));
  return { ids: outIds, types: outTypes };
}
