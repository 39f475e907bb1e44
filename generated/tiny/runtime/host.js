// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
// What the runtime needs from Node that the web platform does not give it: package files read from disk
// and hashed there, the core count and worker threads. runtime/node.ts implements it and a
// package's Node entry (index.js) passes it in; the browser entry (browser.js) passes none, and the runtime
// then uses fetch, WebCrypto and Worker. Keeping Node's modules behind this one object lets bundlers build
// the browser entry without seeing a `node:` import. (Dawn, WebGPU in Node, is runtime/webgpu/node.ts, which
// the Node entry of a WebGPU package passes to its backend.)
export {};
