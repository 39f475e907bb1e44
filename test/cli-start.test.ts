// What the compiled `hashee` bin loads per command: plain Node on dist/ (no tsx), `--version` and `check`
// without binaryen, ts-morph or onnx-proto, `run` on the reference backend without the compilers; the
// commands that need them do load them (so the trace would see them). Times are in `npm run bench:cli`.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportOnnx } from '../compiler/onnx/index.ts';
import { DATA_TYPE, EXTERNAL } from '../compiler/onnx/proto.ts';
import { randomWeights } from '../compiler/weights/random.ts';
import type { ArchConfig, HeadConfig } from '../contract/model.ts';
import { assertFreshDist, BIN, ROOT } from './support/dist.ts';

assertFreshDist();
const work = mkdtempSync(join(tmpdir(), 'hashee-start-'));
const TINY = join(ROOT, 'specs/tiny.yaml');

/** The packages (node_modules/<name>) a bin invocation loaded, and whether it loaded any TypeScript source. */
function loaded(...argv: string[]): { packages: Set<string>; tsSources: boolean } {
  const trace = join(work, 'trace.txt');
  execFileSync(process.execPath, ['--import', join(ROOT, 'test/support/trace-modules.mjs'), BIN, ...argv], {
    cwd: work, env: { ...process.env, TRACE_MODULES_TO: trace }, stdio: ['ignore', 'ignore', 'pipe'],
  });
  const lines = readFileSync(trace, 'utf8').split('\n').filter((l) => l.length > 0);
  const packages = new Set(lines.flatMap((l) => {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(l);
    return m ? [m[1]!] : [];
  }));
  return { packages, tsSources: lines.some((l) => /\.ts$/.test(l) && !l.includes('node_modules')) };
}

const HEAVY = ['binaryen', 'ts-morph', 'typescript', 'onnx-proto', 'protobufjs', 'tsx'];
const heavyIn = (packages: Set<string>): string[] => HEAVY.filter((p) => packages.has(p));

test('--version and check run the compiled JS on plain node and load none of the compilers', () => {
  for (const argv of [['--version'], ['check', TINY], ['check', TINY, '--json'], ['--help'], ['compile', '--help']]) {
    const r = loaded(...argv);
    assert.not.ok(r.tsSources, `${argv.join(' ')}: loaded TypeScript sources`);
    assert.equal(heavyIn(r.packages), [], `${argv.join(' ')} loaded ${heavyIn(r.packages).join(', ')}`);
  }
});

test('run on the reference backend loads neither binaryen nor ts-morph nor onnx-proto (random weights)', () => {
  assert.equal(heavyIn(loaded('run', TINY, '--ids', '1,2,3').packages), []);
});

test('the commands that need a compiler load it: compile (binaryen, ts-morph), an ONNX file (onnx-proto)', () => {
  const compiled = loaded('compile', TINY, '--out', join(work, 'pkg'));
  assert.ok(compiled.packages.has('binaryen') && compiled.packages.has('ts-morph'), [...compiled.packages].join(', '));
  assert.not.ok(compiled.packages.has('onnx-proto'));
  const arch: ArchConfig = { layers: 1, hidden: 8, heads: 2, ffn: 16, vocabSize: 32, maxPositions: 8, typeVocabSize: 2, activation: 'gelu', layerNormEps: 1e-12, norm: 'post', embeddingSize: 8, sharedLayers: false };
  const head: HeadConfig = { kind: 'none' };
  writeFileSync(join(work, 'm.onnx'), exportOnnx({ arch, head, weights: randomWeights(arch, head, 3, 0.2) }));
  const imported = loaded('import', join(work, 'm.onnx'));
  assert.ok(imported.packages.has('onnx-proto'), [...imported.packages].join(', '));
  assert.not.ok(imported.packages.has('binaryen'));
});

test('the ONNX enum values written without loading onnx-proto are onnx-proto\'s', () => {
  const { onnx } = createRequire(import.meta.url)('onnx-proto') as typeof import('onnx-proto');
  for (const [name, value] of Object.entries(DATA_TYPE)) assert.is(onnx.TensorProto.DataType[name as keyof typeof DATA_TYPE], value, name);
  assert.is(onnx.TensorProto.DataLocation.EXTERNAL, EXTERNAL);
});

test.after(() => rmSync(work, { recursive: true, force: true }));

test.run();
