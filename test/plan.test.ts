// Prefix-form planning: ordering by exit layer, active prefixes, [CLS]-only last layer.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { planBatch } from '../runtime/plan.ts';

test('rows are ordered by exit layer, descending, and each layer is a prefix', () => {
  const table = Uint8Array.from([3, 1, 2, 3, 1]); // id -> layers, L = 3
  const plan = planBatch(table, [[0, 1, 2], [0, 4, 3, 9]], 3);
  assert.is(plan.rows, 7);
  const exits = Array.from(plan.exitOfRow);
  assert.equal(exits, [...exits].sort((a, b) => b - a));
  assert.equal(Array.from(plan.active), [7, 7, 5, 4]);
  // id 9 is outside the table: full depth.
  assert.is(plan.exitOfRow[plan.rowOf[6]!], 3);
});

test('cls-only last layer keeps the position-0 rows as a prefix', () => {
  const table = Uint8Array.from([2, 1, 2]);
  const plan = planBatch(table, [[0, 1, 2], [0, 2]], 2, { clsOnlyLastLayer: true });
  assert.is(plan.active[2], 2);
  assert.equal([plan.posOfRow[0], plan.posOfRow[1]], [0, 0]);
});

test.run();
