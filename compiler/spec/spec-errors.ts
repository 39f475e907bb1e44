// Every problem found in one spec file, thrown together so the CLI prints them all at once.

import { HasheeError } from '../errors.ts';

/**
 * One HasheeError per problem, in source order. The aggregate carries the first error's code, location
 * and key path, so code that inspects a single error still works; format() prints each on its own
 * `file:line:col: error[code]: ...` line.
 */
export class SpecErrors extends HasheeError {
  readonly errors: readonly HasheeError[];

  constructor(errors: readonly HasheeError[]) {
    const sorted = sortBySource(errors);
    const first = sorted[0];
    if (first === undefined) throw new RangeError('SpecErrors needs at least one error');
    super(first.code, sorted.length === 1 ? first.message : `${sorted.length} errors in spec${first.location ? ` ${first.location.file}` : ''}`, {
      location: first.location, keyPath: first.keyPath, expected: first.expected, actual: first.actual,
    });
    this.name = 'SpecErrors';
    this.errors = sorted;
  }

  override problems(): readonly HasheeError[] {
    return this.errors;
  }

  override format(): string {
    const lines = this.errors.map((e) => e.format());
    if (this.errors.length > 1) lines.push(`${this.errors.length} errors`);
    return lines.join('\n');
  }
}

/** Stable sort by line then column; errors without a location go last. Exact duplicates are dropped. */
function sortBySource(errors: readonly HasheeError[]): HasheeError[] {
  const seen = new Set<string>();
  const unique = errors.filter((e) => {
    const key = e.format();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const rank = (e: HasheeError): [number, number] => (e.location ? [e.location.line, e.location.col] : [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER]);
  return unique
    .map((e, i) => ({ e, i }))
    .sort((a, b) => {
      const [la, ca] = rank(a.e), [lb, cb] = rank(b.e);
      return la - lb || ca - cb || a.i - b.i;
    })
    .map(({ e }) => e);
}
