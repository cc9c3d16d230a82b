import type { AliasInfo, InferenceStats, ModelInfo } from '../inference/types.js';

/** What a worker publishes about itself every heartbeat (JSON under its worker key, with a TTL). */
export interface WorkerAdvert {
  workerId: string;
  models: ModelInfo[];
  aliases: AliasInfo[];
  stats: InferenceStats;
  /** Jobs this worker is running now. */
  activeJobs: number;
}

/** Dates come back from JSON as strings. */
export function parseAdvert(json: string): WorkerAdvert {
  const advert = JSON.parse(json) as WorkerAdvert;
  for (const model of advert.models) model.lastUsedAt = model.lastUsedAt === null ? null : new Date(model.lastUsedAt);
  return advert;
}
