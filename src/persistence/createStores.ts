import { AuditLogStore, type AuditFailureLogger } from './AuditLogStore.js';
import type { Database } from './database.js';
import { EvaluationStore } from './EvaluationStore.js';
import { GenerationRecordStore } from './GenerationRecordStore.js';
import { MedicalEntityStore } from './MedicalEntityStore.js';
import { SafetyReportStore } from './SafetyReportStore.js';

/** Every store over one database; the property names match src/app/ports.ts `Stores`. */
export interface PersistenceStores {
  evaluations: EvaluationStore;
  medicalEntities: MedicalEntityStore;
  safetyReports: SafetyReportStore;
  generations: GenerationRecordStore;
  auditLog: AuditLogStore;
}

export interface CreateStoresOptions {
  /** Where failed audit writes are logged (pass the service's pino logger). Default: console.error. */
  logger?: AuditFailureLogger;
}

export function createStores(db: Database, options: CreateStoresOptions = {}): PersistenceStores {
  return {
    evaluations: new EvaluationStore(db),
    medicalEntities: new MedicalEntityStore(db),
    safetyReports: new SafetyReportStore(db),
    generations: new GenerationRecordStore(db),
    auditLog: new AuditLogStore(db, { logger: options.logger }),
  };
}
