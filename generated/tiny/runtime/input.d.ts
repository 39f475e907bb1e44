// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
import type { ArchConfig } from '../contract/model.js';
/**
 * Checks every sequence (non-empty, at most max_positions, ids in the vocabulary, token types in range and
 * shaped like the ids); returns the token types, all 0 when absent (or when the model has none). `fail` throws the caller's error.
 */
export declare function checkBatch(arch: ArchConfig, ids: readonly (readonly number[])[], typeIds: readonly (readonly number[])[] | undefined, fail: (message: string) => never): (readonly number[])[];
