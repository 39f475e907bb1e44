// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
// kernel pooler

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
@group(0) @binding(2) var<storage, read> info: array<u32>;
@group(0) @binding(3) var<storage, read> h: array<f32>;
@group(0) @binding(4) var<storage, read_write> pooled: array<f32>;

const K: u32 = 8u;
const N: u32 = 8u;
const W_AT: u32 = 0u;
const B_AT: u32 = 64u;

fn tanhSafe(x: f32) -> f32 {
  let t = exp(-2.0f * abs(x));
  return sign(x) * (1.0f - t) / (1.0f + t);
}

fn act(x: f32) -> f32 {
  return tanhSafe(x);
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) tid: u32) {
  let sq = wg.y;
  let c = wg.x * 64u + tid;
  if (sq >= counts.seqs || c >= N) {
    return;
  }
  let xAt = info[counts.clsAt + sq] * K;
  var acc = 0.0f;
  for (var k = 0u; k < K; k = k + 1u) {
    acc = acc + h[xAt + k] * weights[W_AT + k * N + c];
  }
  pooled[sq * N + c] = act(acc + weights[B_AT + c]);
}
