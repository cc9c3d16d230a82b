import type { GenerationRecord as GenerationRecordRow } from '.prisma/client-sqlite';
import type { Database } from './database.js';
import { nonEmpty, nonNegativeInt } from './fieldChecks.js';
import type { PrismaStoreClient } from './prismaClients.js';

/** Token accounting for one generation: which model/variant, how many tokens, how long. Never the text. */
export type GenerationRecord = GenerationRecordRow;

export interface NewGenerationRecord {
  ownerId: string;
  modelId: string;
  alias?: string | null;
  /** A/B variant label (the model id when no experiment runs). */
  variant: string;
  promptTokens: number;
  completionTokens: number;
  finishReason: string;
  durationMs: number;
}

export class GenerationRecordStore {
  readonly #prisma: PrismaStoreClient;

  constructor(db: Database) {
    this.#prisma = db.prisma;
  }

  async create(input: NewGenerationRecord): Promise<GenerationRecord> {
    return this.#prisma.generationRecord.create({
      data: {
        ownerId: nonEmpty('ownerId', input.ownerId),
        modelId: nonEmpty('modelId', input.modelId),
        alias: input.alias ?? null,
        variant: nonEmpty('variant', input.variant),
        promptTokens: nonNegativeInt('promptTokens', input.promptTokens),
        completionTokens: nonNegativeInt('completionTokens', input.completionTokens),
        finishReason: nonEmpty('finishReason', input.finishReason),
        // Timings come from performance.now(): round, and never store a negative clock skew.
        durationMs: Math.max(0, Math.round(input.durationMs)),
      },
    });
  }
}
