// Validates spec data against schema/hashee-spec.schema.json and turns every ajv error into a located HasheeError.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { HasheeError, type ErrorCode } from '../errors.ts';
import { joinKey, keyPathOfPointer, locate, parentKey, type SourceMap } from './source.ts';
import { suggest } from './suggest.ts';
import { ROOT } from '../util/root.ts';

/** The JSON Schema file, next to the repository root (editors read it through the `$schema=` comment). */
export const SCHEMA_PATH = join(ROOT, 'schema/hashee-spec.schema.json');

type SchemaNode = { readonly [key: string]: unknown };

let compiled: { readonly schema: SchemaNode; readonly validate: ValidateFunction } | undefined;

export function specSchema(): SchemaNode {
  return compiledSchema().schema;
}

function compiledSchema(): { readonly schema: SchemaNode; readonly validate: ValidateFunction } {
  if (!compiled) {
    const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as SchemaNode;
    // strictRequired off: `then` branches require keys declared in the enclosing `properties`.
    const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
    compiled = { schema, validate: ajv.compile(schema) };
  }
  return compiled;
}

/** All schema violations of `data`, located in the YAML source. Empty when the data is valid. */
export function schemaErrors(data: unknown, source: SourceMap, file: string): HasheeError[] {
  const { schema, validate } = compiledSchema();
  if (validate(data)) return [];
  const ctx: Ctx = { data, source, file, schema, suggested: new Set() };
  const raw = oneOfBranch((validate.errors ?? []).filter((e) => e.keyword !== 'if'), ctx);
  // Unknown keys first: their did-you-mean makes the matching "missing key" error redundant.
  const unknown = raw.filter((e) => e.keyword === 'additionalProperties').map((e) => unknownKey(e, ctx));
  const rest = raw.filter((e) => e.keyword !== 'additionalProperties').flatMap((e) => mapError(e, ctx) ?? []);
  return [...unknown, ...rest];
}

/**
 * A value under `oneOf` (a string or a mapping) is reported against the branch of its own kind only: a
 * mapping with a bad key gets that key's error, not "expected string" and "must match exactly one schema".
 */
function oneOfBranch(errors: readonly ErrorObject[], ctx: Ctx): ErrorObject[] {
  const kindOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'object' ? 'object' : typeof v);
  const branchType = (schemaPath: string): string | undefined => {
    const m = /^(.*\/oneOf\/\d+)(\/|$)/.exec(schemaPath);
    return m ? (schemaAt(ctx.schema, m[1]!)?.['type'] as string | undefined) : undefined;
  };
  const kept = errors.filter((e) => {
    const m = /^(.*\/oneOf)\/\d+(\/|$)/.exec(e.schemaPath);
    if (!m) return true;
    const t = branchType(e.schemaPath);
    const owner = errors.find((o) => o.keyword === 'oneOf' && o.schemaPath === m[1]);
    const value = valueAt(ctx.data, owner?.instancePath ?? e.instancePath);
    return t === undefined || t === kindOf(value) || (t === 'string' && kindOf(value) !== 'object');
  });
  return kept.filter((e) => e.keyword !== 'oneOf' || !kept.some((o) => o !== e && o.schemaPath.startsWith(`${e.schemaPath}/`)));
}

interface Ctx {
  readonly data: unknown;
  readonly source: SourceMap;
  readonly file: string;
  readonly schema: SchemaNode;
  /** Full key paths some unknown key was suggested for (`model.hidden` for a written `hiden`). */
  readonly suggested: Set<string>;
}

function mapError(e: ErrorObject, ctx: Ctx): HasheeError | undefined {
  const path = keyPathOfPointer(e.instancePath);
  const owner = schemaAt(ctx.schema, e.schemaPath.slice(0, e.schemaPath.lastIndexOf('/')));
  const value = valueAt(ctx.data, e.instancePath);
  const when = condition(ctx.schema, e.schemaPath);
  const make = (code: ErrorCode, message: string, details: { at?: string; prefer?: 'key' | 'value'; keyPath?: string; expected?: string; actual?: string } = {}): HasheeError =>
    new HasheeError(code, message, {
      location: locate(ctx.source, details.at ?? path, ctx.file, details.prefer ?? 'value'),
      keyPath: details.keyPath ?? (path || undefined),
      expected: details.expected,
      actual: details.actual,
    });
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required': {
      const key = String(p.missingProperty);
      const full = joinKey(path, key);
      if (ctx.suggested.has(full)) return undefined;
      const about = descriptionOf(ctx.schema, full);
      return make('spec-missing', `missing required key '${key}' in ${sectionName(path)}${when}`, {
        prefer: 'key', keyPath: full, expected: about ? `${key}: ${about}` : key,
      });
    }
    case 'type': {
      const expected = typeName(String(p.type));
      return make('spec-type', `expected ${expected}, got ${describeValue(value)}${typeHint(expected, value)}`, {
        expected, actual: describeValue(value),
      });
    }
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]).map(String);
      const guess = typeof value === 'string' ? suggest(value, allowed) : undefined;
      return make('spec-value', `expected one of ${allowed.join(' | ')}, got ${describeValue(value)}${guess ? `; did you mean '${guess}'?` : ''}`, {
        expected: allowed.join(' | '), actual: describeValue(value),
      });
    }
    case 'minimum': case 'maximum': case 'exclusiveMinimum': case 'exclusiveMaximum': {
      const bound = `${String(p.comparison)} ${String(p.limit)}`;
      return make('spec-value', `must be ${bound}${when}, got ${String(value)}`, { expected: bound, actual: String(value) });
    }
    case 'minItems': case 'maxItems': {
      const n = Array.isArray(value) ? value.length : 0;
      const bound = `${e.keyword === 'minItems' ? 'at least' : 'at most'} ${String(p.limit)} item${p.limit === 1 ? '' : 's'}`;
      return make('spec-value', `expected ${bound}, got ${n}`, { expected: bound, actual: String(n) });
    }
    case 'uniqueItems': {
      const later = Math.max(Number(p.i), Number(p.j)), earlier = Math.min(Number(p.i), Number(p.j));
      const item = Array.isArray(value) ? value[later] : undefined;
      return make('spec-value', `${JSON.stringify(item)} is listed twice (items ${earlier} and ${later})`, {
        at: `${path}[${later}]`, keyPath: `${path}[${later}]`, expected: 'each item once',
      });
    }
    case 'minLength':
      return make('spec-value', 'must not be empty', { expected: 'a non-empty string', actual: describeValue(value) });
    case 'pattern':
      return make('spec-value', `invalid value ${describeValue(value)}: ${descriptionOf(ctx.schema, path) ?? `must match ${String(p.pattern)}`}`, {
        expected: `a string matching ${String(p.pattern)}`, actual: describeValue(value),
      });
    case 'minProperties': case 'maxProperties': {
      const allowed = Object.keys((owner?.['properties'] ?? {}) as object);
      const present = value !== null && typeof value === 'object' ? Object.keys(value) : [];
      const expected = `exactly one of ${allowed.map((k) => `'${k}'`).join(', ')}`;
      return make('spec-value', `${sectionName(path)} needs ${expected}, got ${present.length === 0 ? 'none' : present.map((k) => `'${k}'`).join(' and ')}`, {
        prefer: 'key', expected, actual: present.join(', ') || 'none',
      });
    }
    case 'false schema': {
      const key = path.slice((parentKey(path) ?? '').length).replace(/^\./, '');
      return make('spec-value', `'${key}' does not apply${when}; remove it`, { prefer: 'key', actual: key });
    }
    default:
      return make('spec-value', `${e.message ?? 'invalid value'}${when}`);
  }
}

function unknownKey(e: ErrorObject, ctx: Ctx): HasheeError {
  const parent = keyPathOfPointer(e.instancePath);
  const key = String((e.params as { additionalProperty: string }).additionalProperty);
  const full = joinKey(parent, key);
  const allowed = Object.keys((schemaAt(ctx.schema, e.schemaPath.replace(/\/additionalProperties$/, ''))?.['properties'] ?? {}) as object);
  const guess = suggest(key, allowed);
  if (guess !== undefined) ctx.suggested.add(joinKey(parent, guess));
  return new HasheeError('spec-unknown-key', `unknown key '${key}' in ${sectionName(parent)}${guess ? `; did you mean '${guess}'?` : ''}`, {
    location: locate(ctx.source, full, ctx.file, 'key'),
    keyPath: full,
    expected: `one of ${allowed.join(', ')}`,
    actual: key,
  });
}

/** The schema object at a JSON-pointer-like path (`#/properties/exit/allOf/2/then`). */
function schemaAt(schema: SchemaNode, pointer: string): SchemaNode | undefined {
  let node: unknown = schema;
  for (const seg of pointer.replace(/^#/, '').split('/').filter((s) => s !== '')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[seg];
  }
  return node !== null && typeof node === 'object' ? (node as SchemaNode) : undefined;
}

function valueAt(data: unknown, pointer: string): unknown {
  let node = data;
  for (const seg of pointer.split('/').slice(1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[seg];
  }
  return node;
}

/** " when policy is 'mi'" for errors raised inside an `if`/`then` branch of the schema, else "". */
function condition(schema: SchemaNode, schemaPath: string): string {
  const cut = schemaPath.lastIndexOf('/then/');
  if (cut < 0) return '';
  const props = (schemaAt(schema, `${schemaPath.slice(0, cut)}/if`)?.['properties'] ?? {}) as Record<string, SchemaNode>;
  const parts = Object.entries(props).map(([key, s]) => {
    const values = s['const'] !== undefined ? [s['const']] : ((s['enum'] ?? []) as unknown[]);
    return `${key} is ${values.map((v) => `'${String(v)}'`).join(' or ')}`;
  });
  return parts.length > 0 ? ` when ${parts.join(' and ')}` : '';
}

/** The description the schema gives the key at `path`, following `properties` and `items` (not `allOf`). */
function descriptionOf(schema: SchemaNode, path: string): string | undefined {
  let node: SchemaNode | undefined = schema;
  for (const seg of path.split(/\.|(?=\[)/)) {
    const next: unknown = /^\[\d+\]$/.test(seg) ? node?.['items'] : (node?.['properties'] as Record<string, unknown> | undefined)?.[seg];
    node = next !== null && typeof next === 'object' ? (next as SchemaNode) : undefined;
  }
  const d = node?.['description'];
  return typeof d === 'string' ? d : undefined;
}

function sectionName(path: string): string {
  return path === '' ? 'the spec' : `'${path}'`;
}

function typeName(t: string): string {
  return t === 'object' ? 'a mapping' : t === 'array' ? 'a list' : t;
}

/** How a YAML value reads in a message: `string "12"`, `integer 3`, `.nan (not a finite number)`, `a list`, `an empty value`. */
export function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'an empty value';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `string ${JSON.stringify(v)}`;
  if (typeof v === 'number' && !Number.isFinite(v)) return `${Number.isNaN(v) ? '.nan' : v > 0 ? '.inf' : '-.inf'} (not a finite number)`;
  if (typeof v === 'number') return `${Number.isInteger(v) ? 'integer' : 'number'} ${v}`;
  return `${typeof v} ${String(v)}`;
}

/** How to fix the two most common type slips: a quoted number, and a single item where a list belongs. */
function typeHint(expected: string, v: unknown): string {
  if ((expected === 'integer' || expected === 'number') && typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) {
    return ' (write the number without quotes)';
  }
  if (expected === 'a list' && (typeof v === 'string' || typeof v === 'number')) return ` (write it as a list: [${String(v)}])`;
  return '';
}
