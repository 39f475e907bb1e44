// Test helper: run a function that must throw a HasheeError, and return that error for inspection.

import * as assert from 'uvu/assert';
import { HasheeError } from '../../compiler/errors.ts';

export function hasheeError(fn: () => unknown): HasheeError {
  try {
    fn();
  } catch (e) {
    assert.instance(e, HasheeError);
    return e as HasheeError;
  }
  throw new Error('expected a HasheeError');
}
