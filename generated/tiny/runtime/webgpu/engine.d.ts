// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
import type { ExitTable } from '../../contract/model.js';
import type { RunInput } from '../reference/api.js';
import { type PackedWeights, type WebGpuPrecision } from '../../contract/webgpu-layout.js';
import { type TilePolicy, type WebGpuProgram } from './program.js';
import { type Dispatch } from './schedule.js';
export interface EngineOptions {
    /** A device, or where to get one: the `webgpu` package's GPU in Node (nodeGpu()). Default: navigator.gpu. */
    readonly gpu?: GPU | GPUDevice;
    readonly program: WebGpuProgram;
    readonly weights: PackedWeights;
    readonly table: ExitTable;
    /** Run the array<f16> modules of an f16 program where the device has shader-f16 (requesting it); default true. */
    readonly shaderF16?: boolean;
}
export interface EngineRunOptions {
    readonly fullDepth?: boolean;
    /**
     * Also return h^L of every token. Sequence heads otherwise cut the last layer to the [CLS] rows
     * (planBatch clsOnlyLastLayer) and return no hidden states. Default: true for head 'none' only.
     */
    readonly hidden?: boolean;
}
/** Outputs in input order, as the reference executor returns them, in f32. */
export interface EngineResult {
    readonly exits: number[][];
    readonly lastHidden?: Float32Array[];
    readonly pooled?: Float32Array[];
    readonly logits?: Float32Array[];
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
    readonly dstOffset: number;
    readonly size: number;
}
/**
 * Records one call: every dispatch in one compute pass, then the readback copies. Issues commands
 * only (no allocation, no pipeline creation), so a recording device sees exactly the schedule.
 */
export declare function recordCall(device: GPUDevice, dispatches: readonly Dispatch[], pipelines: ReadonlyMap<string, GPUComputePipeline>, // by moduleKey
bindGroup: (d: Dispatch) => GPUBindGroup, copies: readonly Copy[]): GPUCommandBuffer;
export declare function createEngine(opts: EngineOptions): Promise<WebGpuEngine>;
