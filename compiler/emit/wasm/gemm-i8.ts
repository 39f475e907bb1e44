// The int8 path's kernels: per-row activation quantization, and the matrix product over int8 weights
// packed as pair panels (contract/wasm-layout.ts 'panels-i8'), accumulated exactly in i32 and scaled back
// to f32 with the column and row scales before the bias and the fused epilogue.

import binaryen from 'binaryen';
import { Fn, type Local, type Ref, type Variant } from './builder.ts';
import { activatePanel, type GemmSpec } from './gemm.ts';

export interface GemmI8Spec extends GemmSpec {
  readonly scales: number; // byte address of layer 0's column scales [n] f32
}

/**
 * `quant(x, xq, xs, width, r0, r1)`: for rows [r0, r1) of x ([rows, width] f32, width a multiple of 4),
 * m = max |x[r]|, xs[r] = m / 127 and xq[r] = nearest(x[r] * (127 / m)) as i16 (all 0 when m is 0): the
 * dynamic, symmetric per-row quantization of the int8 products' input. Per row, so a row's result does
 * not depend on the other rows of the batch.
 */
export function emitQuantize(m: binaryen.Module, variant: Variant): void {
  const i32 = binaryen.i32;
  const fn = new Fn(m, variant, [i32, i32, i32, i32, i32, i32]);
  const [x, xq, xs, width, r0, r1] = fn.params as [Local, Local, Local, Local, Local, Local];
  const r = fn.i32(), v = fn.i32(), xp = fn.i32(), qp = fn.i32(), bytes = fn.i32();
  const mx = fn.v128(), inv = fn.v128(), t = fn.v128(), big = fn.f32();
  fn.finish('quant', [
    bytes.set(m.i32.shl(width.get(), fn.c(2))),
    fn.forRange(r, r0.get(), r1.get(), 1, [
      xp.set(fn.add(x.get(), fn.mul(r.get(), bytes.get()))),
      qp.set(fn.add(xq.get(), fn.mul(r.get(), m.i32.shl(width.get(), fn.c(1))))),
      mx.set(fn.splat(0)),
      fn.forRange(v, fn.c(0), bytes.get(), 16, [mx.set(m.f32x4.max(mx.get(), m.f32x4.abs(fn.load(fn.add(xp.get(), v.get())))))]),
      big.set(fn.hmax(mx)),
      m.f32.store(0, 4, fn.add(xs.get(), m.i32.shl(r.get(), fn.c(2))), m.f32.div(big.get(), m.f32.const(127))),
      inv.set(m.f32x4.splat(m.select(m.f32.gt(big.get(), m.f32.const(0)), m.f32.div(m.f32.const(127), big.get()), m.f32.const(0)))),
      fn.forRange(v, fn.c(0), bytes.get(), 16, [
        t.set(m.i32x4.trunc_sat_f32x4_s(m.f32x4.nearest(fn.vmul(fn.load(fn.add(xp.get(), v.get())), inv.get())))),
        m.v128.store64_lane(0, 8, 0, fn.add(qp.get(), m.i32.shr_u(v.get(), fn.c(1))), m.i16x8.narrow_i32x4_s(t.get(), t.get())),
      ]),
    ]),
  ]);
}

/**
 * Emits `name(layer, xq, xs, y, res, r0, r1, p0, p1)`: y = (xq @ Wq) * xs[r] * scale[j] + b (+ epilogue)
 * for rows [r0, r1) and column panels [p0, p1). Per pair of k: one i16x8.load8x8_s per 4 columns (the two
 * k values of each column sign-extended side by side) and one 32-bit splat of the row's two activations;
 * i32x4.dot_i16x8_s multiplies and adds the pair, an i32 add accumulates it. The accumulation is exact
 * (|sum| <= k * 127^2 < 2^31), so the result does not depend on the tiling: batched rows, threads and
 * tiles all give the same bits. The add's chain has one cycle of latency (the dot is off the chain), so
 * one-row remainder tiles are not latency-bound and need no panel grouping.
 */
export function emitGemmI8(m: binaryen.Module, variant: Variant, spec: GemmI8Spec): void {
  const i32 = binaryen.i32;
  const fn = new Fn(m, variant, [i32, i32, i32, i32, i32, i32, i32, i32, i32]);
  const [layer, xq, xs, y, res, r0, r1, p0, p1] = fn.params as Local[] as [Local, Local, Local, Local, Local, Local, Local, Local, Local];
  const p = fn.i32(), r = fn.i32(), wPanel = fn.i32(), bPanel = fn.i32(), sPanel = fn.i32();
  const { k, nr, mr } = spec;
  const panelBytes = k * nr;
  const l: TileLocals = { xq, xs, y, res, r, wPanel, bPanel, sPanel, p };
  const tiles: Ref[] = [];
  for (let rows = mr - 1; rows >= 1; rows--) tiles.push(m.if(m.i32.eq(m.i32.sub(r1.get(), r.get()), fn.c(rows)), emitTile(fn, spec, rows, l)));
  const layerAt = (base: number): Ref => fn.addMul(fn.c(base), layer.get(), spec.layerStride);
  fn.finish(spec.name, [
    fn.forRange(p, p0.get(), p1.get(), 1, [
      wPanel.set(fn.add(layerAt(spec.weights), fn.mul(p.get(), fn.c(panelBytes)))),
      bPanel.set(fn.add(layerAt(spec.bias), fn.mul(p.get(), fn.c(nr * 4)))),
      sPanel.set(fn.add(layerAt(spec.scales), fn.mul(p.get(), fn.c(nr * 4)))),
      fn.forRange(r, r0.get(), fn.add(fn.c(1 - mr), r1.get()), mr, [emitTile(fn, spec, mr, l)]),
      ...tiles, // r is the first row not yet done (see gemm.ts remainderTiles)
      ...(spec.epilogue === 'none' || spec.epilogue === 'residual' ? [] : [activatePanel(fn, spec, spec.epilogue, { y, r0, r1, p })]),
    ]),
  ]);
}

interface TileLocals {
  readonly xq: Local; readonly xs: Local; readonly y: Local; readonly res: Local; readonly r: Local;
  readonly wPanel: Local; readonly bPanel: Local; readonly sPanel: Local; readonly p: Local;
}

function emitTile(fn: Fn, spec: GemmI8Spec, rows: number, l: TileLocals): Ref {
  const m = fn.m;
  const { k, n, nr } = spec;
  const nv = nr / 4;
  const acc: Local[][] = Array.from({ length: rows }, () => Array.from({ length: nv }, () => fn.v128()));
  const w: Local[] = Array.from({ length: nv }, () => fn.v128());
  const a = fn.v128();
  const xp = fn.i32(), wp = fn.i32(), xEnd = fn.i32(), yp = fn.i32(), rp = fn.i32();
  const body: Ref[] = [];
  for (let rr = 0; rr < rows; rr++) for (let v = 0; v < nv; v++) body.push(acc[rr]![v]!.set(m.v128.const([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])));
  body.push(
    xp.set(fn.addMul(l.xq.get(), l.r.get(), k * 2)),
    xEnd.set(fn.add(xp.get(), fn.c(k * 2))),
    wp.set(l.wPanel.get()),
  );
  const step: Ref[] = [];
  for (let v = 0; v < nv; v++) step.push(w[v]!.set(m.v128.load8x8_s(v * 8, 8, wp.get())));
  for (let rr = 0; rr < rows; rr++) {
    step.push(a.set(m.v128.load32_splat(rr * k * 2, 4, xp.get())));
    for (let v = 0; v < nv; v++) step.push(acc[rr]![v]!.set(m.i32x4.add(acc[rr]![v]!.get(), m.i32x4.dot_i16x8_s(a.get(), w[v]!.get()))));
  }
  const top = fn.label('k');
  body.push(m.loop(top, m.block(null, [
    ...step,
    wp.set(fn.add(wp.get(), fn.c(nr * 2))),
    xp.set(fn.add(xp.get(), fn.c(4))),
    m.br(top, m.i32.lt_u(xp.get(), xEnd.get())),
  ])));
  const rowCol = (base: Local): Ref => fn.add(fn.addMul(base.get(), l.r.get(), n * 4), fn.mul(l.p.get(), fn.c(nr * 4)));
  body.push(yp.set(rowCol(l.y)));
  if (spec.epilogue === 'residual') body.push(rp.set(rowCol(l.res)));
  const sx = fn.v128(), t = fn.v128();
  for (let rr = 0; rr < rows; rr++) {
    body.push(sx.set(m.v128.load32_splat(rr * 4, 4, fn.add(l.xs.get(), m.i32.shl(l.r.get(), fn.c(2))))));
    for (let v = 0; v < nv; v++) {
      const off = rr * n * 4 + v * 16;
      // y = acc * (scale[j] * xs[r]) + b, one rounding per operation: the same bits in both SIMD variants
      body.push(t.set(fn.vadd(fn.vmul(m.f32x4.convert_i32x4_s(acc[rr]![v]!.get()), fn.vmul(fn.load(l.sPanel.get(), v * 16), sx.get())), fn.load(l.bPanel.get(), v * 16))));
      if (spec.epilogue === 'residual') body.push(t.set(fn.vadd(t.get(), fn.load(rp.get(), off))));
      body.push(fn.store(yp.get(), t.get(), off));
    }
  }
  return m.block(null, body);
}
