// `npm run bench`: hashee's compiled backends against onnxruntime-web and onnxruntime-node on the same
// weights, and onnxruntime-node on the export with exits against the full-depth export, run side by side
// and alternating in one session; prints a markdown table and writes JSON. `--runners` picks a subset.
// `--backend webgpu` times the WebGPU package (full depth and with exits) on Dawn's adapter, which it names.

import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { cpus } from 'node:os';
import { loadSpec } from '../compiler/spec/index.ts';
import { loadAll } from '../compiler/load.ts';
import { exportOnnx, exportOnnxWithExits } from '../compiler/onnx/index.ts';
import { quantizeDynamic } from '../compiler/onnx/quantize.ts';
import { compilePackage } from '../compiler/package/assemble.ts';
import { countWork, planBatch } from '../runtime/plan.ts';
import { HasheeError } from '../compiler/errors.ts';
import { RUNNERS, type RunnerConfig, type RunnerName } from './runners.ts';
import { median, quantile } from './stats.ts';
import { workloads, type Workload } from './workloads.ts';
import { benchCache } from './cache.ts';
import { ADAPTER_MODES, adapterName, selectAdapter, vulkanEnv, type AdapterMode, type AdapterReport } from './gpu/adapter.ts';
import type { Loaded } from '../compiler/load.ts';

const root = new URL('../', import.meta.url);

const { values } = parseArgs({
  options: {
    backend: { type: 'string', default: 'wasm' },
    threads: { type: 'string', default: '1,2' },   // wasm and onnxruntime only
    reps: { type: 'string', default: '7' },
    sentences: { type: 'string', default: '32' },
    workloads: { type: 'string' },                  // default: see defaultsFor()
    spec: { type: 'string' },                       // default: see defaultsFor()
    out: { type: 'string', default: 'bench/results' },
    adapter: { type: 'string', default: 'auto' },   // webgpu only: auto | gpu (fail on a CPU adapter) | swiftshader
    runners: { type: 'string' },                    // default: every runner of the backend, e.g. ort-node,ort-node-exits
  },
});

const CPU_ADAPTER_NOTE = 'the WebGPU adapter is a CPU implementation (SwiftShader): these times say nothing about GPU speed';

/**
 * Spec and workloads when the flags do not name them. On a CPU WebGPU adapter BERT-base takes minutes per
 * run (SwiftShader does ~0.2 GFLOP/s here), so the defaults shrink to the 4-layer mid spec at batch 1.
 */
function defaultsFor(backend: 'wasm' | 'webgpu', adapter: AdapterReport | null): { spec: string; workloads: string } {
  if (backend === 'wasm') return { spec: 'specs/bert-base-sst2.yaml', workloads: 'seq128-b1,sst2-b1,sst2-b8' };
  if (adapter?.cpu) return { spec: 'specs/mid.yaml', workloads: 'seq128-b1' };
  return { spec: 'specs/bert-base-sst2.yaml', workloads: 'seq128-b1,seq128-b8,seq128-b32' };
}

interface Child { readonly name: RunnerName; readonly proc: ChildProcess; info: string; setupMs: number }

function request<T>(c: Child, msg: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    c.proc.once('message', (m: { kind: string; message?: string }) => (m.kind === 'error' ? reject(new Error(`${c.name}: ${m.message}`)) : resolve(m as T)));
    c.proc.send(msg as object);
  });
}

async function spawn(name: RunnerName, config: RunnerConfig, env: NodeJS.ProcessEnv): Promise<Child> {
  const proc = fork(new URL('child.ts', import.meta.url).pathname, [], {
    execArgv: ['--import', 'tsx', '--experimental-wasm-relaxed-simd'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env,
  });
  const c: Child = { name, proc, info: '', setupMs: 0 };
  const ready = await request<{ info: string; setupMs: number }>(c, { kind: 'setup', runner: name, config });
  c.info = ready.info;
  c.setupMs = ready.setupMs;
  return c;
}


/**
 * What each runner computes, for the cost model: hashee's runs compute only [CLS] in the last layer for
 * sequence heads, with or without exits; onnxruntime runs the full-depth export on the padded batch, and
 * the export with exits every real token (no padding) with its exits, the last layer included (it returns
 * last_hidden_state).
 */
const EXECUTES: Record<RunnerName, 'exits' | 'full' | 'padded' | 'onnx-exits'> = {
  'hashee-wasm-full': 'full', 'hashee-wasm-exits': 'exits', 'hashee-wasm-int8-full': 'full', 'hashee-wasm-int8-exits': 'exits', 'hashee-webgpu-full': 'full', 'hashee-webgpu-exits': 'exits',
  'ort-web': 'padded', 'ort-web-int8': 'padded', 'ort-node': 'padded', 'ort-node-int8': 'padded', 'ort-node-exits': 'onnx-exits',
};

/** Each runner with exits and the full-depth runner its time is compared with. */
const FULL_OF: Partial<Record<RunnerName, RunnerName>> = {
  'hashee-wasm-exits': 'hashee-wasm-full', 'hashee-wasm-int8-exits': 'hashee-wasm-int8-full', 'hashee-webgpu-exits': 'hashee-webgpu-full', 'ort-node-exits': 'ort-node',
};

/** Cost-model FLOPs of one pass over a workload, as the runner executes it (EXECUTES). */
function flopsOf(loaded: Loaded, w: Workload, kind: (typeof EXECUTES)[RunnerName]): number {
  const { arch, head } = loaded.spec;
  const seqHead = head.kind === 'classification' || head.kind === 'regression';
  let total = 0;
  for (const batch of w.batches) {
    const b = kind === 'padded' ? batch.map(() => new Array<number>(Math.max(...batch.map((s) => s.length))).fill(0)) : batch;
    const withExits = kind === 'exits' || kind === 'onnx-exits';
    total += countWork(planBatch(loaded.table, b, arch.layers, { fullDepth: !withExits, clsOnlyLastLayer: (kind === 'exits' || kind === 'full') && seqHead }), arch).flops;
  }
  return total;
}

function usage(message: string, actual: string): HasheeError {
  return new HasheeError('usage', message, { actual });
}

async function main(): Promise<void> {
  if (values.backend !== 'wasm' && values.backend !== 'webgpu') throw usage('--backend is wasm or webgpu', values.backend!);
  const backend = values.backend;
  if (!ADAPTER_MODES.includes(values.adapter as AdapterMode)) throw usage(`--adapter is one of ${ADAPTER_MODES.join(', ')}`, values.adapter!);
  // The GPU is chosen (and named) before the minutes of compiling, so a wrong driver fails at once.
  const adapter = backend === 'webgpu' ? await selectAdapter(values.adapter as AdapterMode) : null;
  if (adapter) console.error(`bench: WebGPU adapter ${adapterName(adapter)} (VK_ICD_FILENAMES=${adapter.icd ?? '<unset>'})${adapter.cpu ? `\nbench: NOTE ${CPU_ADAPTER_NOTE}` : ''}`);
  // One pass per thread count for CPU runners; WebGPU runs once (null: threads do not apply).
  const passes: (number | null)[] = backend === 'webgpu' ? [null] : values.threads!.split(',').map(Number);
  const reps = Number(values.reps);
  const defaults = defaultsFor(backend, adapter);
  if (adapter?.cpu && (!values.spec || !values.workloads)) {
    console.error(`bench: on a CPU adapter the defaults are --spec ${defaults.spec} --workloads ${defaults.workloads}; name them to time BERT-base (minutes per run)`);
  }
  const spec = loadSpec(new URL(values.spec ?? defaults.spec, root).pathname);
  const loaded = loadAll(spec);
  const wanted = (values.workloads ?? defaults.workloads).split(',');
  const all = workloads(root, { sentences: Number(values.sentences), vocabSize: spec.arch.vocabSize });
  const unknown = wanted.filter((n) => !all.some((w) => w.name === n));
  if (unknown.length > 0) throw usage(`unknown workload; known: ${all.map((w) => w.name).join(', ')}`, unknown.join(', '));
  const loads = all.filter((w) => wanted.includes(w.name));
  // onnxruntime runs on the CPU: it is the baseline for wasm, not for a GPU.
  const available: RunnerName[] = ([
    `hashee-${backend}-full`, `hashee-${backend}-exits`,
    ...(backend === 'wasm' ? ['hashee-wasm-int8-full', 'hashee-wasm-int8-exits', 'ort-web', 'ort-web-int8', 'ort-node', 'ort-node-int8', 'ort-node-exits'] : []),
  ] as RunnerName[]).filter((n) => RUNNERS[n]);
  const picked = values.runners?.split(',');
  const notHere = (picked ?? []).filter((n) => !available.includes(n as RunnerName));
  if (notHere.length > 0) throw usage(`unknown runner for --backend ${backend}; known: ${available.join(', ')}`, notHere.join(', '));
  const names = picked ? available.filter((n) => picked.includes(n)) : available;
  const cache = benchCache(root, spec);
  const onnxPath = `${cache}model.onnx`, onnxExitsPath = `${cache}model-exits.onnx`, onnxInt8Path = `${cache}model-int8.onnx`;
  const int8Onnx = names.some((n) => n === 'ort-web-int8' || n === 'ort-node-int8');
  if ((int8Onnx || names.some((n) => n === 'ort-web' || n === 'ort-node')) && !existsSync(onnxPath)) writeFileSync(onnxPath, exportOnnx(loaded.model));
  if (int8Onnx && !existsSync(onnxInt8Path)) writeFileSync(onnxInt8Path, quantizeDynamic(readFileSync(onnxPath)).bytes);
  if (names.includes('ort-node-exits') && !existsSync(onnxExitsPath)) writeFileSync(onnxExitsPath, exportOnnxWithExits(loaded.model, loaded.table));
  const packageDir = `${cache}package`;
  const tc = performance.now();
  const packageInt8Dir = `${cache}package-int8`;
  if (names.some((n) => n.startsWith('hashee-') && !n.includes('-int8-'))) await compilePackage(loaded, packageDir, { targets: [backend], toolVersion: 'bench' });
  if (names.some((n) => n.includes('-int8-'))) {
    const int8 = { ...loaded, spec: { ...loaded.spec, precision: { ...loaded.spec.precision, wasm: 'int8' as const } } };
    await compilePackage(int8, packageInt8Dir, { targets: ['wasm'], toolVersion: 'bench' });
  }
  const compileMs = performance.now() - tc;
  const env = adapter ? vulkanEnv(adapter.icd) : process.env;
  console.error(`bench: ${spec.name}, backends ${names.join(', ')}; ${backend === 'wasm' ? `threads ${passes.join(', ')}; ` : ''}${reps} reps; ${cpus().length} cpus; compile ${compileMs.toFixed(0)} ms`);

  const results: Record<string, unknown>[] = [];
  for (const t of passes) {
    const children: Child[] = [];
    for (const n of names) {
      const c = await spawn(n, { threads: t ?? 1, onnxPath, onnxExitsPath, onnxInt8Path, packageDir, packageInt8Dir }, env);
      console.error(`bench: ${c.info} (setup ${c.setupMs.toFixed(0)} ms)`);
      children.push(c);
    }
    for (const w of loads) {
      const times = new Map<RunnerName, number[]>(names.map((n) => [n, []]));
      // Process CPU time (all its threads): unlike wall time, not inflated while the runner waits for a core.
      const cpuTimes = new Map<RunnerName, number[]>(names.map((n) => [n, []]));
      const batches = w.batches.map((b) => b.map((s) => [...s]));
      // Warm-up, kept: the first call after setup shows any first-use stall (shader compiles, allocations).
      const warmup = new Map<RunnerName, number>();
      for (const c of children) warmup.set(c.name, (await request<{ ms: number }>(c, { kind: 'time', batches })).ms);
      for (let r = 0; r < reps; r++) {
        for (let i = 0; i < children.length; i++) {
          const c = children[(i + r) % children.length]!; // rotate the order every rep
          const { ms, cpuMs } = await request<{ ms: number; cpuMs: number }>(c, { kind: 'time', batches });
          times.get(c.name)!.push(ms);
          cpuTimes.get(c.name)!.push(cpuMs);
        }
      }
      const medianOf = (n: RunnerName | undefined, of = times): number => (n && of.has(n) ? median(of.get(n)!) : NaN);
      const webMedian = medianOf('ort-web'), webInt8Median = medianOf('ort-web-int8');
      for (const c of children) {
        const xs = times.get(c.name)!;
        const m = median(xs);
        const full = FULL_OF[c.name];
        results.push({
          threads: t, workload: w.name, runner: c.name, info: c.info,
          setup_ms: c.setupMs, warmup_ms: warmup.get(c.name), median_ms: m, p25_ms: quantile(xs, 0.25), p75_ms: quantile(xs, 0.75), min_ms: Math.min(...xs), max_ms: Math.max(...xs), samples_ms: xs,
          median_cpu_ms: medianOf(c.name, cpuTimes), samples_cpu_ms: cpuTimes.get(c.name),
          vs_ort_web: m / webMedian, vs_ort_web_int8: m / webInt8Median, gflops_per_s: flopsOf(loaded, w, EXECUTES[c.name]) / (m * 1e6),
          ...(full ? {
            expected_flops_ratio: flopsOf(loaded, w, EXECUTES[c.name]) / flopsOf(loaded, w, EXECUTES[full]),
            measured_time_ratio: m / medianOf(full),
            measured_cpu_ratio: medianOf(c.name, cpuTimes) / medianOf(full, cpuTimes),
            // minima: the run least disturbed by other load, robust on a shared machine
            measured_min_ratio: Math.min(...xs) / Math.min(...times.get(full)!),
          } : {}),
        });
      }
    }
    for (const c of children) {
      const bye = await request<{ peakRssMb: number }>(c, { kind: 'exit' });
      for (const r of results) if (r.threads === t && r.runner === c.name) r.peak_rss_mb = bye.peakRssMb;
    }
  }
  mkdirSync(new URL(`${values.out}/`, root), { recursive: true });
  const file = new URL(`${values.out}/${backend}${picked ? `-${names.join('+')}` : ''}.json`, root);
  const gpu = adapter && { adapter: adapterName(adapter), adapter_is_cpu: adapter.cpu, vulkan_icd: adapter.icd };
  writeFileSync(file, `${JSON.stringify({ spec: spec.name, backend, ...gpu, reps, compile_ms: compileMs, cpus: cpus().length, results }, null, 2)}\n`);
  if (adapter) console.log(`WebGPU adapter: ${adapterName(adapter)}${adapter.cpu ? `\n\nNOTE: ${CPU_ADAPTER_NOTE}` : ''}\n`);
  console.log(table(results));
  console.error(`\nwrote ${file.pathname}`);
}

function table(rows: Record<string, unknown>[]): string {
  const f = (x: unknown, d = 1): string => (typeof x === 'number' && Number.isFinite(x) ? x.toFixed(d) : '');
  const ms = (x: unknown): string => f(x, typeof x === 'number' && x < 10 ? 2 : 1); // GPU batch-1 times are a few ms
  const int8 = rows.some((r) => Number.isFinite(r.vs_ort_web_int8));
  const out = [`| threads | workload | runner | median ms | p25–p75 ms | CPU ms | vs ort-web |${int8 ? ' vs ort-web-int8 |' : ''} GFLOP/s | exits/full time, CPU time, min time (expected FLOPs) | peak RSS MB |`, `|---|---|---|---|---|---|---|${int8 ? '---|' : ''}---|---|---|`];
  for (const r of rows) {
    const ratio = r.measured_time_ratio !== undefined ? `${f(r.measured_time_ratio, 3)}, ${f(r.measured_cpu_ratio, 3)}, ${f(r.measured_min_ratio, 3)} (${f(r.expected_flops_ratio, 3)})` : '';
    out.push(`| ${r.threads ?? '–'} | ${r.workload} | ${r.runner} | ${ms(r.median_ms)} | ${ms(r.p25_ms)}–${ms(r.p75_ms)} | ${ms(r.median_cpu_ms)} | ${f(r.vs_ort_web, 2)} |${int8 ? ` ${f(r.vs_ort_web_int8, 2)} |` : ''} ${f(r.gflops_per_s)} | ${ratio} | ${f(r.peak_rss_mb, 0)} |`);
  }
  return out.join('\n');
}

main().catch((e: Error) => { console.error(e instanceof HasheeError ? e.format() : (e.stack ?? e)); process.exit(1); });
