// Table policy: an explicit exit table read from JSON — {"<token id>": layers} or [layers of id 0, 1, ...] —
// validated against the model.

import { readFileSync } from 'node:fs';
import type { ExitTable } from '../../contract/model.ts';
import { HasheeError, type SourceLocation } from '../errors.ts';

/** Ids not listed get L; special ids, if listed, must be given L (they never exit early). */
export function parseExitTableJson(text: string, file: string, L: number, vocabSize: number, special: ReadonlySet<number>, location?: SourceLocation): ExitTable {
  const fail = (message: string, expected?: string, actual?: string): never => {
    throw new HasheeError('file-format', `${file}: ${message}`, { location, keyPath: 'exit.table', expected, actual });
  };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return fail(`not valid JSON (${(e as Error).message})`);
  }
  if (json === null || typeof json !== 'object') return fail('an exit table must be a JSON object {"<token id>": layers} or an array of layers indexed by id');
  if (Array.isArray(json) && json.length > vocabSize) fail(`the array lists ${json.length} ids, more than vocab_size`, `at most ${vocabSize} entries`, String(json.length));
  // An array lists layers by id; null entries are ids it leaves out (they get L, like unlisted keys).
  const entries: [string, unknown][] = Array.isArray(json)
    ? json.flatMap((v, i): [string, unknown][] => (v === null ? [] : [[String(i), v]]))
    : Object.entries(json as Record<string, unknown>);
  const table = new Uint8Array(vocabSize).fill(L);
  for (const [key, value] of entries) {
    if (!/^(0|[1-9][0-9]*)$/.test(key) || Number(key) >= vocabSize) fail(`key "${key}" is not a token id`, `an integer id in 0..${vocabSize - 1}`, key);
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > L) {
      fail(`token ${key}: ${JSON.stringify(value)} is not a layer count`, `an integer in 1..${L}`, JSON.stringify(value));
    }
    const id = Number(key);
    if (special.has(id) && value !== L) fail(`token ${key} is a special token and must run all ${L} layers`, `${L}`, `${value}`);
    table[id] = value as number;
  }
  return table;
}

export function readExitTable(file: string, L: number, vocabSize: number, special: ReadonlySet<number>, location?: SourceLocation): ExitTable {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new HasheeError('file-missing', `cannot read exit table ${file}`, { location, keyPath: 'exit.table' });
  }
  return parseExitTableJson(text, file, L, vocabSize, special, location);
}
