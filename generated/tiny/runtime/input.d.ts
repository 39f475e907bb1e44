// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
import type { ArchConfig } from '../contract/model.js';
/** An array a sequence of ids or token types may be: a plain array, or a typed array of numbers. */
export declare function isIdArray(x: unknown): x is ArrayLike<number>;
/** A value as a message shows it: strings quoted, BigInts with their n, holes and objects named. */
export declare function describeValue(v: unknown): string;
/**
 * Checks every sequence (an id array, non-empty, at most max_positions, integer ids in the vocabulary,
 * token types in range and shaped like the ids); returns the token types as plain arrays, all 0 when absent
 * (or when the model has none). Messages count inputs from 1 and tokens from 0. `fail` throws the caller's error.
 */
export declare function checkBatch(arch: ArchConfig, ids: readonly (readonly number[])[], typeIds: readonly (readonly number[])[] | undefined, fail: (message: string) => never): (readonly number[])[];
