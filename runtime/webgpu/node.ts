// Node-only entry: the `webgpu` package's GPU object (Dawn). The browser path never imports this file.

import { existsSync } from 'node:fs';
import { WebGpuError } from './errors.ts';

/** Debian chromium's SwiftShader Vulkan driver: WebGPU on the CPU when the machine has no GPU. */
export const SWIFTSHADER_ICD = '/usr/lib/chromium/vk_swiftshader_icd.json';

export interface NodeGpuOptions {
  /**
   * Vulkan ICD manifest to use (sets VK_ICD_FILENAMES before Dawn starts). Default: the environment's
   * VK_ICD_FILENAMES when set; else the system's drivers, and SwiftShader (SWIFTSHADER_ICD, when installed)
   * only if they give Dawn no adapter, so a machine with a GPU gets its GPU.
   */
  readonly vulkanIcd?: string;
}

/** Returns Dawn's GPU (pass it to createEngine) and installs the WebGPU globals (GPUBufferUsage, ...). */
export async function nodeGpu(opts: NodeGpuOptions = {}): Promise<GPU> {
  if (opts.vulkanIcd) process.env['VK_ICD_FILENAMES'] = opts.vulkanIcd;
  let dawn: typeof import('webgpu');
  try {
    dawn = await import('webgpu');
  } catch (e) {
    const missing = (e as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' && /'webgpu'/.test((e as Error).message);
    if (!missing) throw e;
    throw new WebGpuError('no-webgpu', 'WebGPU in Node needs the `webgpu` package (Dawn): `npm install webgpu` where this package is installed, or pass a GPU or GPUDevice (options.gpu)');
  }
  const { create, globals } = dawn;
  Object.assign(globalThis, globals);
  const gpu = create([]);
  if (opts.vulkanIcd || process.env['VK_ICD_FILENAMES'] || !existsSync(SWIFTSHADER_ICD)) return gpu;
  // The Vulkan loader reads VK_ICD_FILENAMES when an instance is created, so a second Dawn instance
  // created after setting it sees SwiftShader alone.
  if (await gpu.requestAdapter()) return gpu;
  process.env['VK_ICD_FILENAMES'] = SWIFTSHADER_ICD;
  return create([]);
}
