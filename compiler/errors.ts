// Typed user-facing errors: a code, a location (file:line:col and key path) and expected vs actual.

export interface SourceLocation {
  readonly file: string;    // as given by the user (relative paths stay relative)
  readonly line: number;    // 1-based
  readonly col: number;     // 1-based
}

export type ErrorCode =
  | 'spec-syntax' | 'spec-unknown-key' | 'spec-type' | 'spec-value' | 'spec-missing'
  | 'file-missing' | 'file-format' | 'onnx-structure' | 'onnx-mismatch'
  | 'policy' | 'input' | 'usage' | 'backend' | 'output';

/** An error caused by the user's input: printed as `file:line:col: message` and exit code 1. */
export class HasheeError extends Error {
  readonly code: ErrorCode;
  readonly location?: SourceLocation;
  readonly keyPath?: string;
  readonly expected?: string;
  readonly actual?: string;

  constructor(code: ErrorCode, message: string, details: { location?: SourceLocation; keyPath?: string; expected?: string; actual?: string } = {}) {
    super(message);
    this.name = 'HasheeError';
    this.code = code;
    this.location = details.location;
    this.keyPath = details.keyPath;
    this.expected = details.expected;
    this.actual = details.actual;
  }

  /** One line (or a few) for a terminal: `file:line:col: message (at key.path)`. */
  format(): string {
    const where = this.location ? `${this.location.file}:${this.location.line}:${this.location.col}: ` : '';
    const key = this.keyPath ? ` (at ${this.keyPath})` : '';
    const exp = this.expected !== undefined ? `\n  expected: ${this.expected}` : '';
    const act = this.actual !== undefined ? `\n  actual:   ${this.actual}` : '';
    return `${where}error[${this.code}]: ${this.message}${key}${exp}${act}`;
  }
}

export function isHasheeError(e: unknown): e is HasheeError {
  return e instanceof HasheeError;
}
