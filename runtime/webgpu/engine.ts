// WebGPU engine: loads a compiled program (pipelines created up front, weights uploaded once) and runs
// ragged batches with one command buffer, one submit and one readback per call. Browser-safe.
// f16 programs request shader-f16 where the adapter has it and run the modules that read array<f16>;
// elsewhere the modules that unpack u32 words (the same values, the same f32 arithmetic).

import type { ExitTable } from '../../contract/model.ts';
import { headOutputs } from '../../contract/model.ts';
import { checkBatch } from '../input.ts';
import { planBatch, type BatchPlan } from '../plan.ts';
import type { RunInput } from '../reference/api.ts';
import { WebGpuError } from './errors.ts';
import { ELEMENT_BYTES, weightLayout, type PackedWeights, type WebGpuPrecision, type WeightBlock } from '../../contract/webgpu-layout.ts';
import { SLOT_BYTES, SLOT_FIELDS, bindingsOf, kernelsOf, moduleKey, modulesFor, slotOf, type KernelInfo, type KernelName, type ModuleFeature, type Role, type TilePolicy, type WebGpuProgram } from './program.ts';
import { bufferWidth, buffersOf, encoderProgram, perSequence, type Buffer } from '../../contract/program.ts';
import { callCounts, callInfo, infoWords, scheduleCall, type Dispatch } from './schedule.ts';

/** GPUBufferUsage and GPUMapMode values from the WebGPU spec: the engine needs no globals installed. */
const USAGE = { MAP_READ: 0x0001, COPY_SRC: 0x0004, COPY_DST: 0x0008, UNIFORM: 0x0040, STORAGE: 0x0080 } as const;
const MAP_READ = 0x0001;
const COMPUTE_STAGE = 0x4; // GPUShaderStage.COMPUTE

export interface EngineOptions {
  /** A device, or where to get one: the `webgpu` package's GPU in Node (nodeGpu()). Default: navigator.gpu. */
  readonly gpu?: GPU | GPUDevice;
  readonly program: WebGpuProgram;
  readonly weights: PackedWeights;   // packWebGpuWeights(model, precision): must match the program's layout and precision
  readonly table: ExitTable;
  /** Run the array<f16> modules of an f16 program where the device has shader-f16 (requesting it); default true. */
  readonly shaderF16?: boolean;
}

export interface EngineRunOptions {
  readonly fullDepth?: boolean; // ignore the exit table
  /**
   * Also return h^L of every token. Sequence heads otherwise cut the last layer to the [CLS] rows
   * (planBatch clsOnlyLastLayer) and return no hidden states. Default: true for head 'none' only.
   */
  readonly hidden?: boolean;
}

/** Outputs in input order, as the reference executor returns them, in f32. */
export interface EngineResult {
  readonly exits: number[][];            // [B][len] exit layer of each token
  readonly lastHidden?: Float32Array[];  // [B] of [len, d]
  readonly pooled?: Float32Array[];      // [B] of [d] (sequence heads)
  readonly logits?: Float32Array[];      // [B] of [N] (sequence heads) or [len, N] (token head)
}

export interface WebGpuEngine {
  readonly device: GPUDevice;
  /** Adapter description (vendor, architecture, device, description) when the engine requested it. */
  readonly adapter: string;
  /** Product tiles by row count: 'cpu' on a CPU implementation of WebGPU (SwiftShader), else 'gpu'. */
  readonly tilePolicy: TilePolicy;
  /** Weight storage (the program's), and how f16 weights are read: as f16 (shader-f16) or unpacked from u32 words. */
  readonly precision: WebGpuPrecision;
  readonly shaderF16: boolean;
  run(input: RunInput, opts?: EngineRunOptions): Promise<EngineResult>;
  /** Releases every GPU buffer (and the device, if the engine created it). */
  dispose(): void;
}

/** One readback: a region of an activation buffer copied to the staging buffer. */
export interface Copy {
  readonly src: GPUBuffer;
  readonly dst: GPUBuffer;
  readonly dstOffset: number; // bytes
  readonly size: number;      // bytes
}

/**
 * Records one call: every dispatch in one compute pass, then the readback copies. Issues commands
 * only (no allocation, no pipeline creation), so a recording device sees exactly the schedule.
 */
export function recordCall(
  device: GPUDevice,
  dispatches: readonly Dispatch[],
  pipelines: ReadonlyMap<string, GPUComputePipeline>, // by moduleKey
  bindGroup: (d: Dispatch) => GPUBindGroup,
  copies: readonly Copy[],
): GPUCommandBuffer {
  const encoder = device.createCommandEncoder({ label: 'hashee call' });
  const pass = encoder.beginComputePass();
  for (const d of dispatches) {
    pass.setPipeline(pipelines.get(moduleKey(d.kernel, d.tile))!);
    pass.setBindGroup(0, bindGroup(d));
    pass.dispatchWorkgroups(d.groups[0], d.groups[1], d.groups[2]);
  }
  pass.end();
  for (const c of copies) encoder.copyBufferToBuffer(c.src, 0, c.dst, c.dstOffset, c.size);
  return encoder.finish();
}

export async function createEngine(opts: EngineOptions): Promise<WebGpuEngine> {
  const wanted: ModuleFeature[] = opts.shaderF16 !== false && opts.program.modules.some((m) => m.feature === 'shader-f16') ? ['shader-f16'] : [];
  const acquired = await acquireDevice(opts.gpu, wanted);
  // the modules this device runs: f16 programs carry both forms of every module that reads weights
  const program: WebGpuProgram = { ...opts.program, modules: modulesFor(opts.program, acquired.features) };
  checkWeights(program, opts.weights, acquired.device.limits);
  const layouts = createLayouts(acquired.device, program);
  const pipelines = await createPipelines(acquired.device, program, layouts);
  return new Engine(acquired, program, opts.weights, opts.table, layouts, pipelines);
}

interface Acquired {
  readonly device: GPUDevice;
  readonly adapter: string;
  readonly tilePolicy: TilePolicy;
  /** The wanted features the device has (requested when the engine created it). */
  readonly features: ReadonlySet<ModuleFeature>;
  readonly owned: boolean;
  /** The GPU and adapter objects: Dawn in Node crashes if they are collected while the device lives. */
  readonly parents: readonly object[];
}

async function acquireDevice(given: GPU | GPUDevice | undefined, wanted: readonly ModuleFeature[]): Promise<Acquired> {
  const gpu = given ?? (globalThis as { navigator?: { gpu?: GPU } }).navigator?.gpu;
  if (!gpu) throw new WebGpuError('no-webgpu', 'WebGPU is not available here (no navigator.gpu): pass a GPUDevice, or in Node the `webgpu` package\'s GPU (nodeGpu())');
  if ('createBuffer' in gpu) {
    const info = (gpu as { adapterInfo?: GPUAdapterInfo }).adapterInfo; // absent in older implementations
    const features = new Set(wanted.filter((f) => (gpu as { features?: GPUSupportedFeatures }).features?.has(f)));
    return { device: gpu, adapter: 'caller-provided device', tilePolicy: tilePolicyOf(info), features, owned: false, parents: [] };
  }
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) {
    throw new WebGpuError('no-adapter', 'no WebGPU adapter found (in Node on a machine without a GPU, install Debian\'s chromium and libvulkan1 and point VK_ICD_FILENAMES at /usr/lib/chromium/vk_swiftshader_icd.json)');
  }
  const features = new Set(wanted.filter((f) => adapter.features.has(f)));
  const device = await adapter.requestDevice({
    label: 'hashee',
    ...(features.size > 0 ? { requiredFeatures: [...features] } : {}),
    requiredLimits: {
      maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
      maxBufferSize: adapter.limits.maxBufferSize,
    },
  });
  const i = adapter.info;
  const name = [i.vendor, i.architecture, i.device, i.description].filter((s) => s).join(' / ') || 'unknown adapter';
  return { device, adapter: name, tilePolicy: tilePolicyOf(i), features, owned: true, parents: [gpu, adapter] };
}

/** Software rasterizers that implement WebGPU on the CPU. */
const CPU_ADAPTERS = /swiftshader|llvmpipe|lavapipe|software/i;

/** 'cpu' for a fallback or software adapter (see TilePolicy), 'gpu' otherwise or when unknown. */
function tilePolicyOf(info: GPUAdapterInfo | undefined): TilePolicy {
  if (!info) return 'gpu';
  const fallback = (info as { isFallbackAdapter?: boolean }).isFallbackAdapter === true;
  return fallback || CPU_ADAPTERS.test(`${info.vendor} ${info.architecture} ${info.device} ${info.description}`) ? 'cpu' : 'gpu';
}

function checkWeights(program: WebGpuProgram, w: PackedWeights, limits: GPUSupportedLimits): void {
  const precision = program.precision ?? 'f32';
  const layout = weightLayout(program.arch, program.head, precision);
  if (w.precision !== precision) throw new WebGpuError('weights', `the weights are ${w.precision}, the program reads ${precision}`);
  if (w.layers.length !== layout.storedLayers) {
    throw new WebGpuError('weights', `weights have ${w.layers.length} layer blocks, the program stores ${layout.storedLayers}`);
  }
  const element = precision === 'f16' ? Uint16Array : Float32Array;
  const check = (name: string, data: WeightBlock | undefined, floats: number): void => {
    if (!data || !(data instanceof element) || data.length !== floats) {
      throw new WebGpuError('weights', `weight block ${name} has ${data?.length ?? 0} ${precision} values, the program's layout needs ${floats}`);
    }
    const bytes = floats * ELEMENT_BYTES[precision];
    if (bytes > limits.maxStorageBufferBindingSize) {
      throw new WebGpuError('limits', `weight block ${name} is ${bytes} bytes; this device binds at most ${limits.maxStorageBufferBindingSize} bytes per storage buffer`);
    }
  };
  check('embed', w.embed, layout.embed.floats);
  w.layers.forEach((b, l) => check(`layers[${l}]`, b, layout.layer.floats));
  check('head', w.head, layout.head.floats);
}

/** One bind group layout per kernel (shared by its tile variants, so one bind group serves both). */
function createLayouts(device: GPUDevice, program: WebGpuProgram): Map<KernelName, GPUBindGroupLayout> {
  const layouts = new Map<KernelName, GPUBindGroupLayout>();
  const kernels = kernelsOf(program.arch, program.head);
  for (const { kernel } of program.modules) {
    if (layouts.has(kernel)) continue;
    const info = kernels.get(kernel);
    if (!info) throw new WebGpuError('shader', `the program has a module for '${kernel}', which is no step of this model`);
    const entries: GPUBindGroupLayoutEntry[] = bindingsOf(info).map((b) => ({
      binding: b.binding,
      visibility: COMPUTE_STAGE,
      buffer: { type: b.kind === 'uniform' ? 'uniform' : b.kind === 'read' ? 'read-only-storage' : 'storage' },
    }));
    layouts.set(kernel, device.createBindGroupLayout({ label: kernel, entries }));
  }
  return layouts;
}

async function createPipelines(device: GPUDevice, program: WebGpuProgram, layouts: ReadonlyMap<KernelName, GPUBindGroupLayout>): Promise<Map<string, GPUComputePipeline>> {
  const made = await Promise.all(program.modules.map(async ({ kernel, tile, code }) => {
    const key = moduleKey(kernel, tile);
    const module = device.createShaderModule({ label: key, code });
    const info = await module.getCompilationInfo();
    const errors = info.messages.filter((m) => m.type === 'error');
    if (errors.length > 0) {
      throw new WebGpuError('shader', `WGSL of kernel ${key} does not compile: ${errors.map((m) => `${m.lineNum}:${m.linePos} ${m.message}`).join('; ')}`);
    }
    const layout = device.createPipelineLayout({ label: key, bindGroupLayouts: [layouts.get(kernel)!] });
    try {
      const pipeline = await device.createComputePipelineAsync({ label: key, layout, compute: { module, entryPoint: 'main' } });
      return [key, pipeline] as const;
    } catch (e) {
      throw new WebGpuError('shader', `pipeline of kernel ${key} could not be created: ${(e as Error).message}`);
    }
  }));
  return new Map(made);
}

/** Float count of each activation buffer of the program for R rows and S sequences. */
function roleFloats(program: WebGpuProgram, R: number, S: number): Map<Buffer, number> {
  const { arch, head } = program;
  return new Map(buffersOf(encoderProgram(arch, head)).map((b) => [b, (perSequence(b, head) ? S : R) * bufferWidth(b, arch, head)]));
}

interface Activations {
  readonly rows: number;  // capacity R
  readonly seqs: number;  // capacity S
  readonly buffers: ReadonlyMap<Role, GPUBuffer>;
  readonly readback: GPUBuffer;
  readonly bindGroups: ReadonlyMap<string, GPUBindGroup>; // `${kernel}@${slot}`
}

class Engine implements WebGpuEngine {
  private readonly weightBuffers: { embed: GPUBuffer; layers: GPUBuffer[]; head: GPUBuffer };
  private readonly counts: GPUBuffer;
  private acts: Activations | null = null;
  private lost: GPUDeviceLostInfo | null = null;
  private disposed = false;
  private tail: Promise<unknown> = Promise.resolve();

  readonly device: GPUDevice;
  readonly adapter: string;
  readonly tilePolicy: TilePolicy;
  readonly precision: WebGpuPrecision;
  readonly shaderF16: boolean;
  private readonly ownsDevice: boolean;
  private parents: readonly object[]; // held, never read: see Acquired.parents
  private readonly kernels: ReadonlyMap<KernelName, KernelInfo>;
  /** The buffer holding h^L once the program ran (contract/program.ts Program.output). */
  private readonly output: Buffer;

  constructor(
    acquired: Acquired,
    private readonly program: WebGpuProgram,
    weights: PackedWeights,
    private readonly table: ExitTable,
    private readonly layouts: ReadonlyMap<KernelName, GPUBindGroupLayout>,
    private readonly pipelines: ReadonlyMap<string, GPUComputePipeline>,
  ) {
    const device = acquired.device;
    this.device = device;
    this.adapter = acquired.adapter;
    this.tilePolicy = acquired.tilePolicy;
    this.precision = weights.precision;
    this.shaderF16 = program.modules.some((m) => m.feature === 'shader-f16');
    this.ownsDevice = acquired.owned;
    this.parents = acquired.parents;
    this.kernels = kernelsOf(program.arch, program.head);
    this.output = encoderProgram(program.arch, program.head).output;
    void device.lost.then((info) => { this.lost = info; });
    const upload = (label: string, data: WeightBlock): GPUBuffer => {
      const buffer = device.createBuffer({ label, size: data.byteLength, usage: USAGE.STORAGE | USAGE.COPY_DST });
      device.queue.writeBuffer(buffer, 0, data);
      return buffer;
    };
    this.weightBuffers = {
      embed: upload('weights embed', weights.embed),
      layers: weights.layers.map((b, l) => upload(`weights layer ${l + 1}`, b)),
      head: upload('weights head', weights.head),
    };
    this.counts = device.createBuffer({ label: 'counts', size: (program.arch.layers + 2) * SLOT_BYTES, usage: USAGE.UNIFORM | USAGE.COPY_DST });
  }

  run(input: RunInput, opts: EngineRunOptions = {}): Promise<EngineResult> {
    const result = this.tail.then(() => this.runNow(input, opts));
    this.tail = result.catch(() => undefined);
    return result;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.releaseActivations();
    this.weightBuffers.embed.destroy();
    this.weightBuffers.layers.forEach((b) => b.destroy());
    this.weightBuffers.head.destroy();
    this.counts.destroy();
    if (this.ownsDevice) this.device.destroy();
    this.parents = [];
  }

  private async runNow(input: RunInput, opts: EngineRunOptions): Promise<EngineResult> {
    this.checkAlive();
    const { arch, head } = this.program;
    const { ids, types } = checkInput(this.program, input);
    const seqHead = head.kind === 'classification' || head.kind === 'regression';
    const hidden = opts.hidden ?? head.kind === 'none';
    const plan = planBatch(this.table, input.ids, arch.layers, { fullDepth: !!opts.fullDepth, clsOnlyLastLayer: seqHead && !hidden });
    const acts = await this.ensureCapacity(plan.rows, plan.seqCount);
    const outputs = this.outputsOf(plan, hidden);
    const copies: Copy[] = [];
    let offset = 0;
    for (const o of outputs) {
      copies.push({ src: acts.buffers.get(o.role)!, dst: acts.readback, dstOffset: offset, size: o.floats * 4 });
      offset += o.floats * 4;
    }
    const dispatches = scheduleCall(plan, arch, head, this.tilePolicy);
    this.device.pushErrorScope('validation');
    this.device.queue.writeBuffer(this.counts, 0, callCounts(plan));
    this.device.queue.writeBuffer(acts.buffers.get('info')!, 0, callInfo(plan, ids, types));
    const commands = recordCall(this.device, dispatches, this.pipelines, (d) => acts.bindGroups.get(`${d.kernel}@${d.slot}`)!, copies);
    this.device.queue.submit([commands]);
    const validation = this.device.popErrorScope();
    let data: Float32Array;
    try {
      await acts.readback.mapAsync(MAP_READ, 0, Math.max(offset, 4));
      data = new Float32Array(acts.readback.getMappedRange(0, Math.max(offset, 4)).slice(0));
      acts.readback.unmap();
    } catch (e) {
      // a lost device rejects the mapping; give its lost promise a turn to say so
      this.lost ??= await Promise.race([this.device.lost, new Promise<null>((r) => setTimeout(() => r(null), 0))]);
      this.checkAlive();
      throw new WebGpuError('gpu', `reading the results back failed: ${(e as Error).message}`);
    }
    const error = await validation;
    if (error) throw new WebGpuError('gpu', `the call's commands were rejected: ${error.message}`);
    return unpack(plan, this.program, outputs, data);
  }

  private outputsOf(plan: BatchPlan, hidden: boolean): Output[] {
    const { hidden: d } = this.program.arch;
    const head = this.program.head;
    const n = headOutputs(head);
    const out: Output[] = [];
    if (hidden) out.push({ what: 'hidden', role: this.output, floats: plan.rows * d });
    if (head.kind === 'classification' || head.kind === 'regression') {
      out.push({ what: 'pooled', role: 'pooled', floats: plan.seqCount * d }, { what: 'logits', role: 'logits', floats: plan.seqCount * n });
    }
    if (head.kind === 'token') out.push({ what: 'logits', role: 'logits', floats: plan.rows * n });
    return out;
  }

  private checkAlive(): void {
    if (this.disposed) throw new WebGpuError('disposed', 'this WebGPU engine was disposed');
    if (this.lost) {
      throw new WebGpuError('device-lost', `the WebGPU device was lost (${this.lost.reason}: ${this.lost.message}); create a new engine`);
    }
  }

  /** Activation buffers for at least n rows and B sequences: reused, or regrown (doubling) and rebound. */
  private async ensureCapacity(n: number, B: number): Promise<Activations> {
    if (this.acts && this.acts.rows >= n && this.acts.seqs >= B) return this.acts;
    const R = Math.max(n, 2 * (this.acts?.rows ?? 0));
    const S = Math.max(B, 2 * (this.acts?.seqs ?? 0));
    this.releaseActivations();
    this.device.pushErrorScope('out-of-memory');
    const acts = this.allocate(R, S);
    const oom = await this.device.popErrorScope();
    this.acts = acts;
    if (oom) {
      this.releaseActivations();
      throw new WebGpuError('limits', `out of GPU memory allocating activations for ${R} tokens: ${oom.message}; split the batch`);
    }
    return acts;
  }

  private releaseActivations(): void {
    if (!this.acts) return;
    for (const b of this.acts.buffers.values()) b.destroy();
    this.acts.readback.destroy();
    this.acts = null;
  }

  private allocate(R: number, S: number): Activations {
    const device = this.device;
    const limits = device.limits;
    if (R > limits.maxComputeWorkgroupsPerDimension) {
      throw new WebGpuError('limits', `a batch of ${R} tokens exceeds this device's ${limits.maxComputeWorkgroupsPerDimension} workgroups per dimension; split the batch`);
    }
    const floats = roleFloats(this.program, R, S);
    const buffers = new Map<Role, GPUBuffer>();
    const make = (role: Role, bytes: number): void => {
      if (bytes > limits.maxStorageBufferBindingSize) {
        throw new WebGpuError('limits', `a batch of ${R} tokens needs ${bytes} bytes for buffer '${role}'; this device binds at most ${limits.maxStorageBufferBindingSize}: split the batch`);
      }
      buffers.set(role, device.createBuffer({ label: role, size: Math.max(16, bytes), usage: USAGE.STORAGE | USAGE.COPY_SRC | USAGE.COPY_DST }));
    };
    for (const [role, f] of floats) make(role, f * 4);
    make('info', infoWords(R, S) * 4);
    const readbackBytes = 4 * (floats.get(this.output)! + (floats.get('pooled') ?? 0) + (floats.get('logits') ?? 0));
    const readback = device.createBuffer({ label: 'readback', size: Math.max(16, readbackBytes), usage: USAGE.MAP_READ | USAGE.COPY_DST });
    return { rows: R, seqs: S, buffers, readback, bindGroups: this.bindAll(buffers) };
  }

  /** One bind group per (kernel, slot) the schedule can dispatch. */
  private bindAll(buffers: ReadonlyMap<Role, GPUBuffer>): Map<string, GPUBindGroup> {
    const L = this.program.arch.layers;
    const groups = new Map<string, GPUBindGroup>();
    for (const [kernel, layout] of this.layouts) {
      const info = this.kernels.get(kernel)!;
      const slots = info.stage === 'layer' ? Array.from({ length: L }, (_, i) => i + 1) : [slotOf(info.stage, 0, L)];
      for (const slot of slots) {
        // shared layers: every layer binds the one stored block
        const weights = info.block === 'embed' ? this.weightBuffers.embed : info.block === 'head' ? this.weightBuffers.head
          : this.weightBuffers.layers[Math.min(slot, this.weightBuffers.layers.length) - 1]!;
        const entries: GPUBindGroupEntry[] = bindingsOf(info).map((b) => ({
          binding: b.binding,
          resource:
            b.name === 'counts' ? { buffer: this.counts, offset: slot * SLOT_BYTES, size: SLOT_FIELDS * 4 }
            : b.name === 'weights' ? { buffer: weights }
            : { buffer: buffers.get(b.name)! },
        }));
        groups.set(`${kernel}@${slot}`, this.device.createBindGroup({ label: `${kernel}@${slot}`, layout, entries }));
      }
    }
    return groups;
  }
}

/** One region of the readback: h^L (from the program's output buffer), pooled or logits. */
interface Output {
  readonly what: 'hidden' | 'pooled' | 'logits';
  readonly role: Role;
  readonly floats: number;
}

/** Validated flat ids and token types (input order); throws WebGpuError('input'). */
function checkInput(program: WebGpuProgram, input: RunInput): { ids: Uint32Array; types: Uint32Array } {
  if (input.ids.length === 0) throw new WebGpuError('input', 'the batch is empty');
  const types = checkBatch(program.arch, input.ids, input.typeIds, (message) => { throw new WebGpuError('input', message); });
  return { ids: Uint32Array.from(input.ids.flat()), types: Uint32Array.from(types.flat()) };
}

/** Splits the staging data into outputs and puts packed rows back in input order. */
function unpack(plan: BatchPlan, program: WebGpuProgram, outputs: readonly Output[], data: Float32Array): EngineResult {
  const d = program.arch.hidden;
  const n = headOutputs(program.head);
  const seqLen = (s: number): number => plan.seqStart[s + 1]! - plan.seqStart[s]!;
  const rowsToInputOrder = (packed: Float32Array, width: number): Float32Array[] =>
    Array.from({ length: plan.seqCount }, (_, s) => {
      const out = new Float32Array(seqLen(s) * width);
      for (let p = 0; p < seqLen(s); p++) {
        const r = plan.rowOf[plan.seqStart[s]! + p]!;
        out.set(packed.subarray(r * width, (r + 1) * width), p * width);
      }
      return out;
    });
  const perSeq = (packed: Float32Array, width: number): Float32Array[] =>
    Array.from({ length: plan.seqCount }, (_, s) => packed.slice(s * width, (s + 1) * width));
  const exits = Array.from({ length: plan.seqCount }, (_, s) =>
    Array.from({ length: seqLen(s) }, (_, p) => plan.exitOfRow[plan.rowOf[plan.seqStart[s]! + p]!]!));
  const result: { exits: number[][]; lastHidden?: Float32Array[]; pooled?: Float32Array[]; logits?: Float32Array[] } = { exits };
  let at = 0;
  for (const o of outputs) {
    const part = data.subarray(at, at + o.floats);
    at += o.floats;
    if (o.what === 'hidden') result.lastHidden = rowsToInputOrder(part, d);
    else if (o.what === 'pooled') result.pooled = perSeq(part, d);
    else result.logits = program.head.kind === 'token' ? rowsToInputOrder(part, n) : perSeq(part, n);
  }
  return result;
}
