// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
// Load-time feature detection for the WASM backend (no Node-only API: runs in browsers too).
/**
 * A minimal module whose only function is `f32x4.relaxed_madd` of its three v128 parameters
 * (test/wasm-engine.test.ts checks these bytes against what binaryen emits for it).
 */
export const RELAXED_SIMD_PROBE = new Uint8Array([
    0, 97, 115, 109, 1, 0, 0, 0, 1, 8, 1, 96, 3, 123, 123, 123, 1, 123, 3, 2, 1, 0, 10, 13, 1, 11, 0, 32, 0, 32, 1, 32, 2, 253, 133, 2, 11,
]);
/** Whether this engine validates relaxed SIMD (Chrome does; Node 20 only with --experimental-wasm-relaxed-simd). */
export function supportsRelaxedSimd() {
    return typeof WebAssembly === 'object' && WebAssembly.validate(RELAXED_SIMD_PROBE);
}
/** Whether shared memory with threads is usable here: always in Node, only when crossOriginIsolated in browsers. */
export function canUseThreads() {
    if (isNode())
        return true;
    return typeof SharedArrayBuffer === 'function' && globalThis.crossOriginIsolated === true
        && typeof Worker === 'function';
}
export function isNode() {
    return typeof globalThis.process?.versions?.node === 'string';
}
