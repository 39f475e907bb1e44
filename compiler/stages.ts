// The names of the compile pipeline's stages, in order (compiler/pipeline.ts runs them); kept apart so the
// CLI's option table names them without loading the pipeline's emitters.

export const STAGES = ['spec', 'table', 'schedule', 'plan', 'emit', 'package'] as const;
export type StageName = (typeof STAGES)[number];
