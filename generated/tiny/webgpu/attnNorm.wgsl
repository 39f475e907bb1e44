// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
// kernel attnNorm

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
@group(0) @binding(2) var<storage, read> t: array<f32>;
@group(0) @binding(3) var<storage, read_write> x: array<f32>;

const D: u32 = 8u;
const G_AT: u32 = 288u;
const BETA_AT: u32 = 296u;

var<workgroup> red: array<f32, 64>;

fn wgSum(v: f32, tid: u32) -> f32 {
  red[tid] = v;
  workgroupBarrier();
  for (var s = 32u; s > 0u; s = s / 2u) {
    if (tid < s) {
      let a = red[tid];
      let b = red[tid + s];
      red[tid] = a + b;
    }
    workgroupBarrier();
  }
  let total = red[0];
  workgroupBarrier();
  return total;
}

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) tid: u32) {
  let r = wg.x;
  if (r >= counts.prefix) {
    return;
  }
  let o = r * D;
  var sum = 0.0f;
  for (var c = tid; c < D; c = c + 64u) {
    sum = sum + t[o + c];
  }
  let mean = wgSum(sum, tid) / f32(D);
  var sq = 0.0f;
  for (var c = tid; c < D; c = c + 64u) {
    let dv = t[o + c] - mean;
    sq = sq + dv * dv;
  }
  let inv = 1.0f / sqrt(wgSum(sq, tid) / f32(D) + 1e-12f);
  for (var c = tid; c < D; c = c + 64u) {
    x[o + c] = (t[o + c] - mean) * inv * weights[G_AT + c] + weights[BETA_AT + c];
  }
}
