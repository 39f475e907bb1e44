// Vectorised f32x4 transcendental approximations emitted inline: exp, tanh, erf and the activations built
// on them. Error bounds checked by test/wasm-kernels.test.ts against f64 references:
//   exp  (Cephes expf: round-to-nearest range reduction, degree-6 polynomial): relative error < 3e-7 on [-87, 88]
//   erf  (Eigen's rational approximation, odd degree 13 / even degree 8, clamped to [-4, 4]): absolute error < 2e-7
//   tanh (1 - 2 / (exp(2x) + 1)): absolute error < 2e-7
//   gelu (0.5 x (1 + erf(x / sqrt 2))): error < 2e-7 * max(1, |x|)

import { type Fn, type Local, type Ref } from './builder.ts';

export type VecActivation = 'gelu' | 'gelu_tanh' | 'relu' | 'tanh';

const LOG2E = 1.44269504088896341;
const EXP_HI = 88; // keeps n = round(x log2 e) <= 127
const EXP_LO = -87.3365447505531; // exp of anything lower is below the smallest normal float
const LN2_HI = 0.693359375;
const LN2_LO = -2.12194440e-4;
const EXP_POLY = [1.9875691500e-4, 1.3981999507e-3, 8.3334519073e-3, 4.1665795894e-2, 1.6666665459e-1, 5.0000001201e-1];

const ERF_ALPHA = [-2.72614225801306e-10, 2.77068142495902e-08, -2.10102402082508e-06, -5.69250639462346e-05,
  -7.34990630326855e-04, -2.95459980854025e-03, -1.60960333262415e-02]; // x^13 .. x^1
const ERF_BETA = [-1.45660718464996e-05, -2.13374055278905e-04, -1.68282697438203e-03, -7.37332916720468e-03,
  -1.42647390514189e-02]; // x^8 .. x^0

/** Horner evaluation of coefficients (highest first) at local z. */
function horner(fn: Fn, coeffs: readonly number[], z: Local): Ref {
  let acc = fn.splat(coeffs[0]!);
  for (const c of coeffs.slice(1)) acc = fn.fma(acc, z.get(), fn.splat(c));
  return acc;
}

/** out = exp(x) lane-wise; x is clobbered. */
export function exp4(fn: Fn, x: Local, out: Local): Ref {
  const m = fn.m;
  const nf = fn.temp('exp.n'), z = fn.temp('exp.z');
  return m.block(null, [
    x.set(m.f32x4.max(m.f32x4.min(x.get(), fn.splat(EXP_HI)), fn.splat(EXP_LO))),
    nf.set(m.f32x4.nearest(fn.vmul(x.get(), fn.splat(LOG2E)))),
    x.set(fn.vsub(x.get(), fn.vmul(nf.get(), fn.splat(LN2_HI)))),
    x.set(fn.vsub(x.get(), fn.vmul(nf.get(), fn.splat(LN2_LO)))),
    z.set(fn.vmul(x.get(), x.get())),
    out.set(fn.fma(horner(fn, EXP_POLY, x), z.get(), fn.vadd(x.get(), fn.splat(1)))),
    // 2^n built in the exponent bits: (n + 127) << 23
    nf.set(m.i32x4.shl(m.i32x4.add(m.i32x4.trunc_sat_f32x4_s(nf.get()), m.i32x4.splat(fn.c(127))), fn.c(23))),
    out.set(fn.vmul(out.get(), nf.get())),
  ]);
}

/** t = tanh(t) = 1 - 2 / (exp(2t) + 1). */
function tanh4(fn: Fn, t: Local): Ref {
  const m = fn.m;
  const e = fn.temp('tanh.e');
  return m.block(null, [
    t.set(fn.vadd(t.get(), t.get())),
    exp4(fn, t, e),
    t.set(fn.vsub(fn.splat(1), m.f32x4.div(fn.splat(2), fn.vadd(e.get(), fn.splat(1))))),
  ]);
}

/** t = erf(t), rational approximation p(x) / q(x) on x clamped to [-4, 4]. */
export function erf4(fn: Fn, t: Local): Ref {
  const m = fn.m;
  const x2 = fn.temp('erf.x2'), num = fn.temp('erf.p');
  return m.block(null, [
    t.set(m.f32x4.max(m.f32x4.min(t.get(), fn.splat(4)), fn.splat(-4))),
    x2.set(fn.vmul(t.get(), t.get())),
    num.set(fn.vmul(horner(fn, ERF_ALPHA, x2), t.get())),
    t.set(m.f32x4.div(num.get(), horner(fn, ERF_BETA, x2))),
  ]);
}

/** Applies an activation to local t in place. */
export function activation4(fn: Fn, kind: VecActivation, t: Local): Ref {
  const m = fn.m;
  const x = fn.temp('act.x');
  switch (kind) {
    case 'relu':
      return t.set(m.f32x4.max(t.get(), fn.splat(0)));
    case 'tanh':
      return tanh4(fn, t);
    case 'gelu':
      return m.block(null, [
        x.set(t.get()),
        t.set(fn.vmul(t.get(), fn.splat(Math.SQRT1_2))),
        erf4(fn, t),
        t.set(fn.vmul(fn.vmul(x.get(), fn.splat(0.5)), fn.vadd(t.get(), fn.splat(1)))),
      ]);
    case 'gelu_tanh':
      return m.block(null, [
        x.set(t.get()),
        t.set(fn.vmul(fn.splat(Math.sqrt(2 / Math.PI)), fn.fma(fn.vmul(fn.splat(0.044715), x.get()), fn.vmul(x.get(), x.get()), x.get()))),
        tanh4(fn, t),
        t.set(fn.vmul(fn.vmul(x.get(), fn.splat(0.5)), fn.vadd(t.get(), fn.splat(1)))),
      ]);
  }
}
