// The one WGSL text writer: indented lines and blocks, and the literal formatters every kernel uses.

export class WgslWriter {
  private readonly lines: string[] = [];
  private depth = 0;

  line(text = ''): this {
    this.lines.push(text === '' ? '' : '  '.repeat(this.depth) + text);
    return this;
  }

  /** `head {` ... `}` around whatever `body` writes. */
  block(head: string, body: () => void): this {
    this.line(`${head} {`);
    this.depth++;
    body();
    this.depth--;
    return this.line('}');
  }

  text(): string {
    return this.lines.join('\n') + '\n';
  }
}

/** An f32 literal: the shortest decimal that round-trips the f32 value, with an explicit `f` suffix. */
export function f32(x: number): string {
  const v = Math.fround(x);
  if (!Number.isFinite(v)) throw new RangeError(`cannot write ${x} as a WGSL f32 literal`);
  let s = String(v);
  for (let p = 1; p <= 9; p++) {
    const c = Number(v.toPrecision(p));
    if (Math.fround(c) === v) { s = String(c); break; }
  }
  return (/[.e]/.test(s) ? s : `${s}.0`) + 'f';
}

export function u32(x: number): string {
  if (!Number.isInteger(x) || x < 0 || x > 0xffffffff) throw new RangeError(`cannot write ${x} as a WGSL u32 literal`);
  return `${x}u`;
}
