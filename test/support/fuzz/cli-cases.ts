// Fuzz cases that go through the `hashee` command line: a folder of (mutated) input files and an argv,
// run in-process through compiler/cli.ts main(), and the rules a finished case must satisfy.

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { main } from '../../../compiler/cli.ts';
import { importOnnx } from '../../../compiler/onnx/index.ts';
import { renderSpecYaml } from '../../../compiler/spec/index.ts';
import { createRng, type Rng } from '../../../compiler/util/rng.ts';
import { randomWeights } from '../../../compiler/weights/random.ts';
import type { ArchConfig, HeadConfig, Model } from '../../../contract/model.ts';
import { tokenizerJson } from '../../../scripts/build-tokenizer.ts';
import { encoderFixture, type FixtureStyle } from '../onnx-fixtures.ts';
import { concat, mutateBytes, mutateJson, mutateTsv, mutateYaml, pick } from './mutate.ts';
import { mutateOnnx } from './onnx.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The kinds of input the CLI cases damage. */
export const CLI_KINDS = ['spec', 'onnx', 'table', 'corpus', 'argv'] as const;
export type CliKind = (typeof CLI_KINDS)[number];

/** One case: its files (relative path -> content), the command line, and what was mutated. */
export interface CliCase {
  readonly files: ReadonlyMap<string, string | Uint8Array>;
  readonly argv: readonly string[];   // relative paths resolve against the case folder
  readonly what: string;
  /** An output path the command writes (relative): absent after a failure, present after success. */
  readonly out?: string;
}

// ---- base inputs (built once per process, from seeds) ----

const arch = (over: Partial<ArchConfig> = {}): ArchConfig => ({
  layers: 2, hidden: 16, heads: 2, ffn: 32, vocabSize: 40, maxPositions: 16, typeVocabSize: 2, activation: 'gelu',
  layerNormEps: 1e-12, norm: 'post', embeddingSize: 16, sharedLayers: false, ...over,
});
const seeded = (a: ArchConfig, head: HeadConfig, seed: number): Model => ({ arch: a, head, weights: randomWeights(a, head, seed, 0.2) });

/** Exporter styles of the ONNX bases: plain, torch-like, RoBERTa's cumsum positions, onnxruntime-fused, SDPA, static shapes. */
const ONNX_BASES: readonly { readonly model: Model; readonly style: FixtureStyle }[] = [
  { model: seeded(arch(), { kind: 'classification', labels: 2 }, 1), style: {} },
  { model: seeded(arch({ typeVocabSize: 0 }), { kind: 'classification', labels: 2, pooler: 'relu' }, 2), style: { positions: 'range', attention: { scale: 'query', keys: 'separate', mask: 'where', shapes: 'view' } } },
  { model: seeded(arch({ typeVocabSize: 1, layerNormEps: 1e-5 }), { kind: 'classification', labels: 3 }, 3), style: { positions: 'roberta', types: 'buffer', attention: { scale: 'scores', keys: 'one', mask: 'additive', shapes: 'size' } } },
  { model: seeded(arch({ layers: 3, embeddingSize: 8, sharedLayers: true, activation: 'gelu_tanh' }), { kind: 'regression' }, 4), style: { positions: 'buffer', attention: { scale: 'sdpa', keys: 'separate', mask: 'additive', shapes: 'size' }, linear: 'gemm' } },
  { model: seeded(arch(), { kind: 'token', labels: 3 }, 5), style: { embedding: 'fused', attention: { fused: 'index' }, residual: 'skip', gelu: 'contrib-bias' } },
  { model: seeded(arch({ norm: 'pre', activation: 'relu' }), { kind: 'none' }, 6), style: { staticShape: [2, 6], layerNorm: 'decomposed', opset: 14 } },
];

let onnxBases: readonly { readonly bytes: Uint8Array; readonly spec: string }[] | undefined;

/** Each base ONNX file and the spec that matches it (as `hashee import` writes it, with weights at model.onnx). */
function onnxFiles(): readonly { readonly bytes: Uint8Array; readonly spec: string }[] {
  onnxBases ??= ONNX_BASES.map(({ model, style }, i) => {
    const bytes = encoderFixture(model, style).bytes;
    const found = importOnnx(bytes, 'model.onnx');
    const spec = renderSpecYaml({ name: `onnx-${i}`, arch: found.arch, head: found.head, onnxPath: '/case/model.onnx', specFile: '/case/spec.yaml', positionOffset: found.positionOffset, targets: ['wasm'] });
    return { bytes, spec };
  });
  return onnxBases;
}

const VOCAB = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]', 'good', 'bad', 'film', 'movie', 'a', 'the', 'is', 'not', '.', ',', '!'];
const SPECIALS = { pad: 0, unk: 1, cls: 2, sep: 3, mask: 4 };
const TSV = 'sentence\tlabel\ngood film .\t1\nbad movie\t0\nthe film is not good !\t0\na good , good movie\t1\nthe movie is bad .\t0\n';

function corpusSpec(policy: 'frequency' | 'mi'): string {
  return renderSpecYaml({
    name: `corpus-${policy}`, arch: arch({ vocabSize: VOCAB.length, layers: 3 }), head: { kind: 'classification', labels: 2 },
    tokenizer: { path: '/case/tokenizer.json', specialIds: SPECIALS },
    exit: { kind: policy, buckets: 3, corpus: { files: ['/case/train.tsv', '/case/dev.tsv'], textColumns: ['sentence'], labelColumn: 'label' } },
    specFile: '/case/spec.yaml', targets: ['wasm'],
  });
}

const TABLE_SPEC = renderSpecYaml({
  name: 'table', arch: arch({ vocabSize: 64, layers: 4 }), head: { kind: 'classification', labels: 2 },
  exit: { kind: 'table', path: '/case/table.bin' }, specFile: '/case/spec.yaml', targets: ['wasm'],
});
const TABLE_JSON = JSON.stringify({ 5: 1, 6: 2, 7: 3, 9: 4, 12: 2, 30: 1, 63: 1 });

/** A pickle (protocol 2) of a dict {int: int}, as pickle.dump(token2bucket, f, 2) writes it. */
function pickleOf(dict: ReadonlyMap<number, number>): Uint8Array {
  const int = (v: number): number[] => (v < 256 ? [0x4b, v] : v < 65536 ? [0x4d, v & 255, v >> 8] : [0x4a, v & 255, (v >> 8) & 255, (v >> 16) & 255, (v >> 24) & 255]);
  return Uint8Array.from([0x80, 2, 0x7d, 0x71, 0, 0x28, ...[...dict].flatMap(([k, v]) => [...int(k), ...int(v)]), 0x75, 0x2e]);
}

/** A zip archive with one entry `archive/data.pkl` (torch.save's layout since PyTorch 1.6), stored or deflated. */
function zipOf(raw: Uint8Array, deflate: boolean): Uint8Array {
  const name = new TextEncoder().encode('archive/data.pkl');
  const data = deflate ? new Uint8Array(deflateRawSync(raw)) : raw;
  const u16 = (v: number): number[] => [v & 255, v >> 8];
  const u32 = (v: number): number[] => [v & 255, (v >> 8) & 255, (v >> 16) & 255, (v >>> 24) & 255];
  const common = [...u16(20), ...u16(0), ...u16(deflate ? 8 : 0), ...u16(0), ...u16(0), ...u32(crc32(raw)), ...u32(data.length), ...u32(raw.length), ...u16(name.length), ...u16(0)];
  const local = Uint8Array.from([...u32(0x04034b50), ...common]);
  const central = Uint8Array.from([...u32(0x02014b50), ...u16(20), ...common, ...u16(0), ...u16(0), ...u16(0), ...u32(0), ...u32(0)]);
  const cdAt = local.length + name.length + data.length;
  const cdLen = central.length + name.length;
  const end = Uint8Array.from([...u32(0x06054b50), ...u16(0), ...u16(0), ...u16(1), ...u16(1), ...u32(cdLen), ...u32(cdAt), ...u16(0)]);
  return concat(local, name, data, central, name, end);
}

const TABLE_DICT = new Map([[5, 2], [6, 3], [7, 4], [9, 5], [12, 3], [30, 2]]);

function tinySpec(): string {
  return readFileSync(join(ROOT, 'specs/tiny.yaml'), 'utf8').replace('targets: [wasm, webgpu]', 'targets: [wasm]');
}

// ---- case builders ----

/** A command for a spec, picked from the ones that read everything it names (fast: no host type-check). */
function specCommand(rng: Rng, withText: boolean): { argv: string[]; out?: string } {
  const ids = pick(rng, ['2,5,6,3', '1,2,3', '0', '2,7,7,7,7,7,7,3']);
  switch (rng.int(withText ? 7 : 6)) {
    case 0: case 1: return { argv: ['check', 'spec.yaml'] };
    case 2: return { argv: ['schedule', 'spec.yaml', ...(rng.int(2) ? ['--json'] : [])] };
    case 3: return { argv: ['run', 'spec.yaml', '--ids', ids, ...(rng.int(2) ? ['--json', '--output', 'last-hidden'] : [])] };
    case 4: return { argv: ['compile', 'spec.yaml', '--dump-after', pick(rng, ['spec', 'table', 'schedule', 'plan', 'plan', 'emit'])] };
    case 5: return { argv: ['export-onnx', 'spec.yaml', '--out', 'out/model.onnx', ...(rng.int(2) ? ['--exits'] : [])], out: 'out/model.onnx' };
    default: return { argv: ['run', 'spec.yaml', '--text', pick(rng, ['good film', '', 'unknownword !', 'a '.repeat(40)])] };
  }
}

const builders: Readonly<Record<CliKind, (rng: Rng) => CliCase>> = {
  spec(rng) {
    const base = rng.int(5);
    const files = new Map<string, string | Uint8Array>();
    let text: string;
    if (base <= 1) text = tinySpec();
    else if (base === 2) {
      const o = pick(rng, onnxFiles());
      files.set('model.onnx', o.bytes);
      text = o.spec;
    } else if (base === 3) {
      files.set('table.bin', TABLE_JSON);
      text = TABLE_SPEC;
    } else {
      files.set('tokenizer.json', JSON.stringify(tokenizerJson(VOCAB)));
      files.set('train.tsv', TSV);
      files.set('dev.tsv', TSV);
      text = corpusSpec(rng.int(2) ? 'frequency' : 'mi');
    }
    const m = mutateYaml(rng, text);
    files.set('spec.yaml', m.value);
    const cmd = specCommand(rng, base === 4);
    return { files, argv: cmd.argv, out: cmd.out, what: m.what };
  },
  onnx(rng) {
    const o = pick(rng, onnxFiles());
    const m = mutateOnnx(rng, o.bytes);
    const files = new Map<string, string | Uint8Array>([['model.onnx', m.value], ['spec.yaml', o.spec]]);
    switch (rng.int(5)) {
      case 0: case 1: return { files, argv: ['import', 'model.onnx'], what: m.what };
      case 2: return { files, argv: ['import', 'model.onnx', '--out', 'out/spec.yaml'], out: 'out/spec.yaml', what: m.what };
      case 3: return { files, argv: ['check', 'spec.yaml'], what: m.what };
      default: return { files, argv: ['run', 'spec.yaml', '--ids', '2,5,6,3'], what: m.what };
    }
  },
  table(rng) {
    const form = rng.int(3);
    let data: string | Uint8Array, what: string;
    let spec = TABLE_SPEC;
    if (form === 0) ({ value: data, what } = mutateJson(rng, TABLE_JSON));
    else {
      const pickle = pickleOf(TABLE_DICT);
      const deflate = rng.int(2) === 0;
      ({ value: data, what } = mutateBytes(rng, form === 1 ? pickle : zipOf(pickle, deflate)));
      what = `${form === 1 ? 'pickle' : `torch.save zip (${deflate ? 'deflated' : 'stored'})`}: ${what}`;
      spec = spec.replace(/^(\s*table: .*)$/m, '$1\n  table_values: buckets');
    }
    const files = new Map<string, string | Uint8Array>([['table.bin', data], ['spec.yaml', spec]]);
    return { files, argv: rng.int(2) ? ['check', 'spec.yaml'] : ['schedule', 'spec.yaml'], what };
  },
  corpus(rng) {
    const files = new Map<string, string | Uint8Array>([['tokenizer.json', JSON.stringify(tokenizerJson(VOCAB))], ['train.tsv', TSV], ['dev.tsv', TSV]]);
    let what: string;
    const target = rng.int(3);
    if (target === 0) {
      const m = mutateJson(rng, files.get('tokenizer.json') as string);
      files.set('tokenizer.json', m.value);
      what = `tokenizer.json: ${m.what}`;
    } else {
      const name = target === 1 ? 'train.tsv' : 'dev.tsv';
      const m = rng.int(5) === 0 ? mutateBytes(rng, new TextEncoder().encode(TSV)) : mutateTsv(rng, TSV);
      files.set(name, m.value);
      what = `${name}: ${m.what}`;
    }
    files.set('spec.yaml', corpusSpec(rng.int(2) ? 'frequency' : 'mi'));
    const cmd = pick(rng, [['schedule', 'spec.yaml'], ['check', 'spec.yaml'], ['run', 'spec.yaml', '--text', 'good film'], ['compile', 'spec.yaml', '--dump-after', 'schedule']]);
    return { files, argv: cmd, what };
  },
  argv(rng) {
    const files = new Map<string, string | Uint8Array>([['spec.yaml', tinySpec()]]);
    const words = ['check', 'schedule', 'run', 'import', 'export-onnx', 'compile', 'spec.yaml', 'nothing.yaml', '.', '--ids', '--text', '--json',
      '--output', 'logits', 'last-hidden', 'bogus', '--backend', 'reference', 'gpu', '--precision', 'f32', 'f16', '--full-depth', '--threads', '0', '-3', '2.5',
      '--out', '--target', 'wasm', 'x86', '--dump-after', 'plan', 'nope', '--name', '--exits', '--force', '--help', '-h', '--version', '--', '-x', '--ids=1,2',
      '1,2,3', '1,,2', '1e3', '-1', '99999999999999999999', 'NaN', ',', '2, 3', '0x10', ''];
    const argv = Array.from({ length: 1 + rng.int(6) }, () => pick(rng, words));
    if (rng.int(2)) argv.unshift(pick(rng, ['check', 'run', 'schedule', 'compile']), 'spec.yaml');
    // never a compiled backend (each new spec compiles a package: seconds) and never compile --out (the host type-check: seconds)
    const safe = argv.map((w, i) => (argv[i - 1] === '--out' ? 'out/x' : w === 'wasm' && argv[i - 1] === '--backend' ? 'reference' : w));
    const compiles = safe.includes('compile') && safe.includes('--out') && !safe.includes('--dump-after');
    return { files, argv: compiles ? safe.filter((w) => w !== '--out') : safe, what: `argv ${JSON.stringify(safe)}` };
  },
};

/** The case of `kind` drawn from `seed` (same seed, same files and argv). */
export function cliCase(kind: CliKind, seed: number): CliCase {
  return builders[kind](createRng(seed));
}

// ---- running a case and judging its end ----

/** How a case ended: ok and error are the allowed ends; everything else is a bug. */
export type Outcome = 'ok' | 'error' | 'internal' | 'threw' | 'stack' | 'unclear' | 'unlocated' | 'partial' | 'missing-output' | 'hang' | 'slow' | 'crash' | 'wrong' | 'harness';
export const ALLOWED: ReadonlySet<Outcome> = new Set(['ok', 'error']);

export interface CaseResult {
  readonly outcome: Outcome;
  readonly ms: number;
  readonly detail: string;   // stderr (shortened) or the reason
}

/** Writes the case's files into `dir` (which must not exist yet). */
export function writeCase(c: CliCase, dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const [name, data] of c.files) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), data);
  }
}

const STACK = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;

/** Judges a finished command: exit 0 or 1 with `error[code]` lines (located for spec errors), no stack, nothing half-written. */
export function judge(c: CliCase, dir: string, code: number, err: string, before: ReadonlySet<string>): Outcome {
  if (code === 2) return 'internal';
  if (STACK.test(err)) return 'stack';
  if (code !== 0 && code !== 1) return 'internal';
  if (code === 0) return c.out === undefined || existsSync(join(dir, c.out)) ? 'ok' : 'missing-output';
  const lines = err.split('\n').filter((l) => l.includes('error['));
  if (lines.length === 0 || !/^(\S.*:\d+:\d+: )?error\[[a-z-]+\]: \S/.test(lines[0]!)) return 'unclear';
  if (lines.some((l) => /error\[spec-/.test(l) && !/^\S.*:\d+:\d+: error\[/.test(l))) return 'unlocated';
  // a failed command leaves the folder as it found it: no output, no temp file, no new parent folder
  if ([...listing(dir)].some((p) => !before.has(p))) return 'partial';
  return 'error';
}

/** Every file and folder under `dir`, as relative paths. */
function listing(dir: string, prefix = '', out = new Set<string>()): Set<string> {
  for (const e of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix === '' ? e.name : `${prefix}/${e.name}`;
    out.add(rel);
    if (e.isDirectory()) listing(dir, rel, out);
  }
  return out;
}

/** Runs `c` in-process in `dir` (the working directory during the call), bounded by `timeoutMs` for asynchronous stalls. */
export async function runCliCase(c: CliCase, dir: string, timeoutMs: number): Promise<CaseResult> {
  writeCase(c, dir);
  const before = listing(dir);
  let err = '';
  const io = { out: (_: string) => {}, err: (s: string) => { err += s; } };
  const cwd = process.cwd();
  const start = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    process.chdir(dir);
    const timeout = new Promise<'hang'>((resolve) => { timer = setTimeout(() => resolve('hang'), timeoutMs); });
    const code = await Promise.race([main(c.argv, io), timeout]);
    const ms = performance.now() - start;
    if (code === 'hang') return { outcome: 'hang', ms, detail: `no exit after ${timeoutMs} ms` };
    const outcome = judge(c, dir, code, err, before);
    return { outcome: outcome === 'ok' || outcome === 'error' ? (ms > timeoutMs ? 'slow' : outcome) : outcome, ms, detail: shorten(err) };
  } catch (e) {
    return { outcome: 'threw', ms: performance.now() - start, detail: (e as Error)?.stack ?? String(e) };
  } finally {
    clearTimeout(timer);
    process.chdir(cwd);
  }
}

export function shorten(s: string, max = 600): string {
  return s.length <= max ? s : `${s.slice(0, max)}... (${s.length} chars)`;
}
