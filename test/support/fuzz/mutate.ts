// Seeded mutators for the fuzz tests: spec YAML by line and scalar, bytes, JSON values and TSV rows. Each
// returns the mutated input and a short description of what it did (printed with a failing case's seed).

import type { Rng } from '../../../compiler/util/rng.ts';

export interface Mutated<T> {
  readonly value: T;
  readonly what: string;
}

export function pick<T>(rng: Rng, xs: readonly T[]): T {
  return xs[rng.int(xs.length)]!;
}

/** Numbers a mutation writes in place of another: edge values, the huge dims of issue 10, non-numbers. */
export const ODD_NUMBERS = [
  '0', '-1', '1', '2', '3', '1.5', '-0', '255', '256', '65536', '100000', '1e9', '1e10', '1e12', '2147483648',
  '9007199254740993', '1e308', '1e400', '.nan', '.inf', '-.inf', 'NaN', '0x10', '1_000', '"12"', "'7'", 'twelve', '',
] as const;

/** Scalars a mutation writes in place of a value: wrong types, YAML oddities, paths. */
const ODD_SCALARS = [
  '', '~', 'null', 'true', 'no', '"text"', '[1, 2]', '[]', '{}', '{ a: 1 }', '!!binary aGVsbG8=', '!foo bar', '*nowhere',
  '&anchor 3', '"\\u0000"', '"../../../../etc/passwd"', '/', '.', 'missing.onnx', '"a: b"', '- 1', '|', '>',
  'x'.repeat(5000),
] as const;

/** The dims issue 10 names, far beyond memory: each must be refused with the bytes it would need. */
const HUGE_DIMS: readonly [string, string][] = [
  ['layers', '100000'], ['hidden', '1e9'], ['hidden', '1000000'], ['vocab_size', '1e10'], ['vocab_size', '30522000000'],
  ['max_positions', '1e9'], ['max_positions', '20000000'], ['ffn', '1e12'], ['heads', '1000000'], ['labels', '1e9'],
  ['embedding_size', '1e9'], ['type_vocab_size', '1e9'], ['buckets', '1000000'],
];

type TextMutation = (rng: Rng, lines: string[]) => string;

/** Line-level and scalar-level YAML mutations; each edits `lines` in place and says what it did. */
const YAML_MUTATIONS: Readonly<Record<string, TextMutation>> = {
  deleteLine: (rng, lines) => { const i = rng.int(lines.length); lines.splice(i, 1); return `delete line ${i + 1}`; },
  duplicateLine: (rng, lines) => { const i = rng.int(lines.length); lines.splice(i, 0, lines[i]!); return `duplicate line ${i + 1}`; },
  swapLines: (rng, lines) => {
    const i = rng.int(lines.length), j = rng.int(lines.length);
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
    return `swap lines ${i + 1} and ${j + 1}`;
  },
  number: (rng, lines) => {
    const at = numberSites(lines);
    if (at.length === 0) return 'no number to replace';
    const [i, start, end] = pick(rng, at);
    const n = pick(rng, ODD_NUMBERS);
    lines[i] = lines[i]!.slice(0, start) + n + lines[i]!.slice(end);
    return `line ${i + 1}: number -> ${n || "''"}`;
  },
  scalar: (rng, lines) => {
    const at = lines.flatMap((l, i) => (/^\s*[\w-]+:\s*\S/.test(l) && !/^\s*#/.test(l) ? [i] : []));
    if (at.length === 0) return 'no value to replace';
    const i = pick(rng, at), s = pick(rng, ODD_SCALARS);
    lines[i] = lines[i]!.replace(/^(\s*[\w-]+:\s*).*$/, `$1${s}`);
    return `line ${i + 1}: value -> ${s.length > 40 ? `${s.slice(0, 10)}... (${s.length} chars)` : s}`;
  },
  huge: (rng, lines) => {
    const [key, value] = pick(rng, HUGE_DIMS);
    const i = lines.findIndex((l) => new RegExp(`\\b${key}:`).test(l));
    if (i < 0) return `no ${key} to make huge`;
    lines[i] = lines[i]!.replace(new RegExp(`(\\b${key}:\\s*)[^,}\\s#]+`), `$1${value}`);
    return `line ${i + 1}: ${key} -> ${value}`;
  },
  indent: (rng, lines) => {
    const i = rng.int(lines.length);
    const more = rng.next() < 0.5 || !/^\s/.test(lines[i]!);
    lines[i] = more ? `  ${lines[i]}` : lines[i]!.replace(/^\s\s?/, '');
    return `line ${i + 1}: ${more ? 'indent' : 'dedent'}`;
  },
  renameKey: (rng, lines) => {
    const at = lines.flatMap((l, i) => (/^\s*[\w-]+:/.test(l) ? [i] : []));
    if (at.length === 0) return 'no key to rename';
    const i = pick(rng, at), name = pick(rng, ['model', 'layers', 'exit', 'weights', 'x', 'labels', 'policy', 'Layers', '"1"', '? a']);
    lines[i] = lines[i]!.replace(/^(\s*)[\w-]+:/, `$1${name}:`);
    return `line ${i + 1}: key -> ${name}`;
  },
  moveLine: (rng, lines) => {
    const i = rng.int(lines.length);
    const [line] = lines.splice(i, 1);
    const j = rng.int(lines.length + 1);
    lines.splice(j, 0, line!);
    return `move line ${i + 1} to ${j + 1}`;
  },
  garbage: (rng, lines) => {
    const i = rng.int(lines.length), l = lines[i]!;
    const at = rng.int(l.length + 1), g = pick(rng, [':', '- ', '{', '[', '#', '\t', '"', "'", '&', '*', '!', '%', '@', '`', '\u0000', '\ufffd', '---', '...', '? ', ': :']);
    lines[i] = l.slice(0, at) + g + l.slice(at);
    return `line ${i + 1}: insert ${JSON.stringify(g)} at column ${at + 1}`;
  },
  truncate: (rng, lines) => {
    const text = lines.join('\n');
    const at = rng.int(text.length + 1);
    lines.splice(0, lines.length, ...text.slice(0, at).split('\n'));
    return `truncate at character ${at}`;
  },
};

/** [line, start, end] of every number written outside a comment. */
function numberSites(lines: readonly string[]): [number, number, number][] {
  const out: [number, number, number][] = [];
  lines.forEach((l, i) => {
    const code = l.replace(/#.*$/, '');
    for (const m of code.matchAll(/(?<![\w.])-?\d+(\.\d+)?(e[-+]?\d+)?(?![\w.])/gi)) out.push([i, m.index!, m.index! + m[0].length]);
  });
  return out;
}

/** 1 to 3 YAML mutations of `text`. */
export function mutateYaml(rng: Rng, text: string): Mutated<string> {
  const lines = text.split('\n');
  const names = Object.keys(YAML_MUTATIONS);
  const what: string[] = [];
  for (let k = 1 + rng.int(3); k > 0 && lines.length > 0; k--) what.push(YAML_MUTATIONS[pick(rng, names)]!(rng, lines));
  return { value: lines.join('\n'), what: what.join('; ') };
}

/** Byte-level damage: truncation, flipped or random bytes, inserted or zeroed ranges. */
export function mutateBytes(rng: Rng, bytes: Uint8Array): Mutated<Uint8Array> {
  const n = bytes.length;
  // Node's Buffer.slice() is a view: every edit works on a copy so the base input stays intact
  const kind = pick(rng, ['truncate', 'flip', 'flip', 'random', 'insert', 'zero', 'duplicate', 'empty'] as const);
  const at = rng.int(n + 1);
  switch (kind) {
    case 'truncate': return { value: copy(bytes.subarray(0, at)), what: `truncate to ${at} of ${n} bytes` };
    case 'flip': {
      const out = copy(bytes);
      const k = 1 + rng.int(8);
      for (let i = 0; i < k && n > 0; i++) out[rng.int(n)] ^= 1 << rng.int(8);
      return { value: out, what: `flip ${k} bits` };
    }
    case 'random': {
      const len = rng.int(2 * n + 64);
      return { value: Uint8Array.from({ length: len }, () => rng.int(256)), what: `${len} random bytes` };
    }
    case 'insert': {
      const len = 1 + rng.int(64);
      const ins = Uint8Array.from({ length: len }, () => rng.int(256));
      return { value: concat(bytes.subarray(0, at), ins, bytes.subarray(at)), what: `insert ${len} random bytes at ${at}` };
    }
    case 'zero': {
      const out = copy(bytes);
      const len = rng.int(256);
      out.fill(0, at, at + len);
      return { value: out, what: `zero ${len} bytes at ${at}` };
    }
    case 'duplicate': {
      const len = rng.int(Math.min(n - at, 4096) + 1);
      return { value: concat(bytes.subarray(0, at + len), bytes.subarray(at, at + len), bytes.subarray(at + len)), what: `duplicate ${len} bytes at ${at}` };
    }
    case 'empty': return { value: new Uint8Array(0), what: 'empty file' };
  }
}

/** A copy that shares no memory with `b` (Buffer.slice() would). */
export function copy(b: Uint8Array): Uint8Array {
  return new Uint8Array(b);
}

export function concat(...parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

/** JSON values a mutation puts in place of another. */
const ODD_JSON: readonly unknown[] = [
  0, -1, 1, 2, 3, 255, 256, 1.5, -0.5, 1e9, 1e21, 2 ** 53 + 2, -(2 ** 31), null, true, false, '', '2', 'x', '-1', '1e3',
  [], [1], [[2]], {}, { 1: 1 }, { '': 0 }, 'a'.repeat(10000),
];

/** Keys a mutation adds to an object: ids out of range, not ids, odd spellings. */
const ODD_KEYS = ['-1', '01', '1.0', '1e2', ' 3', 'abc', '', '4294967296', '1e400', '__proto__', 'constructor', '999999999', '63', '64', '65'];

/** Paths (property names / indices) of every value in a JSON tree, root first. */
function jsonPaths(v: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(path);
  if (out.length > 5000) return out;
  if (Array.isArray(v)) v.forEach((x, i) => jsonPaths(x, [...path, i], out));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) jsonPaths(x, [...path, k], out);
  return out;
}

function getAt(v: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((node, k) => (node as Record<string | number, unknown>)[k], v);
}

function setAt(root: unknown, path: readonly (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const parent = getAt(root, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path[path.length - 1]!] = value;
  return root;
}

/** One to three edits of a JSON value tree (replace, delete, add a key, wrap, unwrap), then maybe a text edit. */
export function mutateJson(rng: Rng, text: string): Mutated<string> {
  let root = JSON.parse(text) as unknown;
  const what: string[] = [];
  for (let k = 1 + rng.int(3); k > 0; k--) {
    const paths = jsonPaths(root);
    const path = pick(rng, paths);
    const name = path.length === 0 ? '(root)' : path.join('.');
    const op = pick(rng, ['replace', 'replace', 'replace', 'delete', 'add', 'wrap', 'stringify'] as const);
    const node = getAt(root, path);
    if (op === 'replace') {
      const v = pick(rng, ODD_JSON);
      root = setAt(root, path, structuredClone(v));
      what.push(`${name} -> ${JSON.stringify(v)?.slice(0, 30)}`);
    } else if (op === 'delete' && path.length > 0) {
      const parent = getAt(root, path.slice(0, -1)) as Record<string | number, unknown>;
      if (Array.isArray(parent)) parent.splice(Number(path[path.length - 1]), 1);
      else delete parent[path[path.length - 1]!];
      what.push(`delete ${name}`);
    } else if (op === 'add' && node !== null && typeof node === 'object' && !Array.isArray(node)) {
      const key = pick(rng, ODD_KEYS), v = pick(rng, ODD_JSON);
      Object.defineProperty(node, key, { value: structuredClone(v), enumerable: true, writable: true, configurable: true });
      what.push(`${name}["${key}"] = ${JSON.stringify(v)?.slice(0, 30)}`);
    } else if (op === 'wrap') {
      root = setAt(root, path, [node]);
      what.push(`wrap ${name} in a list`);
    } else {
      root = setAt(root, path, JSON.stringify(node) ?? 'undefined');
      what.push(`${name} as a string`);
    }
  }
  let out = JSON.stringify(root, null, rng.int(2) === 0 ? undefined : 1) ?? 'null';
  if (rng.int(6) === 0) {
    const edit = mutateYaml(rng, out); // line edits: duplicate keys, truncation, garbage characters
    out = edit.value;
    what.push(edit.what);
  }
  return { value: out, what: what.join('; ') };
}

/** Row and cell edits of a TSV text (header lost, cells split or merged, odd labels, binary noise). */
export function mutateTsv(rng: Rng, text: string): Mutated<string> {
  const lines = text.split('\n');
  const what: string[] = [];
  for (let k = 1 + rng.int(3); k > 0; k--) {
    const i = rng.int(lines.length);
    const op = pick(rng, ['deleteLine', 'duplicateLine', 'addTab', 'dropTab', 'emptyCell', 'label', 'noise', 'long', 'crlf', 'bom', 'header'] as const);
    const l = lines[i] ?? '';
    switch (op) {
      case 'deleteLine': lines.splice(i, 1); break;
      case 'duplicateLine': lines.splice(i, 0, l); break;
      case 'addTab': { const at = rng.int(l.length + 1); lines[i] = `${l.slice(0, at)}\t${l.slice(at)}`; break; }
      case 'dropTab': lines[i] = l.replace('\t', ' '); break;
      case 'emptyCell': lines[i] = l.replace(/[^\t]*$/, ''); break;
      case 'label': lines[i] = l.replace(/[^\t]*$/, pick(rng, ['', ' ', '2', '-1', 'pos', '1.0', '0\t1', '\u00e9'])); break;
      case 'noise': lines[i] = l + String.fromCharCode(...Array.from({ length: 1 + rng.int(20) }, () => rng.int(0x3000))); break;
      case 'long': lines[i] = `${l} ${'word '.repeat(2000 + rng.int(20000))}`; break;
      case 'crlf': lines[i] = `${l}\r`; break;
      case 'bom': lines[i] = `\ufeff${l}`; break;
      case 'header': lines[0] = pick(rng, ['', 'sentence', 'label\tsentence', 'sentence\tsentence', 'text\tlabel', 'sentence\tlabel\textra']); break;
    }
    what.push(`${op} at line ${i + 1}`);
  }
  return { value: lines.join('\n'), what: what.join('; ') };
}
