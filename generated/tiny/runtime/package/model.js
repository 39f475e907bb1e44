// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
// The model a package's load() returns: one run() for token ids or text, single inputs or ragged batches,
// over whichever backend was opened; results in input order with the FLOPs executed.
import { countWork, planBatch } from "../plan.js";
import { checkBatch, describeValue, isIdArray } from "../input.js";
import { PackageError } from "./errors.js";
export function createModel(info, table, backend, tokenizer) {
    const { arch, head } = info;
    const seqHead = head.kind === 'classification' || head.kind === 'regression';
    let disposed = false;
    const alive = () => {
        if (disposed)
            throw new PackageError('disposed', `model ${info.name} was disposed: load it again`);
    };
    const run = async (input, options = {}) => {
        alive();
        const opts = checkOptions(options);
        const output = opts.output ?? (head.kind === 'none' ? 'last-hidden' : 'logits');
        if (output === 'logits' && head.kind === 'none')
            throw new PackageError('input', `model ${info.name} has no head: use output 'last-hidden'`);
        const { single, items } = batchOf(input);
        const encoded = await encode(items, opts.typeIds, single, tokenizer);
        // every value is checked on the whole input; then inputs past max_positions are cut, or refused
        const typeIds = checkBatch({ ...arch, maxPositions: Infinity }, encoded.ids, encoded.typeIds, (message) => { throw new PackageError('input', message); });
        const ids = encoded.ids.map((s, i) => {
            if (s.length <= arch.maxPositions)
                return s;
            if (!opts.truncate)
                throw new PackageError('input', `input ${i + 1} has ${s.length} tokens, more than max_positions (${arch.maxPositions}); pass { truncate: true } to cut it`);
            return cut(s, arch.maxPositions, encoded.text);
        });
        const types = typeIds.map((t) => cut(t, arch.maxPositions, encoded.text));
        alive(); // dispose() may have been called while the tokenizer loaded
        const fullDepth = !!opts.fullDepth;
        const hidden = output === 'last-hidden';
        let out;
        try {
            out = await backend.run({ ids, typeIds: types, fullDepth, hidden });
        }
        catch (e) {
            alive(); // disposed during the call: that, not the engine's torn-down buffers, is the reason
            throw e;
        }
        const work = countWork(planBatch(table, ids, arch.layers, { fullDepth, clsOnlyLastLayer: seqHead && !hidden }), arch);
        const logits = output === 'logits' ? out.logits : undefined;
        const lastHidden = hidden ? out.lastHidden : undefined;
        if (single)
            return { exits: out.exits[0], logits: logits?.[0], lastHidden: lastHidden?.[0], flops: work.flops };
        return { exits: out.exits, logits, lastHidden, flops: work.flops, work };
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
const OPTION_KEYS = ['fullDepth', 'output', 'truncate', 'typeIds'];
/** The run options, checked: an object of known keys, each of its type (a typo is an error, not ignored). */
function checkOptions(options) {
    const fail = (message) => { throw new PackageError('input', `run options: ${message}`); };
    if (options === undefined)
        return {};
    if (options === null || typeof options !== 'object' || Array.isArray(options))
        return fail(`expected an object, got ${describeValue(options)}`);
    const o = options;
    const unknown = Object.keys(o).find((k) => !OPTION_KEYS.includes(k));
    if (unknown !== undefined)
        fail(`unknown option '${unknown}' (options are ${OPTION_KEYS.join(', ')})`);
    for (const key of ['fullDepth', 'truncate']) {
        if (o[key] !== undefined && typeof o[key] !== 'boolean')
            fail(`${key} must be true or false, got ${describeValue(o[key])}`);
    }
    if (o['output'] !== undefined && o['output'] !== 'logits' && o['output'] !== 'last-hidden')
        fail(`output must be 'logits' or 'last-hidden', got ${describeValue(o['output'])}`);
    return o;
}
/**
 * One input (ids or text) or a batch of them: a batch is a non-empty array whose first item is itself an
 * id array or a string; any other array (or typed array) is one input's ids.
 */
function batchOf(input) {
    if (typeof input === 'string' || ArrayBuffer.isView(input))
        return { single: true, items: [input] };
    if (!Array.isArray(input))
        throw new PackageError('input', `run() takes token ids (an array of integers), a text, or an array of either (a batch); got ${describeValue(input)}`);
    if (input.length === 0)
        throw new PackageError('input', 'the input is empty: give token ids or text');
    const first = input[0];
    return typeof first === 'string' || isIdArray(first) ? { single: false, items: input } : { single: true, items: [input] };
}
async function encode(items, typeIds, single, tokenizer) {
    if (items.every((x) => typeof x === 'string')) {
        if (typeIds !== undefined)
            throw new PackageError('input', 'typeIds are for token id input: a text gets its token types from the tokenizer');
        const tok = await tokenizer();
        const enc = items.map((t, i) => {
            try {
                return tok.encode(t);
            }
            catch (e) {
                throw new PackageError('tokenizer', `the package's tokenizer failed on text ${i + 1}: ${e.message}`);
            }
        });
        return { ids: enc.map((e) => e.ids), typeIds: enc.map((e) => e.typeIds), text: true };
    }
    const odd = items.findIndex((x) => !isIdArray(x));
    if (odd >= 0) {
        const mixed = typeof items[odd] === 'string' || items.some((x) => typeof x === 'string');
        throw new PackageError('input', mixed
            ? 'a batch holds either token id arrays or strings, not a mix'
            : `input ${odd + 1} is ${describeValue(items[odd])}, not an array of token ids`);
    }
    const ids = items.map((s) => Array.from(s));
    const types = typeIds === undefined ? undefined : (single ? [typeIds] : typeIds);
    return { ids, typeIds: types, text: false };
}
/** The first max_positions tokens of `s` (a text's last token, [SEP], stays at the end). */
function cut(s, maxPositions, text) {
    if (s.length <= maxPositions)
        return [...s];
    return text && maxPositions >= 2 ? [...s.slice(0, maxPositions - 1), s[s.length - 1]] : s.slice(0, maxPositions);
}
