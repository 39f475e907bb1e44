// Reference executor: compact vs masked form, batching, exit semantics, precision, erf, a hand-derived case.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { randomWeights } from '../compiler/weights/random.ts';
import type { ArchConfig, ExitTable, HeadConfig, LayerWeights, Model } from '../contract/model.ts';
import { erf, runReference, runReferenceClsOnly, type RunInput } from '../runtime/reference/index.ts';
import { naiveLastHidden, naiveSequenceLogits } from './support/naive-hashee.ts';

const ARCH: ArchConfig = {
  layers: 3, hidden: 16, heads: 2, ffn: 32, vocabSize: 50, maxPositions: 16, typeVocabSize: 2,
  activation: 'gelu', layerNormEps: 1e-12, norm: 'post', embeddingSize: 16, sharedLayers: false,
};
const CLS: HeadConfig = { kind: 'classification', labels: 3 };

function tinyModel(head: HeadConfig = CLS, arch: ArchConfig = ARCH, seed = 7): Model {
  return { arch, head, weights: randomWeights(arch, head, seed, 0.2) };
}

/** id -> 1..3 by id mod 3, with the ids used as [CLS] (1) kept at full depth. */
const TABLE: ExitTable = Uint8Array.from({ length: ARCH.vocabSize }, (_, id) => (id === 1 ? 3 : (id % 3) + 1));

const RAGGED: RunInput = {
  ids: [[1, 5, 7, 9, 10, 3], [1, 4], [1, 8, 11, 12, 13, 14, 15, 21, 22]],
  typeIds: [[0, 0, 0, 1, 1, 1], [0, 1], [0, 0, 0, 0, 1, 1, 1, 1, 1]],
};

function maxAbsDiff(a: readonly Float64Array[], b: readonly Float64Array[]): number {
  assert.is(a.length, b.length);
  let m = 0;
  a.forEach((x, s) => {
    assert.is(x.length, b[s]!.length);
    x.forEach((v, i) => { m = Math.max(m, Math.abs(v - b[s]![i]!)); });
  });
  return m;
}

function maxAbs(a: readonly Float64Array[]): number {
  return Math.max(...a.map((x) => Math.max(...Array.from(x, Math.abs))));
}

test('erf matches known values', () => {
  const known: [number, number][] = [
    [0.5, 0.5204998778130465], [1, 0.8427007929497149], [2, 0.9953222650189527], [-1.5, -0.9661051464753108],
    [0, 0], [3, 0.9999779095030014], [0.1, 0.1124629160182849], [10, 1], [-10, -1],
  ];
  for (const [x, y] of known) assert.ok(Math.abs(erf(x) - y) <= 2e-16 * Math.max(1, Math.abs(y)) * 8, `erf(${x}) = ${erf(x)}, want ${y}`);
});

for (const head of [CLS, { kind: 'token', labels: 4 } as const, { kind: 'regression' } as const]) {
  for (const fullDepth of [false, true]) {
    test(`compact == masked (${head.kind}, fullDepth ${fullDepth}): single and ragged batches`, () => {
      const model = tinyModel(head);
      for (const input of [{ ids: [RAGGED.ids[2]!] }, RAGGED]) {
        const a = runReference(model, TABLE, input, { fullDepth });
        const b = runReference(model, TABLE, input, { fullDepth, form: 'masked' });
        assert.equal(a.exits, b.exits);
        assert.ok(maxAbsDiff(a.lastHidden, b.lastHidden) <= 1e-12);
        assert.ok(maxAbsDiff(a.logits!, b.logits!) <= 1e-12);
        if (head.kind !== 'token') assert.ok(maxAbsDiff(a.pooled!, b.pooled!) <= 1e-12);
      }
    });
  }
}

test('compact == masked for gelu_tanh and relu', () => {
  for (const activation of ['gelu_tanh', 'relu'] as const) {
    const model = tinyModel(CLS, { ...ARCH, activation });
    const a = runReference(model, TABLE, RAGGED);
    const b = runReference(model, TABLE, RAGGED, { form: 'masked' });
    assert.ok(maxAbsDiff(a.lastHidden, b.lastHidden) <= 1e-12);
  }
});

test('exits follow the table (ids outside it get L); fullDepth gives L everywhere', () => {
  const model = tinyModel();
  const short = Uint8Array.from([3, 3, 1, 2]); // ids >= 4 are outside the table
  const r = runReference(model, short, { ids: [[1, 2, 3, 4, 49]] });
  assert.equal(r.exits, [[3, 1, 2, 3, 3]]);
  assert.equal(runReference(model, short, { ids: [[1, 2, 3]] }, { fullDepth: true }).exits, [[3, 3, 3]]);
});

test('a batch gives the same results as one-by-one runs, in both forms', () => {
  const model = tinyModel({ kind: 'token', labels: 2 });
  for (const form of ['compact', 'masked'] as const) {
    const batch = runReference(model, TABLE, RAGGED, { form });
    RAGGED.ids.forEach((ids, s) => {
      const one = runReference(model, TABLE, { ids: [ids], typeIds: [RAGGED.typeIds![s]!] }, { form });
      assert.ok(maxAbsDiff([batch.lastHidden[s]!], one.lastHidden) <= 1e-12);
      assert.ok(maxAbsDiff([batch.logits![s]!], one.logits!) <= 1e-12);
    });
  }
});

test('a table of all L equals fullDepth', () => {
  const model = tinyModel();
  const allL = new Uint8Array(ARCH.vocabSize).fill(ARCH.layers);
  const a = runReference(model, allL, RAGGED);
  const b = runReference(model, TABLE, RAGGED, { fullDepth: true });
  assert.ok(maxAbsDiff(a.lastHidden, b.lastHidden) === 0);
  assert.equal(a.work.macs, b.work.macs);
  assert.ok(runReference(model, TABLE, RAGGED).work.macs < b.work.macs);
});

test("an exited token's final state is its state after its exit layer", () => {
  const model = tinyModel({ kind: 'none' });
  const full = runReference(model, TABLE, RAGGED);
  for (const k of [1, 2]) {
    const truncated: Model = {
      ...model,
      arch: { ...model.arch, layers: k },
      weights: { ...model.weights, layers: model.weights.layers.slice(0, k) },
    };
    const clipped = TABLE.map((e) => Math.min(e, k));
    const short = runReference(truncated, clipped, RAGGED);
    let checked = 0;
    RAGGED.ids.forEach((ids, s) => ids.forEach((_, p) => {
      if (full.exits[s]![p] !== k) return;
      const d = ARCH.hidden;
      const want = short.lastHidden[s]!.subarray(p * d, (p + 1) * d);
      const got = full.lastHidden[s]!.subarray(p * d, (p + 1) * d);
      assert.ok(maxAbsDiff([got], [want]) <= 1e-12, `sequence ${s} position ${p}, exit ${k}`);
      checked++;
    }));
    assert.ok(checked >= 2);
  }
});

test('a token that exits at layer 1 still feeds the others through K/V', () => {
  const model = tinyModel({ kind: 'token', labels: 2 });
  assert.is(TABLE[9], 1);
  assert.is(TABLE[12], 1);
  const a = runReference(model, TABLE, { ids: [[1, 5, 9, 7]] });
  const b = runReference(model, TABLE, { ids: [[1, 5, 12, 7]] });
  const d = ARCH.hidden;
  for (const p of [0, 1, 3]) {
    const x = a.lastHidden[0]!.subarray(p * d, (p + 1) * d);
    const y = b.lastHidden[0]!.subarray(p * d, (p + 1) * d);
    assert.ok(maxAbsDiff([x], [y]) > 1e-6, `position ${p} did not change`);
  }
});

test('f32 agrees with f64 and stores float32 values', () => {
  const model = tinyModel();
  for (const form of ['compact', 'masked'] as const) {
    const a = runReference(model, TABLE, RAGGED, { form, precision: 'f32' });
    const b = runReference(model, TABLE, RAGGED, { form });
    assert.ok(maxAbsDiff(a.lastHidden, b.lastHidden) <= 1e-5 * maxAbs(b.lastHidden));
    assert.ok(maxAbsDiff(a.logits!, b.logits!) <= 1e-5 * maxAbs(b.logits!));
    assert.ok(a.lastHidden.every((h) => h.every((v) => Math.fround(v) === v)));
    assert.ok(a.logits!.every((h) => h.every((v) => Math.fround(v) === v)));
  }
});

test('the [CLS]-only last layer gives the same pooled output and logits with less work', () => {
  const model = tinyModel();
  for (const fullDepth of [false, true]) {
    for (const precision of ['f64', 'f32'] as const) {
      const full = runReference(model, TABLE, RAGGED, { fullDepth, precision });
      const cls = runReferenceClsOnly(model, TABLE, RAGGED, { fullDepth, precision });
      assert.equal(cls.exits, full.exits);
      assert.ok(maxAbsDiff(cls.pooled!, full.pooled!) <= 1e-12);
      assert.ok(maxAbsDiff(cls.logits!, full.logits!) <= 1e-12);
      assert.ok(maxAbsDiff(cls.clsHidden, full.lastHidden.map((h) => h.slice(0, ARCH.hidden))) <= 1e-12);
      assert.ok(cls.work.macs < full.work.macs);
    }
  }
  assert.throws(() => runReferenceClsOnly(tinyModel({ kind: 'token', labels: 2 }), TABLE, RAGGED), /sequence-level head/);
});

test('invalid inputs are rejected', () => {
  const model = tinyModel();
  assert.throws(() => runReference(model, TABLE, { ids: [[1, 50]] }), /outside the vocabulary/);
  assert.throws(() => runReference(model, TABLE, { ids: [[]] }), /empty/);
  assert.throws(() => runReference(model, TABLE, { ids: [new Array(17).fill(1)] }), /input 1 has 17 tokens, more than max_positions \(16\)/);
  assert.throws(() => runReference(model, TABLE, { ids: [[1, 2]], typeIds: [[0, 2]] }), /outside/);
  assert.throws(() => runReference(model, TABLE, { ids: [[1, 2]], typeIds: [[0]] }), /entries/);
  // weights that do not fit the architecture: a wider FFN needs bigger tensors
  assert.throws(() => runReference({ ...model, arch: { ...model.arch, ffn: 40 } }, TABLE, { ids: [[1]] }), /f1W has 512 values, expected 640/);
});

test('models missing what their architecture needs are rejected', () => {
  const model = tinyModel();
  assert.throws(() => runReference({ ...model, arch: { ...model.arch, norm: 'pre' } }, TABLE, { ids: [[1]] }), /finalLnG is missing/);
  assert.throws(() => runReference({ ...model, arch: { ...model.arch, embeddingSize: 8 } }, TABLE, { ids: [[1]] }), /embProjW is missing|has \d+ values, expected/);
  assert.throws(() => runReference({ ...model, arch: { ...model.arch, sharedLayers: true } }, TABLE, { ids: [[1]] }), /same object/);
  const untyped = tinyModel(CLS, { ...ARCH, typeVocabSize: 0 });
  assert.throws(() => runReference(untyped, TABLE, { ids: [[1, 2]], typeIds: [[0, 1]] }), /no token types/);
});

// Architecture features of the encoders users export: each alone, and all together.
const FEATURES: { readonly name: string; readonly arch: ArchConfig; readonly head: HeadConfig }[] = [
  { name: 'no token types (DistilBERT)', arch: { ...ARCH, typeVocabSize: 0 }, head: CLS },
  { name: 'factorised embeddings E=8 (ALBERT)', arch: { ...ARCH, embeddingSize: 8 }, head: CLS },
  { name: 'pre-LN with a final LayerNorm', arch: { ...ARCH, norm: 'pre' }, head: CLS },
  { name: 'shared layers (ALBERT)', arch: { ...ARCH, sharedLayers: true }, head: CLS },
  { name: 'relu pooler (DistilBERT head)', arch: ARCH, head: { kind: 'classification', labels: 3, pooler: 'relu' } },
  {
    name: 'all together, regression head',
    arch: { ...ARCH, typeVocabSize: 0, embeddingSize: 6, norm: 'pre', sharedLayers: true, activation: 'gelu_tanh' },
    head: { kind: 'regression', pooler: 'relu' },
  },
];
const UNTYPED: RunInput = { ids: RAGGED.ids };

for (const { name, arch, head } of FEATURES) {
  const model = tinyModel(head, arch, 21);

  test(`${name}: compact == masked, single and ragged, with exits and at full depth`, () => {
    for (const fullDepth of [false, true]) {
      for (const input of [{ ids: [RAGGED.ids[2]!] }, UNTYPED]) {
        const a = runReference(model, TABLE, input, { fullDepth });
        const b = runReference(model, TABLE, input, { fullDepth, form: 'masked' });
        assert.equal(a.exits, b.exits);
        assert.ok(maxAbsDiff(a.lastHidden, b.lastHidden) <= 1e-12);
        assert.ok(maxAbsDiff(a.pooled!, b.pooled!) <= 1e-12);
        assert.ok(maxAbsDiff(a.logits!, b.logits!) <= 1e-12);
      }
    }
  });

  test(`${name}: matches the independent naive implementation`, () => {
    const exitOf = (id: number): number => TABLE[id] ?? arch.layers;
    const r = runReference(model, TABLE, UNTYPED);
    UNTYPED.ids.forEach((ids, s) => {
      const want = naiveLastHidden(model, exitOf, ids);
      assert.ok(maxAbsDiff([r.lastHidden[s]!], [Float64Array.from(want.flat())]) <= 1e-10, `sequence ${s}`);
      assert.ok(maxAbsDiff([r.logits![s]!], [Float64Array.from(naiveSequenceLogits(model, want))]) <= 1e-10, `logits ${s}`);
    });
  });

  test(`${name}: a batch equals one-by-one runs in both forms; the [CLS]-only layer gives the same logits`, () => {
    for (const form of ['compact', 'masked'] as const) {
      const batch = runReference(model, TABLE, UNTYPED, { form });
      UNTYPED.ids.forEach((ids, s) => {
        const one = runReference(model, TABLE, { ids: [ids] }, { form });
        assert.ok(maxAbsDiff([batch.lastHidden[s]!], one.lastHidden) <= 1e-12);
        assert.ok(maxAbsDiff([batch.logits![s]!], one.logits!) <= 1e-12);
      });
    }
    const cls = runReferenceClsOnly(model, TABLE, UNTYPED);
    assert.ok(maxAbsDiff(cls.logits!, runReference(model, TABLE, UNTYPED).logits!) <= 1e-12);
  });

  test(`${name}: an exited token's final state is a model cut at its exit layer`, () => {
    const encoder: Model = { ...model, head: { kind: 'none' } };
    const full = runReference(encoder, TABLE, UNTYPED);
    for (const k of [1, 2]) {
      const truncated: Model = {
        ...encoder,
        arch: { ...arch, layers: k },
        weights: { ...encoder.weights, layers: encoder.weights.layers.slice(0, k) },
      };
      const short = runReference(truncated, TABLE.map((e) => Math.min(e, k)), UNTYPED);
      let checked = 0;
      UNTYPED.ids.forEach((ids, s) => ids.forEach((_, p) => {
        if (full.exits[s]![p] !== k) return;
        const d = arch.hidden;
        const got = full.lastHidden[s]!.subarray(p * d, (p + 1) * d);
        const want = short.lastHidden[s]!.subarray(p * d, (p + 1) * d);
        assert.ok(maxAbsDiff([got], [want]) <= 1e-12, `sequence ${s} position ${p}, exit ${k}`);
        checked++;
      }));
      assert.ok(checked >= 2);
    }
  });

  test(`${name}: f32 agrees with f64 and stores float32 values`, () => {
    for (const form of ['compact', 'masked'] as const) {
      const a = runReference(model, TABLE, UNTYPED, { form, precision: 'f32' });
      const b = runReference(model, TABLE, UNTYPED, { form });
      assert.ok(maxAbsDiff(a.lastHidden, b.lastHidden) <= 1e-5 * maxAbs(b.lastHidden));
      assert.ok(maxAbsDiff(a.logits!, b.logits!) <= 1e-5 * Math.max(1, maxAbs(b.logits!)));
      assert.ok(a.lastHidden.every((h) => h.every((v) => Math.fround(v) === v)));
      assert.ok(a.logits!.every((h) => h.every((v) => Math.fround(v) === v)));
    }
  });
}

test('shared layers: one weights object at every depth, read in place (no copies, no writes)', () => {
  const arch: ArchConfig = { ...ARCH, sharedLayers: true };
  const model = tinyModel(CLS, arch, 5);
  const layers = model.weights.layers;
  assert.ok(layers.every((l) => l === layers[0]));
  const before = Float32Array.from(layers[0]!.qW);
  const shared = runReference(model, TABLE, UNTYPED);
  assert.ok(layers[0]!.qW.every((v, i) => v === before[i]));
  // The same numbers as separate objects at each depth (an unshared model) give the same result.
  const copies: Model = { ...model, arch: { ...arch, sharedLayers: false }, weights: { ...model.weights, layers: layers.map((l) => ({ ...l })) } };
  assert.ok(maxAbsDiff(shared.lastHidden, runReference(copies, TABLE, UNTYPED).lastHidden) === 0);
});

test('the pre-LN exited token\'s K/V use LN1 of its frozen state: changing an exited token changes the others', () => {
  const model = tinyModel({ kind: 'none' }, { ...ARCH, norm: 'pre' }, 9);
  const a = runReference(model, TABLE, { ids: [[1, 5, 9, 7]] });
  const b = runReference(model, TABLE, { ids: [[1, 5, 12, 7]] });
  const d = ARCH.hidden;
  for (const p of [0, 1, 3]) {
    assert.ok(maxAbsDiff([a.lastHidden[0]!.subarray(p * d, (p + 1) * d)], [b.lastHidden[0]!.subarray(p * d, (p + 1) * d)]) > 1e-6, `position ${p}`);
  }
});

/**
 * L = 1, d = 2, 1 or 2 heads, FFN 2, relu, eps = 1, identity projections, zero biases, LN gains 1 except
 * the last. With e = [1, -1], every state is a multiple of e until the last LN, and LN(s e) = f(s) e with
 * f(s) = s / sqrt(s^2 + 1) (mean 0, variance s^2, eps 1). Derivation per token i with h0_i = a_i e:
 *   one head: score_ij = (2 a_i a_j) / sqrt(2); two heads (one component each, dh = 1): a_i a_j / 1 in both;
 *   c_i = sum_j softmax_j(score_ij) a_j (either way);  h1_i = f(a_i + c_i) e = b_i e;
 *   FFN: relu([b, -b]) @ I = [relu(b), relu(-b)]; h1 + FFN has halves' difference 3b, so LN2 gives
 *   f(1.5 b_i) e, then gain [2, 1] and bias [0.5, -0.25]. Regression head: pooler I (tanh), classifier [1, 1] + 0.125.
 */
for (const heads of [1, 2]) {
  test(`hand-derived tiny model (L=1, d=2, ${heads} heads)`, () => {
    const I2 = Float32Array.from([1, 0, 0, 1]);
    const z2 = new Float32Array(2);
    const ones = Float32Array.from([1, 1]);
    const layer: LayerWeights = {
      qW: I2, qB: z2, kW: I2, kB: z2, vW: I2, vB: z2, oW: I2, oB: z2, ln1G: ones, ln1B: z2,
      f1W: I2, f1B: z2, f2W: I2, f2B: z2, ln2G: Float32Array.from([2, 1]), ln2B: Float32Array.from([0.5, -0.25]),
    };
    const model: Model = {
      arch: { layers: 1, hidden: 2, heads, ffn: 2, vocabSize: 2, maxPositions: 2, typeVocabSize: 1, activation: 'relu', layerNormEps: 1, norm: 'post', embeddingSize: 2, sharedLayers: false },
      head: { kind: 'regression' },
      weights: {
        wordEmb: Float32Array.from([2, 0, 0, 1]), // id 0 -> a = f(1) = 1/sqrt(2); id 1 -> a = f(-0.5) = -1/sqrt(5)
        posEmb: new Float32Array(4), typeEmb: new Float32Array(2), embLnG: ones, embLnB: z2,
        layers: [layer],
        head: { poolerW: I2, poolerB: z2, classifierW: Float32Array.from([1, 1]), classifierB: Float32Array.from([0.125]) },
      },
    };
    const f = (s: number): number => s / Math.sqrt(s * s + 1);
    const a = [Math.SQRT1_2, -1 / Math.sqrt(5)];
    const final = a.map((ai) => {
      const w = a.map((aj) => Math.exp(heads === 1 ? (2 * ai * aj) / Math.SQRT2 : ai * aj));
      const c = (w[0]! * a[0]! + w[1]! * a[1]!) / (w[0]! + w[1]!);
      const g = f(1.5 * f(ai + c));
      return [2 * g + 0.5, -g - 0.25];
    });
    const want = Float64Array.from(final.flat());
    const logit = Math.tanh(final[0]![0]!) + Math.tanh(final[0]![1]!) + 0.125;
    for (const form of ['compact', 'masked'] as const) {
      const r = runReference(model, new Uint8Array([1, 1]), { ids: [[0, 1]] }, { form });
      assert.ok(maxAbsDiff(r.lastHidden, [want]) <= 1e-14, `${form}: ${r.lastHidden[0]} vs ${want}`);
      assert.ok(Math.abs(r.logits![0]![0]! - logit) <= 1e-14);
    }
  });
}

test.run();
