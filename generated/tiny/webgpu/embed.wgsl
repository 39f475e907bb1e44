// hashee 0.1.0 · spec tiny sha256:770007cafb33e1c502ce26f5f7dd02646ee62a0a0ac65fb9ad3e50b3f10945ed
// kernel embed

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
@group(0) @binding(3) var<storage, read_write> emb: array<f32>;

const E: u32 = 8u;
const WORD_AT: u32 = 0u;
const POS_AT: u32 = 512u;
const TYPE_AT: u32 = 768u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) tid: u32) {
  let r = wg.x;
  if (r >= counts.rows) {
    return;
  }
  let id = info[r * 5u];
  let ty = info[r * 5u + 1u];
  let pos = info[r * 5u + 2u];
  for (var c = tid; c < E; c = c + 64u) {
    emb[r * E + c] = weights[WORD_AT + id * E + c] + weights[POS_AT + pos * E + c] + weights[TYPE_AT + ty * E + c];
  }
}
