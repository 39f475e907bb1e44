// The `hashee` command line: finds the command, parses its own options, dispatches; exit codes 0 / 1 (user) /
// 2 (internal). Usage and help text are written from the commands' option tables.

import { HasheeError, isHasheeError } from './errors.ts';
import { commands, type Command, type CommandContext } from './commands.ts';
import { COMMON_OPTIONS, TOP_OPTIONS, optionHelp, parseOptions, usageLine } from './options.ts';
import { suggest } from './spec/suggest.ts';
import { toolVersion } from './util/root.ts';

/** `hashee --help`: every command's synopsis and summary, then the options of `hashee` itself. */
function topHelp(version: string): string {
  const entries = Object.entries(commands).map(([name, c]) => `  ${usageLine(name, c.args, c.options).replace(/\n/g, '\n  ')}\n      ${c.summary}`);
  return [
    `hashee ${version} — compile transformers with hash-based early exiting (HashEE)`,
    '',
    'Usage: hashee COMMAND [options]    (hashee COMMAND --help lists a command\'s options)',
    '',
    'Commands:',
    ...entries,
    '',
    'Options:',
    optionHelp(TOP_OPTIONS),
    '',
    'Every command also takes -h/--help and --debug.',
    'Exit codes: 0 ok, 1 user error (bad spec, bad input, bad option), 2 internal error.',
    'Docs: README.md',
  ].join('\n');
}

/** `hashee CMD --help`: synopsis, description, every option the command takes. */
function commandHelp(name: string, c: Command): string {
  return [
    `Usage: ${usageLine(name, c.args, c.options)}`,
    '',
    c.description,
    '',
    'Options:',
    optionHelp({ ...c.options, ...COMMON_OPTIONS }),
  ].join('\n');
}

/** Runs the CLI on argv (without node and script); returns the exit code. */
export async function main(argv: readonly string[], io: Pick<CommandContext, 'out' | 'err'> = defaultIo()): Promise<number> {
  let debug = argv.includes('--debug');
  try {
    const version = toolVersion();
    // Options before the command are hashee's own (--help, --version, --debug); the first word is the command.
    const at = argv.findIndex((a) => !a.startsWith('-'));
    const top = parseOptions('', TOP_OPTIONS, at < 0 ? argv : argv.slice(0, at));
    if (top.values.version) { io.out(`${version}\n`); return 0; }
    if (top.values.help) { io.out(`${topHelp(version)}\n`); return 0; }
    const name = at < 0 ? '' : argv[at]!;
    if (name === '') throw new HasheeError('usage', `give a command: ${Object.keys(commands).join(', ')}\nRun 'hashee --help' for usage.`);
    const command = commands[name];
    if (!command) {
      const near = suggest(name, Object.keys(commands));
      throw new HasheeError('usage', `unknown command '${name}'${near ? ` (did you mean '${near}'?)` : ''}\nRun 'hashee --help' for usage.`);
    }
    const { values, positionals } = parseOptions(name, command.options, argv.slice(at + 1));
    debug ||= !!values.debug;
    if (values.help || top.values.help) { io.out(`${commandHelp(name, command)}\n`); return 0; }
    await command.run(positionals, values, { ...io, version });
    return 0;
  } catch (e) {
    if (isHasheeError(e)) { io.err(`${e.format()}\n`); return 1; }
    const err = e as Error;
    io.err(`hashee: internal error: ${err?.message ?? String(e)}\n`);
    io.err(debug ? `${err?.stack ?? ''}\n` : `(run again with --debug for a stack trace; please report it)\n`);
    return 2;
  }
}

function defaultIo(): Pick<CommandContext, 'out' | 'err'> {
  return { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };
}
