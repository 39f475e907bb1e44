// Which WebGPU adapter Dawn (npm `webgpu`) gives under a Vulkan ICD setting, probed in a child process so the
// caller never loads Dawn itself. CLI: `node --import tsx bench/gpu/adapter.ts [--require-gpu] [--json]`.

import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { HasheeError } from '../../compiler/errors.ts';
import { SWIFTSHADER_ICD } from '../../runtime/webgpu/node.ts';

export interface AdapterReport {
  readonly vendor: string;
  readonly architecture: string;
  readonly device: string;
  readonly description: string;
  /** The adapter runs on the CPU (SwiftShader, llvmpipe/lavapipe, or Dawn marks it a fallback adapter). */
  readonly cpu: boolean;
  /** VK_ICD_FILENAMES the probe ran with; null: the Vulkan loader's default search (the system's drivers). */
  readonly icd: string | null;
}

/** 'auto': the system's driver, else SwiftShader; 'gpu': the system's driver, which must be a real GPU. */
export type AdapterMode = 'auto' | 'gpu' | 'swiftshader';
export const ADAPTER_MODES: readonly AdapterMode[] = ['auto', 'gpu', 'swiftshader'];

const SELF = fileURLToPath(import.meta.url);
const PROBE_TIMEOUT_MS = 60_000;
const CPU_DRIVERS = /swiftshader|llvmpipe|lavapipe|software/i;

export function adapterName(a: AdapterReport): string {
  return [a.vendor, a.architecture, a.device, a.description].filter((s) => s).join(' / ') || 'unnamed adapter';
}

/** The environment a process needs to see the adapter `icd` selects (null: the loader's default search). */
export function vulkanEnv(icd: string | null): NodeJS.ProcessEnv {
  const env = { ...process.env };
  if (icd === null) delete env['VK_ICD_FILENAMES'];
  else env['VK_ICD_FILENAMES'] = icd;
  return env;
}

/** Dawn's high-performance adapter under `icd`, or null when Dawn finds none. */
export function probeAdapter(icd: string | null): Promise<AdapterReport | null> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', SELF, '--json'], { env: vulkanEnv(icd), timeout: PROBE_TIMEOUT_MS }, (err, stdout, stderr) => {
      if (err) { reject(new HasheeError('backend', `probing the WebGPU adapter (VK_ICD_FILENAMES=${icd ?? '<unset>'}) failed: ${err.message}\n${stderr}`)); return; }
      const found = JSON.parse(stdout.trim().split('\n').pop()!) as Omit<AdapterReport, 'icd'> | null;
      resolve(found && { ...found, icd });
    });
  });
}

/** Picks the adapter for `mode`; the environment's VK_ICD_FILENAMES, when set, is the system's setting. */
export async function selectAdapter(mode: AdapterMode): Promise<AdapterReport> {
  const system = process.env['VK_ICD_FILENAMES'] || null;
  if (mode === 'swiftshader') return required(await probeAdapter(SWIFTSHADER_ICD), SWIFTSHADER_ICD);
  const found = await probeAdapter(system);
  if (mode === 'gpu') {
    const a = required(found, system);
    if (a.cpu) throw new HasheeError('backend', `the WebGPU adapter is ${adapterName(a)}, a CPU implementation, not a GPU (VK_ICD_FILENAMES=${system ?? '<unset>'}): install the GPU's Vulkan driver (NVIDIA: the driver's nvidia_icd.json under /usr/share/vulkan/icd.d or /etc/vulkan/icd.d)`);
    return a;
  }
  return found ?? required(await probeAdapter(SWIFTSHADER_ICD), SWIFTSHADER_ICD);
}

function required(a: AdapterReport | null, icd: string | null): AdapterReport {
  if (a) return a;
  throw new HasheeError('backend', `Dawn found no WebGPU adapter with VK_ICD_FILENAMES=${icd ?? '<unset>'}: it needs libvulkan1 and a Vulkan driver (a GPU's, or Debian chromium's SwiftShader at ${SWIFTSHADER_ICD})`);
}

/** In the probe process: ask Dawn for an adapter and print it as one JSON line. */
async function probeHere(): Promise<Omit<AdapterReport, 'icd'> | null> {
  const { create, globals } = await import('webgpu');
  Object.assign(globalThis, globals);
  const gpu = create([]);
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) return null;
  const { vendor, architecture, device, description } = adapter.info;
  const fallback = (adapter.info as { isFallbackAdapter?: boolean }).isFallbackAdapter === true;
  return { vendor, architecture, device, description, cpu: fallback || CPU_DRIVERS.test(`${architecture} ${device} ${description}`) };
}

async function cli(): Promise<void> {
  const { values } = parseArgs({ options: { json: { type: 'boolean', default: false }, 'require-gpu': { type: 'boolean', default: false } } });
  if (values.json) {
    console.log(JSON.stringify(await probeHere()));
    process.exit(0); // Dawn's instance would keep the process alive
  }
  const a = await selectAdapter(values['require-gpu'] ? 'gpu' : 'auto');
  console.log(`WebGPU adapter: ${adapterName(a)}${a.cpu ? ' (CPU implementation)' : ''}; VK_ICD_FILENAMES=${a.icd ?? '<unset>'}`);
}

if (process.argv[1] === SELF) {
  cli().catch((e: Error) => {
    console.error(e instanceof HasheeError ? e.format() : (e.stack ?? String(e)));
    process.exit(1);
  });
}
