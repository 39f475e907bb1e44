// WebGPU target: one WGSL module per kernel of kernelsFor(head) (a matrix product has one per tile
// shape), with every dimension and weight offset baked in.

import type { ArchConfig, HeadConfig } from '../../../contract/model.ts';
import { headOutputs } from '../../../contract/model.ts';
import { weightLayout, type WeightLayout } from '../../../runtime/webgpu/layout.ts';
import { ROW_THREADS, TILE_NAMES, isProduct, kernelsFor, type ProductKernel, type RowKernel, type WebGpuProgram, type WgslModule } from '../../../runtime/webgpu/program.ts';
import { HasheeError } from '../../errors.ts';
import { attentionKernel, denseRowKernel, layerNormKernel, matmulKernel, type MatmulShape } from './kernels.ts';

export interface EmitWgslOptions {
  /** Comment lines at the top of every module (tool version, spec hash); no timestamps or paths. */
  readonly header?: readonly string[];
}

/** Default workgroup memory limit (maxComputeWorkgroupStorageSize) every adapter guarantees. */
const WORKGROUP_BYTES = 16384;

/** The shape of each matrix product, from the model's dimensions and the weight layout. */
const PRODUCTS: Record<ProductKernel, (a: ArchConfig, h: HeadConfig, w: WeightLayout) => MatmulShape> = {
  kv: (a, _h, { layer: l }) => ({ x: 'h', y: 'kv', k: a.hidden, n: 2 * a.hidden, w: l.kvW, bias: l.kvB }),
  query: (a, _h, { layer: l }) => ({ x: 'h', y: 'q', k: a.hidden, n: a.hidden, w: l.qW, bias: l.qB }),
  attnOut: (a, _h, { layer: l }) => ({ x: 'ctx', y: 'tmp', k: a.hidden, n: a.hidden, w: l.oW }),
  ffnUp: (a, _h, { layer: l }) => ({ x: 'h1', y: 'ffn', k: a.hidden, n: a.ffn, w: l.f1W, bias: l.f1B, act: a.activation }),
  ffnDown: (a, _h, { layer: l }) => ({ x: 'ffn', y: 'tmp', k: a.ffn, n: a.hidden, w: l.f2W }),
  tokenHead: (a, h, { head: p }) => ({ x: 'h', y: 'logits', k: a.hidden, n: headOutputs(h), w: p.classifierW, bias: p.classifierB }),
};

type Emitter = (arch: ArchConfig, head: HeadConfig, layout: WeightLayout, header: readonly string[]) => string;

const ROW_KERNELS: Record<RowKernel, Emitter> = {
  embed: (a, _h, { embed: e }, hd) => layerNormKernel('embed', {
    input: { kind: 'embed', word: e.word, pos: e.pos, type: e.type }, out: 'h', d: a.hidden, eps: a.layerNormEps, gain: e.lnG, beta: e.lnB,
  }, hd),
  attention: (a, _h, _l, hd) => attentionKernel('attention', { d: a.hidden, heads: a.heads, maxKeys: a.maxPositions }, hd),
  attnNorm: (a, _h, { layer: l }, hd) => layerNormKernel('attnNorm', {
    input: { kind: 'residual', x: 'tmp', residual: 'h', bias: l.oB }, out: 'h1', d: a.hidden, eps: a.layerNormEps, gain: l.ln1G, beta: l.ln1B,
  }, hd),
  ffnNorm: (a, _h, { layer: l }, hd) => layerNormKernel('ffnNorm', {
    input: { kind: 'residual', x: 'tmp', residual: 'h1', bias: l.f2B }, out: 'h', d: a.hidden, eps: a.layerNormEps, gain: l.ln2G, beta: l.ln2B,
  }, hd),
  pooler: (a, _h, { head: p }, hd) => denseRowKernel('pooler', {
    x: 'h', y: 'pooled', k: a.hidden, n: a.hidden, w: p.poolerW, bias: p.poolerB, tanh: true, gatherCls: true,
  }, hd),
  classifier: (a, h, { head: p }, hd) => denseRowKernel('classifier', {
    x: 'pooled', y: 'logits', k: a.hidden, n: headOutputs(h), w: p.classifierW, bias: p.classifierB, tanh: false, gatherCls: false,
  }, hd),
};

/** Emits the WebGPU program of a model shape. Same inputs, same bytes. */
export function emitWgsl(arch: ArchConfig, head: HeadConfig, opts: EmitWgslOptions = {}): WebGpuProgram {
  checkArch(arch);
  const layout = weightLayout(arch, head);
  const header = opts.header ?? [];
  const modules = kernelsFor(head).flatMap((kernel): WgslModule[] => isProduct(kernel)
    ? TILE_NAMES.map((tile) => ({ kernel, tile, code: matmulKernel(kernel, tile, PRODUCTS[kernel](arch, head, layout), header) }))
    : [{ kernel, code: ROW_KERNELS[kernel](arch, head, layout, header) }]);
  return { arch, head, modules };
}

function checkArch(arch: ArchConfig): void {
  if (arch.norm !== 'post') {
    throw new HasheeError('backend', `the WebGPU target supports post-LayerNorm models only, not '${arch.norm}'`, { keyPath: 'model.norm', expected: 'post', actual: arch.norm });
  }
  if (arch.hidden % arch.heads !== 0) {
    throw new HasheeError('backend', `hidden size ${arch.hidden} is not divisible by ${arch.heads} heads`, { keyPath: 'model.heads' });
  }
  // attention keeps one score per key plus the query head and the reduction scratch in workgroup memory
  const attentionBytes = 4 * (arch.maxPositions + arch.hidden / arch.heads + ROW_THREADS);
  if (attentionBytes > WORKGROUP_BYTES) {
    throw new HasheeError('backend', `max_positions ${arch.maxPositions} needs ${attentionBytes} bytes of workgroup memory in attention; WebGPU guarantees ${WORKGROUP_BYTES}`, {
      keyPath: 'model.max_positions', expected: `at most ${Math.floor(WORKGROUP_BYTES / 4) - arch.hidden / arch.heads - ROW_THREADS}`, actual: String(arch.maxPositions),
    });
  }
}
