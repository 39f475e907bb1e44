// A compiled package against bad input (issue 10): odd values in run() are named (never read as 0), options
// are checked, token types and truncation on request; every file kind the loader reads is checked against
// manifest.json's size and sha256 (wasm modules, weights, WGSL, exits.bin, tokenizer.json) and
// manifest.json against index.js; dispose() is final and a run in flight when it comes fails cleanly.
// Loads generated/tiny (wasm and webgpu; test/generated.test.ts keeps it current) and a package with a tokenizer.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadAll } from '../compiler/load.ts';
import { compilePackage } from '../compiler/package/assemble.ts';
import { parseSpecText, loadSpec } from '../compiler/spec/index.ts';
import { runReference } from '../runtime/reference/index.ts';
import { WasmEngine } from '../runtime/wasm/engine.ts';
import { nodeHost } from '../runtime/node.ts';
import type { Model, ModelResult } from '../runtime/package/model.ts';
import { tokenizerJson } from '../scripts/build-tokenizer.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const TINY = join(ROOT, 'generated/tiny');
const work = mkdtempSync(join(tmpdir(), 'hashee-package-input-'));
symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'), 'dir'); // the tokenizer package resolves from here

interface PackageModule { load(options?: Record<string, unknown>): Promise<Model> }

async function loadFrom(dir: string, options: Record<string, unknown> = {}): Promise<Model> {
  const pkg = (await import(pathToFileURL(join(dir, 'index.js')).href)) as PackageModule;
  return pkg.load({ threads: 1, ...options });
}

/** The PackageError `p` rejects with; fails unless it has `code` and matches `pattern`. */
async function rejects(p: Promise<unknown>, code: string, pattern: RegExp): Promise<void> {
  try { await p; } catch (e) {
    const err = e as { name?: string; code?: string; message?: string };
    assert.is(err.name, 'PackageError', `${err.name}: ${err.message}`);
    assert.is(err.code, code, err.message);
    assert.match(err.message!, pattern);
    return;
  }
  assert.unreachable(`expected a rejection matching ${pattern}`);
}

/** Settles `p`, or fails after `ms` (a hang would otherwise stop the suite). */
function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((_, reject) => { timer = setTimeout(() => reject(new Error(`${what}: no answer after ${ms} ms`)), ms); });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

const tiny = loadAll(loadSpec(join(ROOT, 'specs/tiny.yaml')));
const model = await loadFrom(TINY);
const run = model.run as (input: unknown, options?: unknown) => Promise<unknown>;

test('odd values in run() are refused by name, never read as 0 (input:4292088629 run(42), input:3885634410 run(new Map()))', async () => {
  const cases: [unknown, unknown, RegExp][] = [
    [42, undefined, /^run\(\) takes token ids \(an array of integers\), a text, or an array of either \(a batch\); got 42$/],
    [null, undefined, /got null$/],
    [undefined, undefined, /got undefined$/],
    [new Map(), undefined, /got an object \(Map\)$/],
    [{ length: 2, 0: 1, 1: 2 }, undefined, /got an object \(Object\)$/],
    [[], undefined, /^the input is empty: give token ids or text$/],
    [[[]], undefined, /^input 1 is empty$/],
    [[2, Number.NaN], undefined, /^input 1, token 1: NaN is not an integer token id$/],
    [[2, Number.POSITIVE_INFINITY], undefined, /token 1: Infinity is not an integer token id$/],
    [[2, 1.5], undefined, /token 1: 1\.5 is not an integer token id$/],
    [[2, '5'], undefined, /token 1: "5" is not an integer token id$/],
    [[2, 5n], undefined, /token 1: 5n \(a BigInt\) is not an integer token id$/],
    [[2, null], undefined, /token 1: null is not an integer token id$/],
    // eslint-disable-next-line no-sparse-arrays
    [[2, , 3], undefined, /token 1: undefined is not an integer token id$/],
    [[2, [3]], undefined, /token 1: an array of 1 is not an integer token id$/],
    [[2, 64], undefined, /^input 1, token 1: id 64 is outside the vocabulary \[0, 64\)$/],
    [[-1], undefined, /id -1 is outside the vocabulary/],
    [[[2, 3], [4, 2 ** 40]], undefined, /^input 2, token 1: id 1099511627776 is outside the vocabulary/],
    [[[2, 3], 'text'], undefined, /^a batch holds either token id arrays or strings, not a mix$/],
    [['text', [2]], undefined, /not a mix/],
    [[[2, 3], 7], undefined, /^input 2 is 7, not an array of token ids$/],
    [BigInt64Array.of(1n), undefined, /^input 1 is a BigInt64Array, not an array of token ids$/],
    [new Array(33).fill(2), undefined, /^input 1 has 33 tokens, more than max_positions \(32\); pass \{ truncate: true \} to cut it$/],
    // options (input:2087862762 output '', input:3412902643 fullDepth 1 and a misspelt key were accepted)
    [[2, 3], null, /^run options: expected an object, got null$/],
    [[2, 3], 'fast', /^run options: expected an object, got "fast"$/],
    [[2, 3], { output: '' }, /^run options: output must be 'logits' or 'last-hidden', got ""$/],
    [[2, 3], { fullDepth: 1 }, /^run options: fullDepth must be true or false, got 1$/],
    [[2, 3], { truncate: 'yes' }, /^run options: truncate must be true or false, got "yes"$/],
    [[2, 3], { outputs: 'logits' }, /^run options: unknown option 'outputs' \(options are fullDepth, output, truncate, typeIds\)$/],
    // token types shaped wrong or out of range
    [[2, 3, 4], { typeIds: [0, 1] }, /^typeIds of input 1 has 2 entries, the input has 3 tokens$/],
    [[2, 3, 4], { typeIds: [0, 2, 0] }, /^input 1, token 1: token type 2 is outside \[0, 2\)$/],
    [[2, 3], { typeIds: [0, 0.5] }, /token type 0\.5 is outside/],
    [[[2, 3]], { typeIds: [0, 1] }, /^typeIds has 2 sequences, the batch has 1 inputs$/],
    [[[2, 3], [4]], { typeIds: [[0, 0], 1] }, /^typeIds of input 2 is 1, not an array of token types$/],
    [[2, 3], { typeIds: 'ab' }, /^typeIds of input 1 is "ab", not an array of token types$/],
    ['some text', undefined, /no tokenizer: pass token ids/],
  ];
  for (const [input, options, message] of cases) {
    await rejects(run(input, options), /no tokenizer/.test(message.source) ? 'tokenizer' : 'input', message);
  }
});

test('typed arrays, token types and truncate: true give what the reference gives for the same ids', async () => {
  const ids = [2, 17, 5, 40, 9, 3];
  const types = [0, 0, 0, 1, 1, 1];
  const plain = await run(ids, { output: 'last-hidden', typeIds: types }) as ModelResult;
  const typed = await run(Int32Array.from(ids), { output: 'last-hidden', typeIds: Uint8Array.from(types) }) as ModelResult;
  assert.equal(typed.exits, plain.exits);
  assert.equal([...typed.lastHidden!], [...plain.lastHidden!]);
  const ref = runReference(tiny.model, tiny.table, { ids: [ids], typeIds: [types] }, { precision: 'f32' });
  assert.equal(plain.exits, ref.exits[0]);
  const untyped = await run(ids, { output: 'last-hidden' }) as ModelResult;
  assert.ok(untyped.lastHidden!.some((v, i) => Math.abs(v - plain.lastHidden![i]!) > 1e-4), 'token types change the result');
  for (let i = 0; i < ref.lastHidden[0]!.length; i++) assert.ok(Math.abs(plain.lastHidden![i]! - ref.lastHidden[0]![i]!) <= 1e-4);
  // truncate: the first max_positions (32) ids, as if only those were given
  const long = Array.from({ length: 45 }, (_, i) => (7 * i + 2) % 64);
  const cut = await run(long, { truncate: true }) as ModelResult;
  const first = await run(long.slice(0, 32)) as ModelResult;
  assert.is(cut.exits.length, 32);
  assert.equal(cut.exits, first.exits);
  assert.equal([...cut.logits!], [...first.logits!]);
  assert.equal(await run([2, 3], { truncate: true }), await run([2, 3])); // nothing to cut
});

test('dispose(): run afterwards and a run in flight when it comes are clear errors (was: a hang with two threads); a second dispose does nothing', async () => {
  for (const threads of [1, 2]) {
    const m = await loadFrom(TINY, { threads });
    await run.call(m, [2, 3]);
    const inFlight = (m.run as typeof run)([2, 5, 3]);
    m.dispose();
    await within(rejects(inFlight, 'disposed', /^model tiny was disposed: load it again$/), 10_000, `${threads} threads, run in flight`);
    await within(rejects((m.run as typeof run)([2, 3]), 'disposed', /was disposed/), 10_000, `${threads} threads, run after`);
    m.dispose();
  }
  // the engine itself: run after dispose throws instead of waiting on the stopped workers
  const read = (f: string): Uint8Array => readFileSync(join(TINY, 'wasm', f));
  const engine = await WasmEngine.create({
    arch: tiny.spec.arch, head: tiny.spec.head, exitTable: tiny.table, threads: 2, node: nodeHost, weights: read('weights.bin'),
    modules: { simd128: { single: read('simd128.wasm'), shared: read('simd128-shared.wasm') } },
  });
  assert.is(engine.info.threads, 2);
  engine.run({ ids: [[2, 3]] });
  engine.dispose();
  assert.throws(() => engine.run({ ids: [[2, 3]] }), /this WASM engine was disposed/);
});

test('load options are checked: threads, simd (threads: 1e9 would start a billion workers; NaN ran on NaN threads)', async () => {
  for (const threads of [0, -1, 1.5, Number.NaN, '2', 1e9, null]) {
    await rejects(loadFrom(TINY, { threads }), 'input', /^load options: threads must be an integer in 1\.\.256, got /);
  }
  await rejects(loadFrom(TINY, { simd: 'fast' }), 'input', /^load options: simd must be 'auto', 'relaxed' or 'simd128', got "fast"$/);
  const relaxed = await loadFrom(TINY, { simd: 'relaxed' }).then((m) => { m.dispose(); return 'loaded'; }, (e: Error) => e.message);
  // where relaxed SIMD exists (node --experimental-wasm-relaxed-simd) it loads; elsewhere a backend error says how to get it
  assert.ok(relaxed === 'loaded' || /simd 'relaxed' was requested, but this JavaScript engine has no relaxed SIMD/.test(relaxed), relaxed);
  await rejects(loadFrom(TINY, { backend: 'cuda' }), 'backend', /^package tiny was not compiled for cuda; it has wasm, webgpu$/);
});

/** A copy of `from` named `name` with `edit` applied to its folder. */
function damaged(from: string, name: string, edit: (dir: string) => void): string {
  const dir = join(work, name);
  cpSync(from, dir, { recursive: true });
  edit(dir);
  return dir;
}
const truncate = (file: string) => (dir: string): void => writeFileSync(join(dir, file), readFileSync(join(dir, file)).subarray(0, 7));
const flip = (file: string) => (dir: string): void => { const b = readFileSync(join(dir, file)); b[b.length >> 1] ^= 0x10; writeFileSync(join(dir, file), b); };
const manifest = (change: (m: Record<string, any>) => void) => (dir: string): void => {
  const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, any>;
  change(m);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m));
};
const mismatch = (file: string): RegExp => new RegExp(`^package file ${file.replace(/[./]/g, '\\$&')} does not match manifest\\.json: expected \\d+ bytes, sha256 [0-9a-f]{64}; got \\d+ bytes`);

test('every file kind load() reads is checked: wasm modules, weights, exits.bin, WGSL and WebGPU weights, truncated or with one byte changed', async () => {
  const kinds: [string, Record<string, unknown>][] = [
    ['wasm/simd128.wasm', {}], ['wasm/simd128-shared.wasm', { threads: 2 }], ['wasm/weights.bin', {}], ['exits.bin', {}],
    // the webgpu backend reads (and checks) every file before it asks for a GPU
    ['webgpu/embed.wgsl', { backend: 'webgpu' }], ['webgpu/ffnUp.narrow.wgsl', { backend: 'webgpu' }], ['webgpu/weights.bin', { backend: 'webgpu' }],
  ];
  for (const [file, options] of kinds) {
    for (const [how, edit] of [['truncated', truncate], ['flipped', flip]] as const) {
      const dir = damaged(TINY, `${how}-${file.replace(/\//g, '-')}`, edit(file));
      await rejects(loadFrom(dir, options), 'file', mismatch(file));
      rmSync(dir, { recursive: true });
    }
  }
  await rejects(loadFrom(damaged(TINY, 'no-exits', (dir) => rmSync(join(dir, 'exits.bin')))), 'file', /^cannot read package file exits\.bin \(file:.*\): /);
});

test('manifest.json itself: damaged JSON, another format, facts that differ from index.js, a changed or missing digest', async () => {
  const cases: [string, (dir: string) => void, RegExp][] = [
    ['truncated', truncate('manifest.json'), /^package file manifest\.json is not valid JSON: /],
    ['not an object', (dir) => writeFileSync(join(dir, 'manifest.json'), '[1, 2]'), /^manifest\.json is not a hashee package manifest \(no "format": "hashee-package\/1"\)/],
    ['format', manifest((m) => { m['format'] = 'hashee-package/0'; }), /is not a hashee package manifest/],
    ['arch', manifest((m) => { m['arch'].layers = 3; }), /^manifest\.json does not match index\.js: its "arch" is \{.*"layers":3.*\}, index\.js says \{.*"layers":2.*\} \(the file is damaged\)$/],
    ['head', manifest((m) => { m['head'].labels = 3; }), /its "head" is/],
    ['name', manifest((m) => { m['name'] = 'tinx'; }), /its "name" is "tinx", index\.js says "tiny"/],
    ['digest', manifest((m) => { m['files']['wasm/weights.bin'].sha256 = '0'.repeat(64); }), mismatch('wasm/weights.bin')],
    ['size', manifest((m) => { m['files']['exits.bin'].bytes = 65; }), mismatch('exits.bin')],
    ['bad entry', manifest((m) => { m['files']['exits.bin'] = { bytes: -1, sha256: 'x' }; }), /^manifest\.json: files\["exits\.bin"\] is not \{"bytes": <size>, "sha256": "<64 hex digits>"\}$/],
    ['unlisted', manifest((m) => { delete m['files']['wasm/simd128.wasm']; }), /^package file wasm\/simd128\.wasm is not listed in manifest\.json$/],
  ];
  for (const [name, edit, message] of cases) await rejects(loadFrom(damaged(TINY, `manifest-${name}`, edit)), 'file', message);
  // informational fields are not read: a package whose generator line differs still loads and runs the same
  const other = await loadFrom(damaged(TINY, 'manifest-generator', manifest((m) => { m['generator'] = 'edited'; })));
  assert.equal(await other.run([2, 5, 3]), await model.run([2, 5, 3]));
  other.dispose();
});

test('tokenizer.json of a package: read (and checked) on the first text input; damage is a file error then; truncate keeps [SEP] last', async () => {
  const folder = mkdtempSync(join(work, 'tok-spec-'));
  const vocab = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]', 'good', 'film', 'a'];
  writeFileSync(join(folder, 'tokenizer.json'), JSON.stringify(tokenizerJson(vocab)));
  const spec = parseSpecText(`name: tok
model: { layers: 2, hidden: 8, heads: 2, ffn: 16, vocab_size: 8, max_positions: 6 }
head: { kind: classification, labels: 2 }
weights: { random: { seed: 3 } }
tokenizer: { path: tokenizer.json, special_ids: { cls: 2, sep: 3, pad: 0, unk: 1, mask: 4 } }
exit: { policy: random, buckets: 2 }
targets: [wasm]
`, join(folder, 'spec.yaml'));
  const dir = join(work, 'tok');
  await compilePackage(loadAll(spec), dir, { targets: ['wasm'], toolVersion: '0.0.0-test' });
  const m = await loadFrom(dir);
  const text = await m.run('good film') as ModelResult;
  assert.equal(text, await m.run([2, 5, 6, 3]));
  await rejects(m.run('a good film a good film'), 'input', /^input 1 has 8 tokens, more than max_positions \(6\); pass \{ truncate: true \} to cut it$/);
  // [CLS] a good film a [SEP]: the text's first tokens, then its final [SEP]
  assert.equal(await m.run('a good film a good film', { truncate: true }), await m.run([2, 7, 5, 6, 7, 3]));
  await rejects(m.run('good', { typeIds: [0, 0, 0] }), 'input', /^typeIds are for token id input: a text gets its token types from the tokenizer$/);
  m.dispose();
  for (const [how, edit] of [['truncated', truncate], ['flipped', flip]] as const) {
    const bad = await loadFrom(damaged(dir, `tok-${how}`, edit('tokenizer.json')));
    assert.equal(await bad.run([2, 5, 3]), await loadFrom(dir).then((x) => x.run([2, 5, 3]))); // ids need no tokenizer
    await rejects(bad.run('good film'), 'file', mismatch('tokenizer.json'));
    bad.dispose();
  }
});

test.after(() => {
  model.dispose();
  rmSync(work, { recursive: true, force: true });
});

test.run();
