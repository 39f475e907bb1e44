// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
/** Debian chromium's SwiftShader Vulkan driver: WebGPU on the CPU when the machine has no GPU. */
export declare const SWIFTSHADER_ICD = "/usr/lib/chromium/vk_swiftshader_icd.json";
export interface NodeGpuOptions {
    /**
     * Vulkan ICD manifest to use (sets VK_ICD_FILENAMES before Dawn starts). Default: the environment's
     * VK_ICD_FILENAMES when set; else the system's drivers, and SwiftShader (SWIFTSHADER_ICD, when installed)
     * only if they give Dawn no adapter, so a machine with a GPU gets its GPU.
     */
    readonly vulkanIcd?: string;
}
/** Returns Dawn's GPU (pass it to createEngine) and installs the WebGPU globals (GPUBufferUsage, ...). */
export declare function nodeGpu(opts?: NodeGpuOptions): Promise<GPU>;
