// Tab-separated files with one header line (GLUE/ELUE style, no quoting): header and rows with line numbers.

import { HasheeError } from '../errors.ts';

export interface TsvRow {
  readonly line: number;             // 1-based line in the file
  readonly cells: readonly string[];
}

export interface Tsv {
  readonly file: string;
  readonly header: readonly string[];
  readonly rows: readonly TsvRow[];
}

/** Parses TSV text; a leading byte-order mark and CRLF line ends are accepted, blank lines skipped. */
export function parseTsv(text: string, file: string): Tsv {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const headerLine = lines[0] ?? '';
  if (headerLine.trim() === '') throw new HasheeError('file-format', `${file}:1: missing header line`, { location: { file, line: 1, col: 1 } });
  const header = headerLine.split('\t');
  const rows: TsvRow[] = [];
  for (let i = 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.trim() === '') continue;
    const cells = l.split('\t');
    if (cells.length !== header.length) {
      throw new HasheeError('file-format', `${file}:${i + 1}: row has ${cells.length} columns, the header has ${header.length}`, {
        location: { file, line: i + 1, col: 1 }, expected: `${header.length} tab-separated cells`, actual: `${cells.length}`,
      });
    }
    rows.push({ line: i + 1, cells });
  }
  return { file, header, rows };
}
