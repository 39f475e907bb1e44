// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
export type WebGpuErrorCode = 'no-webgpu' | 'no-adapter' | 'limits' | 'shader' | 'weights' | 'input' | 'device-lost' | 'disposed' | 'gpu';
export declare class WebGpuError extends Error {
    readonly code: WebGpuErrorCode;
    constructor(code: WebGpuErrorCode, message: string);
}
