// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
// WASM backend of a package: reads the module variants and the packed weights, starts runtime/wasm's engine.
import { WasmEngine } from "../wasm/engine.js";
import { supportsRelaxedSimd } from "../wasm/features.js";
import { describeValue } from "../input.js";
import { PackageError } from "./errors.js";
/** The most threads load() starts: each is a worker with its own instance of the module. */
const MAX_THREADS = 256;
/** `startWorker`: the browser entry's pool thread, used when no workerUrl is given (see WorkerPool.start). */
export async function openWasm(ctx, files, opts, startWorker) {
    const { arch, head } = ctx.info;
    const { threads, simd } = opts;
    if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1 && threads <= MAX_THREADS)) {
        throw new PackageError('input', `load options: threads must be an integer in 1..${MAX_THREADS}, got ${describeValue(threads)}`);
    }
    if (simd !== undefined && simd !== 'auto' && simd !== 'relaxed' && simd !== 'simd128') {
        throw new PackageError('input', `load options: simd must be 'auto', 'relaxed' or 'simd128', got ${describeValue(simd)}`);
    }
    if (simd === 'relaxed' && !supportsRelaxedSimd()) {
        throw new PackageError('backend', "load options: simd 'relaxed' was requested, but this JavaScript engine has no relaxed SIMD (Node 20 needs --experimental-wasm-relaxed-simd): use 'auto'");
    }
    const relaxed = simd !== 'simd128' && supportsRelaxedSimd();
    // Only the variants this engine can use are read (a relaxed module does not even validate elsewhere).
    const read = async (v) => ({ single: await ctx.files.read(v.single), shared: await ctx.files.read(v.shared) });
    const modules = { simd128: await read(files.modules.simd128), relaxed: relaxed ? await read(files.modules.relaxed) : undefined };
    const engine = await WasmEngine.create({
        arch, head, modules, exitTable: ctx.exitTable,
        // straight from the file into linear memory: the blob is never held twice
        weights: (region) => ctx.files.readInto(files.weights, region),
        precision: files.precision ?? 'f32',
        threads: opts.threads, simd: opts.simd, workerUrl: opts.workerUrl, startWorker, warn: opts.warn, node: ctx.node,
    });
    const seqHead = head.kind === 'classification' || head.kind === 'regression';
    return {
        name: 'wasm',
        info: `wasm ${engine.info.simd}${engine.info.precision === 'int8' ? ' int8' : ''}, ${engine.info.threads} thread(s)`,
        async run(call) {
            const r = engine.run({ ids: call.ids, typeIds: call.typeIds }, { fullDepth: call.fullDepth, clsOnly: seqHead && !call.hidden });
            return { exits: r.exits, lastHidden: r.lastHidden, logits: r.logits };
        },
        dispose: () => engine.dispose(),
    };
}
