// One entry per CLI command: its usage text and what it does, in terms of the pipeline's steps.

import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { CliOptions } from './cli.ts';
import { HasheeError } from './errors.ts';
import { loadSpec } from './spec/index.ts';
import type { Spec } from './spec/types.ts';
import { loadAll, loadModel } from './pipeline.ts';
import { exportOnnx, importOnnx } from './onnx/index.ts';
import { renderSpecYaml } from './spec/index.ts';
import { scheduleFor } from './schedule/report.ts';
import { runOnInputs, formatRun, runJson, parseIdsArg, type OutputKind, type BackendName } from './run.ts';
import { compilePackage } from './compile.ts';
import { writeFileAtomic } from './util/fs.ts';
import { createProgress } from './progress.ts';
import { trainCommand } from './train/command.ts';
import { evalCommand } from './eval/command.ts';

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

const check: Command = {
  usage: 'hashee check SPEC\n  Validates the spec (schema, values, files; an ONNX weights file is read and checked against the spec).',
  async run(args, _opts, ctx) {
    const spec = oneSpec(args, this.usage);
    if (spec.weights.kind === 'onnx') loadModel(spec, createProgress('reading ONNX weights'));
    const a = spec.arch;
    ctx.out(`ok: ${spec.name}: ${a.layers} layers, hidden ${a.hidden}, ${a.heads} heads, ffn ${a.ffn}, vocab ${a.vocabSize}; head ${spec.head.kind}; exit policy ${spec.exit.kind}\n`);
  },
};

const schedule: Command = {
  usage: 'hashee schedule SPEC [--json]\n  Builds the static exit table and prints token types and token mass per exit layer,\n  the average depth and the expected FLOPs ratio vs full depth.',
  async run(args, opts, ctx) {
    const spec = oneSpec(args, this.usage);
    const { text, json } = scheduleFor(loadAll(spec, createProgress('loading')));
    ctx.out(opts.json ? `${JSON.stringify(json, null, 2)}\n` : text);
  },
};

const run: Command = {
  usage: 'hashee run SPEC (--text "..." | --ids 1,2,3)... [--output logits|last-hidden] [--json]\n' +
    '                [--backend reference|wasm|webgpu] [--full-depth] [--precision f64|f32] [--threads N]\n' +
    '  Runs the model on one input or a batch (repeat --text / --ids); prints each token\'s exit layer,\n' +
    '  the result and the FLOPs executed vs full depth. --ids are used as given (add [CLS]/[SEP] yourself).\n' +
    '  wasm and webgpu run a package compiled on first use (cached); --threads sets the wasm threads.',
  async run(args, opts, ctx) {
    const spec = oneSpec(args, this.usage);
    const output = choice<OutputKind>(opts.output, ['logits', 'last-hidden'], '--output', spec.head.kind === 'none' ? 'last-hidden' : 'logits');
    const backend = choice<BackendName>(opts.backend, ['reference', 'wasm', 'webgpu'], '--backend', 'reference');
    const precision = choice(opts.precision, ['f64', 'f32'] as const, '--precision', 'f64');
    if (!opts.text?.length && !opts.ids?.length) throw new HasheeError('usage', `give an input with --text "..." or --ids 1,2,3\n${this.usage}`);
    const idBatches = (opts.ids ?? []).map((s) => parseIdsArg(s, spec));
    const loaded = loadAll(spec, createProgress('loading'));
    const threads = opts.threads === undefined ? undefined : Number(opts.threads);
    if (threads !== undefined && (!Number.isInteger(threads) || threads < 1)) {
      throw new HasheeError('usage', '--threads must be a positive integer', { expected: 'e.g. --threads 2', actual: String(opts.threads) });
    }
    const result = await runOnInputs(loaded, { texts: opts.text ?? [], ids: idBatches }, { backend, precision, fullDepth: !!opts['full-depth'], output, threads });
    ctx.out(opts.json ? `${JSON.stringify(runJson(result, output))}\n` : formatRun(result, output));
  },
};

const importCmd: Command = {
  usage: 'hashee import FILE.onnx [--name NAME] [--out SPEC.yaml]\n  Reads a BERT-style encoder by graph structure and prints a spec that matches it.',
  async run(args, opts, ctx) {
    if (args.length !== 1) throw new HasheeError('usage', `expected one FILE.onnx argument\n${this.usage}`);
    const file = resolve(args[0]!);
    let bytes: Uint8Array;
    try { bytes = readFileSync(file); } catch (e) {
      throw new HasheeError('file-missing', `cannot read ${args[0]}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    const found = importOnnx(bytes, args[0]!, createProgress('reading ONNX weights'));
    const outFile = opts.out ? resolve(opts.out) : undefined;
    const text = renderSpecYaml({
      name: opts.name ?? basename(file).replace(/\.onnx$/i, ''),
      arch: found.arch,
      head: found.head,
      onnxPath: file,
      specFile: outFile ?? resolve('spec.yaml'),
    });
    if (outFile) { writeFileAtomic(outFile, text); ctx.err(`wrote ${opts.out}\n`); } else ctx.out(text);
  },
};

const exportCmd: Command = {
  usage: 'hashee export-onnx SPEC --out FILE.onnx\n  Writes the spec\'s model at full depth as a standard ONNX graph (opset 17).',
  async run(args, opts, ctx) {
    const spec = oneSpec(args, this.usage);
    if (!opts.out) throw new HasheeError('usage', `--out FILE.onnx is required\n${this.usage}`);
    const bytes = exportOnnx(loadModel(spec, createProgress('loading weights')));
    writeFileAtomic(resolve(opts.out), bytes);
    ctx.err(`wrote ${opts.out} (${(bytes.length / 1e6).toFixed(1)} MB)\n`);
  },
};

const compile: Command = {
  usage: 'hashee compile SPEC --out DIR [--target wasm|webgpu]...\n  Writes the deployable package: exit table, schedule, manifest and the targets\' code (default: the spec\'s targets).',
  async run(args, opts, ctx) {
    const spec = oneSpec(args, this.usage);
    if (!opts.out) throw new HasheeError('usage', `--out DIR is required\n${this.usage}`);
    const targets = (opts.target ?? spec.targets).map((t) => choice(t, ['wasm', 'webgpu'] as const, '--target', 'wasm'));
    const written = await compilePackage(loadAll(spec, createProgress('loading')), resolve(opts.out), { targets, toolVersion: ctx.version });
    const top = [...new Set(written.map((f) => f.split('/')[0]!))].sort();
    ctx.err(`wrote ${opts.out} (${written.length} files): ${top.join(', ')}\n`);
  },
};

export const commands: Readonly<Record<string, Command>> = {
  check, schedule, run, import: importCmd, 'export-onnx': exportCmd, compile, train: trainCommand, eval: evalCommand,
};
