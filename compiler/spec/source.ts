// YAML text -> plain data plus where every key path was written (file:line:col), or spec-syntax errors.

import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLError } from 'yaml';
import { HasheeError, type SourceLocation } from '../errors.ts';

/** Positions of one parsed document, by key path (`exit.corpus.files[1]`; the root is ''). */
export interface SourceMap {
  /** Where the value was written: the scalar itself, or the start of a collection. */
  readonly values: ReadonlyMap<string, SourceLocation>;
  /** Where the key naming the value was written (mapping entries only). */
  readonly keys: ReadonlyMap<string, SourceLocation>;
  /** What Spec.locations holds: a scalar's own position, a section's key (`exit:`), a list item's start. */
  readonly written: ReadonlyMap<string, SourceLocation>;
}

export interface ParsedYaml {
  readonly data: unknown;
  readonly source: SourceMap;
}

/** Parses `text`; YAML syntax errors come back as spec-syntax errors, in source order. */
export function parseYaml(text: string, file: string): ParsedYaml | { readonly errors: HasheeError[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): SourceLocation => ({ file, ...lineCounter.linePos(offset) });
  if (doc.errors.length > 0) {
    return { errors: doc.errors.map((e) => new HasheeError('spec-syntax', `YAML syntax error: ${syntaxMessage(e.code, e.message)}`, { location: at(e.pos[0]) })) };
  }
  const values = new Map<string, SourceLocation>();
  const keys = new Map<string, SourceLocation>();
  const written = new Map<string, SourceLocation>();
  const visit = (node: unknown, path: string): void => {
    const start = (node as Node | null)?.range?.[0];
    if (start !== undefined) values.set(path, at(start));
    const where = (isMap(node) || isSeq(node) ? keys.get(path) : undefined) ?? values.get(path);
    if (where) written.set(path, where);
    if (isMap(node)) {
      for (const pair of node.items) {
        const keyNode = pair.key;
        const name = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
        const child = joinKey(path, name);
        const keyStart = (keyNode as Node | null)?.range?.[0];
        if (keyStart !== undefined) keys.set(child, at(keyStart));
        visit(pair.value, child);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item, `${path}[${i}]`));
    }
  };
  visit(doc.contents, '');
  return { data: doc.toJS({ maxAliasCount: 100 }), source: { values, keys, written } };
}

/** yaml's own words, except where they name its API instead of the user's mistake. */
function syntaxMessage(code: YAMLError['code'], message: string): string {
  if (code === 'MULTIPLE_DOCS') return "a spec is a single YAML document, but a second one starts here ('---')";
  if (code === 'DUPLICATE_KEY') return 'this key is already set above in the same mapping (map keys must be unique)';
  return message;
}

export function joinKey(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

/** Key path of a JSON pointer (`/exit/corpus/files/1` -> `exit.corpus.files[1]`); numeric segments are indices. */
export function keyPathOfPointer(pointer: string): string {
  let path = '';
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    path = /^\d+$/.test(seg) ? `${path}[${seg}]` : joinKey(path, seg);
  }
  return path;
}

/**
 * Best place to point at for `path`: its key when written in a mapping (a whole section is named by its
 * key line), else its value; walks up to the nearest written ancestor, then the top of the file.
 */
export function locate(source: SourceMap, path: string, file: string, prefer: 'key' | 'value' = 'value'): SourceLocation {
  for (let p: string | undefined = path; p !== undefined; p = parentKey(p)) {
    const first = prefer === 'key' ? source.keys.get(p) : source.values.get(p);
    const found = first ?? (prefer === 'key' ? source.values.get(p) : source.keys.get(p));
    if (found) return found;
  }
  return { file, line: 1, col: 1 };
}

export function parentKey(path: string): string | undefined {
  if (path === '') return undefined;
  const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
  return cut <= 0 ? '' : path.slice(0, cut);
}
