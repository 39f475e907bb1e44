// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
// Validation of a ragged batch of token ids (and optional token types) against an architecture, shared by
// the reference executor and both engines; each reports a problem with its own error type.
/**
 * Checks every sequence (non-empty, at most max_positions, ids in the vocabulary, token types in range and
 * shaped like the ids); returns the token types, all 0 when absent (or when the model has none). `fail` throws the caller's error.
 */
export function checkBatch(arch, ids, typeIds, fail) {
    const types = typeIds ?? ids.map((seq) => seq.map(() => 0));
    if (types.length !== ids.length)
        fail(`typeIds has ${types.length} sequences, ids has ${ids.length}`);
    ids.forEach((seq, s) => {
        if (seq.length === 0)
            fail(`sequence ${s} is empty`);
        if (seq.length > arch.maxPositions)
            fail(`sequence ${s} has ${seq.length} tokens, more than max_positions (${arch.maxPositions})`);
        if (types[s].length !== seq.length)
            fail(`typeIds[${s}] has ${types[s].length} entries, ids[${s}] has ${seq.length}`);
        seq.forEach((id, p) => {
            if (!Number.isInteger(id) || id < 0 || id >= arch.vocabSize)
                fail(`ids[${s}][${p}] = ${id} is outside the vocabulary [0, ${arch.vocabSize})`);
            const t = types[s][p];
            // A model without token types (T = 0) takes type 0 everywhere, meaning "none".
            if (!Number.isInteger(t) || t < 0 || t >= Math.max(1, arch.typeVocabSize)) {
                fail(arch.typeVocabSize === 0 ? `typeIds[${s}][${p}] = ${t}: this model has no token types (only 0 is accepted)` : `typeIds[${s}][${p}] = ${t} is outside [0, ${arch.typeVocabSize})`);
            }
        });
    });
    return [...types];
}
