// Node-only entry: the `webgpu` package's GPU object (Dawn). The browser path never imports this file.

/** Debian chromium's SwiftShader Vulkan driver: WebGPU on the CPU when the machine has no GPU. */
export const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';

export interface NodeGpuOptions {
  /** Vulkan ICD manifest to use (sets VK_ICD_FILENAMES before Dawn starts); default: the environment's. */
  readonly vulkanIcd?: string;
}

/** Returns Dawn's GPU (pass it to createEngine) and installs the WebGPU globals (GPUBufferUsage, ...). */
export async function nodeGpu(opts: NodeGpuOptions = {}): Promise<GPU> {
  if (opts.vulkanIcd) process.env['VK_ICD_FILENAMES'] = opts.vulkanIcd;
  const { create, globals } = await import('webgpu');
  Object.assign(globalThis, globals);
  return create([]);
}
