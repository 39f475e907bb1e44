// kernel attention

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
@group(0) @binding(1) var<storage, read> info: array<u32>;
@group(0) @binding(2) var<storage, read> q: array<f32>;
@group(0) @binding(3) var<storage, read> kv: array<f32>;
@group(0) @binding(4) var<storage, read_write> ctx: array<f32>;

const D: u32 = 8u;
const DH: u32 = 4u;
const SCALE: f32 = 0.5f;

var<workgroup> scores: array<f32, 32>;
var<workgroup> qh: array<f32, 4>;
var<workgroup> red: array<f32, 64>;

fn wgMax(v: f32, tid: u32) -> f32 {
  red[tid] = v;
  workgroupBarrier();
  for (var s = 32u; s > 0u; s = s / 2u) {
    if (tid < s) {
      let a = red[tid];
      let b = red[tid + s];
      red[tid] = max(a, b);
    }
    workgroupBarrier();
  }
  let total = red[0];
  workgroupBarrier();
  return total;
}

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
  let hd = wg.y;
  if (r >= counts.prefix) {
    return;
  }
  let keyStart = counts.keyRowsAt + info[r * 5u + 3u];
  let keyLen = info[r * 5u + 4u];
  let qAt = r * D + hd * DH;
  for (var c = tid; c < DH; c = c + 64u) {
    qh[c] = q[qAt + c];
  }
  workgroupBarrier();
  var best = -3e+38f;
  for (var j = tid; j < keyLen; j = j + 64u) {
    let kAt = info[keyStart + j] * (2u * D) + hd * DH;
    var qk = 0.0f;
    for (var c = 0u; c < DH; c = c + 1u) {
      qk = qk + qh[c] * kv[kAt + c];
    }
    let sc = qk * SCALE;
    scores[j] = sc;
    best = max(best, sc);
  }
  let top = wgMax(best, tid);
  var sum = 0.0f;
  for (var j = tid; j < keyLen; j = j + 64u) {
    let e = exp(scores[j] - top);
    scores[j] = e;
    sum = sum + e;
  }
  let inv = 1.0f / wgSum(sum, tid);
  for (var c = tid; c < DH; c = c + 64u) {
    var acc = 0.0f;
    for (var j = 0u; j < keyLen; j = j + 1u) {
      acc = acc + scores[j] * kv[info[keyStart + j] * (2u * D) + D + hd * DH + c];
    }
    ctx[qAt + c] = acc * inv;
  }
}
