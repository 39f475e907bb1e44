// Command-line options: each command declares the options it takes in its own table (compiler/commands.ts);
// this file parses argv against one table and writes the usage lines and help text from the same tables.

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { HasheeError } from './errors.ts';
import { suggest } from './spec/suggest.ts';

/** One option: its type, how its value is shown and checked, and one line of help. */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  /** May be repeated; its value is then the list of every occurrence. */
  readonly multiple?: boolean;
  readonly short?: string;
  /** The only values accepted (string options); usage shows them as `a|b`. */
  readonly choices?: readonly string[];
  /** Placeholder for the value in usage and help ('DIR', 'N'); default: the choices, or VALUE. */
  readonly value?: string;
  /** Shown in the usage line as required (the command still checks it: some requirements depend on other options). */
  readonly required?: boolean;
  readonly help: string;
}

export type OptionTable = Readonly<Record<string, OptionSpec>>;

/** What a string option parses to: one of its choices, or any string. */
type StringValue<S extends OptionSpec> = S['choices'] extends readonly (infer C)[] ? C : string;

/** Parsed values of a table: booleans, strings (a choice where the option lists them), lists for repeatable options. */
export type OptionValues<T extends OptionTable> = {
  readonly [K in keyof T]?: T[K]['type'] extends 'boolean' ? boolean : T[K]['multiple'] extends true ? StringValue<T[K]>[] : StringValue<T[K]>;
};

/** Options every command takes besides its own. */
export const COMMON_OPTIONS = {
  help: { type: 'boolean', short: 'h', help: 'print this help' },
  debug: { type: 'boolean', help: 'print the stack trace of an internal error' },
} as const satisfies OptionTable;

/** Options of `hashee` without a command. */
export const TOP_OPTIONS = {
  help: COMMON_OPTIONS.help,
  version: { type: 'boolean', help: 'print the version' },
  debug: COMMON_OPTIONS.debug,
} as const satisfies OptionTable;

export interface Parsed<T extends OptionTable> {
  readonly values: OptionValues<T & typeof COMMON_OPTIONS>;
  readonly positionals: readonly string[];
}

/**
 * Parses `argv` (what follows the command name) against the command's table plus the common options.
 * An option the command does not take, a missing or unexpected value, or a value outside an option's
 * choices is a 'usage' error naming the command's options.
 */
export function parseOptions<T extends OptionTable>(command: string, table: T, argv: readonly string[]): Parsed<T> {
  const all: OptionTable = { ...table, ...COMMON_OPTIONS };
  const config = parseConfig(all);
  const where = command ? `hashee ${command}` : 'hashee';
  const takes = `${where} takes ${optionList(all)}`;
  // First pass without strictness: every option token, so that each problem gets its own message.
  const { tokens } = parseArgs({ args: [...argv], options: config, strict: false, allowPositionals: true, tokens: true });
  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    const spec = all[t.name];
    if (!spec) {
      const near = suggest(t.name, Object.keys(all));
      throw new HasheeError('usage', `${where}: unknown option ${t.rawName}${near ? ` (did you mean --${near}?)` : ''}\n${takes}`);
    }
    if (spec.type === 'string' && t.value === undefined) throw new HasheeError('usage', `${where}: ${t.rawName} needs a value (${placeholder(spec)})\n${takes}`);
    if (spec.type === 'boolean' && t.value !== undefined) throw new HasheeError('usage', `${where}: ${t.rawName} takes no value\n${takes}`);
    if (spec.choices && t.value !== undefined && !spec.choices.includes(t.value)) {
      throw new HasheeError('usage', `${where}: ${t.rawName} must be one of ${spec.choices.join(', ')}`, { expected: spec.choices.join(' | '), actual: t.value });
    }
  }
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: config, strict: true, allowPositionals: true });
  } catch (e) {
    // what the first pass cannot see: a string option followed by another option (`--out --force`)
    throw new HasheeError('usage', `${where}: ${(e as Error).message}\n${takes}`);
  }
  return { values: parsed.values as OptionValues<T & typeof COMMON_OPTIONS>, positionals: parsed.positionals };
}

function parseConfig(table: OptionTable): NonNullable<ParseArgsConfig['options']> {
  return Object.fromEntries(Object.entries(table).map(([name, o]) => [name, { type: o.type, multiple: !!o.multiple, ...(o.short ? { short: o.short } : {}) }]));
}

function placeholder(o: OptionSpec): string {
  return o.value ?? o.choices?.join('|') ?? 'VALUE';
}

/** `--out DIR` / `-o, --out DIR`: how an option is written in help. */
function optionForm(name: string, o: OptionSpec, withShort: boolean): string {
  const flag = withShort && o.short ? `-${o.short}, --${name}` : `--${name}`;
  return o.type === 'string' ? `${flag} ${placeholder(o)}` : flag;
}

/** `--json, --out DIR, -h/--help`: the options of a table in one line. */
function optionList(table: OptionTable): string {
  return Object.entries(table).map(([name, o]) => (o.short ? `-${o.short}/--${name}` : `--${name}`)).join(', ');
}

/** The synopsis of a command: `hashee compile SPEC --out DIR [--target wasm|webgpu]... [--force]`. */
export function usageLine(command: string, args: string, table: OptionTable): string {
  const parts = Object.entries(table).map(([name, o]) => {
    const form = optionForm(name, o, false);
    return `${o.required ? form : `[${form}]`}${o.multiple ? '...' : ''}`;
  });
  return wrap([`hashee ${command}`, ...(args ? [args] : []), ...parts], '    ');
}

/** Options as an aligned two-column list, one per line. */
export function optionHelp(table: OptionTable): string {
  const rows = Object.entries(table).map(([name, o]) => [optionForm(name, o, true), o.help + (o.multiple ? ' (repeatable)' : '')] as const);
  const width = Math.max(...rows.map(([f]) => f.length)) + 2;
  return rows.map(([f, h]) => `  ${f.padEnd(width)}${h}`).join('\n');
}

/** Words joined by spaces into lines of at most 100 columns, continuation lines indented. */
function wrap(words: readonly string[], indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && line.length + 1 + w.length > 100) { lines.push(line); line = indent + w; } else line = line ? `${line} ${w}` : w;
  }
  lines.push(line);
  return lines.join('\n');
}
