// Register-blocked matrix product y = x @ W + b (+ fused epilogue) over weights pre-packed into panels of
// NR output columns, k-major (see contract/wasm-layout.ts). One exported function per product shape.

import binaryen from 'binaryen';
import { Fn, type Local, type Ref, type Variant } from './builder.ts';
import { activation4, type VecActivation } from './mathf.ts';

export type Epilogue = 'none' | 'residual' | VecActivation;

export interface GemmSpec {
  readonly name: string;
  readonly k: number;             // x [rows, k], row stride k
  readonly n: number;             // y [rows, n], row stride n (and residual)
  readonly nr: number;            // panel width in columns, a multiple of 4 dividing n
  readonly mr: number;            // rows per register tile
  readonly weights: number;       // byte address of layer 0's packed panels [n / nr][k][nr]
  readonly bias: number;          // byte address of layer 0's bias [n]
  readonly layerStride: number;   // bytes between consecutive layers' tensors
  readonly epilogue: Epilogue;
}

/**
 * Emits `name(layer, x, y, res, r0, r1, p0, p1)`: rows [r0, r1) of x, column panels [p0, p1); pointers
 * are byte addresses; `res` is read only by the 'residual' epilogue (y = x @ W + b + res).
 * Loop order: panel outer (its k x nr weights stay in L1 across row tiles), row tiles of mr inner; an
 * activation runs once per panel over its just-stored (L1-hot) columns, so its code is emitted once.
 * A remainder of few rows (1 or 2 with nr = 8) runs as one tile over a group of G panels at the group's
 * first panel, so it keeps 8 independent accumulator chains (one panel would leave it bound by FMA latency)
 * while the group's weights are cache-hot; every output is still summed in the same k order, so a row's
 * result does not depend on the tile it falls in.
 */
export function emitGemm(m: binaryen.Module, variant: Variant, spec: GemmSpec): void {
  const i32 = binaryen.i32;
  const fn = new Fn(m, variant, [i32, i32, i32, i32, i32, i32, i32, i32]);
  const [layer, x, y, res, r0, r1, p0, p1] = fn.params as [Local, Local, Local, Local, Local, Local, Local, Local];
  const p = fn.i32(), r = fn.i32(), wPanel = fn.i32(), bPanel = fn.i32();
  const rem = fn.i32(), group = fn.i32(), groupedEnd = fn.i32();
  const { k, n, nr, mr } = spec;
  const panelBytes = k * nr * 4;
  const groupOf = (rows: number): number => Math.max(1, Math.floor(ACC_CHAINS / (rows * (nr / 4))));
  const grouped = Array.from({ length: mr - 1 }, (_, i) => i + 1).filter((rows) => groupOf(rows) > 1);

  const tile = (rows: number, panels = 1): Ref => emitTile(fn, spec, rows, panels, { x, y, res, r, wPanel, bPanel, p });
  // group = G of this call's remainder (1 when it runs panel by panel); panels [p0, groupedEnd) are grouped
  let groupSize: Ref = fn.c(1);
  for (const rows of grouped) groupSize = m.select(m.i32.eq(rem.get(), fn.c(rows)), fn.c(groupOf(rows)), groupSize);
  const groupTile = grouped.reduceRight<Ref>((other, rows) => m.if(m.i32.eq(rem.get(), fn.c(rows)), tile(rows, groupOf(rows)), other), m.nop());
  const firstOfGroup = m.i32.and(m.i32.lt_s(p.get(), groupedEnd.get()), m.i32.eqz(m.i32.rem_u(m.i32.sub(p.get(), p0.get()), group.get())));
  fn.finish(spec.name, [
    rem.set(m.i32.rem_u(m.i32.sub(r1.get(), r0.get()), fn.c(mr))),
    group.set(groupSize),
    groupedEnd.set(m.if(m.i32.gt_s(group.get(), fn.c(1)),
      fn.add(p0.get(), fn.mul(m.i32.div_u(m.i32.sub(p1.get(), p0.get()), group.get()), group.get())), p0.get())),
    fn.forRange(p, p0.get(), p1.get(), 1, [
      wPanel.set(fn.add(fn.addMul(fn.c(spec.weights), layer.get(), spec.layerStride), fn.mul(p.get(), fn.c(panelBytes)))),
      bPanel.set(fn.add(fn.addMul(fn.c(spec.bias), layer.get(), spec.layerStride), fn.mul(p.get(), fn.c(nr * 4)))),
      m.if(firstOfGroup, m.block(null, [r.set(m.i32.sub(r1.get(), rem.get())), groupTile])),
      fn.forRange(r, r0.get(), fn.add(fn.c(1 - mr), r1.get()), mr, [tile(mr)]),
      m.if(m.i32.ge_s(p.get(), groupedEnd.get()), m.block(null, remainderTiles(fn, r, r1, mr, tile))),
      ...(spec.epilogue === 'none' || spec.epilogue === 'residual' ? [] : [activatePanel(fn, spec, spec.epilogue, { y, r0, r1, p })]),
    ]),
  ]);
}

/** Independent accumulator chains a remainder tile aims for: 2 FMAs per cycle x 4 cycles of latency. */
const ACC_CHAINS = 8;

/** y[r, p nr .. p nr + nr) = act(...) in place for rows [r0, r1). */
export function activatePanel(fn: Fn, spec: GemmSpec, act: VecActivation, l: { y: Local; r0: Local; r1: Local; p: Local }): Ref {
  const r = fn.i32(), v = fn.i32(), yp = fn.i32(), t = fn.v128();
  return fn.forRange(r, l.r0.get(), l.r1.get(), 1, [
    yp.set(fn.add(fn.addMul(l.y.get(), r.get(), spec.n * 4), fn.mul(l.p.get(), fn.c(spec.nr * 4)))),
    fn.forRange(v, fn.c(0), fn.c(spec.nr * 4), 16, [ // byte offsets: addresses may exceed 2^31, compare small ints
      t.set(fn.load(fn.add(yp.get(), v.get()))),
      activation4(fn, act, t),
      fn.store(fn.add(yp.get(), v.get()), t.get()),
    ]),
  ]);
}

/**
 * After the full tiles, r is the first row not yet done (forRange leaves r at the first value failing
 * `r < r1 - mr + 1`, or at r0 when no full tile ran); rows r..r1 are fewer than mr.
 */
function remainderTiles(fn: Fn, r: Local, r1: Local, mr: number, tile: (rows: number) => Ref): Ref[] {
  const m = fn.m;
  const out: Ref[] = [];
  for (let rows = mr - 1; rows >= 1; rows--) {
    out.push(m.if(m.i32.eq(m.i32.sub(r1.get(), r.get()), fn.c(rows)), tile(rows)));
  }
  return out;
}

interface TileLocals { readonly x: Local; readonly y: Local; readonly res: Local; readonly r: Local; readonly wPanel: Local; readonly bPanel: Local; readonly p: Local }

/**
 * One rows x (panels nr) tile from panel p: accumulators start at the bias; per k, nr / 4 weight vectors of
 * each panel and one broadcast x per row; residual; store. The k loop is not unrolled: TurboFan hoists every
 * load of an unrolled body to its top and spills accumulators (bench/wasm-gemm.ts: 4x8 relaxed ~47 GFLOP/s
 * at unroll 1, ~27 at unroll 4).
 */
function emitTile(fn: Fn, spec: GemmSpec, rows: number, panels: number, l: TileLocals): Ref {
  const m = fn.m;
  const { k, n, nr } = spec;
  const nv = (nr / 4) * panels; // vectors across the tile; vector v is panel v / (nr / 4)
  const panelBytes = k * nr * 4;
  const wOff = (v: number): number => Math.floor(v / (nr / 4)) * panelBytes + (v % (nr / 4)) * 16;
  const acc: Local[][] = Array.from({ length: rows }, () => Array.from({ length: nv }, () => fn.v128()));
  const w: Local[] = Array.from({ length: nv }, () => fn.v128());
  const a = fn.v128();
  const xp = fn.i32(), wp = fn.i32(), xEnd = fn.i32(), yp = fn.i32();
  const body: Ref[] = [];
  for (let rr = 0; rr < rows; rr++) for (let v = 0; v < nv; v++) body.push(acc[rr]![v]!.set(fn.load(l.bPanel.get(), v * 16)));
  body.push(
    xp.set(fn.addMul(l.x.get(), l.r.get(), k * 4)),
    xEnd.set(fn.add(xp.get(), fn.c(k * 4))),
    wp.set(l.wPanel.get()),
  );
  const step: Ref[] = [];
  for (let v = 0; v < nv; v++) step.push(w[v]!.set(fn.load(wp.get(), wOff(v))));
  for (let rr = 0; rr < rows; rr++) {
    step.push(a.set(fn.loadSplat(xp.get(), rr * k * 4)));
    for (let v = 0; v < nv; v++) step.push(acc[rr]![v]!.set(fn.fma(a.get(), w[v]!.get(), acc[rr]![v]!.get())));
  }
  const top = fn.label('k');
  body.push(m.loop(top, m.block(null, [
    ...step,
    wp.set(fn.add(wp.get(), fn.c(nr * 4))),
    xp.set(fn.add(xp.get(), fn.c(4))),
    m.br(top, m.i32.lt_u(xp.get(), xEnd.get())),
  ])));
  // y row r, column p * nr
  const rowCol = (base: Local): Ref => fn.add(fn.addMul(base.get(), l.r.get(), n * 4), fn.mul(l.p.get(), fn.c(nr * 4)));
  body.push(yp.set(rowCol(l.y)));
  const rp = fn.i32();
  if (spec.epilogue === 'residual') body.push(rp.set(rowCol(l.res)));
  for (let rr = 0; rr < rows; rr++) {
    for (let v = 0; v < nv; v++) {
      const off = rr * n * 4 + v * 16;
      const t = acc[rr]![v]!;
      if (spec.epilogue === 'residual') body.push(t.set(fn.vadd(t.get(), fn.load(rp.get(), off))));
      body.push(fn.store(yp.get(), t.get(), off));
    }
  }
  return m.block(null, body);
}
