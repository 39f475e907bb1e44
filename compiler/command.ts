// What every CLI command is (usage text and run), and the argument helpers the commands share.

import { HasheeError } from './errors.ts';
import { loadSpec } from './spec/index.ts';
import type { Spec } from './spec/types.ts';
import type { CliOptions } from './options.ts';

export interface CommandContext {
  readonly out: (s: string) => void;
  readonly err: (s: string) => void;
  readonly version: string;
}

export interface Command {
  readonly usage: string;
  run(args: readonly string[], opts: CliOptions, ctx: CommandContext): Promise<void>;
}

export function oneSpec(args: readonly string[], usage: string): Spec {
  if (args.length !== 1) throw new HasheeError('usage', `expected one SPEC argument, got ${args.length}\n${usage}`);
  return loadSpec(args[0]!);
}

export function choice<T extends string>(value: string | undefined, allowed: readonly T[], flag: string, fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new HasheeError('usage', `${flag} must be one of ${allowed.join(', ')}`, { expected: allowed.join(' | '), actual: value });
}
