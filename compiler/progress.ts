// Progress reporting on stderr for long compiler steps: redraws one line on a TTY, silent otherwise.

export interface Progress {
  start(label: string, total: number): void;
  tick(n?: number): void;
  done(): void;
}

export const silentProgress: Progress = { start() {}, tick() {}, done() {} };

interface LineStream {
  readonly isTTY?: boolean;
  write(s: string): unknown;
}

/** A reporter on `stream` (default stderr), `prefix` before each step's label; a no-op when the stream is not a terminal. */
export function createProgress(prefix = '', stream: LineStream = process.stderr): Progress {
  if (!stream.isTTY) return silentProgress;
  let label = '', total = 0, count = 0, shown = -1;
  const draw = (): void => {
    const pct = total > 0 ? Math.min(100, Math.floor((100 * count) / total)) : 100;
    if (pct === shown) return; // redraw only when the visible number changes
    shown = pct;
    stream.write(`\r${label}: ${pct}% (${count}/${total})`);
  };
  return {
    start(l, t) { label = prefix ? `${prefix}: ${l}` : l; total = t; count = 0; shown = -1; draw(); },
    tick(n = 1) { count += n; draw(); },
    done() { count = total; draw(); stream.write('\n'); },
  };
}
