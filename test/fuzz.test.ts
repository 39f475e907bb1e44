// Seeded fuzzing in the suite (issue 10): mutated specs, ONNX files, exit tables, corpora and argv through
// the CLI's main() in-process, damaged package files and odd inputs through a compiled package; each case
// must end in exit 0 or 1 (or a PackageError) with a clear message, nothing half-written, within a time
// bound. A sample also runs in a child process with a hard timeout, which catches what an in-process timer
// cannot: a synchronous hang or a dying process. `npm run fuzz` runs tens of thousands the same way.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALLOWED, describeFailure, fuzzCases, KINDS, runCase, runInChildren, summary, type FuzzResult } from './support/fuzz/index.ts';

const SEED = 20261210;
const PER_KIND = 50;              // in-process cases per kind
const CASE_TIMEOUT_MS = 20_000;   // a case that ends later fails as 'slow'
const root = mkdtempSync(join(tmpdir(), 'hashee-fuzz-test-'));

function check(results: readonly FuzzResult[], what: string): void {
  console.log(`${what}:\n${summary(results)}`);
  const failures = results.filter((r) => !ALLOWED.has(r.outcome));
  assert.ok(failures.length === 0, `${failures.length} of ${results.length} cases failed:\n${failures.map(describeFailure).join('\n')}`);
}

test(`${PER_KIND} cases of each kind (${KINDS.join(', ')}) end in exit 0 or 1, in-process`, async () => {
  const results: FuzzResult[] = [];
  for (const c of fuzzCases(SEED, PER_KIND * KINDS.length)) results.push(await runCase(c, root, CASE_TIMEOUT_MS));
  check(results, `fuzz, seed ${SEED}, in-process`);
  // the mutations reach both ends: some cases still run through, most are refused
  for (const kind of KINDS) {
    const of = results.filter((r) => r.kind === kind);
    assert.ok(of.some((r) => r.outcome === 'error'), `${kind}: no case was refused`);
    assert.ok(of.some((r) => r.outcome === 'ok'), `${kind}: no case ran through`);
  }
});

test('a sample in a child process, killed after 60 s: no hang and no dying process', async () => {
  const results = await runInChildren(fuzzCases(SEED + 1, 2 * KINDS.length), { workers: 1, root, timeoutMs: CASE_TIMEOUT_MS, hardTimeoutMs: 60_000 });
  assert.is(results.length, 2 * KINDS.length);
  check(results, `fuzz, seed ${SEED + 1}, child process`);
});

test.after(() => rmSync(root, { recursive: true, force: true }));

test.run();
