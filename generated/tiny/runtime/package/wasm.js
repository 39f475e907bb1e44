// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
// WASM backend of a package: reads the module variants and the packed weights, starts runtime/wasm's engine.
import { WasmEngine } from "../wasm/engine.js";
import { supportsRelaxedSimd } from "../wasm/features.js";
export async function openWasm(ctx, files, opts) {
    const { arch, head } = ctx.info;
    const relaxed = opts.simd !== 'simd128' && supportsRelaxedSimd();
    // Only the variants this engine can use are read (a relaxed module does not even validate elsewhere).
    const read = async (v) => ({ single: await ctx.files.read(v.single), shared: await ctx.files.read(v.shared) });
    const modules = { simd128: await read(files.modules.simd128), relaxed: relaxed ? await read(files.modules.relaxed) : undefined };
    const engine = await WasmEngine.create({
        arch, head, modules, exitTable: ctx.exitTable,
        // straight from the file into linear memory: the blob is never held twice
        weights: (region) => ctx.files.readInto(files.weights, region),
        threads: opts.threads, simd: opts.simd, workerUrl: opts.workerUrl, warn: opts.warn, node: ctx.node,
    });
    const seqHead = head.kind === 'classification' || head.kind === 'regression';
    return {
        name: 'wasm',
        info: `wasm ${engine.info.simd}, ${engine.info.threads} thread(s)`,
        async run(call) {
            const r = engine.run({ ids: call.ids, typeIds: call.typeIds }, { fullDepth: call.fullDepth, clsOnly: seqHead && !call.hidden });
            return { exits: r.exits, lastHidden: r.lastHidden, logits: r.logits };
        },
        dispose: () => engine.dispose(),
    };
}
