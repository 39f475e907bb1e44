// Loads a spec YAML file: parse with positions, validate (schema, then semantics), build the typed Spec.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { HasheeError } from '../errors.ts';
import { buildSpec, type RawSpec } from './build.ts';
import { schemaErrors } from './schema.ts';
import { semanticErrors } from './semantic.ts';
import { parseYaml } from './source.ts';
import { SpecErrors } from './spec-errors.ts';
import type { Spec } from './types.ts';

export interface LoadOptions {
  /** Check that the files the spec names exist (default true); off for linting a spec away from its data. */
  readonly checkFiles?: boolean;
}

/** Reads and validates `file`. Throws SpecErrors (every problem, in source order) or a file-missing HasheeError. */
export function loadSpec(file: string, options: LoadOptions = {}): Spec {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'spec file not found' : `cannot read spec file (${(e as Error).message})`;
    throw new HasheeError('file-missing', `${reason}: ${file}`, { expected: 'a readable YAML file', actual: file });
  }
  return parseSpecBytes(bytes, file, options);
}

/** Validates spec text as if read from `file` (relative paths in it resolve against `file`'s folder). */
export function parseSpecText(text: string, file: string, options: LoadOptions = {}): Spec {
  return parseSpecBytes(Buffer.from(text, 'utf8'), file, options);
}

function parseSpecBytes(bytes: Buffer, file: string, options: LoadOptions): Spec {
  const parsed = parseYaml(bytes.toString('utf8'), file);
  if ('errors' in parsed) throw new SpecErrors(parsed.errors);
  const errors = [
    ...schemaErrors(parsed.data, parsed.source, file),
    ...semanticErrors(parsed.data, parsed.source, file, { checkFiles: options.checkFiles ?? true }),
  ];
  if (errors.length > 0) throw new SpecErrors(errors);
  const hash = createHash('sha256').update(bytes).digest('hex');
  return buildSpec(parsed.data as RawSpec, file, parsed.source.written, hash);
}
