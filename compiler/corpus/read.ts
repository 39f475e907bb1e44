// Reads a labelled or unlabelled TSV corpus and tokenizes every row into id sequences with [CLS]/[SEP].

import { readFileSync } from 'node:fs';
import type { TextTokenizer } from '../../runtime/tokenizer.ts';
import { HasheeError, type SourceLocation } from '../errors.ts';
import { silentProgress, type Progress } from '../progress.ts';
import type { CorpusRef, Spec } from '../spec/types.ts';
import { loadTokenizer } from './tokenizer-file.ts';
import { parseTsv, type Tsv } from './tsv.ts';

export interface Corpus {
  /** One token id sequence per row, specials included ([CLS] A [SEP], or [CLS] A [SEP] B [SEP]). */
  readonly sequences: readonly (readonly number[])[];
  /** The label cell of each row (as written), when the corpus has a label column. */
  readonly labels?: readonly string[];
}

export interface ReadOptions {
  readonly progress?: Progress;
  /** Where the spec names each corpus file (key path "exit.corpus.files[i]"), for file-missing errors. */
  readonly locations?: ReadonlyMap<string, SourceLocation>;
}

function columnIndex(tsv: Tsv, name: string, keyPath: string): number {
  const i = tsv.header.indexOf(name);
  if (i < 0) {
    throw new HasheeError('file-format', `${tsv.file}: no column "${name}"`, {
      location: { file: tsv.file, line: 1, col: 1 }, keyPath, expected: `a column named "${name}"`, actual: `columns: ${tsv.header.join(', ')}`,
    });
  }
  return i;
}

function readTsvFile(file: string, keyPath: string, opts: ReadOptions): Tsv {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new HasheeError('file-missing', `cannot read corpus file ${file}`, { location: opts.locations?.get(keyPath), keyPath });
  }
  return parseTsv(text, file);
}

export function readCorpus(ref: CorpusRef, tokenizer: TextTokenizer, opts: ReadOptions = {}): Corpus {
  if (ref.textColumns.length < 1 || ref.textColumns.length > 2) {
    throw new HasheeError('spec-value', `text_columns must name one or two columns, got ${ref.textColumns.length}`, {
      location: opts.locations?.get('exit.corpus.text_columns'), keyPath: 'exit.corpus.text_columns',
    });
  }
  const tables = ref.files.map((f, i) => readTsvFile(f, `exit.corpus.files[${i}]`, opts));
  const progress = opts.progress ?? silentProgress;
  progress.start('tokenizing corpus', tables.reduce((n, t) => n + t.rows.length, 0));
  const sequences: number[][] = [];
  const labels: string[] = [];
  for (const tsv of tables) {
    const text = ref.textColumns.map((c) => columnIndex(tsv, c, 'exit.corpus.text_columns'));
    const label = ref.labelColumn === undefined ? -1 : columnIndex(tsv, ref.labelColumn, 'exit.corpus.label_column');
    for (const row of tsv.rows) {
      const pair = text[1] === undefined ? undefined : row.cells[text[1]]!;
      sequences.push(tokenizer.encode(row.cells[text[0]!]!, pair).ids);
      if (label >= 0) {
        const y = row.cells[label]!.trim();
        if (y === '') throw new HasheeError('file-format', `${tsv.file}:${row.line}: empty label`, { location: { file: tsv.file, line: row.line, col: 1 } });
        labels.push(y);
      }
      progress.tick();
    }
  }
  progress.done();
  return ref.labelColumn === undefined ? { sequences } : { sequences, labels };
}

const specCorpora = new WeakMap<Spec, Corpus>(); // the exit table and the schedule report read the same corpus once

/** The corpus a spec's exit policy reads (frequency, mi), tokenized with the spec's tokenizer; undefined for other policies. */
export function readSpecCorpus(spec: Spec, progress?: Progress): Corpus | undefined {
  const exit = spec.exit;
  const cached = specCorpora.get(spec);
  if (cached) return cached;
  if (exit.kind !== 'frequency' && exit.kind !== 'mi') return undefined;
  if (!spec.tokenizer) {
    throw new HasheeError('spec-missing', `the ${exit.kind} exit policy tokenizes its corpus and needs a tokenizer`, {
      location: spec.locations.get('exit.policy'), keyPath: 'tokenizer',
    });
  }
  const corpus = readCorpus(exit.corpus, loadTokenizer(spec.tokenizer.path), { progress, locations: spec.locations });
  specCorpora.set(spec, corpus);
  return corpus;
}
