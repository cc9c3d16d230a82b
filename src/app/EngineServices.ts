import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { InferenceEngine } from '../inference/types.js';
import type { EventBus } from '../pubsub/createEventBus.js';
import type { EngineMetrics } from '../metrics/createMetrics.js';
import type { Stores } from './ports.js';
import type { KnowledgeProvider } from '../knowledge/KnowledgeProvider.js';
import type { ClinicalProvider } from '../clinical/ClinicalProvider.js';
import type { SafetyProvider } from '../safety/SafetyProvider.js';
import type { EvaluationService } from '../evaluation/EvaluationService.js';
import type { RateLimits } from '../limits/RateLimits.js';
import type { BackgroundJobs } from '../queue/batchJobs.js';

/** Everything a request may use, owned by the composition root (createEngine) and disposed by it. */
export interface EngineServices {
  config: Config;
  logger: Logger;
  stores: Stores;
  inference: InferenceEngine;
  events: EventBus;
  metrics: EngineMetrics;
  /** Medical knowledge (drug names, interactions, ICD-10-CM, symptoms, concept graph), loaded once per process. */
  knowledge: KnowledgeProvider;
  /** Clinical text analysis (entities, context, sections, medications, coding), built on the knowledge base. */
  clinical: ClinicalProvider;
  /** PHI detection and redaction, content, bias, fact and grounding checks, claim verification, the verdict policy. */
  safety: SafetyProvider;
  /** OET writing and speaking evaluation and the calibrated language model. */
  evaluation: EvaluationService;
  /** Per-user request budgets: `await services.rateLimits.consume(viewer, 'ai')` throws RATE_LIMITED when over. */
  rateLimits: RateLimits;
  /** Background batch jobs (re-scoring evaluations): queued (api role), in-process (all), none (worker). */
  backgroundJobs?: BackgroundJobs | null;
  /** Database liveness for /ready. */
  pingDatabase(): Promise<void>;
}
