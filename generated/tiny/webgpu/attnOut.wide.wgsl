// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
// kernel attnOut/wide

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
@group(0) @binding(2) var<storage, read> ctx: array<f32>;
@group(0) @binding(3) var<storage, read> h: array<f32>;
@group(0) @binding(4) var<storage, read_write> t: array<f32>;

const K: u32 = 8u;
const N: u32 = 8u;
const W_AT: u32 = 216u;
const B_AT: u32 = 280u;

var<workgroup> tileX: array<f32, 1024>; // [128 rows][8 k]
var<workgroup> tileW: array<f32, 512>; // [8 k][64 cols]

@compute @workgroup_size(16, 16)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>, @builtin(local_invocation_index) tid: u32) {
  let row0 = wg.y * 128u;
  let col0 = wg.x * 64u;
  // live rows of this tile (the dispatch covers ceil(count / 128) tiles, so row0 < count)
  let live = min(counts.prefix - row0, 128u);
  var acc: array<vec4<f32>, 8>;
  for (var k0 = 0u; k0 < K; k0 = k0 + 8u) {
    for (var e = tid; e < live * 8u; e = e + 256u) {
      let r = row0 + e / 8u;
      let k = k0 + e % 8u;
      tileX[e] = ctx[r * K + k];
    }
    for (var i = 0u; i < 2u; i = i + 1u) {
      let e = tid + i * 256u;
      let kw = k0 + e / 64u;
      let c = col0 + e % 64u;
      var wv = 0.0f;
      if (c < N) {
        wv = weights[W_AT + kw * N + c];
      }
      tileW[e] = wv;
    }
    workgroupBarrier();
    if (lid.y < live) {
      for (var kk = 0u; kk < 8u; kk = kk + 1u) {
        let wo = kk * 64u + lid.x * 4u;
        let wr = vec4<f32>(tileW[wo], tileW[wo + 1u], tileW[wo + 2u], tileW[wo + 3u]);
        for (var i = 0u; i < 8u; i = i + 1u) {
          let lr = lid.y + i * 16u;
          if (lr >= live) {
            break;
          }
          acc[i] = acc[i] + tileX[lr * 8u + kk] * wr;
        }
      }
    }
    workgroupBarrier();
  }
  for (var i = 0u; i < 8u; i = i + 1u) {
    let lr = lid.y + i * 16u;
    if (lr >= live) {
      break;
    }
    let r = row0 + lr;
    for (var j = 0u; j < 4u; j = j + 1u) {
      let c = col0 + lid.x * 4u + j;
      if (c < N) {
        t[r * N + c] = acc[i][j] + weights[B_AT + c] + h[r * N + c];
      }
    }
  }
}
