// One entry per CLI command: its arguments, its own options, its help and what it does in terms of the
// pipeline's steps. Each command imports what it needs when it runs, so `hashee --version` or `check`
// never loads binaryen, ts-morph or onnx-proto. A new command is one more entry in `commands`.

import { command, errorsJson, JSON_OPTION, oneSpec, type Command } from './command.ts';
import { HasheeError } from './errors.ts';
import { createProgress } from './progress.ts';
import type { CheckResult } from './api.ts';
import { STAGES } from './stages.ts';
import { trainCommand } from './train/command.ts';
import { evalCommand } from './eval/command.ts';
import { generateCommand } from './generate/command.ts';

export type { Command, CommandContext } from './command.ts';

const check = command({
  args: 'SPEC',
  summary: 'validate a spec (and an ONNX weights file against it)',
  description: 'Validates the spec (schema, values, files; an ONNX weights file is read and checked against the spec).\n' +
    'With --json prints {"ok": true, ...the model\'s shape} or {"ok": false, "errors": [...]} on stdout (exit 1; the\n' +
    'messages also go to stderr as usual).',
  options: { json: JSON_OPTION },
  async run(args, opts, ctx) {
    let c: CheckResult;
    try {
      const spec = await oneSpec('check', args);
      c = await (await import('./api.ts')).check(spec, { progress: createProgress('reading ONNX weights') });
    } catch (e) {
      if (!opts.json || !(e instanceof HasheeError)) throw e;
      ctx.out(`${JSON.stringify({ ok: false, errors: errorsJson(e) }, null, 2)}\n`);
      throw e;
    }
    if (opts.json) {
      ctx.out(`${JSON.stringify({
        ok: true, name: c.name, layers: c.layers, hidden: c.hidden, heads: c.heads, ffn: c.ffn, vocab_size: c.vocabSize,
        head: c.head, exit_policy: c.exitPolicy, weights: c.weights, targets: c.targets,
        ...(c.decoder ? { kind: 'encoder-decoder', decoder_layers: c.decoder.layers, decoder_exit_policy: c.decoder.exitPolicy } : {}),
      }, null, 2)}\n`);
      return;
    }
    if (c.decoder) {
      ctx.out(`ok: ${c.name}: encoder-decoder, ${c.layers} encoder and ${c.decoder.layers} decoder layers, hidden ${c.hidden}, ${c.heads} heads, ffn ${c.ffn}, vocab ${c.vocabSize}; head lm; exit policy ${c.exitPolicy}, decoder exit policy ${c.decoder.exitPolicy}\n`);
      return;
    }
    ctx.out(`ok: ${c.name}: ${c.layers} layers, hidden ${c.hidden}, ${c.heads} heads, ffn ${c.ffn}, vocab ${c.vocabSize}; head ${c.head}; exit policy ${c.exitPolicy}\n`);
  },
});

const schedule = command({
  args: 'SPEC',
  summary: 'build the exit table and print its statistics',
  description: 'Builds the static exit table and prints token types and token mass per exit layer,\n' +
    'the average depth and the expected FLOPs ratio vs full depth.',
  options: { json: JSON_OPTION },
  async run(args, opts, ctx) {
    const spec = await oneSpec('schedule', args);
    const { text, json } = await (await import('./api.ts')).schedule(spec, { progress: createProgress('loading') });
    ctx.out(opts.json ? `${JSON.stringify(json, null, 2)}\n` : text);
  },
});

const run = command({
  args: 'SPEC',
  summary: 'run the model on text or token ids (a batch when repeated)',
  description: 'Runs the model on one input or a batch (repeat --text / --ids); prints each token\'s exit layer,\n' +
    'the result and the FLOPs executed vs full depth. --ids are used as given (add [CLS]/[SEP] yourself).\n' +
    'wasm and webgpu run a package compiled on first use (cached); --threads sets the wasm threads.',
  options: {
    text: { type: 'string', multiple: true, value: 'TEXT', help: 'an input text, tokenized with the spec\'s tokenizer ([CLS]/[SEP] added)' },
    ids: { type: 'string', multiple: true, value: '1,2,3', help: 'an input as token ids' },
    output: { type: 'string', choices: ['logits', 'last-hidden'], help: 'what to print (default: logits with a head, else last-hidden)' },
    backend: { type: 'string', choices: ['reference', 'wasm', 'webgpu'], help: 'where to run (default reference)' },
    'full-depth': { type: 'boolean', help: 'ignore the exit table: every token runs all layers' },
    precision: { type: 'string', choices: ['f64', 'f32'], help: 'the reference backend\'s arithmetic (default f64)' },
    threads: { type: 'string', value: 'N', help: 'wasm threads including the caller (default: every core)' },
    json: JSON_OPTION,
  },
  async run(args, opts, ctx) {
    const spec = await oneSpec('run', args);
    if (!opts.text?.length && !opts.ids?.length) throw new HasheeError('usage', 'give an input with --text "..." or --ids 1,2,3\nRun \'hashee run --help\' for usage.');
    const threads = opts.threads === undefined ? undefined : Number(opts.threads);
    if (threads !== undefined && (!Number.isInteger(threads) || threads < 1)) {
      throw new HasheeError('usage', '--threads must be a positive integer', { expected: 'e.g. --threads 2', actual: String(opts.threads) });
    }
    const [api, { formatRun, runJson, parseIdsArg }] = await Promise.all([import('./api.ts'), import('./run/index.ts')]);
    const ids = (opts.ids ?? []).map((s) => parseIdsArg(s, spec));
    const result = await api.run(spec, { text: opts.text ?? [], ids }, {
      backend: opts.backend, precision: opts.precision, fullDepth: !!opts['full-depth'], output: opts.output, threads, progress: createProgress('loading'),
    });
    const output = result.settings.output;
    ctx.out(opts.json ? `${JSON.stringify(runJson(result, output))}\n` : formatRun(result, output));
  },
});

const importCmd = command({
  args: 'FILE.onnx|DIR',
  summary: 'print a spec that matches an ONNX encoder (or an encoder-decoder\'s export folder)',
  description: 'Reads a BERT-family encoder (BERT, DistilBERT, RoBERTa, ALBERT, pre-LN; torch, Optimum or onnxruntime-optimized)\n' +
    'by graph structure and prints a spec that matches it (YAML, or its data with --json), or writes it to --out.\n' +
    'Dynamically quantized files (onnxruntime\'s quantize_dynamic, transformers.js\'s model_quantized.onnx) and QDQ\n' +
    'weights are read back as f32; files saved by onnxruntime\'s own optimizer are read too.',
  options: {
    name: { type: 'string', value: 'NAME', help: 'the spec\'s name (default: the file name)' },
    out: { type: 'string', short: 'o', value: 'SPEC.yaml', help: 'write the spec there instead of printing it' },
    json: { type: 'boolean', help: 'print {"spec": <the spec\'s data>, "out": <file written or null>} on stdout' },
  },
  async run(args, opts, ctx) {
    if (args.length !== 1) throw new HasheeError('usage', 'hashee import takes one FILE.onnx argument\nRun \'hashee import --help\' for usage.');
    const r = await (await import('./api.ts')).importOnnx(args[0]!, { name: opts.name, out: opts.out, progress: createProgress('reading ONNX weights') });
    if (r.dequantized > 0) {
      ctx.err(`note: ${args[0]} is quantized: ${r.dequantized} int8/uint8 products and tables were read back as f32 ((q - zero point) x scale); ` +
        'the spec runs them in f32 unless you add precision: int8 (hashee\'s own int8 for the WASM target)\n');
    }
    if (opts.json) ctx.out(`${JSON.stringify({ spec: r.data, out: opts.out ?? null }, null, 2)}\n`);
    else if (r.out) ctx.err(`wrote ${r.out}\n`);
    else ctx.out(r.yaml);
  },
});

const exportCmd = command({
  args: 'SPEC',
  summary: 'write the model as ONNX (opset 17): full depth, or with the exit table baked in',
  description: 'Writes the spec\'s model as a standard ONNX graph (opset 17): at full depth, or with --exits the exit\n' +
    'table baked in (the graph sorts tokens by exit layer and runs each layer on its active prefix; extra output exit_layers).\n' +
    'An encoder-decoder spec writes a folder: encoder_model.onnx, decoder_model.onnx and decoder_with_past_model.onnx\n' +
    '(Optimum\'s layout, full depth). --quantize int8 writes the graph onnxruntime\'s quantize_dynamic would with its\n' +
    'defaults (MatMulInteger on int8 weights, DynamicQuantizeLinear on activations), for onnxruntime\'s int8 kernels.',
  options: {
    out: { type: 'string', short: 'o', value: 'FILE.onnx', required: true, help: 'the file to write' },
    exits: { type: 'boolean', help: 'bake the exit table into the graph' },
    quantize: { type: 'string', choices: ['int8', 'int8-per-channel'], help: 'dynamic int8 quantization as onnxruntime\'s quantize_dynamic writes it (int8 weights, one scale per tensor or per column)' },
    json: { type: 'boolean', help: 'print {"out", "bytes", "exits", "quantize"} of the file written on stdout' },
  },
  async run(args, opts, ctx) {
    const spec = await oneSpec('export-onnx', args);
    if (!opts.out) throw new HasheeError('usage', '--out FILE.onnx is required\nRun \'hashee export-onnx --help\' for usage.');
    const quantize = opts.quantize as 'int8' | 'int8-per-channel' | undefined;
    const bytes = await (await import('./api.ts')).exportOnnx(spec, { out: opts.out, exits: !!opts.exits, quantize, progress: createProgress('loading') });
    if (spec.seq2seq) {
      const { SEQ2SEQ_FILES } = await import('./onnx/seq2seq.ts');
      if (opts.json) ctx.out(`${JSON.stringify({ out: opts.out, files: Object.values(SEQ2SEQ_FILES), exits: false }, null, 2)}\n`);
      else ctx.err(`wrote ${opts.out}: ${Object.values(SEQ2SEQ_FILES).join(', ')}\n`);
      return;
    }
    if (opts.json) ctx.out(`${JSON.stringify({ out: opts.out, bytes: bytes.length, exits: !!opts.exits, quantize: quantize ?? null }, null, 2)}\n`);
    else ctx.err(`wrote ${opts.out} (${(bytes.length / 1e6).toFixed(1)} MB)\n`);
  },
});

const compile = command({
  args: 'SPEC',
  summary: 'write the deployable package (WebAssembly and WebGPU)',
  description: 'Writes the deployable package: exit table, schedule, manifest and the targets\' code (default: the spec\'s targets).\n' +
    'DIR is replaced as a whole when it is a hashee package or empty; --force replaces a file or any other folder.\n' +
    '--dump-after STAGE prints that stage\'s output (the spec, the exit table, its schedule, the layer program,\n' +
    'the generated WAT and WGSL, the package\'s files) and stops there unless --out is given too.',
  options: {
    out: { type: 'string', short: 'o', value: 'DIR', required: true, help: 'the package folder to write (optional with --dump-after)' },
    target: { type: 'string', multiple: true, choices: ['wasm', 'webgpu'], help: 'a target to build (default: the spec\'s targets)' },
    force: { type: 'boolean', help: 'replace a file or a folder that is not a hashee package' },
    'dump-after': { type: 'string', choices: STAGES, value: 'STAGE', help: `print a stage's output: ${STAGES.join(', ')}` },
    json: { type: 'boolean', help: 'print {"out", "files": [{"path", "bytes"}]} (and {"stage", "dump"}) on stdout' },
  },
  async run(args, opts, ctx) {
    if (args.length !== 1) throw new HasheeError('usage', `hashee compile takes one SPEC argument, got ${args.length}\nRun 'hashee compile --help' for usage.`);
    const dumpAfter = opts['dump-after'];
    if (!opts.out && !dumpAfter) throw new HasheeError('usage', '--out DIR is required (or --dump-after STAGE)\nRun \'hashee compile --help\' for usage.');
    const r = await (await import('./api.ts')).compile(args[0]!, {
      out: opts.out, targets: opts.target, force: !!opts.force, dumpAfter, progress: createProgress('loading'),
    });
    if (dumpAfter && !opts.json) ctx.out(r.dump ?? '');
    const dump = dumpAfter ? { stage: dumpAfter, dump: r.dump } : {};
    if (!opts.out) {
      if (opts.json) ctx.out(`${JSON.stringify(dump, null, 2)}\n`);
      return;
    }
    const files = r.files!;
    const written = r.written!;
    if (opts.json) {
      const bytes = (path: string): number => { const d = files.get(path)!; return typeof d === 'string' ? Buffer.byteLength(d, 'utf8') : d.byteLength; };
      ctx.out(`${JSON.stringify({ out: opts.out, files: written.map((path) => ({ path, bytes: bytes(path) })), ...dump }, null, 2)}\n`);
      return;
    }
    const top = [...new Set(written.map((f) => f.split('/')[0]!))].sort();
    ctx.err(`wrote ${opts.out} (${written.length} files): ${top.join(', ')}\n`);
  },
});

const report = command({
  args: 'SPEC',
  summary: 'write an HTML page with plots of the exit schedule',
  description: 'Writes a self-contained HTML page about the spec\'s exit schedule: exit layers by token mass and by type,\n' +
    'active tokens per layer for a sample of corpus sentences, the expected FLOPs ratio against sentence\n' +
    'length and, with --bench, a results file of npm run bench as bars (Vega-Lite plots rendered to SVG).',
  options: {
    out: { type: 'string', short: 'o', value: 'REPORT.html', required: true, help: 'the page to write (optional with --json)' },
    bench: { type: 'string', value: 'FILE.json', help: 'a results file of npm run bench (bench/results/*.json) to draw' },
    json: { ...JSON_OPTION, help: 'print the numbers behind the plots as JSON' },
  },
  async run(args, opts, ctx) {
    const spec = await oneSpec('report', args);
    if (!opts.out && !opts.json) throw new HasheeError('usage', '--out REPORT.html is required (or --json)\nRun \'hashee report --help\' for usage.');
    const { data, html } = await (await import('./api.ts')).report(spec, { out: opts.out, bench: opts.bench, progress: createProgress('loading') });
    if (opts.json) ctx.out(`${JSON.stringify(data)}\n`);
    if (opts.out) ctx.err(`wrote ${opts.out} (${(html!.length / 1024).toFixed(0)} KiB)\n`);
  },
});

/** Every command, in the order `hashee --help` lists them. */
export const commands: Readonly<Record<string, Command>> = {
  check, schedule, run, import: importCmd, 'export-onnx': exportCmd, compile, report, train: trainCommand, eval: evalCommand, generate: generateCommand,
};
