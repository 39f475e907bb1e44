// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
// Node-only entry: the `webgpu` package's GPU object (Dawn). The browser path never imports this file.
import { existsSync } from 'node:fs';
import { WebGpuError } from "./errors.js";
/** Debian chromium's SwiftShader Vulkan driver: WebGPU on the CPU when the machine has no GPU. */
export const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';
/** Returns Dawn's GPU (pass it to createEngine) and installs the WebGPU globals (GPUBufferUsage, ...). */
export async function nodeGpu(opts = {}) {
    if (opts.vulkanIcd)
        process.env['VK_ICD_FILENAMES'] = opts.vulkanIcd;
    let dawn;
    try {
        dawn = await import('webgpu');
    }
    catch (e) {
        const missing = e.code === 'ERR_MODULE_NOT_FOUND' && /'webgpu'/.test(e.message);
        if (!missing)
            throw e;
        throw new WebGpuError('no-webgpu', 'WebGPU in Node needs the `webgpu` package (Dawn): `npm install webgpu` where this package is installed, or pass a GPU or GPUDevice (options.gpu)');
    }
    const { create, globals } = dawn;
    Object.assign(globalThis, globals);
    const gpu = create([]);
    if (opts.vulkanIcd || process.env['VK_ICD_FILENAMES'] || !existsSync(SWIFTSHADER_ICD))
        return gpu;
    // The Vulkan loader reads VK_ICD_FILENAMES when an instance is created, so a second Dawn instance
    // created after setting it sees SwiftShader alone.
    if (await gpu.requestAdapter())
        return gpu;
    process.env['VK_ICD_FILENAMES'] = SWIFTSHADER_ICD;
    return create([]);
}
