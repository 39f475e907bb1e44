// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
// WebGPU backend of a package: reads the WGSL modules and the weight blocks, creates runtime/webgpu's engine
// on the caller's GPU or device, navigator.gpu in browsers, or Dawn (the `webgpu` package) in Node.
import { createEngine } from "../webgpu/engine.js";
import { splitWeights, weightLayout } from "../../contract/webgpu-layout.js";
import { float32View, uint16View } from "./files.js";
import { PackageError } from "./errors.js";
/** `nodeGpu`: the GPU when there is no navigator.gpu and options.gpu is absent (the Node entry binds Dawn, runtime/webgpu/node.ts). */
export async function openWebGpu(ctx, files, opts, nodeGpu) {
    const engine = await openWebGpuEngine(ctx.info.arch, ctx.info.head, ctx.files, files, ctx.exitTable, opts.gpu ?? await defaultGpu(nodeGpu));
    return {
        name: 'webgpu',
        info: `webgpu${engine.precision === 'f16' ? ` f16 (${engine.shaderF16 ? 'shader-f16' : 'unpack2x16float'})` : ''} on ${engine.adapter}`,
        async run(call) {
            const r = await engine.run({ ids: call.ids, typeIds: call.typeIds }, { fullDepth: call.fullDepth, hidden: call.hidden });
            return { exits: r.exits, lastHidden: r.lastHidden, logits: r.logits };
        },
        dispose: () => engine.dispose(),
    };
}
/** The engine of a package's WebGPU files (its WGSL modules and weight blocks, read from `source`) on `gpu`. */
export async function openWebGpuEngine(arch, head, source, files, table, gpu) {
    const decoder = new TextDecoder();
    const modules = await Promise.all(files.modules.map(async ({ file, ...module }) => ({ ...module, code: decoder.decode(await source.read(file)) })));
    const precision = files.precision ?? 'f32';
    const program = { arch, head, precision, modules };
    const bytes = await source.read(files.weights);
    const blob = precision === 'f16' ? uint16View(bytes, files.weights) : float32View(bytes, files.weights);
    let weights;
    try {
        weights = splitWeights(weightLayout(arch, head, precision), blob);
    }
    catch (e) {
        throw new PackageError('file', `${files.weights}: ${e.message}`);
    }
    return createEngine({ gpu, program, weights, table });
}
/** navigator.gpu, else the Node entry's Dawn GPU, else a PackageError. */
export async function defaultGpu(nodeGpu) {
    const nav = globalThis.navigator;
    if (nav?.gpu)
        return nav.gpu;
    if (nodeGpu)
        return nodeGpu();
    throw new PackageError('backend', 'WebGPU is not available here (no navigator.gpu): pass options.gpu, or use the wasm backend');
}
