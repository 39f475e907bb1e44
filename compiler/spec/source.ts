// YAML text -> plain data plus where every key path was written (file:line:col), or spec-syntax errors.

import { isAlias, isCollection, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type YAMLError } from 'yaml';
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

/**
 * Parses `text`; YAML syntax errors, yaml's warnings (unresolved tags, unknown directives) and the YAML
 * features a spec does not use (see unsupported) come back as spec-syntax errors, in source order.
 */
export function parseYaml(text: string, file: string): ParsedYaml | { readonly errors: HasheeError[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): SourceLocation => ({ file, ...lineCounter.linePos(offset) });
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) {
    return { errors: problems.map((e) => new HasheeError('spec-syntax', `YAML syntax error: ${syntaxMessage(e.code, e.message)}`, { location: at(e.pos[0]) })) };
  }
  const values = new Map<string, SourceLocation>();
  const keys = new Map<string, SourceLocation>();
  const written = new Map<string, SourceLocation>();
  const errors: HasheeError[] = [];
  const fail = (node: unknown, message: string): void => {
    errors.push(new HasheeError('spec-syntax', message, { location: at((node as Node | null)?.range?.[0] ?? 0) }));
  };
  const visit = (node: unknown, path: string, ancestors: readonly unknown[]): void => {
    const problem = unsupported(node, doc, ancestors);
    if (problem) fail(node, problem);
    const start = (node as Node | null)?.range?.[0];
    if (start !== undefined) values.set(path, at(start));
    const where = (isMap(node) || isSeq(node) ? keys.get(path) : undefined) ?? values.get(path);
    if (where) written.set(path, where);
    const inside = [...ancestors, node];
    if (isMap(node)) {
      for (const pair of node.items) {
        const keyNode = pair.key;
        if (!isScalar(keyNode) || keyNode.value === null || typeof keyNode.value === 'object') {
          fail(keyNode, 'a mapping key must be a plain name (not a list, a mapping, an alias or an empty key)');
          continue;
        }
        const name = String(keyNode.value);
        if (name === '<<') {
          fail(keyNode, "YAML merge keys ('<<') are not supported in a spec: write the keys out");
          continue;
        }
        const child = joinKey(path, name);
        const keyStart = keyNode.range?.[0];
        if (keyStart !== undefined) keys.set(child, at(keyStart));
        visit(pair.value, child, inside);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item, `${path}[${i}]`, inside));
    }
  };
  visit(doc.contents, '', []);
  if (errors.length > 0) return { errors };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    // yaml's resource guard: aliases that expand to more than MAX_ALIAS_COUNT copies (a "billion laughs" file)
    return { errors: [new HasheeError('spec-syntax', `YAML aliases expand too far: ${(e as Error).message}`, { location: at(0), expected: `at most ${MAX_ALIAS_COUNT} alias expansions` })] };
  }
  return { data, source: { values, keys, written } };
}

/** Expansions of aliases allowed when converting a document (yaml's own guard against "billion laughs"). */
const MAX_ALIAS_COUNT = 100;

/** Tags a spec value may carry: YAML's core types; any other tag (`!foo`, `!!binary`, `!!set`) is refused. */
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));

/** Why `node` cannot be part of a spec (an alias without its anchor, an alias inside itself, a foreign tag), or undefined. */
function unsupported(node: unknown, doc: Document, ancestors: readonly unknown[]): string | undefined {
  if (isAlias(node)) {
    const target = node.resolve(doc);
    if (target === undefined) return `alias '*${node.source}' has no anchor: define '&${node.source}' on a value above it`;
    if (ancestors.includes(target)) return `alias '*${node.source}' refers to a value that contains it (a cycle)`;
    return undefined;
  }
  const tag = (isScalar(node) || isCollection(node)) ? node.tag : undefined;
  if (tag !== undefined && !CORE_TAGS.has(tag)) return `YAML tag '${tag.replace(/^tag:yaml\.org,2002:/, '!!')}' is not supported in a spec: write a plain value`;
  return undefined;
}

/** yaml's own words, except where they name its API instead of the user's mistake. */
function syntaxMessage(code: YAMLError['code'], message: string): string {
  if (code === 'MULTIPLE_DOCS') return "a spec is a single YAML document, but a second one starts here ('---')";
  if (code === 'DUPLICATE_KEY') return 'this key is already set above in the same mapping (map keys must be unique)';
  if (code === 'TAG_RESOLVE_FAILED') return `${message} (a spec takes plain values: remove the tag)`;
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
