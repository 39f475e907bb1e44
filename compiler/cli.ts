// The `hashee` command line: argument parsing, dispatch to the pipeline, exit codes 0 / 1 (user) / 2 (internal).

import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { HasheeError, isHasheeError } from './errors.ts';
import { commands, type CommandContext } from './commands.ts';
import { OPTIONS } from './options.ts';

const VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

const USAGE = `hashee ${VERSION} — compile transformers with hash-based early exiting (HashEE)

Usage:
  hashee check SPEC                          validate a spec
  hashee schedule SPEC [--json]              build the exit table and print its statistics
  hashee run SPEC (--text T | --ids 1,2,3)... [--output logits|last-hidden] [--json]
               [--backend reference|wasm|webgpu] [--full-depth] [--precision f64|f32] [--threads N]
                                             run the model; --text / --ids may repeat (a batch)
  hashee import FILE.onnx [--name NAME] [--out SPEC.yaml]
                                             print a spec that matches an ONNX encoder
  hashee export-onnx SPEC --out FILE.onnx [--exits]
                                             write the model as ONNX (opset 17): full depth, or
                                             with the exit table baked in
  hashee compile SPEC --out DIR [--target wasm|webgpu]... [--force]
                                             write the deployable package
  hashee report SPEC --out REPORT.html [--bench FILE.json]
                                             an HTML page with plots of the exit schedule
  hashee train SPEC (--task sst2|mrpc|stsb | --data TRAIN.tsv) --out FILE.onnx [--epochs N] [--lr X]
               [--batch N] [--seed N] [--max-len N] [--dropout P] [--warmup F] [--weight-decay W]
               [--dev DEV.tsv|none] [--resume] [--spec-out SPEC.yaml] [--json]
                                             train the model with its exit table active
  hashee eval SPEC (--data FILE.tsv | --task T) [--json] [--full-depth] [--backend reference|wasm]
               [--precision f64|f32] [--limit N] [--max-len N]
                                             task metrics, average exit layer, expected FLOPs ratio

Options:
  -h, --help      this text (or a command's)     --version   print the version
  --debug         print stack traces of internal errors

Exit codes: 0 ok, 1 user error (bad spec, bad input), 2 internal error.
Docs: README.md`;

/** Runs the CLI on argv (without node and script); returns the exit code. */
export async function main(argv: readonly string[], io: Pick<CommandContext, 'out' | 'err'> = defaultIo()): Promise<number> {
  let debug = argv.includes('--debug');
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
    } catch (e) {
      throw new HasheeError('usage', `${(e as Error).message}\nRun 'hashee --help' for usage.`);
    }
    const { values, positionals } = parsed;
    debug = !!values.debug;
    if (values.version) { io.out(`${VERSION}\n`); return 0; }
    const [name, ...args] = positionals;
    if (!name || (values.help && !name)) { io.out(`${USAGE}\n`); return name || values.help ? 0 : 1; }
    const command = commands[name];
    if (!command) throw new HasheeError('usage', `unknown command '${name}'${suggest(name, Object.keys(commands))}\nRun 'hashee --help' for usage.`);
    if (values.help) { io.out(`${command.usage}\n`); return 0; }
    await command.run(args, values, { ...io, version: VERSION });
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

function suggest(word: string, options: readonly string[]): string {
  let best = '', bestD = Infinity;
  for (const o of options) {
    const d = editDistance(word, o);
    if (d < bestD) { bestD = d; best = o; }
  }
  return bestD <= 2 ? ` (did you mean '${best}'?)` : '';
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}
