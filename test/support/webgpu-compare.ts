// The WebGPU engine tests' comparison with the f32 reference executor: exits exactly, then h^L, pooled and
// logits output by output within the documented WebGPU tolerances, the worst errors kept for the report.

import * as assert from 'uvu/assert';
import type { Model } from '../../contract/model.ts';
import { runReference, type RunInput } from '../../runtime/reference/index.ts';
import type { EngineResult } from '../../runtime/webgpu/engine.ts';

/** README's WebGPU tolerances: h^L per layer, pooled, logits. */
export const TOL = { hiddenPerLayer: 2e-5, pooled: 2e-5, logits: 2e-5 };

export function maxAbs(a: ArrayLike<number>, b: ArrayLike<number>): number {
  assert.is(a.length, b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}

/** The worst errors seen so far, per output. */
export interface Worst { hidden: number; pooled: number; logits: number }

/** Compares an engine result with the f32 reference run of `model`, output by output; raises `worst`. */
export function compareWithReference(model: Model, table: Uint8Array, input: RunInput, got: EngineResult, fullDepth: boolean, worst: Worst): void {
  const ref = runReference(model, table, input, { precision: 'f32', fullDepth });
  assert.equal(got.exits, ref.exits);
  input.ids.forEach((_, s) => {
    if (got.lastHidden) {
      const e = maxAbs(got.lastHidden[s]!, ref.lastHidden[s]!);
      worst.hidden = Math.max(worst.hidden, e);
      assert.ok(e <= TOL.hiddenPerLayer * model.arch.layers, `hidden of sequence ${s}: max error ${e}`);
    }
    if (ref.pooled) {
      const e = maxAbs(got.pooled![s]!, ref.pooled[s]!);
      worst.pooled = Math.max(worst.pooled, e);
      assert.ok(e <= TOL.pooled, `pooled of sequence ${s}: max error ${e}`);
    }
    if (ref.logits) {
      const e = maxAbs(got.logits![s]!, ref.logits[s]!);
      worst.logits = Math.max(worst.logits, e);
      assert.ok(e <= TOL.logits, `logits of sequence ${s}: max error ${e}`);
    }
  });
}
