// `hashee run`: inputs -> a backend -> exits, result and work, printed for people or as JSON.

import type { Loaded } from '../load.ts';
import type { Spec } from '../spec/types.ts';
import type { RunResult } from '../../runtime/reference/api.ts';
import type { ExitTable } from '../../contract/model.ts';
import { runReference } from '../../runtime/reference/index.ts';
import { planBatch, countWork } from '../../runtime/plan.ts';
import { HasheeError } from '../errors.ts';
import { encodeTexts } from '../corpus/tokenize.ts';

export type OutputKind = 'logits' | 'last-hidden';
export type BackendName = 'reference' | 'wasm' | 'webgpu';

export interface RunRequest {
  readonly texts: readonly string[];
  readonly ids: readonly (readonly number[])[];
}

export interface RunSettings {
  readonly backend: BackendName;
  readonly precision: 'f64' | 'f32';
  readonly fullDepth: boolean;
  readonly output: OutputKind;
  /** wasm backend: threads including the caller (default: every core). */
  readonly threads?: number;
}

export interface RunReport {
  readonly spec: Spec;
  readonly settings: RunSettings;
  readonly inputs: readonly (readonly number[])[];
  readonly tokens?: readonly (readonly string[])[];
  readonly result: RunResult;
  readonly fullFlops: number;
  readonly table: ExitTable;
}

/** Parses `--ids 101,7592,102` and checks every id against the spec's vocabulary. */
export function parseIdsArg(arg: string, spec: Spec): number[] {
  const parts = arg.split(/[\s,]+/).filter((p) => p.length > 0);
  if (parts.length === 0) throw new HasheeError('input', '--ids is empty', { expected: 'comma-separated token ids, e.g. --ids 101,7592,102' });
  parts.forEach((p, i) => {
    if (!/^\d+$/.test(p)) throw new HasheeError('input', `--ids item ${i + 1} is not a token id`, { expected: 'a non-negative integer', actual: JSON.stringify(p) });
  });
  const ids = parts.map(Number);
  checkIds(ids, spec, '--ids');
  return ids;
}

/** Every id of one input is an integer inside the spec's vocabulary (`what` names the input in messages). */
export function checkIds(ids: readonly unknown[], spec: Spec, what: string): void {
  if (ids.length === 0) throw new HasheeError('input', `${what} is empty`, { expected: 'at least one token id' });
  ids.forEach((id, i) => {
    if (typeof id !== 'number' || !Number.isInteger(id) || id < 0) {
      throw new HasheeError('input', `${what} item ${i + 1} is not a token id`, { expected: 'a non-negative integer', actual: JSON.stringify(id) ?? String(id) });
    }
    if (id >= spec.arch.vocabSize) throw new HasheeError('input', `${what} item ${i + 1}: token id ${id} is outside the vocabulary`, { expected: `0..${spec.arch.vocabSize - 1}`, actual: String(id) });
  });
}

export async function runOnInputs(loaded: Loaded, req: RunRequest, settings: RunSettings): Promise<RunReport> {
  const { spec, model, table } = loaded;
  const encoded = req.texts.length ? encodeTexts(spec, req.texts) : undefined;
  const inputs = [...(encoded?.ids ?? []), ...req.ids];
  inputs.forEach((ids, i) => {
    if (ids.length > spec.arch.maxPositions) {
      throw new HasheeError('input', `input ${i + 1} has ${ids.length} tokens, more than max_positions (${spec.arch.maxPositions})`, { expected: `<= ${spec.arch.maxPositions}`, actual: String(ids.length) });
    }
    if (ids.length === 0) throw new HasheeError('input', `input ${i + 1} is empty`);
  });
  // wasm and webgpu run the compiled package (cached per spec and tool build); they compute in float32.
  // Its compiler (binaryen, ts-morph) is imported only then.
  const compiled = settings.backend !== 'reference';
  const result = compiled
    ? await (await import('./compiled.ts')).runCompiled(loaded, settings.backend as 'wasm' | 'webgpu', inputs, { fullDepth: settings.fullDepth, output: settings.output, threads: settings.threads })
    : runReference(model, table, { ids: inputs }, { precision: settings.precision, fullDepth: settings.fullDepth });
  // Full depth as the same backend would run it: compiled packages compute only [CLS] in the last layer
  // when a sequence head's logits are all that is read.
  const seqHead = spec.head.kind === 'classification' || spec.head.kind === 'regression';
  const clsOnlyLastLayer = compiled && seqHead && settings.output === 'logits';
  const full = countWork(planBatch(table, inputs, spec.arch.layers, { fullDepth: true, clsOnlyLastLayer }), spec.arch);
  const tokens = encoded ? encoded.tokens : undefined;
  return { spec, settings: compiled ? { ...settings, precision: 'f32' } : settings, inputs, tokens, result, fullFlops: full.flops, table };
}

function rows(flat: Float64Array, width: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < flat.length; i += width) out.push(Array.from(flat.subarray(i, i + width)));
  return out;
}

/** JSON for machines: one object per input ({exits, last_hidden | logits}); a batch prints an array of them. */
export function runJson(rep: RunReport, output: OutputKind): unknown {
  const d = rep.spec.arch.hidden;
  const per = rep.inputs.map((_, b) => {
    const o: Record<string, unknown> = { exits: rep.result.exits[b] };
    if (output === 'last-hidden') o.last_hidden = rows(rep.result.lastHidden[b]!, d);
    else if (rep.result.logits) o.logits = rep.spec.head.kind === 'token'
      ? rows(rep.result.logits[b]!, rep.result.logits[b]!.length / rep.inputs[b]!.length)
      : Array.from(rep.result.logits[b]!);
    o.flops = { executed: rep.result.work.flops, full_depth: rep.fullFlops };
    return o;
  });
  return per.length === 1 ? per[0] : per;
}

const fmt = (x: number): string => (Math.abs(x) >= 1e4 || (Math.abs(x) < 1e-3 && x !== 0) ? x.toExponential(4) : x.toFixed(5));

function flopText(flops: number): string {
  const [scale, unit] = flops >= 1e9 ? [1e9, 'GFLOP'] : flops >= 1e6 ? [1e6, 'MFLOP'] : flops >= 1e3 ? [1e3, 'kFLOP'] : [1, 'FLOP'];
  return `${(flops / scale).toFixed(3)} ${unit}`;
}

/** Human-readable report: tokens with their exit layers, the result, and the work executed. */
export function formatRun(rep: RunReport, output: OutputKind): string {
  const { spec, result } = rep;
  const L = spec.arch.layers;
  const lines: string[] = [];
  lines.push(`${spec.name}: ${L} layers, hidden ${spec.arch.hidden}; backend ${rep.settings.backend} (${rep.settings.precision})${rep.settings.fullDepth ? ', full depth' : ''}`);
  rep.inputs.forEach((ids, b) => {
    lines.push('', `input ${b + 1}: ${ids.length} tokens`);
    const toks = rep.tokens?.[b];
    const exits = result.exits[b]!;
    const w = Math.max(5, ...ids.map((_, t) => (toks?.[t] ?? '').length));
    lines.push(`  ${'pos'.padStart(4)}  ${toks ? 'token'.padEnd(w) + '  ' : ''}${'id'.padStart(6)}  exit  ${'layers'}`);
    ids.forEach((id, t) => {
      const e = exits[t]!;
      lines.push(`  ${String(t).padStart(4)}  ${toks ? (toks[t] ?? '').padEnd(w) + '  ' : ''}${String(id).padStart(6)}  ${String(e).padStart(4)}  ${'#'.repeat(e)}${'.'.repeat(L - e)}`);
    });
    if (output === 'logits' && result.logits) {
      const lg = result.logits[b]!;
      if (spec.head.kind === 'classification') {
        let arg = 0;
        for (let i = 1; i < lg.length; i++) if (lg[i]! > lg[arg]!) arg = i;
        lines.push(`  logits: [${Array.from(lg, fmt).join(', ')}]  -> label ${arg}`);
      } else if (spec.head.kind === 'regression') lines.push(`  score: ${fmt(lg[0]!)}`);
      else lines.push(`  logits: ${lg.length / ids.length} per token (use --json to see them)`);
    } else {
      const h = result.lastHidden[b]!;
      const d = spec.arch.hidden;
      lines.push(`  last hidden: [${ids.length}, ${d}]; token 0 starts [${Array.from(h.subarray(0, Math.min(4, d)), fmt).join(', ')}, ...] (use --json for all values)`);
    }
  });
  const ex = result.work.flops, full = rep.fullFlops;
  // The plan in prefix form: tokens ordered by exit layer, so layer l runs queries onward on rows [0, active[l]).
  const plan = planBatch(rep.table, rep.inputs, L, { fullDepth: rep.settings.fullDepth });
  lines.push('', `active tokens per layer (of ${plan.rows}): ${Array.from(plan.active.subarray(1)).join(' ')}`);
  lines.push(`work: ${flopText(ex)} executed vs ${flopText(full)} at full depth (${((100 * ex) / full).toFixed(1)}%, ${(full / ex).toFixed(2)}x fewer)`);
  return `${lines.join('\n')}\n`;
}
