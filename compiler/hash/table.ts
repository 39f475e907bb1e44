// Table policy: an explicit exit table read from JSON — {"<token id>": layers} or [layers of id 0, 1, ...] —
// validated against the model. `check` and the table build share this one validation.

import { readFileSync } from 'node:fs';
import type { ExitTable } from '../../runtime/model.ts';
import { HasheeError, type SourceLocation } from '../errors.ts';
import { SpecErrors } from '../spec/spec-errors.ts';

/** Problems listed one by one before the rest are summed up in a count (a bad table can have thousands). */
const MAX_LISTED = 10;

/**
 * Ids not listed get L; special ids, if listed, must be given L (they never exit early). Every problem is
 * located at the spec's `exit.table` (`location`) and, in its message, at `file:line:col` in the JSON;
 * one problem throws a HasheeError, several a SpecErrors.
 */
export function parseExitTableJson(text: string, file: string, L: number, vocabSize: number, special: ReadonlySet<number>, location?: SourceLocation): ExitTable {
  const problems: HasheeError[] = [];
  let unlisted = 0;
  const fail = (offset: number | undefined, message: string, expected?: string, actual?: string): void => {
    if (problems.length === MAX_LISTED) { unlisted++; return; }
    const where = offset === undefined ? file : `${file}:${lineCol(text, offset)}`;
    problems.push(new HasheeError('file-format', `${where}: ${message}`, { location, keyPath: 'exit.table', expected, actual }));
  };
  const done = (): never => {
    if (unlisted > 0) problems.push(new HasheeError('file-format', `${file}: ${unlisted} more problem${unlisted === 1 ? '' : 's'} not listed`, { location, keyPath: 'exit.table' }));
    throw problems.length === 1 ? problems[0]! : new SpecErrors(problems);
  };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const at = /at position (\d+)/.exec(message);
    fail(at ? Number(at[1]) : undefined, `not valid JSON (${message.replace(/ in JSON at position \d+.*$/, '')})`);
    return done();
  }
  if (json === null || typeof json !== 'object') {
    fail(undefined, 'an exit table must be a JSON object {"<token id>": layers} or an array of layers indexed by id');
    return done();
  }
  const offsets = memberOffsets(text);
  if (Array.isArray(json) && json.length > vocabSize) {
    fail(offsets.get(String(vocabSize))?.value, `the array lists ${json.length} ids, more than vocab_size`, `at most ${vocabSize} entries`, String(json.length));
  }
  // An array lists layers by id; null entries are ids it leaves out (they get L, like unlisted keys).
  // Object members are visited in file order (Object.entries puts integer keys first) so problems are too.
  const entries: [string, unknown][] = Array.isArray(json)
    ? json.flatMap((v, i): [string, unknown][] => (v === null || i >= vocabSize ? [] : [[String(i), v]]))
    : Object.entries(json as Record<string, unknown>).sort(([a], [b]) => (offsets.get(a)?.key ?? 0) - (offsets.get(b)?.key ?? 0));
  const table = new Uint8Array(vocabSize).fill(L);
  for (const [key, value] of entries) {
    const at = offsets.get(key);
    if (!/^(0|[1-9][0-9]*)$/.test(key) || Number(key) >= vocabSize) {
      fail(at?.key, `key "${key}" is not a token id`, `an integer id in 0..${vocabSize - 1}`, key);
      continue;
    }
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > L) {
      fail(at?.value, `token ${key}: ${JSON.stringify(value)} is not a layer count`, `an integer in 1..${L}`, JSON.stringify(value));
      continue;
    }
    const id = Number(key);
    if (special.has(id) && value !== L) {
      fail(at?.value, `token ${key} is a special token and must run all ${L} layers`, `${L}`, `${value}`);
      continue;
    }
    table[id] = value;
  }
  return problems.length > 0 ? done() : table;
}

export function readExitTable(file: string, L: number, vocabSize: number, special: ReadonlySet<number>, location?: SourceLocation, shownAs = file): ExitTable {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new HasheeError('file-missing', `cannot read exit table ${shownAs}`, { location, keyPath: 'exit.table' });
  }
  return parseExitTableJson(text, shownAs, L, vocabSize, special, location);
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
