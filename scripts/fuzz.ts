// `npm run fuzz -- [--cases N] [--seed S] [--kinds spec,onnx,...] [--workers W]`: seeded fuzzing of the CLI (mutated
// specs, ONNX files, exit tables, corpora, argv) and of a compiled package (damaged files, odd inputs), in
// child processes with a hard timeout per case; prints the cases by kind and outcome and every failure.
// `--replay kind:seed` runs one case again in this process and keeps its files.

import { createInterface } from 'node:readline';
import { mkdtempSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ALLOWED, describeFailure, fuzzCases, isKind, KINDS, runCase, runInChildren, summary, warmUp, type FuzzResult, type Kind } from '../test/support/fuzz/index.ts';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '20000' },
    seed: { type: 'string', default: '1' },
    kinds: { type: 'string', default: KINDS.join(',') },
    workers: { type: 'string', default: '2' },
    timeout: { type: 'string', default: '20000' },        // ms: a case that ends later is 'slow'
    'hard-timeout': { type: 'string', default: '60000' }, // ms: a case still running is killed ('hang')
    replay: { type: 'string' },
    worker: { type: 'boolean' },
    root: { type: 'string' },
    json: { type: 'string' },                             // write every result to this file
  },
});

const timeoutMs = Number(values.timeout);
const root = values.root ?? mkdtempSync(join(tmpdir(), 'hashee-fuzz-'));

if (values.worker) {
  // A child of runInChildren: says it is ready on fd 3, then takes cases as JSON lines on stdin and writes results to fd 3.
  await warmUp();
  writeSync(3, `${JSON.stringify({ ready: true })}\n`);
  for await (const line of createInterface({ input: process.stdin })) {
    const c = JSON.parse(line) as { kind: Kind; seed: number };
    const r = await runCase(c, root, timeoutMs);
    writeSync(3, `${JSON.stringify(r)}\n`);
  }
  process.exit(0);
}

if (values.replay) {
  const [kind, seed] = values.replay.split(':');
  if (!kind || !isKind(kind) || !/^\d+$/.test(seed ?? '')) throw new Error(`--replay takes kind:seed with kind one of ${KINDS.join(', ')}`);
  const r = await runCase({ kind, seed: Number(seed) }, root, timeoutMs, true);
  console.log(describeFailure(r));
  process.exit(ALLOWED.has(r.outcome) ? 0 : 1);
}

const kinds = values.kinds.split(',').map((k) => k.trim());
const bad = kinds.find((k) => !isKind(k));
if (bad) throw new Error(`unknown kind '${bad}': kinds are ${KINDS.join(', ')}`);
const count = Number(values.cases), seed = Number(values.seed);
const cases = fuzzCases(seed, count, kinds as Kind[]);
const started = performance.now();
let seen = 0;
const results: FuzzResult[] = await runInChildren(cases, {
  workers: Number(values.workers), root, timeoutMs, hardTimeoutMs: Number(values['hard-timeout']),
  onResult: (r) => {
    if (++seen % 500 === 0 || seen === count) process.stderr.write(`\r${seen}/${count} cases, ${((performance.now() - started) / 1000).toFixed(0)} s`);
    if (!ALLOWED.has(r.outcome)) process.stderr.write(`\n${describeFailure(r)}\n`);
  },
});
process.stderr.write('\n');
if (values.json) {
  const { writeFileSync } = await import('node:fs');
  writeFileSync(values.json, JSON.stringify(results));
}
const failures = results.filter((r) => !ALLOWED.has(r.outcome));
const slowest = [...results].sort((a, b) => b.ms - a.ms)[0];
console.log(`hashee fuzz: ${results.length} cases, seed ${seed}, kinds ${kinds.join(',')}, ${((performance.now() - started) / 1000).toFixed(0)} s` +
  ` (slowest ${slowest ? `${slowest.kind}:${slowest.seed} ${slowest.ms.toFixed(0)} ms` : '-'})\n`);
console.log(summary(results));
console.log(failures.length === 0 ? '\nno failures' : `\n${failures.length} failures (files under ${root}):\n${failures.map(describeFailure).join('\n')}`);
process.exit(failures.length === 0 ? 0 : 1);
