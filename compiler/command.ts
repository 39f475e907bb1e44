// What a CLI command is (arguments, its own option table, help, run) and the pieces the commands share.

import { HasheeError } from './errors.ts';
import type { OptionTable, OptionValues, COMMON_OPTIONS } from './options.ts';
import { SpecErrors } from './spec/spec-errors.ts';
import type { Spec } from './spec/types.ts';

export interface CommandContext {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
  readonly version: string;
}

export interface Command<T extends OptionTable = OptionTable> {
  /** Positional arguments as usage shows them ('SPEC', 'FILE.onnx'). */
  readonly args: string;
  /** One line for `hashee --help`. */
  readonly summary: string;
  /** What `hashee CMD --help` says under the usage line. */
  readonly description: string;
  readonly options: T;
  run(args: readonly string[], opts: OptionValues<T & typeof COMMON_OPTIONS>, ctx: CommandContext): Promise<void>;
}

/** Keeps each command's option table as its own (literal) type, so `run` sees exactly the options it declared. */
export function command<const T extends OptionTable>(c: Command<T>): Command<T> {
  return c;
}

export const JSON_OPTION = { type: 'boolean', help: 'print the result as JSON on stdout' } as const;

export async function oneSpec(name: string, args: readonly string[]): Promise<Spec> {
  if (args.length !== 1) throw new HasheeError('usage', `hashee ${name} takes one SPEC argument, got ${args.length}\nRun 'hashee ${name} --help' for usage.`);
  const { loadSpec } = await import('./spec/index.ts');
  return loadSpec(args[0]!);
}

/** A user error as JSON (SpecErrors: each of its errors). */
export function errorsJson(e: HasheeError): object[] {
  const all = e instanceof SpecErrors ? e.errors : [e];
  return all.map((x) => ({
    code: x.code, message: x.message,
    ...(x.location ? { file: x.location.file, line: x.location.line, col: x.location.col } : {}),
    ...(x.keyPath !== undefined ? { key_path: x.keyPath } : {}),
    ...(x.expected !== undefined ? { expected: x.expected } : {}),
    ...(x.actual !== undefined ? { actual: x.actual } : {}),
  }));
}

