// Thin helpers over binaryen's module builder: typed locals, labels from counters, and the SIMD variant
// (plain SIMD128 mul+add, or relaxed-SIMD fused multiply-add) that every kernel emits through.

import binaryen from 'binaryen';

export type Ref = number; // binaryen.ExpressionRef

export interface Variant {
  /** Emit f32x4.relaxed_madd instead of f32x4.mul + f32x4.add. */
  readonly relaxed: boolean;
}

export interface Local {
  readonly index: number;
  readonly type: number;
  get(): Ref;
  set(value: Ref): Ref;
  tee(value: Ref): Ref;
}

/** One function under construction: parameters first, then variables, labels numbered per function. */
export class Fn {
  private readonly types: number[] = [];
  private readonly paramCount: number;
  private labels = 0;
  private readonly shared = new Map<string, Local>();
  readonly params: Local[];

  constructor(readonly m: binaryen.Module, readonly variant: Variant, paramTypes: readonly number[]) {
    this.params = paramTypes.map((t) => this.addLocal(t));
    this.paramCount = paramTypes.length;
  }

  private addLocal(type: number): Local {
    const index = this.types.length;
    this.types.push(type);
    const m = this.m;
    return {
      index, type,
      get: () => m.local.get(index, type),
      set: (v) => m.local.set(index, v),
      tee: (v) => m.local.tee(index, v, type),
    };
  }

  i32(): Local { return this.addLocal(binaryen.i32); }
  f32(): Local { return this.addLocal(binaryen.f32); }
  v128(): Local { return this.addLocal(binaryen.v128); }

  /** A v128 temporary shared by every emission site in this function that asks for the same name. */
  temp(name: string): Local {
    let t = this.shared.get(name);
    if (!t) { t = this.v128(); this.shared.set(name, t); }
    return t;
  }

  label(stem: string): string { return `${stem}${this.labels++}`; }

  /** Adds the function and exports it under the same name. */
  finish(name: string, body: readonly Ref[], result: number = binaryen.none): void {
    const params = binaryen.createType(this.types.slice(0, this.paramCount));
    const vars = this.types.slice(this.paramCount);
    this.m.addFunction(name, params, result, vars, this.m.block(null, body as Ref[], result));
    this.m.addFunctionExport(name, name);
  }

  // --- scalar i32 helpers ---
  c(n: number): Ref { return this.m.i32.const(n | 0); }
  add(a: Ref, b: Ref): Ref { return this.m.i32.add(a, b); }
  mul(a: Ref, b: Ref): Ref { return this.m.i32.mul(a, b); }
  /** a + b * k for a constant k (byte strides). */
  addMul(a: Ref, b: Ref, k: number): Ref { return k === 0 ? a : this.add(a, k === 1 ? b : this.mul(b, this.c(k))); }

  /** `for (i = from; i < to; i += step) body` with i an i32 local; emits nothing when the loop is empty at run time. */
  forRange(i: Local, from: Ref, to: Ref, step: number, body: readonly Ref[]): Ref {
    const m = this.m;
    const brk = this.label('done'), top = this.label('loop');
    return m.block(brk, [
      i.set(from),
      m.br(brk, m.i32.ge_s(i.get(), to)),
      m.loop(top, m.block(null, [
        ...body,
        i.set(this.add(i.get(), this.c(step))),
        m.br(top, m.i32.lt_s(i.get(), m.copyExpression(to))), // a fresh node: binaryen IR is a tree
      ])),
    ]);
  }

  // --- f32x4 helpers ---
  splat(x: number): Ref { return this.m.f32x4.splat(this.m.f32.const(x)); }
  load(ptr: Ref, offset = 0): Ref { return this.m.v128.load(offset, 16, ptr); }
  loadSplat(ptr: Ref, offset = 0): Ref { return this.m.v128.load32_splat(offset, 4, ptr); }
  store(ptr: Ref, value: Ref, offset = 0): Ref { return this.m.v128.store(offset, 16, ptr, value); }
  vadd(a: Ref, b: Ref): Ref { return this.m.f32x4.add(a, b); }
  vsub(a: Ref, b: Ref): Ref { return this.m.f32x4.sub(a, b); }
  vmul(a: Ref, b: Ref): Ref { return this.m.f32x4.mul(a, b); }
  /** a * b + c: fused (relaxed_madd, single rounding where the engine fuses) or mul then add. */
  fma(a: Ref, b: Ref, c: Ref): Ref {
    if (!this.variant.relaxed) return this.vadd(this.vmul(a, b), c);
    return (binaryen as unknown as { _BinaryenSIMDTernary(m: number, op: number, a: Ref, b: Ref, c: Ref): Ref })
      ._BinaryenSIMDTernary((this.m as unknown as { ptr: number }).ptr, binaryen.RelaxedMaddVecF32x4, a, b, c);
  }
  /** Horizontal sum of the four lanes of a local. */
  hsum(v: Local): Ref {
    const m = this.m;
    const lane = (i: number) => m.f32x4.extract_lane(v.get(), i);
    return m.f32.add(m.f32.add(lane(0), lane(1)), m.f32.add(lane(2), lane(3)));
  }
  hmax(v: Local): Ref {
    const m = this.m;
    const lane = (i: number) => m.f32x4.extract_lane(v.get(), i);
    return m.f32.max(m.f32.max(lane(0), lane(1)), m.f32.max(lane(2), lane(3)));
  }
}

/** Feature set of a generated module. */
export function moduleFeatures(variant: Variant): number {
  const F = binaryen.Features;
  return F.SIMD128 | F.Atomics | F.BulkMemory | F.MutableGlobals | F.SignExt | (variant.relaxed ? F.RelaxedSIMD : 0);
}
