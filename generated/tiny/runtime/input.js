// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
// Validation of token-id input against an architecture, shared by the reference executor, both engines and
// the package facade. Inputs come from any JavaScript caller, so every value is checked for what it is
// (holes, NaN, strings and BigInts are named, never read as 0); each caller throws its own error type.
/** An array a sequence of ids or token types may be: a plain array, or a typed array of numbers. */
export function isIdArray(x) {
    return Array.isArray(x) || (ArrayBuffer.isView(x) && !(x instanceof DataView) && !(x instanceof BigInt64Array) && !(x instanceof BigUint64Array));
}
/** A value as a message shows it: strings quoted, BigInts with their n, holes and objects named. */
export function describeValue(v) {
    if (v === undefined)
        return 'undefined';
    if (typeof v === 'string')
        return JSON.stringify(v.length > 24 ? `${v.slice(0, 24)}...` : v);
    if (typeof v === 'bigint')
        return `${v}n (a BigInt)`;
    if (Array.isArray(v))
        return `an array of ${v.length}`;
    if (ArrayBuffer.isView(v))
        return `a ${v.constructor.name}`;
    if (v !== null && typeof v === 'object')
        return `an object (${Object.prototype.toString.call(v).slice(8, -1)})`;
    return String(v);
}
/**
 * Checks every sequence (an id array, non-empty, at most max_positions, integer ids in the vocabulary,
 * token types in range and shaped like the ids); returns the token types as plain arrays, all 0 when absent
 * (or when the model has none). Messages count inputs from 1 and tokens from 0. `fail` throws the caller's error.
 */
export function checkBatch(arch, ids, typeIds, fail) {
    if (!Array.isArray(ids))
        fail(`the batch is ${describeValue(ids)}, not an array of token id arrays`);
    if (typeIds !== undefined && (!Array.isArray(typeIds) || typeIds.length !== ids.length)) {
        fail(`typeIds has ${Array.isArray(typeIds) ? `${typeIds.length} sequences` : `the value ${describeValue(typeIds)}`}, the batch has ${ids.length} inputs`);
    }
    const T = Math.max(1, arch.typeVocabSize); // a model without token types (T = 0) takes type 0 everywhere, meaning "none"
    const out = [];
    for (let s = 0; s < ids.length; s++) {
        const seq = ids[s];
        const input = `input ${s + 1}`;
        if (!isIdArray(seq))
            fail(`${input} is ${describeValue(seq)}, not an array of token ids`);
        if (seq.length === 0)
            fail(`${input} is empty`);
        if (seq.length > arch.maxPositions)
            fail(`${input} has ${seq.length} tokens, more than max_positions (${arch.maxPositions})`);
        const types = typeIds?.[s];
        if (types !== undefined && !isIdArray(types))
            fail(`typeIds of ${input} is ${describeValue(types)}, not an array of token types`);
        if (types !== undefined && types.length !== seq.length)
            fail(`typeIds of ${input} has ${types.length} entries, the input has ${seq.length} tokens`);
        const row = new Array(seq.length);
        for (let p = 0; p < seq.length; p++) {
            const id = seq[p];
            if (typeof id !== 'number' || !Number.isInteger(id))
                fail(`${input}, token ${p}: ${describeValue(id)} is not an integer token id`);
            if (id < 0 || id >= arch.vocabSize)
                fail(`${input}, token ${p}: id ${id} is outside the vocabulary [0, ${arch.vocabSize})`);
            const t = types === undefined ? 0 : types[p];
            if (typeof t !== 'number' || !Number.isInteger(t) || t < 0 || t >= T) {
                fail(arch.typeVocabSize === 0
                    ? `${input}, token ${p}: token type ${describeValue(t)}: this model has no token types (only 0 is accepted)`
                    : `${input}, token ${p}: token type ${describeValue(t)} is outside [0, ${arch.typeVocabSize})`);
            }
            row[p] = t;
        }
        out.push(row);
    }
    return out;
}
