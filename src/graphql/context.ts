import type DataLoader from 'dataloader';
import type { AccessScope, Viewer } from '../auth/viewer.js';
import type { EngineServices } from '../app/EngineServices.js';
import type { EvaluationRecord, MedicalEntityRecord, SafetyReportRecord } from '../app/ports.js';
import type { ModelInfo } from '../inference/types.js';

/** Per-request loaders: created in the context factory so no cache is ever shared between users. */
export interface Loaders {
  evaluation: DataLoader<string, EvaluationRecord | null>;
  medicalEntity: DataLoader<string, MedicalEntityRecord | null>;
  safetyReport: DataLoader<string, SafetyReportRecord | null>;
  modelInfo: DataLoader<string, ModelInfo | null>;
}

export interface GraphQLContext {
  viewer: Viewer;
  scope: AccessScope;
  services: EngineServices;
  loaders: Loaders;
  requestId: string;
  /** Aborted when the HTTP client goes away before the answer: long work (generation, embedding) stops with it. */
  signal?: AbortSignal;
}
