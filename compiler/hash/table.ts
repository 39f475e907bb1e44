// Table policy: an explicit exit table — JSON {"<token id>": value} or [value of id 0, 1, ...], or the HashEE
// reference code's token2bucket dict saved with pickle or torch.save — validated against the model. `check`
// and the table build share this one validation.

import { readFileSync } from 'node:fs';
import type { ExitTable } from '../../contract/model.ts';
import { HasheeError, type SourceLocation } from '../errors.ts';
import { SpecErrors } from '../spec/spec-errors.ts';
import type { TableValues } from '../spec/types.ts';
import { isPickle, isZip, PickleError, torchSavePickle, unpickleIntDict } from './pickle.ts';

/** Problems listed one by one before the rest are summed up in a count (a bad table can have thousands). */
const MAX_LISTED = 10;

interface TableContext {
  readonly file: string;               // as shown in messages
  readonly L: number;
  readonly vocabSize: number;
  readonly special: ReadonlySet<number>;
  readonly values: TableValues;
  readonly location?: SourceLocation;  // the spec's exit.table
}

/**
 * Collects a table's problems, each located at the spec's `exit.table` and, in its message, at
 * `file:line:col` in a JSON file; one problem throws a HasheeError, several a SpecErrors.
 */
class Problems {
  private readonly list: HasheeError[] = [];
  private unlisted = 0;

  constructor(private readonly c: TableContext, private readonly text?: string) {}

  add(offset: number | undefined, message: string, expected?: string, actual?: string): void {
    if (this.list.length === MAX_LISTED) { this.unlisted++; return; }
    const where = offset === undefined || this.text === undefined ? this.c.file : `${this.c.file}:${lineCol(this.text, offset)}`;
    this.list.push(new HasheeError('file-format', `${where}: ${message}`, { location: this.c.location, keyPath: 'exit.table', expected, actual }));
  }

  get any(): boolean { return this.list.length > 0; }

  throw(): never {
    const { file, location } = this.c;
    if (this.unlisted > 0) this.list.push(new HasheeError('file-format', `${file}: ${this.unlisted} more problem${this.unlisted === 1 ? '' : 's'} not listed`, { location, keyPath: 'exit.table' }));
    throw this.list.length === 1 ? this.list[0]! : new SpecErrors(this.list);
  }
}

/**
 * Ids not listed get L; special ids, if listed, must be given L (they never exit early). With values
 * 'buckets' an entry holds the reference's bucket value v (MIN_LAYER = 2 .. MAX_LAYER = L + 1), which runs
 * v - 1 layers (its model starts at remain_layers = exit_layers - 1): hashee's layers are v - 1.
 * `at(key)` gives the offsets of a JSON member's key and value for messages.
 */
function tableFromEntries(entries: readonly [string, unknown][], c: TableContext, problems: Problems,
  at: (key: string) => { readonly key: number; readonly value: number } | undefined = () => undefined): ExitTable {
  const { L, vocabSize: V } = c;
  const shift = c.values === 'buckets' ? 1 : 0;
  const range = c.values === 'buckets' ? `a bucket value in 2..${L + 1} (v runs v - 1 layers)` : `a layer count in 1..${L}`;
  const table = new Uint8Array(V).fill(L);
  for (const [key, value] of entries) {
    if (!/^(0|[1-9][0-9]*)$/.test(key) || Number(key) >= V) {
      problems.add(at(key)?.key, `key "${key}" is not a token id`, `an integer id in 0..${V - 1}`, key);
      continue;
    }
    const layers = typeof value === 'number' && Number.isInteger(value) ? value - shift : Number.NaN;
    if (!(layers >= 1 && layers <= L)) {
      // A reference token2bucket always holds L + 1 (its MAX_LAYER) for the special tokens.
      const hint = c.values === 'layers' && value === L + 1 ? ` (a HashEE reference token2bucket holds bucket values 2..${L + 1}: set exit.table_values: buckets)` : '';
      problems.add(at(key)?.value, `token ${key}: ${JSON.stringify(value)} is not ${range}${hint}`, range, JSON.stringify(value));
      continue;
    }
    const id = Number(key);
    if (c.special.has(id) && layers !== L) {
      problems.add(at(key)?.value, `token ${key} is a special token and must run all ${L} layers`, `${L + shift}`, `${JSON.stringify(value)}`);
      continue;
    }
    table[id] = layers;
  }
  return problems.any ? problems.throw() : table;
}

/** JSON object {"<token id>": value} or array of values by id (null: not listed). */
export function parseExitTableJson(text: string, file: string, L: number, vocabSize: number, special: ReadonlySet<number>,
  location?: SourceLocation, values: TableValues = 'layers'): ExitTable {
  const c: TableContext = { file, L, vocabSize, special, values, location };
  const problems = new Problems(c, text);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const where = /at position (\d+)/.exec(message);
    problems.add(where ? Number(where[1]) : undefined, `not valid JSON (${message.replace(/ in JSON at position \d+.*$/, '')})`);
    return problems.throw();
  }
  if (json === null || typeof json !== 'object') {
    problems.add(undefined, 'an exit table must be a JSON object {"<token id>": layers} or an array of layers indexed by id');
    return problems.throw();
  }
  const offsets = memberOffsets(text);
  if (Array.isArray(json) && json.length > vocabSize) {
    problems.add(offsets.get(String(vocabSize))?.value, `the array lists ${json.length} ids, more than vocab_size`, `at most ${vocabSize} entries`, String(json.length));
  }
  // An array lists values by id; null entries are ids it leaves out (they get L, like unlisted keys).
  // Object members are visited in file order (Object.entries puts integer keys first) so problems are too.
  const entries: [string, unknown][] = Array.isArray(json)
    ? json.flatMap((v, i): [string, unknown][] => (v === null || i >= vocabSize ? [] : [[String(i), v]]))
    : Object.entries(json as Record<string, unknown>).sort(([a], [b]) => (offsets.get(a)?.key ?? 0) - (offsets.get(b)?.key ?? 0));
  return tableFromEntries(entries, c, problems, (key) => offsets.get(key));
}

/**
 * The table in `file`: a pickle (protocol 2-5) or torch.save archive of a dict {int: int}, else JSON.
 * `values` says what the numbers count (spec exit.table_values, default layers); `shownAs` is the file's
 * name in messages.
 */
export function readExitTable(file: string, L: number, vocabSize: number, special: ReadonlySet<number>,
  location?: SourceLocation, values: TableValues = 'layers', shownAs = file): ExitTable {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new HasheeError('file-missing', `cannot read exit table ${shownAs}`, { location, keyPath: 'exit.table' });
  }
  if (!isPickle(bytes) && !isZip(bytes)) return parseExitTableJson(bytes.toString('utf8'), shownAs, L, vocabSize, special, location, values);
  const c: TableContext = { file: shownAs, L, vocabSize, special, values, location };
  const problems = new Problems(c);
  let dict: Map<number, number>;
  try {
    dict = unpickleIntDict(isZip(bytes) ? torchSavePickle(bytes) : bytes);
  } catch (e) {
    if (!(e instanceof PickleError)) throw e;
    const how = isZip(bytes) ? 'a torch.save file' : 'a pickle';
    problems.add(undefined, `${how} that is not a dict of ints: ${e.message}; write the table as JSON instead, e.g. json.dump({int(k): int(v) for k, v in token2bucket.items()}, open('table.json', 'w'))`);
    return problems.throw();
  }
  return tableFromEntries([...dict].map(([k, v]) => [String(k), v]), c, problems);
}

/**
 * Where each top-level member of valid JSON text starts: object keys (the last of duplicates, as
 * JSON.parse keeps) or array indices -> offsets of the key and of the value.
 */
function memberOffsets(text: string): Map<string, { readonly key: number; readonly value: number }> {
  const out = new Map<string, { key: number; value: number }>();
  const ws = (i: number): number => { while (/\s/.test(text[i] ?? '')) i++; return i; };
  let i = ws(0);
  const open = text[i];
  if (open !== '{' && open !== '[') return out;
  for (let index = 0, next = ws(i + 1); text[next] !== '}' && text[next] !== ']' && next < text.length; index++) {
    const keyAt = next;
    let name = String(index);
    if (open === '{') {
      const end = stringEnd(text, keyAt);
      name = JSON.parse(text.slice(keyAt, end)) as string;
      next = ws(ws(end) + 1); // past ':'
    }
    out.set(name, { key: keyAt, value: next });
    i = ws(valueEnd(text, next));
    next = ws(text[i] === ',' ? i + 1 : i);
  }
  return out;
}

/** Offset just past the string literal starting at `i` (a '"'). */
function stringEnd(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === '\\') j++;
    else if (text[j] === '"') return j + 1;
  }
  return text.length;
}

/** Offset just past the JSON value starting at `i`. */
function valueEnd(text: string, i: number): number {
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    const c = text[j];
    if (c === '"') {
      j = stringEnd(text, j) - 1;
      if (depth === 0) return j + 1;
    } else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      if (depth === 0) return j;
      if (--depth === 0) return j + 1;
    } else if (c === ',' && depth === 0) return j;
  }
  return text.length;
}

/** `line:col` (1-based) of a text offset. */
function lineCol(text: string, offset: number): string {
  const before = text.slice(0, offset);
  return `${before.split('\n').length}:${offset - before.lastIndexOf('\n')}`;
}
