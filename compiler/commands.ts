// One entry per CLI command: its usage text and what it does, in terms of the pipeline's steps.

import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { CliOptions } from './options.ts';
import { choice, oneSpec, type Command, type CommandContext } from './command.ts';

export type { Command, CommandContext } from './command.ts';
import { HasheeError } from './errors.ts';
import { loadSpec } from './spec/index.ts';
import type { Spec } from './spec/types.ts';
import { loadAll, loadModel } from './load.ts';
import { exportOnnx, exportOnnxWithExits, importOnnx } from './onnx/index.ts';
import { renderSpecYaml } from './spec/index.ts';
import { scheduleFor } from './schedule/report.ts';
import { runOnInputs, formatRun, runJson, parseIdsArg, type OutputKind, type BackendName } from './run/index.ts';
import { checkPackageOut, writePackage } from './package/assemble.ts';
import { runPipeline, STAGES } from './pipeline.ts';
import { checkFileOut, writeFileAtomic } from './util/fs.ts';
import { createProgress } from './progress.ts';
import { trainCommand } from './train/command.ts';
import { evalCommand } from './eval/command.ts';


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
  usage: 'hashee import FILE.onnx [--name NAME] [--out SPEC.yaml]\n  Reads a BERT-family encoder (BERT, DistilBERT, RoBERTa, ALBERT, pre-LN; torch, Optimum or onnxruntime-optimized)\n  by graph structure and prints a spec that matches it.',
  async run(args, opts, ctx) {
    if (args.length !== 1) throw new HasheeError('usage', `expected one FILE.onnx argument\n${this.usage}`);
    const file = resolve(args[0]!);
    let bytes: Uint8Array;
    try { bytes = readFileSync(file); } catch (e) {
      throw new HasheeError('file-missing', `cannot read ${args[0]}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    const outFile = opts.out ? resolve(opts.out) : undefined;
    if (outFile) checkFileOut(outFile);
    const found = importOnnx(bytes, args[0]!, createProgress('reading ONNX weights'));
    const text = renderSpecYaml({
      name: opts.name ?? basename(file).replace(/\.onnx$/i, ''),
      arch: found.arch,
      head: found.head,
      onnxPath: file,
      specFile: outFile ?? resolve('spec.yaml'),
      positionOffset: found.positionOffset,
    });
    if (outFile) { writeFileAtomic(outFile, text); ctx.err(`wrote ${opts.out}\n`); } else ctx.out(text);
  },
};

const exportCmd: Command = {
  usage: 'hashee export-onnx SPEC --out FILE.onnx [--exits]\n  Writes the spec\'s model as a standard ONNX graph (opset 17): at full depth, or with --exits the exit\n' +
    '  table baked in (the graph sorts tokens by exit layer and runs each layer on its active prefix; extra output exit_layers).',
  async run(args, opts, ctx) {
    const spec = oneSpec(args, this.usage);
    if (!opts.out) throw new HasheeError('usage', `--out FILE.onnx is required\n${this.usage}`);
    checkFileOut(resolve(opts.out));
    let bytes: Uint8Array;
    if (opts.exits) {
      const { model, table } = loadAll(spec, createProgress('loading'));
      bytes = exportOnnxWithExits(model, table);
    } else {
      bytes = exportOnnx(loadModel(spec, createProgress('loading weights')));
    }
    writeFileAtomic(resolve(opts.out), bytes);
    ctx.err(`wrote ${opts.out} (${(bytes.length / 1e6).toFixed(1)} MB)\n`);
  },
};

const compile: Command = {
  usage: `hashee compile SPEC --out DIR [--target wasm|webgpu]... [--force] [--dump-after ${STAGES.join('|')}]\n` +
    '  Writes the deployable package: exit table, schedule, manifest and the targets\' code (default: the spec\'s targets).\n' +
    '  DIR is replaced as a whole when it is a hashee package or empty; --force replaces a file or any other folder.\n' +
    '  --dump-after STAGE prints that stage\'s output (the spec, the exit table, its schedule, the layer program,\n' +
    '  the generated WAT and WGSL, the package\'s files) and stops there unless --out is given too.',
  async run(args, opts, ctx) {
    if (args.length !== 1) throw new HasheeError('usage', `expected one SPEC argument, got ${args.length}\n${this.usage}`);
    const dumpAfter = opts['dump-after'] === undefined ? undefined : choice(opts['dump-after'], STAGES, '--dump-after', 'package');
    if (!opts.out && !dumpAfter) throw new HasheeError('usage', `--out DIR is required (or --dump-after STAGE)\n${this.usage}`);
    const targets = opts.target?.map((t) => choice(t, ['wasm', 'webgpu'] as const, '--target', 'wasm'));
    const force = !!opts.force;
    const out = await runPipeline(args[0]!, { targets, toolVersion: ctx.version, progress: createProgress('loading') }, opts.out ? 'package' : dumpAfter, (stage, dump, done) => {
      // a refused --out fails before the model is loaded
      if (stage === 'spec' && opts.out) checkPackageOut(opts.out, done.spec!, force);
      if (stage === dumpAfter) ctx.out(dump());
    });
    if (!opts.out) return;
    const written = writePackage(out.package!, resolve(opts.out), out.spec!, force);
    const top = [...new Set(written.map((f) => f.split('/')[0]!))].sort();
    ctx.err(`wrote ${opts.out} (${written.length} files): ${top.join(', ')}\n`);
  },
};

const report: Command = {
  usage: 'hashee report SPEC --out REPORT.html [--bench FILE.json] [--json]\n' +
    '  Writes a self-contained HTML page about the spec\'s exit schedule: exit layers by token mass and by type,\n' +
    '  active tokens per layer for a sample of corpus sentences, the expected FLOPs ratio against sentence\n' +
    '  length and, with --bench, a results file of npm run bench as bars. --json prints the numbers instead.',
  async run(args, opts, ctx) {
    const spec = oneSpec(args, this.usage);
    if (!opts.out && !opts.json) throw new HasheeError('usage', `--out REPORT.html is required (or --json)\n${this.usage}`);
    if (opts.out) checkFileOut(resolve(opts.out));
    const bench = opts.bench === undefined ? undefined : readJsonFile(opts.bench, '--bench');
    const { reportData, renderReport } = await import('./report/index.ts');
    const loaded = loadAll(spec, createProgress('loading'));
    const data = reportData(loaded, scheduleFor(loaded), { bench });
    if (opts.json) ctx.out(`${JSON.stringify(data)}\n`);
    if (!opts.out) return;
    const html = await renderReport(data, { header: `hashee ${ctx.version} · spec ${spec.name} sha256:${spec.hash}` });
    writeFileAtomic(resolve(opts.out), html);
    ctx.err(`wrote ${opts.out} (${(html.length / 1024).toFixed(0)} KiB)\n`);
  },
};

/** A JSON file named by an option, or a located usage error. */
function readJsonFile(path: string, option: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new HasheeError('file-missing', `${option} ${path}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new HasheeError('file-format', `${option} ${path}: not valid JSON (${(e as Error).message})`);
  }
}

export const commands: Readonly<Record<string, Command>> = {
  check, schedule, run, import: importCmd, 'export-onnx': exportCmd, compile, report, train: trainCommand, eval: evalCommand,
};
