// `hashee report`: one self-contained HTML page about a spec's exit schedule, its plots drawn with
// Vega-Lite (compiled to Vega and rendered to SVG in Node: the page needs no script and no network).

import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { Loaded } from '../load.ts';
import { readSpecCorpus } from '../corpus/read.ts';
import type { ScheduleReport } from '../schedule/report.ts';
import { countWork, planBatch } from '../../runtime/plan.ts';
import { HasheeError } from '../errors.ts';

export interface ReportOptions {
  /** The tool version and spec hash: the page's generator line (no timestamp: same inputs, same bytes). */
  readonly header: string;
  /** Results of `npm run bench` (bench/results/*.json): drawn as bars when given. */
  readonly bench?: unknown;
  /** Sentences drawn in the active-tokens plot (evenly spaced over the corpus). Default 24. */
  readonly sample?: number;
}

/** The numbers behind the page (also what `hashee report --json` prints). */
export interface ReportData {
  readonly name: string;
  readonly layers: number;
  readonly typesPerLayer: readonly number[];
  readonly massPerLayer?: readonly number[];
  readonly flopsRatio?: number;
  /** Per sampled sentence: its tokens and the active tokens at layers 1..L. */
  readonly active: readonly { readonly sentence: number; readonly tokens: number; readonly perLayer: readonly number[] }[];
  /** Per sentence length: sentences of that length and their expected FLOPs ratio (exits vs full depth). */
  readonly byLength: readonly { readonly length: number; readonly sentences: number; readonly flopsRatio: number }[];
  readonly bench?: readonly BenchRow[];
}

interface BenchRow { readonly threads: number; readonly workload: string; readonly runner: string; readonly medianMs: number; readonly p25Ms: number; readonly p75Ms: number }

/** Statistics of the page: the schedule's, plus per-sentence plans over the spec's corpus. */
export function reportData(loaded: Loaded, schedule: ScheduleReport, opts: Pick<ReportOptions, 'bench' | 'sample'> = {}): ReportData {
  const { spec, table } = loaded;
  const L = spec.arch.layers;
  const sequences = readSpecCorpus(spec)?.sequences ?? [];
  const sample = Math.min(opts.sample ?? 24, sequences.length);
  const picked = Array.from({ length: sample }, (_, i) => Math.floor((i * sequences.length) / sample));
  const active = picked.map((s) => {
    const plan = planBatch(table, [sequences[s]!], L);
    return { sentence: s, tokens: plan.rows, perLayer: Array.from(plan.active.subarray(1)) };
  });
  const groups = new Map<number, { sentences: number; exited: number; full: number }>();
  for (const ids of sequences) {
    const g = groups.get(ids.length) ?? { sentences: 0, exited: 0, full: 0 };
    g.sentences++;
    g.exited += countWork(planBatch(table, [ids], L), spec.arch).flops;
    g.full += countWork(planBatch(table, [ids], L, { fullDepth: true }), spec.arch).flops;
    groups.set(ids.length, g);
  }
  const byLength = [...groups].sort(([a], [b]) => a - b).map(([length, g]) => ({ length, sentences: g.sentences, flopsRatio: g.exited / g.full }));
  const c = schedule.stats.corpus;
  return {
    name: spec.name, layers: L, typesPerLayer: schedule.stats.typesPerLayer,
    ...(c ? { massPerLayer: c.massPerLayer, flopsRatio: c.flopsRatio } : {}),
    active, byLength,
    ...(opts.bench !== undefined ? { bench: benchRows(opts.bench) } : {}),
  };
}

/** The rows of a bench results file, checked for the fields the plot reads. */
function benchRows(bench: unknown): BenchRow[] {
  const results = (bench as { results?: unknown } | null)?.results;
  if (!Array.isArray(results)) throw new HasheeError('file-format', 'the --bench file has no "results" list (expected bench/results/*.json written by npm run bench)');
  return results.map((r, i) => {
    const x = r as Record<string, unknown>;
    const num = (k: string): number => {
      if (typeof x[k] !== 'number' || !Number.isFinite(x[k])) throw new HasheeError('file-format', `the --bench file's results[${i}].${k} is not a number`);
      return x[k] as number;
    };
    if (typeof x.runner !== 'string' || typeof x.workload !== 'string') throw new HasheeError('file-format', `the --bench file's results[${i}] has no runner and workload names`);
    return { threads: num('threads'), workload: x.workload, runner: x.runner, medianMs: num('median_ms'), p25Ms: num('p25_ms'), p75Ms: num('p75_ms') };
  });
}

const WIDTH = 560;

/** Vega-Lite specs of the page's plots (data inlined). */
function plots(d: ReportData): { title: string; caption: string; spec: TopLevelSpec }[] {
  const layerAxis = { field: 'layer', type: 'ordinal' as const, title: 'exit layer' };
  const out: { title: string; caption: string; spec: TopLevelSpec }[] = [];
  const perLayer = d.typesPerLayer.flatMap((types, i) => [
    { layer: i + 1, measure: 'token types (vocabulary ids)', count: types },
    ...(d.massPerLayer ? [{ layer: i + 1, measure: 'token mass (corpus occurrences)', count: d.massPerLayer[i]! }] : []),
  ]);
  out.push({
    title: 'Exit layers',
    caption: 'How many vocabulary ids (types) and how many corpus token occurrences (mass) leave the encoder after each layer.',
    spec: {
      data: { values: perLayer }, width: WIDTH / 2 - 40, height: 180,
      mark: 'bar',
      encoding: { x: layerAxis, y: { field: 'count', type: 'quantitative', title: 'count' }, column: { field: 'measure', type: 'nominal', title: null }, color: { field: 'measure', type: 'nominal', legend: null } },
      resolve: { scale: { y: 'independent' } },
    },
  });
  if (d.active.length > 0) {
    out.push({
      title: 'Active tokens per layer',
      caption: `Tokens still computing queries, attention and FFN at each layer, for ${d.active.length} corpus sentences (evenly spaced over the corpus); K/V run for every token.`,
      spec: {
        data: { values: d.active.flatMap((a) => a.perLayer.map((m, l) => ({ sentence: `#${a.sentence} (${a.tokens} tokens)`, layer: l + 1, active: m }))) },
        width: WIDTH, height: 240,
        mark: { type: 'line', point: true, opacity: 0.7 },
        encoding: { x: { field: 'layer', type: 'ordinal', title: 'layer' }, y: { field: 'active', type: 'quantitative', title: 'active tokens' }, color: { field: 'sentence', type: 'nominal', legend: null }, detail: { field: 'sentence' } },
      },
    });
  }
  if (d.byLength.length > 0) {
    out.push({
      title: 'Expected FLOPs ratio vs sentence length',
      caption: 'Cost-model FLOPs with exits / at full depth, summed over the corpus sentences of each length (one sentence per call); point size: number of sentences.',
      spec: {
        data: { values: d.byLength.map((b) => ({ length: b.length, ratio: b.flopsRatio, sentences: b.sentences })) },
        width: WIDTH, height: 220,
        mark: { type: 'point', filled: true },
        encoding: {
          x: { field: 'length', type: 'quantitative', title: 'tokens per sentence (with [CLS]/[SEP])' },
          y: { field: 'ratio', type: 'quantitative', title: 'FLOPs ratio', scale: { domain: [0, 1] } },
          size: { field: 'sentences', type: 'quantitative', title: 'sentences' },
        },
      },
    });
  }
  if (d.bench && d.bench.length > 0) {
    out.push({
      title: 'Benchmark',
      caption: 'Median time per workload and runner (the bars) with the p25–p75 spread (the rules), from the --bench results file.',
      spec: {
        data: { values: d.bench.map((b) => ({ ...b, group: `${b.workload}, ${b.threads} thread${b.threads === 1 ? '' : 's'}` })) },
        facet: { row: { field: 'group', type: 'nominal', title: null } },
        spec: {
          width: WIDTH - 120, height: { step: 16 },
          layer: [
            { mark: 'bar', encoding: { y: { field: 'runner', type: 'nominal', title: null }, x: { field: 'medianMs', type: 'quantitative', title: 'median ms' }, color: { field: 'runner', type: 'nominal', legend: null } } },
            { mark: { type: 'rule', color: 'black' }, encoding: { y: { field: 'runner', type: 'nominal' }, x: { field: 'p25Ms', type: 'quantitative' }, x2: { field: 'p75Ms' } } },
          ],
        },
        resolve: { scale: { x: 'independent' } },
      },
    });
  }
  return out;
}

async function svgOf(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

const escape = (s: string): string => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The report page (HTML, plots inline as SVG). Same inputs, same bytes. */
export async function renderReport(d: ReportData, opts: ReportOptions): Promise<string> {
  const figures: string[] = [];
  for (const p of plots(d)) {
    figures.push(`<figure><h2>${escape(p.title)}</h2>${await svgOf(p.spec)}<figcaption>${escape(p.caption)}</figcaption></figure>`);
  }
  const summary = [
    ['layers', String(d.layers)],
    ['vocabulary ids', String(d.typesPerLayer.reduce((a, b) => a + b, 0))],
    ...(d.flopsRatio !== undefined ? [['expected FLOPs vs full depth', `${d.flopsRatio.toFixed(3)} (${(1 / d.flopsRatio).toFixed(2)}x fewer)`]] : []),
  ];
  return [
    '<!doctype html>',
    `<!-- ${escape(opts.header)} -->`,
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>hashee report: ${escape(d.name)}</title>`,
    '<style>body{font:15px/1.45 system-ui,sans-serif;max-width:760px;margin:2em auto;padding:0 1em;color:#222}',
    'table{border-collapse:collapse}td{padding:2px 12px 2px 0}figure{margin:2em 0}figcaption{color:#555;font-size:13px}',
    'h2{font-size:17px;margin-bottom:.4em}svg{max-width:100%;height:auto}</style>',
    '</head><body>',
    `<h1>hashee report: ${escape(d.name)}</h1>`,
    `<p>${escape(opts.header)}</p>`,
    `<table>${summary.map(([k, v]) => `<tr><td>${escape(k!)}</td><td>${escape(v!)}</td></tr>`).join('')}</table>`,
    ...figures,
    '</body></html>',
    '',
  ].join('\n');
}
