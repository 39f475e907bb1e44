// Per-command options: an option a command does not take, a missing or unexpected value and a value outside
// an option's choices are usage errors (exit 1) naming the command's options; `--json` on every command that
// prints; `hashee --help` and `hashee CMD --help` list every command and every option of its table.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../compiler/cli.ts';
import { commands } from '../compiler/commands.ts';
import { exportOnnx } from '../compiler/onnx/index.ts';
import { randomWeights } from '../compiler/weights/random.ts';
import type { ArchConfig, HeadConfig } from '../contract/model.ts';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '', err = '';
  const code = await main(argv, { out: (s) => { out += s; }, err: (s) => { err += s; } });
  return { code, out, err };
}

const dir = mkdtempSync(join(tmpdir(), 'hashee-cli-options-'));
const TINY = new URL('../specs/tiny.yaml', import.meta.url).pathname;
const arch: ArchConfig = { layers: 2, hidden: 8, heads: 2, ffn: 16, vocabSize: 32, maxPositions: 8, typeVocabSize: 2, activation: 'gelu', layerNormEps: 1e-12, norm: 'post', embeddingSize: 8, sharedLayers: false };
const head: HeadConfig = { kind: 'classification', labels: 3 };
writeFileSync(join(dir, 'model.onnx'), exportOnnx({ arch, head, weights: randomWeights(arch, head, 4, 0.2) }));

/** `--name` / `-o/--name`: how an error lists an option. */
const listed = (name: string, short?: string): string => (short ? `-${short}/--${name}` : `--${name}`);

test('an option another command takes is a usage error naming exactly this command\'s options', async () => {
  const all = Object.entries(commands);
  for (const [name, c] of all) {
    const foreign = all.flatMap(([, o]) => Object.keys(o.options)).find((o) => !(o in c.options))!;
    const argv = [name, name === 'import' ? join(dir, 'model.onnx') : TINY, `--${foreign}`, ...(foreign === 'json' ? [] : ['x'])];
    const r = await cli(...argv);
    assert.is(r.code, 1, `${argv.join(' ')}: ${r.err}`);
    assert.match(r.err, `error[usage]: hashee ${name}: unknown option --${foreign}`);
    const options = [...Object.entries(c.options).map(([o, s]) => listed(o, s.short)), '-h/--help', '--debug'];
    assert.match(r.err, `hashee ${name} takes ${options.join(', ')}`);
    assert.is(r.out, '');
  }
});

test('check --json was silently text before; now every spelling mistake, value and type error is an exit-1 usage error', async () => {
  const cases: [string[], RegExp][] = [
    [['check', TINY, '--jsno'], /unknown option --jsno \(did you mean --json\?\)/],
    [['compile', TINY, '--out'], /--out needs a value \(DIR\)/],
    [['compile', TINY, '--target', 'gpu', '--out', join(dir, 'never')], /--target must be one of wasm, webgpu/],
    [['run', TINY, '--ids', '1', '--backend', 'cuda'], /--backend must be one of reference, wasm, webgpu/],
    [['run', TINY, '--full-depth=yes', '--ids', '1'], /--full-depth takes no value/],
    [['--out', 'x', 'check'], /hashee: unknown option --out/],
    [['check', TINY, '--version'], /hashee check: unknown option --version/],
  ];
  for (const [argv, message] of cases) {
    const r = await cli(...argv);
    assert.is(r.code, 1, argv.join(' '));
    assert.match(r.err, message, argv.join(' '));
    assert.not.match(r.err, /\n\s+at /);
  }
});

test('check --json: ok with the model\'s shape, or every error with its location (exit 1)', async () => {
  const ok = await cli('check', TINY, '--json');
  assert.is(ok.code, 0, ok.err);
  assert.equal(JSON.parse(ok.out), { ok: true, name: 'tiny', layers: 2, hidden: 8, heads: 2, ffn: 16, vocab_size: 64, head: 'classification', exit_policy: 'random', weights: 'random', targets: ['wasm', 'webgpu'] });
  const bad = join(dir, 'bad.yaml');
  writeFileSync(bad, readFileSync(TINY, 'utf8').replace('heads: 2 ', 'heads: 3 ').replace('ffn: 16', 'ffn: -1'));
  const r = await cli('check', bad, '--json');
  assert.is(r.code, 1);
  const got = JSON.parse(r.out) as { ok: boolean; errors: { code: string; file: string; line: number; column: number; path: string; message: string }[] };
  assert.is(got.ok, false);
  assert.equal(got.errors.map((e) => [e.file, e.line, e.path]), [[bad, 7, 'model.heads'], [bad, 8, 'model.ffn']]);
  assert.ok(got.errors.every((e) => e.code.startsWith('spec-') && e.column > 0 && e.message.length > 0));
  assert.match(r.err, `${bad}:7:`); // the text form still goes to stderr
});

test('import --json prints the spec\'s data (and writes the YAML with --out)', async () => {
  const r = await cli('import', join(dir, 'model.onnx'), '--name', 'imp', '--json');
  assert.is(r.code, 0, r.err);
  const got = JSON.parse(r.out) as { spec: { name: string; model: Record<string, unknown>; head: Record<string, unknown> }; out: string | null };
  assert.is(got.out, null);
  assert.is(got.spec.name, 'imp');
  assert.equal([got.spec.model['layers'], got.spec.model['hidden'], got.spec.model['vocab_size'], got.spec.head], [2, 8, 32, { kind: 'classification', labels: 3 }]);
  const file = join(dir, 'imp.yaml');
  const w = await cli('import', join(dir, 'model.onnx'), '--out', file, '--json');
  assert.is(w.code, 0, w.err);
  assert.is((JSON.parse(w.out) as { out: string }).out, file);
  assert.is((await cli('check', file)).code, 0);
});

test('export-onnx --json and compile --json say what was written', async () => {
  const onnx = join(dir, 'tiny.onnx');
  const e = await cli('export-onnx', TINY, '--out', onnx, '--exits', '--json');
  assert.is(e.code, 0, e.err);
  assert.equal(JSON.parse(e.out), { out: onnx, bytes: statSync(onnx).size, exits: true, quantize: null });
  const pkg = join(dir, 'pkg');
  const c = await cli('compile', TINY, '--target', 'wasm', '--out', pkg, '--json');
  assert.is(c.code, 0, c.err);
  const got = JSON.parse(c.out) as { out: string; files: { path: string; bytes: number }[] };
  assert.is(got.out, pkg);
  assert.ok(got.files.some((f) => f.path === 'wasm/weights.bin'));
  for (const f of got.files) assert.is(f.bytes, statSync(join(pkg, f.path)).size, f.path);
  const d = await cli('compile', TINY, '--dump-after', 'plan', '--json');
  assert.is(d.code, 0, d.err);
  const dump = JSON.parse(d.out) as { stage: string; dump: string };
  assert.is(dump.stage, 'plan');
  assert.is(dump.dump, (await cli('compile', TINY, '--dump-after', 'plan')).out);
});

test('hashee --help lists every command with its synopsis; CMD --help starts with the same synopsis and lists every option', async () => {
  const top = await cli('--help');
  assert.is(top.code, 0);
  for (const [name, c] of Object.entries(commands)) {
    const help = await cli(name, '--help');
    assert.is(help.code, 0, name);
    const synopsis = /^Usage: (.*(?:\n {4}.*)*)/.exec(help.out)![1]!;
    assert.ok(synopsis.startsWith(`hashee ${name} ${c.args}`), synopsis);
    assert.ok(top.out.includes(`  ${synopsis.replace(/\n/g, '\n  ')}\n      ${c.summary}\n`), `${name} in hashee --help`);
    for (const [option, spec] of Object.entries(c.options)) {
      assert.ok(synopsis.includes(`--${option}`), `${name} synopsis names --${option}`);
      assert.match(help.out, new RegExp(`\\n  (-${spec.short}, )?--${option}\\b[^\\n]* {2}${spec.help.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`), `${name} --help explains --${option}`);
    }
    assert.match(help.out, /\n {2}-h, --help +print this help\n {2}--debug +/);
  }
  assert.is((await cli()).code, 1); // no command: the help, but as a usage error
});

test.after(() => rmSync(dir, { recursive: true, force: true }));

test.run();
