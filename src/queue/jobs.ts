import type { EmbedRequest, GenerateRequest, PairRequest, RequestPriority, TokenLogprobsRequest } from '../inference/types.js';

/** The model calls a worker runs for an API instance; each job's name is its method. */
export interface InferenceJobs {
  generate: GenerateRequest;
  embed: EmbedRequest;
  classifyTokens: EmbedRequest;
  classifyPairs: PairRequest;
  tokenLogprobs: TokenLogprobsRequest;
}
export type InferenceJobName = keyof InferenceJobs;

export interface InferenceJobData<N extends InferenceJobName = InferenceJobName> {
  request: InferenceJobs[N];
  /** Wall-clock limit of the whole job (queueing included), in ms since the epoch. */
  deadline: number;
}

/**
 * Jobs that give the same answer when run twice are retried on another worker when theirs dies. Sampled generation
 * is not (a retry would be a different text, after some of the first one was already streamed).
 */
export const IDEMPOTENT: Readonly<Record<InferenceJobName, boolean>> = {
  generate: false,
  embed: true,
  classifyTokens: true,
  classifyPairs: true,
  tokenLogprobs: true,
};

/** BullMQ runs lower numbers first; every job has one (jobs without a priority would jump the whole queue). */
export const BULL_PRIORITY: Readonly<Record<RequestPriority, number>> = { interactive: 1, background: 10 };

/** What a worker appends to a job's output stream, in order: `start`, any `chunk`s, then `done` or `error`. */
export type OutputEntry =
  | { kind: 'start'; workerId: string }
  | { kind: 'chunk'; text: string }
  | { kind: 'done'; result: unknown }
  | { kind: 'error'; code: string; message: string; details: Record<string, unknown> };

/** Streams are single-field entries (`e` = JSON of the entry): one parse per entry, no field juggling. */
export const ENTRY_FIELD = 'e';

