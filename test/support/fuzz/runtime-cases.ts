// Fuzz cases of a compiled package at run time: damaged package files at load (every file kind the loader
// reads, the manifest included), and odd inputs and options to model.run. The package is generated/tiny
// (the wasm target); results of accepted inputs are checked against the reference executor.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadAll, type Loaded } from '../../../compiler/load.ts';
import { listFiles } from '../../../compiler/package/generated.ts';
import { loadSpec } from '../../../compiler/spec/index.ts';
import { createRng, type Rng } from '../../../compiler/util/rng.ts';
import type { Model, ModelBatchResult, ModelResult } from '../../../runtime/package/model.ts';
import { runReference } from '../../../runtime/reference/index.ts';
import type { CaseResult } from './cli-cases.ts';
import { mutateBytes, mutateJson, pick } from './mutate.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const PACKAGE = join(ROOT, 'generated/tiny');

export const RUNTIME_KINDS = ['package', 'input'] as const;
export type RuntimeKind = (typeof RUNTIME_KINDS)[number];

interface PackageModule { load(options?: Record<string, unknown>): Promise<Model> }

/** What the cases share: the package's files, its module, one loaded model, the reference model. */
interface Fixture {
  readonly files: ReadonlyMap<string, Uint8Array>;
  readonly pkg: PackageModule;
  readonly model: Model;
  readonly reference: Loaded;
  readonly clean: ModelBatchResult;  // the package's result on CHECK_BATCH
}

const CHECK_BATCH = [[2, 5, 9, 3], [2, 40, 41, 42, 7, 3]];
let fixture: Promise<Fixture> | undefined;

function fixtureOnce(): Promise<Fixture> {
  fixture ??= (async () => {
    const files = new Map(listFiles(PACKAGE).map((f) => [f, new Uint8Array(readFileSync(join(PACKAGE, f)))]));
    const pkg = (await import(pathToFileURL(join(PACKAGE, 'index.js')).href)) as PackageModule;
    const model = await pkg.load({ threads: 1 });
    const reference = loadAll(loadSpec(join(ROOT, 'specs/tiny.yaml')));
    const clean = await model.run(CHECK_BATCH, { output: 'last-hidden' });
    return { files, pkg, model, reference, clean };
  })();
  return fixture;
}

/** A package file served from memory (through load's `fetch` option), or undefined for a missing file. */
function fetchFrom(files: ReadonlyMap<string, Uint8Array>) {
  const base = pathToFileURL(`${PACKAGE}/`).href;
  return async (url: string) => {
    const bytes = files.get(url.slice(base.length));
    if (!bytes) return { ok: false, status: 404, statusText: 'Not Found', arrayBuffer: async () => new ArrayBuffer(0) };
    return { ok: true, status: 200, statusText: 'OK', arrayBuffer: async () => bytes.slice().buffer };
  };
}

/** The files load() reads (index.js binds them): most damage goes there. */
const READ_AT_LOAD = ['manifest.json', 'exits.bin', 'wasm/simd128.wasm', 'wasm/weights.bin'];

function sameResult(a: ModelBatchResult, b: ModelBatchResult): boolean {
  return JSON.stringify(a.exits) === JSON.stringify(b.exits) && a.lastHidden!.every((h, i) => h.every((v, j) => Object.is(v, b.lastHidden![i]![j])));
}

async function packageCase(rng: Rng, f: Fixture): Promise<{ what: string; run: () => Promise<CaseResult['outcome'] | string> }> {
  // The package's code (index.js, the runtime modules it imports, package.json's module type) is read by
  // the JavaScript engine before any check can run: damage there is the engine's to report.
  const names = [...f.files.keys()].filter((n) => !/\.(js|ts)$/.test(n) && n !== 'package.json');
  const name = rng.int(4) === 0 ? pick(rng, names) : pick(rng, READ_AT_LOAD);
  const files = new Map(f.files);
  let what: string;
  const op = rng.int(8);
  if (op === 0) { files.delete(name); what = `delete ${name}`; }
  else if (op === 1 && name !== 'manifest.json') {
    const other = pick(rng, names);
    files.set(name, f.files.get(other)!);
    what = `${name} replaced by ${other}`;
  } else if (name === 'manifest.json' && rng.int(2) === 0) {
    const m = mutateJson(rng, new TextDecoder().decode(f.files.get(name)!));
    files.set(name, new TextEncoder().encode(m.value));
    what = `manifest.json: ${m.what}`;
  } else {
    const m = mutateBytes(rng, f.files.get(name)!);
    files.set(name, m.value);
    what = `${name}: ${m.what}`;
  }
  const viaFs = rng.int(6) === 0;
  const threads: unknown = rng.int(5) === 0 ? 2 : rng.int(12) === 0 ? pick(rng, [0, -1, 1.5, Number.NaN, '2', 1e9, null]) : 1;
  const simd = rng.int(12) === 0 ? { simd: pick(rng, ['bogus', 'relaxed', 'simd128', 'auto', 3]) } : {};
  return {
    what: `${what} (${viaFs ? 'read from disk' : 'fetched'}, threads ${describe(threads)}${'simd' in simd ? `, simd ${describe(simd.simd)}` : ''})`,
    run: async () => {
      let dir: string | undefined;
      let model: Model;
      try {
        if (viaFs) {
          dir = mkdtempSync(join(tmpdir(), 'hashee-fuzz-pkg-'));
          cpSync(PACKAGE, dir, { recursive: true });
          for (const n of names) if (!files.has(n)) rmSync(join(dir, n));
          for (const [n, data] of files) if (data !== f.files.get(n)) writeFileSync(join(dir, n), data);
          const pkg = (await import(pathToFileURL(join(dir, 'index.js')).href)) as PackageModule;
          model = await pkg.load({ threads, ...simd });
        } else {
          model = await f.pkg.load({ threads, ...simd, fetch: fetchFrom(files) });
        }
      } catch (e) {
        return (e as Error)?.name === 'PackageError' ? 'error' : `crash: ${(e as Error)?.stack ?? String(e)}`;
      } finally {
        if (dir) rmSync(dir, { recursive: true, force: true });
      }
      try {
        // loaded: the damage was in a file load() does not use (or a field it does not read): same results
        const r = await model.run(CHECK_BATCH, { output: 'last-hidden' });
        return sameResult(r, f.clean) ? 'ok' : 'wrong: a damaged package loaded and gave other results';
      } catch (e) {
        return `crash: a damaged package loaded, then run failed: ${(e as Error)?.stack ?? String(e)}`;
      } finally {
        model.dispose();
      }
    },
  };
}

// ---- odd inputs ----

const V = 64, P = 32, T = 2;

/** An element of an id array: mostly valid ids, sometimes anything. */
function oddId(rng: Rng): unknown {
  if (rng.int(12) !== 0) return rng.int(V);
  return pick(rng, [V, V + 1, 1e9, -1, -0, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '5', '', null, undefined, true, 5n, {}, [1], 2 ** 53]);
}

function oddSequence(rng: Rng): unknown {
  if (rng.int(2) === 0) return Array.from({ length: 1 + rng.int(P) }, () => rng.int(V)); // a valid one
  const r = rng.int(20);
  if (r === 0) return pick(rng, [null, undefined, 42, {}, 'good film', '', { length: 3 }]);
  const len = pick(rng, [0, 1, 2, 5, 9, 31, 32, 33, 100]);
  const seq = Array.from({ length: len }, () => oddId(rng));
  if (r === 1 && len > 2) delete seq[1]; // a hole
  if (r === 2) return Int32Array.from(seq.map((x) => (typeof x === 'number' && Number.isFinite(x) ? x : 0)));
  if (r === 3) return Float64Array.from(seq.map((x) => (typeof x === 'number' ? x : 0.5)));
  return seq;
}

function oddInput(rng: Rng): unknown {
  const r = rng.int(12);
  if (r === 0) return pick(rng, [null, undefined, 42, {}, 'good film', '', [], [[]], [[[1]]], [['a']], new Map()]);
  if (r <= 4) return oddSequence(rng);
  const batch = Array.from({ length: 1 + rng.int(5) }, () => oddSequence(rng));
  if (r === 5) batch.push(pick(rng, ['text', 3, null]));
  return batch;
}

function oddOptions(rng: Rng, input: unknown): unknown {
  if (rng.int(4) === 0) return undefined;
  if (rng.int(20) === 0) return pick(rng, [null, 'fast', 3, []]);
  const o: Record<string, unknown> = {};
  if (rng.int(3) === 0) o['fullDepth'] = pick(rng, [true, false, 'yes', 1, undefined]);
  if (rng.int(3) === 0) o['output'] = pick(rng, ['logits', 'last-hidden', 'bogus', '', undefined]);
  if (rng.int(3) === 0) o['truncate'] = pick(rng, [true, false, 'yes', 0]);
  if (rng.int(4) === 0) o['typeIds'] = oddTypeIds(rng, input);
  if (rng.int(15) === 0) o[pick(rng, ['fulldepth', 'outputs', 'threads'])] = true;
  return o;
}

/** Token types shaped like the input (mostly), in range (mostly). */
function oddTypeIds(rng: Rng, input: unknown): unknown {
  const like = (seq: unknown): unknown => {
    if (!Array.isArray(seq) || rng.int(8) === 0) return pick(rng, [[0], [], null, 1, [0, 1, 0]]);
    return seq.map(() => (rng.int(10) === 0 ? pick(rng, [T, -1, 0.5, Number.NaN, '1']) : rng.int(T)));
  };
  if (Array.isArray(input) && input.every((x) => Array.isArray(x) || ArrayBuffer.isView(x))) return input.map((s) => like(Array.from(s as ArrayLike<unknown>)));
  return like(Array.isArray(input) || ArrayBuffer.isView(input) ? Array.from(input as ArrayLike<unknown>) : input);
}

/**
 * The input rules, written apart from the package's code: a sequence is a plain or typed array of integer
 * ids in [0, V), 1..P long (longer with truncate: true); a batch is a non-empty array of sequences (a string
 * needs a tokenizer, which tiny does not have); options are booleans / known strings; typeIds match the ids.
 */
function expectedValid(input: unknown, options: unknown): boolean {
  const isSeq = (s: unknown): s is ArrayLike<unknown> => Array.isArray(s) || (ArrayBuffer.isView(s) && !(s instanceof DataView) && !(s instanceof BigInt64Array) && !(s instanceof BigUint64Array));
  if (options !== undefined && (options === null || typeof options !== 'object' || Array.isArray(options))) return false;
  const o = (options ?? {}) as Record<string, unknown>;
  if (Object.keys(o).some((k) => !['fullDepth', 'output', 'truncate', 'typeIds'].includes(k))) return false;
  if (o['fullDepth'] !== undefined && typeof o['fullDepth'] !== 'boolean') return false;
  if (o['truncate'] !== undefined && typeof o['truncate'] !== 'boolean') return false;
  if (o['output'] !== undefined && o['output'] !== 'logits' && o['output'] !== 'last-hidden') return false;
  const single = isSeq(input) && (input.length === 0 || !isSeq(Array.from(input)[0]));
  const batch = single ? [input] : input;
  if (!Array.isArray(batch) || batch.length === 0 || !batch.every(isSeq)) return false;
  const seqs = (batch as ArrayLike<unknown>[]).map((s) => Array.from(s));
  if (seqs.some((s) => s.length === 0 || (s.length > P && o['truncate'] !== true))) return false;
  if (seqs.some((s) => s.some((id) => typeof id !== 'number' || !Number.isInteger(id) || id < 0 || id >= V))) return false;
  if (o['typeIds'] !== undefined) {
    const types = single ? [o['typeIds']] : o['typeIds'];
    if (!Array.isArray(types) || types.length !== seqs.length || !types.every(isSeq)) return false;
    const ts = (types as ArrayLike<unknown>[]).map((t) => Array.from(t));
    if (ts.some((t, i) => t.length !== seqs[i]!.length)) return false;
    if (ts.some((t) => t.some((x) => typeof x !== 'number' || !Number.isInteger(x) || x < 0 || x >= T))) return false;
  }
  return true;
}

async function inputCase(rng: Rng, f: Fixture): Promise<{ what: string; run: () => Promise<CaseResult['outcome'] | string> }> {
  const input = oddInput(rng);
  const options = oddOptions(rng, input);
  const what = `run(${describe(input)}, ${describe(options)})`;
  return {
    what,
    run: async () => {
      const valid = expectedValid(input, options);
      let r: ModelResult | ModelBatchResult;
      try {
        r = await (f.model.run as (i: unknown, o: unknown) => Promise<ModelResult | ModelBatchResult>)(input, options);
      } catch (e) {
        const err = e as { name?: string; code?: string; message?: string };
        if (err?.name !== 'PackageError') return `crash: ${(e as Error)?.stack ?? String(e)}`;
        // text needs a tokenizer, which tiny has not: 'tokenizer'; every other refusal is about the input
        if (err.code !== 'input' && err.code !== 'tokenizer') return `unclear: PackageError code ${err.code}: ${err.message}`;
        return valid ? `wrong: a valid input was refused: ${err.message}` : 'error';
      }
      if (!valid) return 'wrong: an invalid input was accepted';
      return checkResult(f, input, options as Record<string, unknown> | undefined, r);
    },
  };
}

/** The result of an accepted input against the reference executor (f32): exits exactly, values to 1e-4. */
function checkResult(f: Fixture, input: unknown, o: Record<string, unknown> | undefined, r: ModelResult | ModelBatchResult): string {
  const isBatch = Array.isArray(r.exits[0]);
  const inputs = (isBatch ? (input as ArrayLike<number>[]) : [input as ArrayLike<number>]).map((s) => Array.from(s).slice(0, P));
  const types = o?.['typeIds'] === undefined ? undefined : (isBatch ? (o['typeIds'] as ArrayLike<number>[]) : [o['typeIds'] as ArrayLike<number>]).map((t) => Array.from(t).slice(0, P));
  const ref = runReference(f.reference.model, f.reference.table, { ids: inputs, typeIds: types }, { precision: 'f32', fullDepth: o?.['fullDepth'] === true });
  const exits = isBatch ? (r.exits as number[][]) : [r.exits as number[]];
  if (JSON.stringify(exits) !== JSON.stringify(ref.exits)) return `wrong: exits ${JSON.stringify(exits)}, reference ${JSON.stringify(ref.exits)}`;
  const hidden = o?.['output'] === 'last-hidden';
  const got = hidden ? (isBatch ? (r as ModelBatchResult).lastHidden! : [(r as ModelResult).lastHidden!]) : (isBatch ? (r as ModelBatchResult).logits! : [(r as ModelResult).logits!]);
  const want = hidden ? ref.lastHidden : ref.logits!;
  for (let b = 0; b < want.length; b++) {
    if (!got?.[b] || got[b]!.length !== want[b]!.length) return `wrong: output ${b} has ${got?.[b]?.length} values, reference ${want[b]!.length}`;
    for (let i = 0; i < want[b]!.length; i++) if (!(Math.abs(got[b]![i]! - want[b]![i]!) <= 1e-4)) return `wrong: output ${b}[${i}] = ${got[b]![i]}, reference ${want[b]![i]}`;
  }
  return 'ok';
}

function describe(v: unknown): string {
  if (typeof v === 'bigint') return `${v}n`;
  if (ArrayBuffer.isView(v)) return `${v.constructor.name}[${(v as unknown as ArrayLike<number>).length}]`;
  if (Array.isArray(v)) return v.length > 8 ? `[${v.length} items: ${v.slice(0, 4).map(describe).join(', ')}, ...]` : `[${Array.from(v, (x) => describe(x)).join(', ')}]`;
  if (v !== null && typeof v === 'object') return v instanceof Map ? 'Map{}' : `{${Object.entries(v).map(([k, x]) => `${k}: ${describe(x)}`).join(', ')}}`;
  if (typeof v === 'string') return JSON.stringify(v.length > 20 ? `${v.slice(0, 20)}...` : v);
  return String(v);
}

/** Runs one runtime case: loads the fixture on first use, bounded by `timeoutMs` for asynchronous stalls. */
export async function runRuntimeCase(kind: RuntimeKind, seed: number, timeoutMs: number): Promise<CaseResult & { readonly what: string }> {
  const f = await fixtureOnce();
  const rng = createRng(seed);
  const c = kind === 'package' ? await packageCase(rng, f) : await inputCase(rng, f);
  const start = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => { timer = setTimeout(() => resolve('hang'), timeoutMs); });
  const verdict = await Promise.race([c.run(), timeout]);
  clearTimeout(timer);
  const ms = performance.now() - start;
  const [head, ...rest] = verdict.split(': ');
  const outcome = (head === 'ok' || head === 'error' || head === 'hang' || head === 'crash' || head === 'wrong' || head === 'unclear' ? head : 'crash') as CaseResult['outcome'];
  const final = (outcome === 'ok' || outcome === 'error') && ms > timeoutMs ? 'slow' : outcome;
  return { outcome: final, ms, detail: rest.join(': '), what: c.what };
}
