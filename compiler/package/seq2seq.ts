// The package of an encoder-decoder spec (`hashee compile`): the two exit tables, the encoder's and the
// decoder's WASM modules and packed weights, the tokenizer, manifest.json with every file's size and sha256,
// and the entries index.js (Node) and browser.js (with the runtime they import, compiled) whose load()
// returns a model with generate(). Same inputs, same bytes.

import { readFileSync } from 'node:fs';
import { encoderArch, encoderModel } from '../../contract/seq2seq.ts';
import { MANIFEST_FILE, PACKAGE_FORMAT } from '../../contract/manifest.ts';
import { wasmLayout } from '../../contract/wasm-layout.ts';
import { SEQ2SEQ_PACKAGE_FILES, type Seq2SeqPackageInfo } from '../../runtime/package/seq2seq.ts';
import { emitSeq2SeqHost } from './host.ts';
import { emitDecoderWgsl } from '../emit/wgsl/decoder.ts';
import { packWebGpuDecoder } from '../passes/packWebGpuDecoder.ts';
import { emitWebGpuTarget } from './webgpu.ts';
import type { WebGpuFiles } from '../../runtime/package/webgpu.ts';
import { emitDecoderModules } from '../emit/wasm/decoder.ts';
import { emitWasmModule } from '../emit/wasm/module.ts';
import type { LoadedSeq2Seq } from '../load.ts';
import { packDecoderWeights } from '../passes/packDecoderWeights.ts';
import { packWeights } from '../passes/packWeights.ts';
import { checkPackageOut, fileDigests, writePackage, type CompileOptions } from './assemble.ts';
import { jsonText } from './text.ts';
import type { PackageFiles } from './types.ts';

/** The package's files in memory: the wasm target always, the webgpu target too when `webgpu`. */
export async function assembleSeq2SeqPackage(loaded: LoadedSeq2Seq, toolVersion: string, webgpu = false): Promise<PackageFiles> {
  const { spec, model, tables } = loaded;
  const s2s = spec.seq2seq!;
  const header = `hashee ${toolVersion} · spec ${spec.name} sha256:${spec.hash}`;
  const F = SEQ2SEQ_PACKAGE_FILES;
  const files: PackageFiles = new Map();
  const encLayout = wasmLayout(encoderArch(model.arch), { kind: 'none' });
  const dec = emitDecoderModules(model.arch);
  files.set(F.encoderTable, tables.encoder);
  files.set(F.decoderTable, tables.decoder);
  files.set(F.encoderSimd, emitWasmModule(encLayout, { relaxed: false, shared: false }));
  files.set(F.encoderRelaxed, emitWasmModule(encLayout, { relaxed: true, shared: false }));
  files.set(F.encoderSimdShared, emitWasmModule(encLayout, { relaxed: false, shared: true }));
  files.set(F.encoderRelaxedShared, emitWasmModule(encLayout, { relaxed: true, shared: true }));
  files.set(F.encoderWeights, packWeights(encoderModel(model)).bytes);
  files.set(F.decoderSimd, dec.simd);
  files.set(F.decoderRelaxed, dec.relaxed);
  files.set(F.decoderSimdShared, dec.simdShared);
  files.set(F.decoderRelaxedShared, dec.relaxedShared);
  files.set(F.decoderWeights, packDecoderWeights(model));
  if (spec.tokenizer) files.set('tokenizer.json', readFileSync(spec.tokenizer.path));
  let webgpuFiles: Seq2SeqPackageInfo['webgpu'];
  if (webgpu) {
    // the encoder as the encoder target writes it (head none), then the decoder's modules and weights
    const encoder = await emitWebGpuTarget({ loaded: { spec, model: encoderModel(model), table: tables.encoder }, toolVersion, header });
    for (const [k, v] of encoder.files) files.set(k, v);
    const modules = emitDecoderWgsl(model.arch, [header]).map((m) => ({ name: m.name, code: m.code, file: `webgpu/decoder/${m.name}.wgsl` }));
    for (const m of modules) files.set(m.file, m.code);
    const weights = packWebGpuDecoder(model);
    files.set(F.webgpuDecoderWeights, new Uint8Array(weights.buffer, weights.byteOffset, weights.byteLength));
    webgpuFiles = { encoder: encoder.manifest['files'] as WebGpuFiles, decoder: modules.map(({ name, file }) => ({ name, file })) };
  }
  const info: Seq2SeqPackageInfo = {
    name: spec.name, specSha256: spec.hash, arch: s2s.arch, ids: s2s.ids, maxNew: s2s.maxNew, beams: s2s.beams,
    tokenizer: spec.tokenizer ? 'tokenizer.json' : null, backends: webgpu ? ['wasm', 'webgpu'] : ['wasm'], ...(webgpuFiles ? { webgpu: webgpuFiles } : {}),
  };
  // the entries, the runtime they import, package.json and README.md; the browser entry names every data file
  for (const [path, text] of emitSeq2SeqHost(header, info, [MANIFEST_FILE, ...files.keys()])) files.set(path, text);
  const digests = fileDigests(files);
  files.set(MANIFEST_FILE, jsonText({
    format: PACKAGE_FORMAT, kind: 'encoder-decoder', generator: header, name: spec.name, specSha256: spec.hash,
    arch: s2s.arch, generation: { ...s2s.ids, maxNew: s2s.maxNew, beams: s2s.beams },
    exitPolicy: spec.exit.kind, decoderExitPolicy: s2s.decoderExit.kind, tokenizer: info.tokenizer, backends: info.backends, files: digests,
  }));
  return files;
}

/**
 * Assemble and write: the package of a loaded encoder-decoder spec at `outDir` (checked before and after,
 * as compilePackage does); the wasm target always (its default backend), webgpu when `targets` names it.
 */
export async function compileSeq2SeqPackage(loaded: LoadedSeq2Seq, outDir: string, opts: CompileOptions): Promise<{ files: PackageFiles; written: string[] }> {
  checkPackageOut(outDir, loaded.spec, opts.force);
  const files = await assembleSeq2SeqPackage(loaded, opts.toolVersion, opts.targets.includes('webgpu'));
  return { files, written: writePackage(files, outDir, loaded.spec, opts.force) };
}
