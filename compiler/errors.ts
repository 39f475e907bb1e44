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

/** A HasheeError as data (toJSON()). */
export interface ErrorJson {
  readonly code: ErrorCode;
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly path?: string;
  readonly expected?: string;
  readonly actual?: string;
}

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

  /** The file the error is in, as the user gave it (undefined when the error has no location). */
  get file(): string | undefined { return this.location?.file; }
  /** 1-based line in `file`. */
  get line(): number | undefined { return this.location?.line; }
  /** 1-based column in `file`. */
  get column(): number | undefined { return this.location?.col; }
  /** The key path in the spec (e.g. `exit.corpus.files[1]`), when there is one. */
  get path(): string | undefined { return this.keyPath; }

  /** Each problem this error stands for: itself (SpecErrors: every error it gathers, in source order). */
  problems(): readonly HasheeError[] {
    return [this];
  }

  /** The data the CLI prints, for `--json` and `JSON.stringify`: code, message, file, line, column, path, expected, actual. */
  toJSON(): ErrorJson {
    return {
      code: this.code, message: this.message,
      ...(this.location ? { file: this.location.file, line: this.location.line, column: this.location.col } : {}),
      ...(this.keyPath !== undefined ? { path: this.keyPath } : {}),
      ...(this.expected !== undefined ? { expected: this.expected } : {}),
      ...(this.actual !== undefined ? { actual: this.actual } : {}),
    };
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
