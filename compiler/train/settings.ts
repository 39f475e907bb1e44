// The training run's settings and their defaults (what `hashee train --help` shows).

import { ADAMW_DEFAULTS } from './adamw.ts';

export interface TrainSettings {
  readonly epochs: number;
  readonly lr: number;          // peak learning rate
  readonly batch: number;       // sentences per step
  readonly seed: number;        // initialisation, shuffling, dropout
  readonly maxLen: number;      // tokens per sequence (longer ones are cut; see data.ts)
  readonly dropout: number;     // hidden-state dropout probability
  readonly weightDecay: number;
  readonly warmup: number;      // fraction of all steps spent warming up
  readonly clip: number;        // max global gradient norm (0 = none)
}

export const TRAIN_DEFAULTS: TrainSettings = {
  epochs: 3, lr: 5e-4, batch: 32, seed: 1, maxLen: 128, dropout: 0.1, weightDecay: ADAMW_DEFAULTS.weightDecay, warmup: 0.1, clip: 1,
};
