// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
// Node-only entry: the `webgpu` package's GPU object (Dawn). The browser path never imports this file.
/** Debian chromium's SwiftShader Vulkan driver: WebGPU on the CPU when the machine has no GPU. */
export const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';
/** Returns Dawn's GPU (pass it to createEngine) and installs the WebGPU globals (GPUBufferUsage, ...). */
export async function nodeGpu(opts = {}) {
    if (opts.vulkanIcd)
        process.env['VK_ICD_FILENAMES'] = opts.vulkanIcd;
    const { create, globals } = await import('webgpu');
    Object.assign(globalThis, globals);
    return create([]);
}
