// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
/**
 * A minimal module whose only function is `f32x4.relaxed_madd` of its three v128 parameters
 * (test/wasm-engine.test.ts checks these bytes against what binaryen emits for it).
 */
export declare const RELAXED_SIMD_PROBE: Uint8Array<ArrayBuffer>;
/** Whether this engine validates relaxed SIMD (Chrome does; Node 20 only with --experimental-wasm-relaxed-simd). */
export declare function supportsRelaxedSimd(): boolean;
/** Whether shared memory with threads is usable here: always in Node, only when crossOriginIsolated in browsers. */
export declare function canUseThreads(): boolean;
export declare function isNode(): boolean;
