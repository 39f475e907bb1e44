// The WebGPU program: one kernel per step of the model's program (contract/program.ts), with what the WGSL
// emitter and the engine share about it (weight block, bindings, row counts, tile sizes), and the compiled
// artifact (one WGSL module per kernel, one per tile shape for products) the engine loads.

import type { ArchConfig, HeadConfig } from '../../contract/model.ts';
import { encoderProgram, programSteps, stepReads, type Buffer, type Rows, type Stage, type Step, type StepName } from '../../contract/program.ts';
import { BLOCK_OF_GROUP, type BlockName, type WebGpuPrecision } from '../../contract/webgpu-layout.ts';

/** A kernel is named after the program step it runs. */
export type KernelName = StepName;

/** Activation buffers (packed row order, capacity R rows, S sequences) and the per-call metadata. */
export type Role = 'info' | Buffer;

/** Which weight block a kernel binds: embeddings, the current layer's, the head's (with the final LayerNorm), or none. */
export type Block = BlockName | 'none';

/** Which per-call count bounds a kernel's rows: all rows n, the layer's active prefix, or sequences B. */
export type RowCount = 'rows' | 'prefix' | 'seqs';

export interface KernelInfo {
  readonly step: Step;
  readonly stage: Stage;
  readonly block: Block;
  readonly reads: readonly Role[];
  readonly writes: readonly Role[];
  readonly count: RowCount;
}

const COUNT_OF_ROWS: Record<Rows, RowCount> = { all: 'rows', prefix: 'prefix', cls: 'seqs', seqs: 'seqs' };

/** Steps that read the per-row metadata: embeddings (ids, types, positions), attention (key rows), [CLS] gathers. */
function readsInfo(step: Step): boolean {
  return step.op === 'embed' || step.op === 'attention' || step.rows === 'cls';
}

function blockOf(step: Step, stage: Stage): Block {
  if (step.op === 'attention') return 'none';
  return BLOCK_OF_GROUP[stage === 'layer' ? 'layer' : stage === 'embed' ? 'embed' : stage];
}

/** Every kernel of a model in program order, with its bindings' roles and row count. */
export function kernelsOf(arch: ArchConfig, head: HeadConfig): ReadonlyMap<KernelName, KernelInfo> {
  const out = new Map<KernelName, KernelInfo>();
  for (const { stage, step } of programSteps(encoderProgram(arch, head))) {
    const reads: Role[] = [...(readsInfo(step) ? ['info' as const] : []), ...stepReads(step)];
    out.set(step.name, { step, stage, block: blockOf(step, stage), reads, writes: [step.out], count: COUNT_OF_ROWS[step.rows] });
  }
  return out;
}

export interface Binding {
  readonly binding: number;
  readonly name: 'counts' | 'weights' | Role;
  readonly kind: 'uniform' | 'read' | 'read_write';
}

/** Bind group 0 of a kernel: 0 = counts (uniform slot), 1 = weight block (if any), then reads, then writes. */
export function bindingsOf(kernel: KernelInfo): readonly Binding[] {
  const list: Binding[] = [{ binding: 0, name: 'counts', kind: 'uniform' }];
  if (kernel.block !== 'none') list.push({ binding: list.length, name: 'weights', kind: 'read' });
  for (const r of kernel.reads) list.push({ binding: list.length, name: r, kind: 'read' });
  for (const r of kernel.writes) list.push({ binding: list.length, name: r, kind: 'read_write' });
  return list;
}

/** Linear steps over token rows are tiled matrix products (one module per tile shape); per-sequence ones are row kernels. */
export function isProduct(kernel: KernelInfo): boolean {
  return kernel.step.op === 'linear' && (kernel.step.rows === 'all' || kernel.step.rows === 'prefix');
}

export type TileName = 'wide' | 'narrow';
export const TILE_NAMES: readonly TileName[] = ['wide', 'narrow'];

export interface TileShape {
  readonly rows: number;     // output rows per workgroup
  readonly cols: number;     // output columns per workgroup; cols / threadsX === 4 (one vec4 per k)
  readonly depth: number | null; // k-step staged through workgroup memory; null: operands read from storage
  readonly threadsX: number;
  readonly threadsY: number; // rows / threadsY output rows per invocation
}

/**
 * Product tiles, 16x16 workgroups, 4 columns per invocation.
 * wide = 128x64 outputs, up to 8x4 per invocation, operands staged through workgroup memory in k-steps of
 * 8 (a k-step of 16 compiles three times slower on SwiftShader). Invocations loop over their tile rows only
 * up to the live ones (rows below the count), so a tile costs a fixed part (each weight k-step staged once,
 * two barriers per k-step) plus a part per live row: weights are staged once per 128 rows, and a layer
 * thinned by exits pays for its live rows, not for whole tiles (with 64-row tiles, 73 and 103 live rows cost
 * as much as 128 on SwiftShader).
 * narrow = 16x64, one row per invocation, no workgroup memory and no barriers: invocations past the live
 * rows return at once, so short inputs and the [CLS]-only last layer cost about their rows.
 */
export const TILES: Record<TileName, TileShape> = {
  wide: { rows: 128, cols: 64, depth: 8, threadsX: 16, threadsY: 16 },
  narrow: { rows: 16, cols: 64, depth: null, threadsX: 16, threadsY: 16 },
};

/**
 * Which tile a product over some rows uses. 'gpu': narrow up to 16 rows (one narrow tile), wide above (weights
 * staged once per 128 rows). 'cpu' (a CPU implementation such as SwiftShader, where a workgroup barrier
 * costs far more than re-reading weights from cache): narrow at every size; measured on SwiftShader it is
 * 1.3x (128 rows) to 18x (1 row) faster than wide and costs in proportion to the rows.
 */
export type TilePolicy = 'gpu' | 'cpu';

/** Products over at most this many rows use the narrow tile under the 'gpu' policy. */
export const NARROW_MAX_ROWS = 16;

export function tileFor(rows: number, policy: TilePolicy = 'gpu'): TileName {
  return policy === 'cpu' || rows <= NARROW_MAX_ROWS ? 'narrow' : 'wide';
}

/** Name of a kernel's module (and pipeline): `query/wide`, `query/narrow`, `attention`. */
export function moduleKey(kernel: KernelName, tile?: TileName): string {
  return tile ? `${kernel}/${tile}` : kernel;
}

/** Workgroup size of the row kernels (embedding, LayerNorm, attention, per-sequence dense layers). */
export const ROW_THREADS = 64;

/**
 * Per-call uniform slots, one per 256 bytes (minUniformBufferOffsetAlignment): slot 0 = embeddings,
 * slot l = layer l, slot L + 1 = final LayerNorm and head. Fields are u32, in this order.
 */
export const COUNT_FIELDS = ['rows', 'prefix', 'seqs', 'keyRowsAt', 'clsAt'] as const;
export const SLOT_BYTES = 256;
export const SLOT_FIELDS = 8; // struct padded to 32 bytes (uniform structs are 16-byte multiples)

/** Uniform slot (and weight block) of a stage: embeddings 0, layer l, final and head L + 1. */
export function slotOf(stage: Stage, layer: number, layers: number): number {
  return stage === 'embed' ? 0 : stage === 'layer' ? layer : layers + 1;
}

/** Per-row metadata in the info buffer (u32): id, token type, position, key start, key count. */
export const ROW_INFO = 5;

/** The optional WebGPU feature a module needs: f16 weights read as array<f16>. */
export type ModuleFeature = 'shader-f16';

export interface WgslModule {
  readonly kernel: KernelName;
  readonly tile?: TileName; // products only
  /** Present: the module needs this feature, and replaces its twin without it (same kernel and tile) on devices that have it. */
  readonly feature?: ModuleFeature;
  readonly code: string;
}

/** What the compiler emits for the WebGPU target and the engine loads. */
export interface WebGpuProgram {
  readonly arch: ArchConfig;
  readonly head: HeadConfig;
  /** Weight storage the modules read (contract/webgpu-layout.ts); absent: f32. */
  readonly precision?: WebGpuPrecision;
  readonly modules: readonly WgslModule[]; // program order; products wide then narrow; feature twins after their kernel's plain modules
}

/** The modules a device runs: each plain module, or its feature twin where the device has that feature. */
export function modulesFor(program: WebGpuProgram, features: ReadonlySet<ModuleFeature>): WgslModule[] {
  const twinned = new Set(program.modules.filter((m) => m.feature && features.has(m.feature)).map((m) => moduleKey(m.kernel, m.tile)));
  return program.modules.filter((m) => (m.feature ? features.has(m.feature) : !twinned.has(moduleKey(m.kernel, m.tile))));
}
