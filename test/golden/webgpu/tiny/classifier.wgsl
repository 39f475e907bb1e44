// kernel classifier

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
@group(0) @binding(2) var<storage, read> pooled: array<f32>;
@group(0) @binding(3) var<storage, read_write> logits: array<f32>;

const K: u32 = 8u;
const N: u32 = 2u;
const W_AT: u32 = 72u;
const B_AT: u32 = 88u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) tid: u32) {
  let sq = wg.y;
  let c = wg.x * 64u + tid;
  if (sq >= counts.seqs || c >= N) {
    return;
  }
  let xAt = sq * K;
  var acc = 0.0f;
  for (var k = 0u; k < K; k = k + 1u) {
    acc = acc + pooled[xAt + k] * weights[W_AT + k * N + c];
  }
  logits[sq * N + c] = acc + weights[B_AT + c];
}
