// The fuzz driver shared by test/fuzz.test.ts and scripts/fuzz.ts: case seeds from a run seed, one case run
// in-process, many run in child processes with a hard per-case timeout (hangs and process crashes), and a
// summary by kind and outcome. A failure names its case as `kind:seed`, which `npm run fuzz -- --replay`
// runs again alone.

import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALLOWED, CLI_KINDS, cliCase, runCliCase, type CaseResult, type CliKind, type Outcome } from './cli-cases.ts';
import { RUNTIME_KINDS, runRuntimeCase, type RuntimeKind } from './runtime-cases.ts';

export const KINDS = [...CLI_KINDS, ...RUNTIME_KINDS] as const;
export type Kind = CliKind | RuntimeKind;
export { ALLOWED, type Outcome };

export interface FuzzCase { readonly kind: Kind; readonly seed: number }

export interface FuzzResult extends FuzzCase, CaseResult {
  readonly what: string;
  readonly argv?: readonly string[];
  readonly dir?: string;   // the case's files, kept when it failed
}

/** Case i of a run with seed `seed`: kinds in turn, each case's seed mixed from both (splitmix32). */
export function fuzzCases(seed: number, count: number, kinds: readonly Kind[] = KINDS): FuzzCase[] {
  return Array.from({ length: count }, (_, i) => ({ kind: kinds[i % kinds.length]!, seed: mix(seed, i) }));
}

function mix(seed: number, i: number): number {
  let z = (Math.imul(seed >>> 0, 0x9e3779b9) + Math.imul(i + 1, 0x85ebca6b)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad) >>> 0;
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97) >>> 0;
  return (z ^ (z >>> 15)) >>> 0;
}

export function isKind(k: string): k is Kind {
  return (KINDS as readonly string[]).includes(k);
}

/** Builds what the cases share (the ONNX bases, the loaded package), so no case's time includes it. */
export async function warmUp(): Promise<void> {
  cliCase('onnx', 0);
  await runRuntimeCase('input', 0, 60_000);
}

/**
 * Runs one case in this process; its files go under `root` and are removed unless it failed (or `keep`).
 * An exception of the harness itself (building the case) is the outcome 'harness'.
 */
export async function runCase(c: FuzzCase, root: string, timeoutMs: number, keep = false): Promise<FuzzResult> {
  try {
    return await runCaseUnguarded(c, root, timeoutMs, keep);
  } catch (e) {
    return { ...c, outcome: 'harness', ms: 0, what: '(the case could not be built)', detail: (e as Error)?.stack ?? String(e) };
  }
}

async function runCaseUnguarded(c: FuzzCase, root: string, timeoutMs: number, keep: boolean): Promise<FuzzResult> {
  if ((RUNTIME_KINDS as readonly string[]).includes(c.kind)) return { ...c, ...(await runRuntimeCase(c.kind as RuntimeKind, c.seed, timeoutMs)) };
  const cli = cliCase(c.kind as CliKind, c.seed);
  const dir = join(root, `${c.kind}-${c.seed}`);
  const r = await runCliCase(cli, dir, timeoutMs);
  const failed = !ALLOWED.has(r.outcome);
  if (!failed && !keep) rmSync(dir, { recursive: true, force: true });
  return { ...c, ...r, what: cli.what, argv: cli.argv, ...(failed || keep ? { dir } : {}) };
}

/** `npm run fuzz -- --replay kind:seed`: how to run a failing case again. */
export function replayCommand(c: FuzzCase): string {
  return `npm run fuzz -- --replay ${c.kind}:${c.seed}`;
}

export function describeFailure(r: FuzzResult): string {
  return `${r.kind}:${r.seed} ${r.outcome} after ${r.ms.toFixed(0)} ms: ${r.what}${r.argv ? `\n  hashee ${r.argv.join(' ')}` : ''}` +
    `${r.dir ? `\n  files: ${r.dir}` : ''}\n  ${r.detail.split('\n').join('\n  ')}\n  reproduce: ${replayCommand(r)}`;
}

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SCRIPT = join(ROOT, 'scripts/fuzz.ts');

/**
 * Runs `cases` in `workers` child processes (`scripts/fuzz.ts --worker`), one case at a time each, and
 * kills a child whose case runs past `hardTimeoutMs`: that case is a hang, one whose child dies a crash;
 * a new child takes the remaining cases. `onResult` sees every result as it arrives.
 */
export async function runInChildren(cases: readonly FuzzCase[], opts: { readonly workers: number; readonly root: string; readonly timeoutMs: number; readonly hardTimeoutMs: number; readonly onResult?: (r: FuzzResult) => void }): Promise<FuzzResult[]> {
  const results: FuzzResult[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < cases.length) {
      const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, '--worker', '--root', opts.root, '--timeout', String(opts.timeoutMs)], {
        cwd: ROOT, stdio: ['pipe', 'ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr!.on('data', (d: Buffer) => { stderr = (stderr + d.toString()).slice(-4000); });
      await drive(child, () => (next < cases.length ? cases[next++]! : undefined), opts.hardTimeoutMs, () => stderr, (r) => { results.push(r); opts.onResult?.(r); });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.workers) }, worker));
  return results;
}

/** Feeds one child cases (after it says it is ready) until there are none left or it dies (a hang it was killed for, or a crash). */
function drive(child: ChildProcess, take: () => FuzzCase | undefined, hardTimeoutMs: number, stderr: () => string, done: (r: FuzzResult) => void): Promise<void> {
  return new Promise((resolve) => {
    let current: FuzzCase | undefined;
    let started = 0;
    let timer: NodeJS.Timeout | undefined;
    let buffered = '';
    const send = (): void => {
      current = take();
      if (!current) { child.stdin!.end(); return; }
      started = performance.now();
      timer = setTimeout(() => {
        done({ ...current!, outcome: 'hang', ms: performance.now() - started, what: '(see replay)', detail: `killed after ${hardTimeoutMs} ms` });
        current = undefined;
        child.kill('SIGKILL');
      }, hardTimeoutMs);
      child.stdin!.write(`${JSON.stringify(current)}\n`);
    };
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (d: Buffer) => {
      buffered += d.toString();
      for (let nl = buffered.indexOf('\n'); nl >= 0; nl = buffered.indexOf('\n')) {
        const line = JSON.parse(buffered.slice(0, nl)) as FuzzResult | { ready: true };
        buffered = buffered.slice(nl + 1);
        clearTimeout(timer);
        if (!('ready' in line)) done(line);
        current = undefined;
        send();
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (current) done({ ...current, outcome: 'crash', ms: performance.now() - started, what: '(see replay)', detail: `the process died (${signal ?? `exit ${code}`}): ${stderr()}` });
      resolve();
    });
  });
}

/** Cases by kind and outcome, as a Markdown table (allowed outcomes first). */
export function summary(results: readonly FuzzResult[]): string {
  const outcomes = [...new Set(['ok', 'error', ...results.map((r) => r.outcome)])];
  const kinds = [...new Set(results.map((r) => r.kind))];
  const count = (k: string | undefined, o: string): number => results.filter((r) => (k === undefined || r.kind === k) && r.outcome === o).length;
  const row = (name: string, k?: string): string => `| ${name} | ${results.filter((r) => k === undefined || r.kind === k).length} | ${outcomes.map((o) => count(k, o)).join(' | ')} |`;
  return [`| kind | cases | ${outcomes.join(' | ')} |`, `|---|---|${outcomes.map(() => '---|').join('')}`, ...kinds.map((k) => row(k, k)), row('all')].join('\n');
}
