// One benchmarked runner in its own process (so its peak memory is its own): set up, then time the
// batches of each workload on request from the orchestrator (bench/index.ts).

import { readFileSync } from 'node:fs';
import { RUNNERS, type RunnerConfig, type RunnerName } from './runners.ts';

/**
 * This process's own peak resident memory. On Linux VmHWM: a forked child's resourceUsage().maxRSS
 * also counts the parent's pages at fork time (the orchestrator holds the whole model).
 */
function peakRssMb(): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb) return Number(kb) / 1024;
  } catch { /* not Linux */ }
  return process.resourceUsage().maxRSS / 1024;
}

type Request =
  | { kind: 'setup'; runner: RunnerName; config: RunnerConfig }
  | { kind: 'time'; batches: number[][][] }
  | { kind: 'exit' };

const send = (msg: unknown): void => { process.send!(msg); };
let runner: Awaited<ReturnType<NonNullable<(typeof RUNNERS)[RunnerName]>>> | undefined;

process.on('message', (raw) => {
  void (async () => {
    const req = raw as Request;
    try {
      if (req.kind === 'setup') {
        const make = RUNNERS[req.runner];
        if (!make) throw new Error(`runner ${req.runner} is not available`);
        const t0 = performance.now();
        runner = await make(req.config);
        send({ kind: 'ready', info: runner.info, setupMs: performance.now() - t0, rssMb: process.memoryUsage().rss / 2 ** 20 });
      } else if (req.kind === 'time') {
        const t0 = performance.now(), c0 = process.cpuUsage();
        for (const b of req.batches) await runner!.run(b);
        const cpu = process.cpuUsage(c0); // every thread of this process, not counting time it waited for a core
        send({ kind: 'time', ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 });
      } else {
        await runner?.dispose();
        send({ kind: 'bye', peakRssMb: peakRssMb() });
        process.exit(0);
      }
    } catch (e) {
      send({ kind: 'error', message: (e as Error).stack ?? String(e) });
    }
  })();
});
