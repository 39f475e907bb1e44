// What a CLI command is (arguments, its own option table, help, run) and the pieces the commands share.

import { HasheeError } from './errors.ts';
import type { OptionTable, OptionValues, COMMON_OPTIONS } from './options.ts';
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

/** A user error as JSON: each problem it stands for (SpecErrors: every error), as HasheeError.toJSON() gives it. */
export function errorsJson(e: HasheeError): object[] {
  return e.problems().map((x) => x.toJSON());
}
