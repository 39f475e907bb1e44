// WGSL text of every kernel, written through WgslWriter with all dimensions and weight offsets baked in.
// Each emitter takes decided values (shapes, offsets, expressions chosen in TypeScript) and writes them.

import type { Activation, PoolerActivation } from '../../../contract/model.ts';
import type { Slot } from '../../../contract/webgpu-layout.ts';
import type { KernelInfo, Role, TileName } from '../../../runtime/webgpu/program.ts';
import { COUNT_FIELDS, ROW_INFO, ROW_THREADS, SLOT_FIELDS, TILES, bindingsOf, moduleKey } from '../../../runtime/webgpu/program.ts';
import { WgslWriter, f32, u32 } from './writer.ts';

/**
 * How a module declares and reads its weight block: 'f32' values; at the f16 precision 'f16' (array<f16>,
 * needs the shader-f16 feature) or 'packed' (two halves per u32 word, the lower half first, unpacked with
 * unpack2x16float). Every read gives an f32, so the arithmetic is f32 and both f16 forms compute the same.
 */
export type WeightStorage = 'f32' | 'f16' | 'packed';

const WEIGHT_STORAGE: Record<WeightStorage, { readonly element: string; readonly read: (at: string) => string }> = {
  f32: { element: 'f32', read: (at) => `weights[${at}]` },
  f16: { element: 'f16', read: (at) => `f32(weights[${at}])` },
  packed: { element: 'u32', read: (at) => `weight(${at})` },
};

/** What every module of a program shares: its header comment lines and the weight storage. */
export interface ModuleOptions {
  readonly header: readonly string[]; // tool version, spec hash
  readonly storage: WeightStorage;
}

/** The f32 value of weight element `at` (a WGSL u32 expression). */
function weightAt(opts: ModuleOptions, at: string): string {
  return WEIGHT_STORAGE[opts.storage].read(at);
}

/** Header lines, bindings and the counts struct every kernel module starts with. */
function prologue(w: WgslWriter, name: string, kernel: KernelInfo, opts: ModuleOptions): void {
  for (const h of opts.header) w.line(`// ${h}`);
  w.line(`// kernel ${name}`);
  w.line();
  const weights = kernel.block !== 'none';
  if (weights && opts.storage === 'f16') {
    w.line('enable f16;');
    w.line();
  }
  w.block('struct Counts', () => {
    COUNT_FIELDS.forEach((f) => w.line(`${f}: u32,`));
    for (let i = COUNT_FIELDS.length; i < SLOT_FIELDS; i++) w.line(`pad${i}: u32,`);
  });
  w.line();
  for (const b of bindingsOf(kernel)) {
    const decl =
      b.kind === 'uniform' ? `var<uniform> ${b.name}: Counts;`
      : b.name === 'info' ? `var<storage, read> info: array<u32>;`
      : b.name === 'weights' ? `var<storage, read> weights: array<${WEIGHT_STORAGE[opts.storage].element}>;`
      : `var<storage, ${b.kind}> ${b.name}: array<f32>;`;
    w.line(`@group(0) @binding(${b.binding}) ${decl}`);
  }
  w.line();
  if (weights && opts.storage === 'packed') {
    w.block('fn weight(i: u32) -> f32', () => w.line('return unpack2x16float(weights[i >> 1u])[i & 1u];'));
    w.line();
  }
}

function countOf(kernel: KernelInfo): string {
  return `counts.${kernel.count}`;
}

const REDUCTIONS = { wgSum: 'a + b', wgMax: 'max(a, b)' } as const;

/** Workgroup reductions over ROW_THREADS invocations (tree; call from uniform control flow). */
function reductions(w: WgslWriter, names: readonly (keyof typeof REDUCTIONS)[]): void {
  w.line(`var<workgroup> red: array<f32, ${ROW_THREADS}>;`);
  w.line();
  for (const name of names) {
    const op = REDUCTIONS[name];
    w.block(`fn ${name}(v: f32, tid: u32) -> f32`, () => {
      w.line('red[tid] = v;');
      w.line('workgroupBarrier();');
      w.block(`for (var s = ${u32(ROW_THREADS / 2)}; s > 0u; s = s / 2u)`, () => {
        w.block('if (tid < s)', () => {
          w.line('let a = red[tid];');
          w.line('let b = red[tid + s];');
          w.line(`red[tid] = ${op};`);
        });
        w.line('workgroupBarrier();');
      });
      w.line('let total = red[0];');
      w.line('workgroupBarrier();');
      w.line('return total;');
    });
    w.line();
  }
}

/** tanh through exp(-2|x|): no overflow for large |x|; absolute error about 1e-7. */
function tanhFunction(w: WgslWriter): void {
  w.block('fn tanhSafe(x: f32) -> f32', () => {
    w.line('let t = exp(-2.0f * abs(x));');
    w.line('return sign(x) * (1.0f - t) / (1.0f + t);');
  });
  w.line();
}

/**
 * GELU with erf: WGSL has no erf, so erfc(z) for z >= 0 uses Abramowitz & Stegun 7.1.26,
 * erfc(z) = t (a1 + t (a2 + t (a3 + t (a4 + t a5)))) exp(-z^2), t = 1 / (1 + p z), |error| <= 1.5e-7;
 * gelu(x) = x (1 - erfc(z) / 2) for x >= 0 and x erfc(z) / 2 for x < 0 (z = |x| / sqrt 2), which avoids
 * the cancellation in 1 + erf(x / sqrt 2) for negative x. So |gelu error| <= 0.75e-7 |x| plus f32 rounding.
 */
const AS_7_1_26 = { p: 0.3275911, a1: 0.254829592, a2: -0.284496736, a3: 1.421413741, a4: -1.453152027, a5: 1.061405429 };

/** `fn act(x: f32) -> f32` for every activation an epilogue can apply. */
const ACTIVATIONS: Record<Activation | PoolerActivation, (w: WgslWriter) => void> = {
  gelu: (w) => {
    const c = AS_7_1_26;
    w.block('fn act(x: f32) -> f32', () => {
      w.line(`let z = abs(x) * ${f32(Math.SQRT1_2)};`);
      w.line(`let t = 1.0f / (1.0f + ${f32(c.p)} * z);`);
      w.line(`let poly = t * (${f32(c.a1)} + t * (${f32(c.a2)} + t * (${f32(c.a3)} + t * (${f32(c.a4)} + t * ${f32(c.a5)}))));`);
      w.line('let tail = 0.5f * poly * exp(-z * z);');
      w.line('return select(x * tail, x * (1.0f - tail), x >= 0.0f);');
    });
    w.line();
  },
  gelu_tanh: (w) => {
    tanhFunction(w);
    w.block('fn act(x: f32) -> f32', () => {
      w.line(`return 0.5f * x * (1.0f + tanhSafe(${f32(Math.sqrt(2 / Math.PI))} * (x + ${f32(0.044715)} * x * x * x)));`);
    });
    w.line();
  },
  relu: (w) => {
    w.block('fn act(x: f32) -> f32', () => w.line('return max(x, 0.0f);'));
    w.line();
  },
  tanh: (w) => {
    tanhFunction(w);
    w.block('fn act(x: f32) -> f32', () => w.line('return tanhSafe(x);'));
    w.line();
  },
};

export interface MatmulShape {
  readonly x: Role;          // input [rows, k]
  readonly y: Role;          // output [rows, n]
  readonly k: number;
  readonly n: number;
  readonly w: Slot;          // [k, n] in the kernel's weight block
  readonly bias: Slot;       // [n]
  readonly act?: Activation | PoolerActivation; // applied after the bias
  readonly residual?: Role;  // added after the bias: y = x @ W + b + residual (same row, same column)
}

/**
 * Writes `body` (which reads `e`) for each of `count` staged elements over `threads` invocations:
 * a loop when every invocation has work, a guard when some have none.
 */
function staged(w: WgslWriter, count: number, threads: number, body: () => void): void {
  if (count >= threads) {
    w.block(`for (var i = 0u; i < ${u32(count / threads)}; i = i + 1u)`, () => {
      w.line(`let e = tid + i * ${u32(threads)};`);
      body();
    });
  } else {
    w.block(`if (tid < ${u32(count)})`, () => {
      w.line('let e = tid;');
      body();
    });
  }
}

/** y = act(x @ W + b) over rows [0, count) with the tile's module: staged through workgroup memory or direct. */
export function matmulKernel(kernel: KernelInfo, tile: TileName, s: MatmulShape, opts: ModuleOptions): string {
  const depth = TILES[tile].depth;
  return depth === null ? directProduct(kernel, tile, s, opts) : stagedProduct(kernel, tile, depth, s, opts);
}

/** The epilogue applied to accumulator `a` of row r, column c: bias, then the activation or the residual. */
function epilogue(s: MatmulShape, a: string, opts: ModuleOptions): string {
  const biased = `${a} + ${weightAt(opts, 'B_AT + c')}`;
  if (s.residual) return `${biased} + ${s.residual}[r * N + c]`;
  return s.act ? `act(${biased})` : biased;
}

/**
 * y = act(x @ W + b) for a tile of few rows without workgroup memory or barriers: invocation (x, y) owns
 * 4 columns of tile row y and reads its x row and the W columns straight from storage (the W values it
 * reads are shared by the tile's live rows through the cache); invocations past the live rows return.
 */
function directProduct(kernel: KernelInfo, tile: TileName, s: MatmulShape, opts: ModuleOptions): string {
  const w = new WgslWriter();
  prologue(w, moduleKey(kernel.step.name, tile), kernel, opts);
  const T = TILES[tile];
  const perCol = T.cols / T.threadsX;
  w.line(`const K: u32 = ${u32(s.k)};`);
  w.line(`const N: u32 = ${u32(s.n)};`);
  w.line(`const W_AT: u32 = ${u32(s.w.at)};`);
  w.line(`const B_AT: u32 = ${u32(s.bias.at)};`);
  w.line();
  if (s.act) ACTIVATIONS[s.act](w);
  // a partial last column group reads column N - 1 in place of the missing ones (never stored)
  const partial = s.n % T.cols !== 0;
  const col = (j: number): string => {
    const c = j === 0 ? 'c0' : `c0 + ${u32(j)}`;
    return partial ? `min(${c}, N - 1u)` : c;
  };
  w.line(`@compute @workgroup_size(${T.threadsX}, ${T.threadsY})`);
  w.block('fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>)', () => {
    w.line(`let r = wg.y * ${u32(T.rows)} + lid.y;`);
    w.line(`let c0 = wg.x * ${u32(T.cols)} + lid.x * ${u32(perCol)};`);
    w.block(`if (r >= ${countOf(kernel)}${partial ? ' || c0 >= N' : ''})`, () => w.line('return;'));
    w.line('let xAt = r * K;');
    w.line('var acc = vec4<f32>();');
    w.block('for (var k = 0u; k < K; k = k + 1u)', () => {
      w.line('let wAt = W_AT + k * N;');
      const cols = Array.from({ length: perCol }, (_, j) => weightAt(opts, `wAt + ${col(j)}`));
      w.line(`acc = acc + ${s.x}[xAt + k] * vec4<f32>(${cols.join(', ')});`);
    });
    w.block(`for (var j = 0u; j < ${u32(perCol)}; j = j + 1u)`, () => {
      w.line('let c = c0 + j;');
      const store = `${s.y}[r * N + c] = ${epilogue(s, 'acc[j]', opts)};`;
      if (partial) w.block('if (c < N)', () => w.line(store));
      else w.line(store);
    });
  });
  return w.text();
}

/**
 * y = act(x @ W + b) over rows [0, count): one output tile per workgroup (TILES[tile]), operands staged
 * through workgroup memory one k-step at a time. Invocation (x, y) owns 4 columns and the tile rows
 * y, y + threadsY, ...; only the tile's live rows (those below count) are staged and multiplied, so a
 * tile that exits have thinned costs in proportion to its rows (the loops stop at the first dead row,
 * which every invocation of a SIMD group meets together: they share y).
 */
function stagedProduct(kernel: KernelInfo, tile: TileName, depth: number, s: MatmulShape, opts: ModuleOptions): string {
  const w = new WgslWriter();
  prologue(w, moduleKey(kernel.step.name, tile), kernel, opts);
  const T = { ...TILES[tile], depth };
  const threads = T.threadsX * T.threadsY;
  const perRow = T.rows / T.threadsY;
  const perCol = T.cols / T.threadsX;
  w.line(`const K: u32 = ${u32(s.k)};`);
  w.line(`const N: u32 = ${u32(s.n)};`);
  w.line(`const W_AT: u32 = ${u32(s.w.at)};`);
  w.line(`const B_AT: u32 = ${u32(s.bias.at)};`);
  w.line();
  w.line(`var<workgroup> tileX: array<f32, ${T.rows * T.depth}>; // [${T.rows} rows][${T.depth} k]`);
  w.line(`var<workgroup> tileW: array<f32, ${T.depth * T.cols}>; // [${T.depth} k][${T.cols} cols]`);
  w.line();
  if (s.act) ACTIVATIONS[s.act](w);
  // bounds tests only where a dimension leaves a partial tile (dead rows are never staged or stored)
  const kPartial = s.k % T.depth !== 0;
  const loadW = [...(kPartial ? ['kw < K'] : []), ...(s.n % T.cols !== 0 ? ['c < N'] : [])].join(' && ');
  const value = epilogue(s, 'acc[i][j]', opts);
  /** The loop over an invocation's rows i (tile row lid.y + threadsY i), up to the first dead one. */
  const ownRows = (body: () => void): void => {
    w.block(`for (var i = 0u; i < ${u32(perRow)}; i = i + 1u)`, () => {
      w.line(`let lr = lid.y + i * ${u32(T.threadsY)};`);
      w.block('if (lr >= live)', () => w.line('break;'));
      body();
    });
  };
  w.line(`@compute @workgroup_size(${T.threadsX}, ${T.threadsY})`);
  w.block('fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>, @builtin(local_invocation_index) tid: u32)', () => {
    w.line(`let row0 = wg.y * ${u32(T.rows)};`);
    w.line(`let col0 = wg.x * ${u32(T.cols)};`);
    w.line(`// live rows of this tile (the dispatch covers ceil(count / ${T.rows}) tiles, so row0 < count)`);
    w.line(`let live = min(${countOf(kernel)} - row0, ${u32(T.rows)});`);
    w.line(`var acc: array<vec4<f32>, ${perRow}>;`);
    w.block(`for (var k0 = 0u; k0 < K; k0 = k0 + ${u32(T.depth)})`, () => {
      w.block(`for (var e = tid; e < live * ${u32(T.depth)}; e = e + ${u32(threads)})`, () => {
        w.line(`let r = row0 + e / ${u32(T.depth)};`);
        w.line(`let k = k0 + e % ${u32(T.depth)};`);
        if (kPartial) {
          w.line('var xv = 0.0f;');
          w.block('if (k < K)', () => w.line(`xv = ${s.x}[r * K + k];`));
          w.line('tileX[e] = xv;');
        } else {
          w.line(`tileX[e] = ${s.x}[r * K + k];`);
        }
      });
      staged(w, T.depth * T.cols, threads, () => {
        w.line(`let kw = k0 + e / ${u32(T.cols)};`);
        w.line(`let c = col0 + e % ${u32(T.cols)};`);
        if (loadW === '') {
          w.line(`tileW[e] = ${weightAt(opts, 'W_AT + kw * N + c')};`);
        } else {
          w.line('var wv = 0.0f;');
          w.block(`if (${loadW})`, () => w.line(`wv = ${weightAt(opts, 'W_AT + kw * N + c')};`));
          w.line('tileW[e] = wv;');
        }
      });
      w.line('workgroupBarrier();');
      w.block('if (lid.y < live)', () => { // invocations with no live row skip the k-step's products
        w.block(`for (var kk = 0u; kk < ${u32(T.depth)}; kk = kk + 1u)`, () => {
          w.line(`let wo = kk * ${u32(T.cols)} + lid.x * ${u32(perCol)};`);
          w.line('let wr = vec4<f32>(tileW[wo], tileW[wo + 1u], tileW[wo + 2u], tileW[wo + 3u]);');
          ownRows(() => w.line(`acc[i] = acc[i] + tileX[lr * ${u32(T.depth)} + kk] * wr;`));
        });
      });
      w.line('workgroupBarrier();');
    });
    ownRows(() => {
      w.line('let r = row0 + lr;');
      w.block(`for (var j = 0u; j < ${u32(perCol)}; j = j + 1u)`, () => {
        w.line(`let c = col0 + lid.x * ${u32(perCol)} + j;`);
        if (s.n % T.cols !== 0) w.block('if (c < N)', () => w.line(`${s.y}[r * N + c] = ${value};`));
        else w.line(`${s.y}[r * N + c] = ${value};`);
      });
    });
  });
  return w.text();
}

export interface NormShape {
  readonly x: Role;   // input rows [*, d]
  readonly out: Role; // output rows [*, d]
  readonly d: number;
  readonly eps: number;
  readonly gain: Slot;
  readonly beta: Slot;
}

/**
 * One workgroup per row: out = (x - mean) / sqrt(var + eps) * gain + beta with the biased variance, two
 * passes over the row (mean, then the centred squares).
 */
export function layerNormKernel(kernel: KernelInfo, s: NormShape, opts: ModuleOptions): string {
  const w = new WgslWriter();
  prologue(w, kernel.step.name, kernel, opts);
  w.line(`const D: u32 = ${u32(s.d)};`);
  w.line(`const G_AT: u32 = ${u32(s.gain.at)};`);
  w.line(`const BETA_AT: u32 = ${u32(s.beta.at)};`);
  w.line();
  reductions(w, ['wgSum']);
  const step = u32(ROW_THREADS);
  w.line(`@compute @workgroup_size(${ROW_THREADS})`);
  w.block('fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) tid: u32)', () => {
    w.line('let r = wg.x;');
    w.block(`if (r >= ${countOf(kernel)})`, () => w.line('return;'));
    w.line('let o = r * D;');
    w.line('var sum = 0.0f;');
    w.block(`for (var c = tid; c < D; c = c + ${step})`, () => w.line(`sum = sum + ${s.x}[o + c];`));
    w.line('let mean = wgSum(sum, tid) / f32(D);');
    w.line('var sq = 0.0f;');
    w.block(`for (var c = tid; c < D; c = c + ${step})`, () => {
      w.line(`let dv = ${s.x}[o + c] - mean;`);
      w.line('sq = sq + dv * dv;');
    });
    w.line(`let inv = 1.0f / sqrt(wgSum(sq, tid) / f32(D) + ${f32(s.eps)});`);
    w.block(`for (var c = tid; c < D; c = c + ${step})`, () => {
      w.line(`${s.out}[o + c] = (${s.x}[o + c] - mean) * inv * ${weightAt(opts, 'G_AT + c')} + ${weightAt(opts, 'BETA_AT + c')};`);
    });
  });
  return w.text();
}

export interface EmbedShape {
  readonly out: Role;   // [rows, E]
  readonly width: number;
  readonly word: Slot;  // [V, E]
  readonly pos: Slot;   // [P, E]
  readonly type?: Slot; // [T, E], absent for a model without token types
}

/** One workgroup per row: out = word[id] + pos[position] (+ type[token type]), ids from the info buffer. */
export function embedKernel(kernel: KernelInfo, s: EmbedShape, opts: ModuleOptions): string {
  const w = new WgslWriter();
  prologue(w, kernel.step.name, kernel, opts);
  w.line(`const E: u32 = ${u32(s.width)};`);
  w.line(`const WORD_AT: u32 = ${u32(s.word.at)};`);
  w.line(`const POS_AT: u32 = ${u32(s.pos.at)};`);
  if (s.type) w.line(`const TYPE_AT: u32 = ${u32(s.type.at)};`);
  w.line();
  w.line(`@compute @workgroup_size(${ROW_THREADS})`);
  w.block('fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) tid: u32)', () => {
    w.line('let r = wg.x;');
    w.block(`if (r >= ${countOf(kernel)})`, () => w.line('return;'));
    w.line(`let id = info[r * ${u32(ROW_INFO)}];`);
    if (s.type) w.line(`let ty = info[r * ${u32(ROW_INFO)} + 1u];`);
    w.line(`let pos = info[r * ${u32(ROW_INFO)} + 2u];`);
    const sum = [weightAt(opts, 'WORD_AT + id * E + c'), weightAt(opts, 'POS_AT + pos * E + c'), ...(s.type ? [weightAt(opts, 'TYPE_AT + ty * E + c')] : [])].join(' + ');
    w.block(`for (var c = tid; c < E; c = c + ${u32(ROW_THREADS)})`, () => w.line(`${s.out}[r * E + c] = ${sum};`));
  });
  return w.text();
}

export interface AttentionShape {
  readonly q: Role;         // [rows, d]
  readonly kv: Role;        // [rows, 2d]: [K | V] per row
  readonly out: Role;       // [rows, d]
  readonly d: number;
  readonly heads: number;
  readonly maxKeys: number; // max_positions: the longest sequence
}

/**
 * One workgroup per (active row, head): scores against the keys of the row's own sequence (the
 * per-sequence key range is the padding mask), softmax with the max subtracted, then the context.
 * kv rows are [K | V], each [d]; q and ctx rows are [d]; head hd owns columns [hd*dh, (hd+1)*dh).
 */
export function attentionKernel(kernel: KernelInfo, s: AttentionShape, opts: ModuleOptions): string {
  const w = new WgslWriter();
  prologue(w, kernel.step.name, kernel, opts);
  const dh = s.d / s.heads;
  const step = u32(ROW_THREADS);
  w.line(`const D: u32 = ${u32(s.d)};`);
  w.line(`const DH: u32 = ${u32(dh)};`);
  w.line(`const SCALE: f32 = ${f32(1 / Math.sqrt(dh))};`);
  w.line();
  w.line(`var<workgroup> scores: array<f32, ${s.maxKeys}>;`);
  w.line(`var<workgroup> qh: array<f32, ${dh}>;`);
  reductions(w, ['wgMax', 'wgSum']);
  w.line(`@compute @workgroup_size(${ROW_THREADS})`);
  w.block('fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) tid: u32)', () => {
    w.line('let r = wg.x;');
    w.line('let hd = wg.y;');
    w.block(`if (r >= ${countOf(kernel)})`, () => w.line('return;'));
    w.line(`let keyStart = counts.keyRowsAt + info[r * ${u32(ROW_INFO)} + 3u];`);
    w.line(`let keyLen = info[r * ${u32(ROW_INFO)} + 4u];`);
    w.line('let qAt = r * D + hd * DH;');
    w.block(`for (var c = tid; c < DH; c = c + ${step})`, () => w.line(`qh[c] = ${s.q}[qAt + c];`));
    w.line('workgroupBarrier();');
    w.line(`var best = ${f32(-3e38)};`);
    w.block(`for (var j = tid; j < keyLen; j = j + ${step})`, () => {
      w.line('let kAt = info[keyStart + j] * (2u * D) + hd * DH;');
      w.line('var qk = 0.0f;');
      w.block('for (var c = 0u; c < DH; c = c + 1u)', () => w.line(`qk = qk + qh[c] * ${s.kv}[kAt + c];`));
      w.line('let sc = qk * SCALE;');
      w.line('scores[j] = sc;');
      w.line('best = max(best, sc);');
    });
    w.line('let top = wgMax(best, tid);');
    w.line('var sum = 0.0f;');
    w.block(`for (var j = tid; j < keyLen; j = j + ${step})`, () => {
      w.line('let e = exp(scores[j] - top);');
      w.line('scores[j] = e;');
      w.line('sum = sum + e;');
    });
    w.line('let inv = 1.0f / wgSum(sum, tid);');
    w.block(`for (var c = tid; c < DH; c = c + ${step})`, () => {
      w.line('var acc = 0.0f;');
      w.block('for (var j = 0u; j < keyLen; j = j + 1u)', () => {
        w.line(`acc = acc + scores[j] * ${s.kv}[info[keyStart + j] * (2u * D) + D + hd * DH + c];`);
      });
      w.line(`${s.out}[qAt + c] = acc * inv;`);
    });
  });
  return w.text();
}

export interface DenseRowShape {
  readonly x: Role;         // input rows [*, k]
  readonly y: Role;         // output [B, n]
  readonly k: number;
  readonly n: number;
  readonly w: Slot;         // [k, n]
  readonly bias: Slot;      // [n]
  readonly act?: PoolerActivation; // applied after the bias
  readonly gatherCls: boolean; // input row of sequence s: its [CLS] row (info clsRows) instead of row s
}

/** One output per invocation, one sequence per workgroup row: y[s, c] = act(x[row(s)] @ W[:, c] + b[c]). */
export function denseRowKernel(kernel: KernelInfo, s: DenseRowShape, opts: ModuleOptions): string {
  const w = new WgslWriter();
  prologue(w, kernel.step.name, kernel, opts);
  w.line(`const K: u32 = ${u32(s.k)};`);
  w.line(`const N: u32 = ${u32(s.n)};`);
  w.line(`const W_AT: u32 = ${u32(s.w.at)};`);
  w.line(`const B_AT: u32 = ${u32(s.bias.at)};`);
  w.line();
  if (s.act) ACTIVATIONS[s.act](w);
  const row = s.gatherCls ? 'info[counts.clsAt + sq]' : 'sq';
  const biased = `acc + ${weightAt(opts, 'B_AT + c')}`;
  const value = s.act ? `act(${biased})` : biased;
  w.line(`@compute @workgroup_size(${ROW_THREADS})`);
  w.block('fn main(@builtin(workgroup_id) wg: vec3<u32>, @builtin(local_invocation_index) tid: u32)', () => {
    w.line('let sq = wg.y;');
    w.line(`let c = wg.x * ${u32(ROW_THREADS)} + tid;`);
    w.block(`if (sq >= ${countOf(kernel)} || c >= N)`, () => w.line('return;'));
    w.line(`let xAt = ${row} * K;`);
    w.line('var acc = 0.0f;');
    w.block('for (var k = 0u; k < K; k = k + 1u)', () => w.line(`acc = acc + ${s.x}[xAt + k] * ${weightAt(opts, 'W_AT + k * N + c')};`));
    w.line(`${s.y}[sq * N + c] = ${value};`);
  });
  return w.text();
}

/** A diagnostic module (not part of a model): y[i] = act(x[i]) for i < n, to measure an activation's error. */
export function activationProbe(act: Activation, n: number): string {
  const w = new WgslWriter();
  w.line(`// probe ${act}`);
  w.line('@group(0) @binding(0) var<storage, read> x: array<f32>;');
  w.line('@group(0) @binding(1) var<storage, read_write> y: array<f32>;');
  w.line();
  ACTIVATIONS[act](w);
  w.line(`@compute @workgroup_size(${ROW_THREADS})`);
  w.block('fn main(@builtin(global_invocation_id) gid: vec3<u32>)', () => {
    w.block(`if (gid.x < ${u32(n)})`, () => w.line('y[gid.x] = act(x[gid.x]);'));
  });
  return w.text();
}
