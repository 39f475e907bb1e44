// WebGPU engine on a recording fake device (no GPU): load-time work, the per-call dispatch sequence and
// sizes for a hand-derived schedule, one write per call buffer, one submit, buffer reuse; emission is deterministic.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { emitWgsl } from '../compiler/emit/wgsl/index.ts';
import { randomWeights } from '../compiler/weights/random.ts';
import type { ArchConfig, HeadConfig } from '../contract/model.ts';
import { createEngine } from '../runtime/webgpu/engine.ts';
import { joinWeights, splitWeights, weightLayout } from '../contract/webgpu-layout.ts';
import { packWebGpuWeights } from '../compiler/passes/packWebGpuWeights.ts';

type Event =
  | { op: 'pipeline'; label: string }
  | { op: 'buffer'; label: string; size: number }
  | { op: 'write'; label: string; data: Uint32Array }
  | { op: 'dispatch'; kernel: string; groups: number[] }
  | { op: 'copy'; from: string; size: number }
  | { op: 'submit'; count: number }
  | { op: 'map' };

/** Just enough of GPUDevice for the engine, logging what it is asked to do. */
function fakeDevice(log: Event[], lost: Promise<unknown> = new Promise(() => {}), adapterInfo?: Partial<GPUAdapterInfo>): GPUDevice {
  const buffer = (label: string, size: number) => ({
    label, size,
    destroy() {},
    async mapAsync() { log.push({ op: 'map' }); },
    getMappedRange(_o: number, s: number) { return new ArrayBuffer(s); },
    unmap() {},
  });
  const device = {
    limits: { maxStorageBufferBindingSize: 1 << 30, maxComputeWorkgroupsPerDimension: 65535 },
    lost,
    adapterInfo,
    createShaderModule: ({ label }: { label: string }) => ({ label, async getCompilationInfo() { return { messages: [] }; } }),
    async createComputePipelineAsync({ label }: { label: string }) {
      log.push({ op: 'pipeline', label });
      return { label, getBindGroupLayout: () => ({}) };
    },
    createBuffer({ label, size }: { label: string; size: number }) {
      log.push({ op: 'buffer', label, size });
      return buffer(label, size);
    },
    createBindGroupLayout: ({ label }: { label: string }) => ({ label }),
    createPipelineLayout: ({ label }: { label: string }) => ({ label }),
    createBindGroup: ({ label, layout }: { label: string; layout: { label: string } }) => {
      assert.is(label.split('@')[0], layout.label); // a kernel's bind group uses its own layout
      return { label };
    },
    createCommandEncoder() {
      let pipeline = '';
      let group = '';
      return {
        beginComputePass: () => ({
          setPipeline(p: { label: string }) { pipeline = p.label; },
          setBindGroup(_i: number, g: { label: string }) { group = g.label; },
          dispatchWorkgroups(x: number, y: number, z: number) {
            assert.is(group.split('@')[0], pipeline.split('/')[0]);
            log.push({ op: 'dispatch', kernel: `${pipeline}@${group.split('@')[1]}`, groups: [x, y, z] });
          },
          end() {},
        }),
        copyBufferToBuffer(src: { label: string }, _so: number, _dst: unknown, _do: number, size: number) { log.push({ op: 'copy', from: src.label, size }); },
        finish: () => ({}),
      };
    },
    queue: {
      writeBuffer(b: { label: string }, _o: number, data: ArrayBufferView) {
        log.push({ op: 'write', label: b.label, data: new Uint32Array(data.buffer.slice(0)) });
      },
      submit(cmds: unknown[]) { log.push({ op: 'submit', count: cmds.length }); },
    },
    pushErrorScope() {},
    async popErrorScope() { return null; },
    destroy() {},
  };
  return device as unknown as GPUDevice;
}

const arch: ArchConfig = {
  layers: 3, hidden: 128, heads: 2, ffn: 320, vocabSize: 40, maxPositions: 64, typeVocabSize: 2,
  activation: 'gelu', layerNormEps: 1e-12, norm: 'post', embeddingSize: 128, sharedLayers: false,
};
const head: HeadConfig = { kind: 'classification', labels: 2 };
// ids 10..19 exit after layer 1, 20..29 after layer 2, everything else (the [CLS] id 1 too) after layer 3
const table = Uint8Array.from({ length: 40 }, (_, id) => (id >= 10 && id < 20 ? 1 : id >= 20 && id < 30 ? 2 : 3));
const seq = (tens: number, twenties: number, thirties: number): number[] =>
  [1, ...Array(tens).fill(10), ...Array(twenties).fill(20), ...Array(thirties).fill(30)];
// 70 tokens: 30 exit after layer 1, 20 after layer 2, 20 (the two [CLS] among them) run all 3 layers
const batch = [seq(20, 10, 9), seq(10, 10, 9)];

async function load(log: Event[], adapterInfo?: Partial<GPUAdapterInfo>) {
  const model = { arch, head, weights: randomWeights(arch, head, 3) };
  const program = emitWgsl(arch, head);
  return createEngine({ gpu: fakeDevice(log, undefined, adapterInfo), program, weights: packWebGpuWeights(model), table });
}

/**
 * Expected dispatches of one layer with n rows and m active rows (d 128, f 320, 2 heads): products over
 * more than 16 rows use 128x64 tiles ('wide'), others one 16x64 tile ('narrow'); every tile is 64 columns wide.
 */
function layer(l: number, n: number, m: number): [string, number[]][] {
  const tile = (rows: number) => (rows > 16 ? 'wide' : 'narrow');
  const tiles = (rows: number) => Math.ceil(rows / (rows > 16 ? 128 : 16));
  const p = (k: string, rows: number, cols: number): [string, number[]] => [`${k}/${tile(rows)}@${l}`, [cols / 64, tiles(rows), 1]];
  return [
    p('kv', n, 256), p('query', m, 128), [`attention@${l}`, [m, 2, 1]], p('attnOut', m, 128),
    [`attnNorm@${l}`, [m, 1, 1]], p('ffnUp', m, 320), p('ffnDown', m, 128), [`ffnNorm@${l}`, [m, 1, 1]],
  ];
}

async function rejects(run: () => Promise<unknown>, pattern: RegExp): Promise<void> {
  try {
    await run();
  } catch (e) {
    assert.match((e as Error).message, pattern);
    return;
  }
  assert.unreachable(`expected an error matching ${pattern}`);
}

const dispatches = (log: Event[]) => log.flatMap((e) => (e.op === 'dispatch' ? [[e.kernel, e.groups] as [string, number[]]] : []));

test('pipelines are all created at load, one per module, and none during a call', async () => {
  const log: Event[] = [];
  const engine = await load(log);
  const made = log.filter((e) => e.op === 'pipeline').map((e) => (e as { label: string }).label);
  const products = (k: string) => [`${k}/wide`, `${k}/narrow`];
  assert.equal(made.sort(), [
    'embed', 'embedNorm', ...products('kv'), ...products('query'), 'attention', ...products('attnOut'), 'attnNorm',
    ...products('ffnUp'), ...products('ffnDown'), 'ffnNorm', 'pooler', 'classifier',
  ].sort());
  log.length = 0;
  await engine.run({ ids: batch });
  assert.is(log.filter((e) => e.op === 'pipeline').length, 0);
  engine.dispose();
});

test('a call dispatches the hand-derived schedule: K/V over all rows, the rest over the prefix, [CLS]-only last layer', async () => {
  const log: Event[] = [];
  const engine = await load(log);
  log.length = 0;
  await engine.run({ ids: batch });
  assert.equal(dispatches(log), [
    ['embed@0', [70, 1, 1]], ['embedNorm@0', [70, 1, 1]],
    ...layer(1, 70, 70), ...layer(2, 70, 40), ...layer(3, 70, 2),
    ['pooler@4', [2, 2, 1]], ['classifier@4', [1, 2, 1]],
  ]);
  // one write of the count slots (slot l's active count in word 1 of each 256-byte slot), one of the row info
  const writes = log.filter((e): e is Extract<Event, { op: 'write' }> => e.op === 'write');
  assert.equal(writes.map((w) => w.label), ['counts', 'info']);
  assert.equal([0, 1, 2, 3, 4].map((s) => writes[0]!.data[s * 64 + 1]), [70, 70, 40, 2, 70]);
  assert.equal([0, 1, 2, 3, 4].map((s) => writes[0]!.data[s * 64]), [70, 70, 70, 70, 70]);
  // the writes precede the single submit, whose readback is mapped once: pooled [2, 128] then logits [2, 2]
  const ops = log.map((e) => e.op).filter((o) => o !== 'dispatch' && o !== 'buffer'); // first call allocates
  assert.equal(ops, ['write', 'write', 'copy', 'copy', 'submit', 'map']);
  assert.equal(log.filter((e) => e.op === 'copy').map((e) => (e as { size: number }).size), [2 * 128 * 4, 2 * 2 * 4]);
  assert.equal(log.find((e) => e.op === 'submit'), { op: 'submit', count: 1 });
  engine.dispose();
});

test('on a CPU adapter (SwiftShader) every product uses the barrier-free 16-row tile', async () => {
  const log: Event[] = [];
  const engine = await load(log, { vendor: 'google', architecture: 'swiftshader', device: '', description: 'SwiftShader Device (Subzero)' });
  assert.is(engine.tilePolicy, 'cpu');
  log.length = 0;
  await engine.run({ ids: batch });
  const products = dispatches(log).filter(([k]) => k.includes('/'));
  assert.ok(products.every(([k]) => k.includes('/narrow@')));
  // layer 2: K/V over 70 rows (5 tiles of 16), the FFN up product over its 40 active rows (3 tiles, 5 x 64 columns)
  assert.equal(products.filter(([k]) => k === 'kv/narrow@2' || k === 'ffnUp/narrow@2'), [['kv/narrow@2', [4, 5, 1]], ['ffnUp/narrow@2', [5, 3, 1]]]);
  engine.dispose();
  const gpuEngine = await load([], { vendor: 'nvidia', architecture: 'hopper', device: '', description: '' });
  assert.is(gpuEngine.tilePolicy, 'gpu');
  gpuEngine.dispose();
});

test('hidden states keep the full last layer; full depth keeps every row; an all-exited layer is skipped', async () => {
  const log: Event[] = [];
  const engine = await load(log);
  log.length = 0;
  await engine.run({ ids: batch }, { hidden: true });
  assert.equal(dispatches(log).filter(([k]) => k.startsWith('attention')), [['attention@1', [70, 2, 1]], ['attention@2', [40, 2, 1]], ['attention@3', [20, 2, 1]]]);
  log.length = 0;
  await engine.run({ ids: batch }, { fullDepth: true, hidden: true });
  assert.equal(dispatches(log).filter(([k]) => k.startsWith('ffnNorm')), [['ffnNorm@1', [70, 1, 1]], ['ffnNorm@2', [70, 1, 1]], ['ffnNorm@3', [70, 1, 1]]]);
  log.length = 0;
  const seqHeadless = await createEngine({
    gpu: fakeDevice(log), program: emitWgsl(arch, { kind: 'none' }), table,
    weights: packWebGpuWeights({ arch, head: { kind: 'none' }, weights: randomWeights(arch, { kind: 'none' }, 3) }),
  });
  log.length = 0;
  await seqHeadless.run({ ids: [[10, 11, 12]] }); // every token exits after layer 1
  assert.equal(dispatches(log).map(([k]) => k), ['embed@0', 'embedNorm@0', ...layer(1, 3, 3).map(([k]) => k)]);
  engine.dispose();
  seqHeadless.dispose();
});

test('buffers are reused across calls and regrown only for a larger batch', async () => {
  const log: Event[] = [];
  const engine = await load(log);
  await engine.run({ ids: batch });
  log.length = 0;
  await engine.run({ ids: [seq(3, 3, 3)] });
  assert.is(log.filter((e) => e.op === 'buffer').length, 0);
  await engine.run({ ids: [...batch, ...batch] });
  const grown = log.filter((e): e is Extract<Event, { op: 'buffer' }> => e.op === 'buffer');
  assert.ok(grown.length > 0);
  assert.is(grown.find((b) => b.label === 'ffn')!.size, 140 * 320 * 4);
  engine.dispose();
});

test('the engine rejects bad input and use after dispose with clear errors', async () => {
  const engine = await load([]);
  await rejects(() => engine.run({ ids: [[1, 99]] }), /outside the vocabulary/);
  await rejects(() => engine.run({ ids: [Array(65).fill(1)] }), /input 1 has 65 tokens, more than max_positions \(64\)/);
  engine.dispose();
  await rejects(() => engine.run({ ids: [[1]] }), /disposed/);
  const weights = packWebGpuWeights({ arch, head, weights: randomWeights(arch, head, 3) });
  await rejects(() => createEngine({ program: emitWgsl(arch, head), weights, table }), /no navigator\.gpu/); // Node has none
});

test('a lost device fails the next call with a clear error', async () => {
  const lostInfo = { reason: 'unknown', message: 'the adapter was unplugged' };
  const program = emitWgsl(arch, head);
  const weights = packWebGpuWeights({ arch, head, weights: randomWeights(arch, head, 3) });
  const engine = await createEngine({ gpu: fakeDevice([], Promise.resolve(lostInfo)), program, weights, table });
  await rejects(() => engine.run({ ids: [[1, 2]] }), /device was lost \(unknown: the adapter was unplugged\)/);
  engine.dispose();
});

test('weight layout: K and V side by side per input row, blocks round-trip through one array', () => {
  const weights = randomWeights(arch, head, 5);
  const layout = weightLayout(arch, head);
  const packed = packWebGpuWeights({ arch, head, weights });
  const d = arch.hidden;
  const kv = layout.layer.slots['kvW']!.at;
  const l2 = weights.layers[1]!;
  for (const [i, j] of [[0, 0], [3, 7], [d - 1, d - 1]] as const) {
    assert.is(packed.layers[1]![kv + i * 2 * d + j], l2.kW[i * d + j]);
    assert.is(packed.layers[1]![kv + i * 2 * d + d + j], l2.vW[i * d + j]);
  }
  assert.is(packed.layers[1]![layout.layer.slots['kvB']!.at + d], l2.vB[0]);
  assert.is(packed.head[layout.head.slots['classifierB']!.at + 1], weights.head.classifierB![1]);
  for (const slot of Object.values(layout.layer.slots)) assert.is(slot.at % 4, 0);
  const back = splitWeights(layout, joinWeights(packed));
  assert.equal([back.embed, ...back.layers, back.head], [packed.embed, ...packed.layers, packed.head]);
});

test('emission is deterministic: same shape, same bytes', () => {
  const a = emitWgsl(arch, head, { header: ['hashee test'] });
  const b = emitWgsl(arch, head, { header: ['hashee test'] });
  assert.equal(a.modules.map((m) => m.kernel), b.modules.map((m) => m.kernel));
  a.modules.forEach((m, i) => assert.is(m.code, b.modules[i]!.code));
});

test.run();
