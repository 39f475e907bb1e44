// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
// The model a package's load() returns: one run() for token ids or text, single inputs or ragged batches,
// over whichever backend was opened; results in input order with the FLOPs executed.
import { countWork, planBatch } from "../plan.js";
import { PackageError } from "./errors.js";
export function createModel(info, table, backend, tokenizer) {
    const { arch, head } = info;
    const seqHead = head.kind === 'classification' || head.kind === 'regression';
    let disposed = false;
    const runBatch = async (batch, options) => {
        if (disposed)
            throw new PackageError('disposed', `model ${info.name} was disposed`);
        const output = options.output ?? (head.kind === 'none' ? 'last-hidden' : 'logits');
        if (output === 'logits' && head.kind === 'none')
            throw new PackageError('input', `model ${info.name} has no head: use output 'last-hidden'`);
        const { ids, typeIds } = await encode(batch, tokenizer);
        checkIds(arch, ids);
        const fullDepth = !!options.fullDepth;
        const hidden = output === 'last-hidden';
        const out = await backend.run({ ids, typeIds, fullDepth, hidden });
        const work = countWork(planBatch(table, ids, arch.layers, { fullDepth, clsOnlyLastLayer: seqHead && !hidden }), arch);
        return { exits: out.exits, logits: output === 'logits' ? out.logits : undefined, lastHidden: hidden ? out.lastHidden : undefined, flops: work.flops, work };
    };
    const run = async (input, options = {}) => {
        if (typeof input === 'string' || (Array.isArray(input) && typeof input[0] === 'number')) {
            const r = await runBatch([input], options);
            return { exits: r.exits[0], logits: r.logits?.[0], lastHidden: r.lastHidden?.[0], flops: r.flops };
        }
        return runBatch(input, options);
    };
    return {
        name: info.name, arch, head, backend: backend.name, info: backend.info,
        run: run,
        async tokenize(text) {
            const { ids, tokens } = (await tokenizer()).encode(text);
            return { ids, tokens };
        },
        dispose() {
            if (disposed)
                return;
            disposed = true;
            backend.dispose();
        },
    };
}
async function encode(batch, tokenizer) {
    if (batch.length === 0)
        throw new PackageError('input', 'the input is empty: give token ids or text');
    if (batch.every((x) => typeof x === 'string')) {
        const tok = await tokenizer();
        const enc = batch.map((t) => tok.encode(t));
        return { ids: enc.map((e) => e.ids), typeIds: enc.map((e) => e.typeIds) };
    }
    if (!batch.every((x) => Array.isArray(x)))
        throw new PackageError('input', 'a batch holds either token id arrays or strings, not a mix');
    const ids = batch.map((s) => [...s]);
    return { ids, typeIds: ids.map((s) => s.map(() => 0)) };
}
function checkIds(arch, batch) {
    batch.forEach((seq, s) => {
        if (seq.length === 0)
            throw new PackageError('input', `input ${s + 1} is empty`);
        if (seq.length > arch.maxPositions)
            throw new PackageError('input', `input ${s + 1} has ${seq.length} tokens, more than max_positions (${arch.maxPositions})`);
        seq.forEach((id, p) => {
            if (!Number.isInteger(id) || id < 0 || id >= arch.vocabSize)
                throw new PackageError('input', `input ${s + 1}, token ${p}: id ${id} is outside the vocabulary [0, ${arch.vocabSize})`);
        });
    });
}
