// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
// kernel ffnDown/narrow

struct Counts {
  rows: u32,
  prefix: u32,
  seqs: u32,
  keyRowsAt: u32,
  clsAt: u32,
  pad5: u32,
  pad6: u32,
  pad7: u32,
}

@group(0) @binding(0) var<uniform> counts: Counts;
@group(0) @binding(1) var<storage, read> weights: array<f32>;
@group(0) @binding(2) var<storage, read> ffn: array<f32>;
@group(0) @binding(3) var<storage, read> x: array<f32>;
@group(0) @binding(4) var<storage, read_write> t: array<f32>;

const K: u32 = 16u;
const N: u32 = 8u;
const W_AT: u32 = 448u;
const B_AT: u32 = 576u;

@compute @workgroup_size(16, 16)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>) {
  let r = wg.y * 16u + lid.y;
  let c0 = wg.x * 64u + lid.x * 4u;
  if (r >= counts.prefix || c0 >= N) {
    return;
  }
  let xAt = r * K;
  var acc = vec4<f32>();
  for (var k = 0u; k < K; k = k + 1u) {
    let wAt = W_AT + k * N;
    acc = acc + ffn[xAt + k] * vec4<f32>(weights[wAt + min(c0, N - 1u)], weights[wAt + min(c0 + 1u, N - 1u)], weights[wAt + min(c0 + 2u, N - 1u)], weights[wAt + min(c0 + 3u, N - 1u)]);
  }
  for (var j = 0u; j < 4u; j = j + 1u) {
    let c = c0 + j;
    if (c < N) {
      t[r * N + c] = acc[j] + weights[B_AT + c] + x[r * N + c];
    }
  }
}
