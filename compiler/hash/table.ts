// Table policy: an explicit exit table — JSON {"<token id>": value} or [value of id 0, 1, ...], or the HashEE
// reference code's token2bucket dict saved with pickle or torch.save — validated against the model.

import { readFileSync } from 'node:fs';
import type { ExitTable } from '../../contract/model.ts';
import { HasheeError, type SourceLocation } from '../errors.ts';
import type { TableValues } from '../spec/types.ts';
import { isPickle, isZip, PickleError, torchSavePickle, unpickleIntDict } from './pickle.ts';

interface TableContext {
  readonly file: string;
  readonly L: number;
  readonly vocabSize: number;
  readonly special: ReadonlySet<number>;
  readonly values: TableValues;
  readonly location?: SourceLocation;
}

const fail = (c: TableContext, message: string, expected?: string, actual?: string): never => {
  throw new HasheeError('file-format', `${c.file}: ${message}`, { location: c.location, keyPath: 'exit.table', expected, actual });
};

/**
 * Ids not listed get L; special ids, if listed, must be given L (they never exit early). With values
 * 'buckets' an entry holds the reference's bucket value v (MIN_LAYER = 2 .. MAX_LAYER = L + 1), which runs
 * v - 1 layers (its model starts at remain_layers = exit_layers - 1): hashee's layers are v - 1.
 */
function tableFromEntries(entries: readonly [string, unknown][], c: TableContext): ExitTable {
  const { L, vocabSize: V } = c;
  const shift = c.values === 'buckets' ? 1 : 0;
  const range = c.values === 'buckets' ? `a bucket value in 2..${L + 1} (v runs v - 1 layers)` : `a layer count in 1..${L}`;
  const table = new Uint8Array(V).fill(L);
  for (const [key, value] of entries) {
    if (!/^(0|[1-9][0-9]*)$/.test(key) || Number(key) >= V) fail(c, `key "${key}" is not a token id`, `an integer id in 0..${V - 1}`, key);
    const layers = typeof value === 'number' && Number.isInteger(value) ? value - shift : Number.NaN;
    if (!(layers >= 1 && layers <= L)) {
      // A reference token2bucket always holds L + 1 (its MAX_LAYER) for the special tokens.
      const hint = c.values === 'layers' && value === L + 1 ? ` (a HashEE reference token2bucket holds bucket values 2..${L + 1}: set exit.table_values: buckets)` : '';
      fail(c, `token ${key}: ${JSON.stringify(value)} is not ${range}${hint}`, range, JSON.stringify(value));
    }
    const id = Number(key);
    if (c.special.has(id) && layers !== L) fail(c, `token ${key} is a special token and must run all ${L} layers`, `${L + shift}`, `${value}`);
    table[id] = layers;
  }
  return table;
}

/** JSON object {"<token id>": value} or array of values by id (null: not listed). */
export function parseExitTableJson(text: string, file: string, L: number, vocabSize: number, special: ReadonlySet<number>,
  location?: SourceLocation, values: TableValues = 'layers'): ExitTable {
  const c: TableContext = { file, L, vocabSize, special, values, location };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return fail(c, `not valid JSON (${(e as Error).message})`);
  }
  if (json === null || typeof json !== 'object') return fail(c, 'an exit table must be a JSON object {"<token id>": layers} or an array of layers indexed by id');
  if (Array.isArray(json) && json.length > vocabSize) fail(c, `the array lists ${json.length} ids, more than vocab_size`, `at most ${vocabSize} entries`, String(json.length));
  // An array lists values by id; null entries are ids it leaves out (they get L, like unlisted keys).
  const entries: [string, unknown][] = Array.isArray(json)
    ? json.flatMap((v, i): [string, unknown][] => (v === null ? [] : [[String(i), v]]))
    : Object.entries(json as Record<string, unknown>);
  return tableFromEntries(entries, c);
}

/**
 * The table in `file`: a pickle (protocol 2-5) or torch.save archive of a dict {int: int}, else JSON.
 * `values` says what the numbers count (spec exit.table_values, default layers).
 */
export function readExitTable(file: string, L: number, vocabSize: number, special: ReadonlySet<number>,
  location?: SourceLocation, values: TableValues = 'layers'): ExitTable {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new HasheeError('file-missing', `cannot read exit table ${file}`, { location, keyPath: 'exit.table' });
  }
  if (!isPickle(bytes) && !isZip(bytes)) return parseExitTableJson(bytes.toString('utf8'), file, L, vocabSize, special, location, values);
  const c: TableContext = { file, L, vocabSize, special, values, location };
  let dict: Map<number, number>;
  try {
    dict = unpickleIntDict(isZip(bytes) ? torchSavePickle(bytes) : bytes);
  } catch (e) {
    if (!(e instanceof PickleError)) throw e;
    const how = isZip(bytes) ? 'a torch.save file' : 'a pickle';
    return fail(c, `${how} that is not a dict of ints: ${e.message}; write the table as JSON instead, e.g. json.dump({int(k): int(v) for k, v in token2bucket.items()}, open('table.json', 'w'))`);
  }
  return tableFromEntries([...dict].map(([k, v]) => [String(k), v]), c);
}
