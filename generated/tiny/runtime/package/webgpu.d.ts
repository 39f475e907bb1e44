// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
import { type WebGpuEngine } from '../webgpu/engine.js';
import type { ArchConfig, ExitTable, HeadConfig } from '../../contract/model.js';
import type { WgslModule } from '../webgpu/program.js';
import { type FileSource } from './files.js';
import type { Backend, OpenContext } from './types.js';
/** Files of the WebGPU target. */
export interface WebGpuFiles {
    /** Every WGSL module of the program (its fields but the code) and the file holding its code, program order. */
    readonly modules: readonly (Omit<WgslModule, 'code'> & {
        readonly file: string;
    })[];
    readonly weights: string;
    /** Absent: f32. f16: every weight stored as float16, and shader-f16 twins of the modules that read them (spec `precision`). */
    readonly precision?: 'f16';
}
export interface WebGpuLoadOptions {
    /**
     * A device, or a GPU to request one from. Default: navigator.gpu in browsers; in Node the `webgpu`
     * package (Dawn), which must then be installed next to the package.
     */
    readonly gpu?: GPU | GPUDevice;
}
/** `nodeGpu`: the GPU when there is no navigator.gpu and options.gpu is absent (the Node entry binds Dawn, runtime/webgpu/node.ts). */
export declare function openWebGpu(ctx: OpenContext, files: WebGpuFiles, opts: WebGpuLoadOptions, nodeGpu?: () => Promise<GPU>): Promise<Backend>;
/** The engine of a package's WebGPU files (its WGSL modules and weight blocks, read from `source`) on `gpu`. */
export declare function openWebGpuEngine(arch: ArchConfig, head: HeadConfig, source: FileSource, files: WebGpuFiles, table: ExitTable, gpu: GPU | GPUDevice): Promise<WebGpuEngine>;
/** navigator.gpu, else the Node entry's Dawn GPU, else a PackageError. */
export declare function defaultGpu(nodeGpu: (() => Promise<GPU>) | undefined): Promise<GPU>;
