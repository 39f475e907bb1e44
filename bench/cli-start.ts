// `npm run bench:cli`: wall time of short `hashee` commands, each a fresh process — the compiled bin on
// plain node (bin/hashee.mjs -> dist/, what users run) next to the same CLI from its TypeScript sources
// through tsx (`npm run hashee:src`, how the bin ran before dist/). Runners alternate within each repetition
// after one warm-up run each; prints median, p25–p75 and min–max per command and runner.
// npm run bench:cli [-- reps=N]

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { quantile } from './stats.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const reps = Number(process.argv.find((a) => a.startsWith('reps='))?.slice(5) ?? 15);

const COMMANDS: readonly (readonly string[])[] = [
  ['--version'],
  ['check', 'specs/tiny.yaml'],
  ['run', 'specs/tiny.yaml', '--ids', '1,5,9,2'],
];
const RUNNERS: Readonly<Record<string, readonly string[]>> = {
  'bin (dist, plain node)': ['bin/hashee.mjs'],
  'sources through tsx': ['--import', 'tsx', 'scripts/hashee.ts'],
};

/** Wall milliseconds of one process; throws when the command fails. */
function once(args: readonly string[]): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const ms = (x: number): string => x.toFixed(0);
console.log(`node ${process.version}, ${reps} runs per command and runner (wall ms, one process each)`);
console.log('| command | runner | median ms | p25–p75 ms | min–max ms |');
console.log('|---|---|---|---|---|');
for (const command of COMMANDS) {
  const times = new Map(Object.keys(RUNNERS).map((name) => [name, [] as number[]]));
  for (const runner of Object.values(RUNNERS)) once([...runner, ...command]); // warm-up: file cache, compile cache
  for (let rep = 0; rep < reps; rep++) {
    for (const [name, runner] of Object.entries(RUNNERS)) times.get(name)!.push(once([...runner, ...command]));
  }
  for (const [name, xs] of times) {
    console.log(`| hashee ${command.join(' ')} | ${name} | ${ms(quantile(xs, 0.5))} | ${ms(quantile(xs, 0.25))}–${ms(quantile(xs, 0.75))} | ${ms(Math.min(...xs))}–${ms(Math.max(...xs))} |`);
  }
}
