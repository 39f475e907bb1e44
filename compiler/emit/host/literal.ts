// Plain data -> a TypeScript expression through ts-morph's writer: objects with identifier keys where
// possible, arrays, strings, numbers, booleans, null. Keys keep the caller's order (callers build them sorted).

import type { CodeBlockWriter, WriterFunction } from 'ts-morph';

export type Literal = string | number | boolean | null | readonly Literal[] | { readonly [key: string]: Literal | undefined };

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function literal(value: Literal): WriterFunction {
  return (w) => write(w, value);
}

function write(w: CodeBlockWriter, value: Literal): void {
  if (value === null || typeof value !== 'object') {
    scalar(w, value);
    return;
  }
  if (Array.isArray(value)) {
    const items = value as readonly Literal[];
    if (items.every((x) => x === null || typeof x !== 'object')) {
      w.write('[');
      items.forEach((x, i) => { if (i > 0) w.write(', '); scalar(w, x as string | number | boolean | null); });
      w.write(']');
      return;
    }
    w.write('[').newLine().indent(() => items.forEach((x) => { write(w, x); w.write(',').newLine(); })).write(']');
    return;
  }
  const entries = Object.entries(value).filter((e): e is [string, Literal] => e[1] !== undefined);
  if (entries.length === 0) { w.write('{}'); return; }
  w.write('{').newLine().indent(() => {
    for (const [k, v] of entries) {
      if (IDENTIFIER.test(k)) w.write(k); else w.quote(k);
      w.write(': ');
      write(w, v);
      w.write(',').newLine();
    }
  }).write('}');
}

/** Strings in the project's quote style, numbers in their shortest round-trip form. */
function scalar(w: CodeBlockWriter, value: string | number | boolean | null): void {
  if (typeof value === 'string') w.quote(value);
  else w.write(typeof value === 'number' ? numberText(value) : String(value));
}

/** Shortest round-trip form (JavaScript's own), rejecting what a literal cannot hold. */
function numberText(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`cannot emit ${x} as a literal`);
  return String(x);
}
