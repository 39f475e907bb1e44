// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
// The package format both sides agree on: manifest.json (what the compiler decided, and every file's size
// and sha256, which the loader checks) and the exit table file.
/** manifest.json's `format`: what marks a folder as a hashee package (which compile may replace). */
export const PACKAGE_FORMAT = 'hashee-package/1';
/** The package file listing every other file's size and hash (and the compiler's facts). */
export const MANIFEST_FILE = 'manifest.json';
/** The exit table: one uint8 per token id ([vocab size]), the number of layers that id runs, 1..L. */
export const EXIT_TABLE_FILE = 'exits.bin';
/**
 * Checks an exit table read from a package: one entry per vocabulary id, each a layer count in 1..L.
 * Returns a message for the first problem, or undefined.
 */
export function exitTableProblem(table, arch) {
    if (table.length !== arch.vocabSize)
        return `has ${table.length} entries, the model's vocabulary has ${arch.vocabSize}`;
    const bad = table.findIndex((k) => k < 1 || k > arch.layers);
    return bad < 0 ? undefined : `id ${bad} has exit layer ${table[bad]}, outside 1..${arch.layers}`;
}
