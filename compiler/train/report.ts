// Training progress on stderr: a redrawn bar with loss and tokens/s on a terminal, plain periodic lines
// otherwise; one summary line per epoch either way.

export interface StepInfo {
  readonly epoch: number;         // 1-based
  readonly epochs: number;
  readonly step: number;          // steps done in this epoch
  readonly steps: number;         // steps per epoch
  readonly loss: number;          // mean training loss of the epoch so far
  readonly tokensPerSecond: number;
}

export interface EpochSummary {
  readonly epoch: number;
  readonly epochs: number;
  readonly loss: number;
  readonly trainAccuracy?: number;
  readonly dev?: string;          // formatted dev metrics
  readonly seconds: number;
  readonly tokensPerSecond: number;
  readonly gflops: number;        // GFLOP/s of the matrix products
}

export interface TrainReporter {
  step(info: StepInfo): void;
  epoch(summary: EpochSummary): void;
  note(line: string): void;
}

interface LineStream {
  readonly isTTY?: boolean;
  write(s: string): unknown;
}

const BAR = 24;
const REDRAW_MS = 250;
const PLAIN_LINES_PER_EPOCH = 10;

export const silentReporter: TrainReporter = { step() {}, epoch() {}, note() {} };

function rate(tps: number): string {
  return tps >= 1000 ? `${(tps / 1000).toFixed(1)}k tok/s` : `${tps.toFixed(0)} tok/s`;
}

/** A reporter on `stream` (default stderr); `now` is injectable for tests. */
export function createTrainReporter(stream: LineStream = process.stderr, now: () => number = () => performance.now()): TrainReporter {
  const tty = !!stream.isTTY;
  let lastDraw = -Infinity, lastPlain = -1, drawn = false;
  return {
    step(s) {
      const text = `epoch ${s.epoch}/${s.epochs} step ${s.step}/${s.steps} loss ${s.loss.toFixed(4)} ${rate(s.tokensPerSecond)}`;
      if (tty) {
        const t = now();
        if (t - lastDraw < REDRAW_MS && s.step < s.steps) return;
        lastDraw = t;
        const filled = Math.round((BAR * s.step) / s.steps);
        stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(BAR - filled)}] ${text}\x1b[K`);
        drawn = true;
        return;
      }
      const tenth = Math.floor((PLAIN_LINES_PER_EPOCH * s.step) / s.steps);
      if (tenth === lastPlain || tenth === 0) return;
      lastPlain = tenth;
      if (s.step < s.steps) stream.write(`${text}\n`);
    },
    epoch(e) {
      if (drawn) { stream.write('\r\x1b[K'); drawn = false; }
      lastPlain = -1;
      const parts = [`epoch ${e.epoch}/${e.epochs}: loss ${e.loss.toFixed(4)}`];
      if (e.trainAccuracy !== undefined) parts.push(`train accuracy ${(100 * e.trainAccuracy).toFixed(1)}%`);
      if (e.dev) parts.push(`dev ${e.dev}`);
      parts.push(`${e.seconds.toFixed(1)} s, ${rate(e.tokensPerSecond)}, ${e.gflops.toFixed(1)} GFLOP/s`);
      stream.write(`${parts.join('; ')}\n`);
    },
    note(line) {
      if (drawn) { stream.write('\r\x1b[K'); drawn = false; }
      stream.write(`${line}\n`);
    },
  };
}
