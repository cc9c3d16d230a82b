import { AuditLogStore, type AuditFailureLogger } from './AuditLogStore.js';
import type { Database } from './database.js';
import { CriterionScoreStore } from './CriterionScoreStore.js';
import { EvaluationStore } from './EvaluationStore.js';
import { GenerationRecordStore } from './GenerationRecordStore.js';
import { MedicalEntityStore } from './MedicalEntityStore.js';
import { SafetyReportStore } from './SafetyReportStore.js';
import type { FieldCipher } from './encryption/FieldCipher.js';

/** Every store over one database; the property names match src/app/ports.ts `Stores`. */
export interface PersistenceStores {
  evaluations: EvaluationStore;
  criterionScores: CriterionScoreStore;
  medicalEntities: MedicalEntityStore;
  safetyReports: SafetyReportStore;
  generations: GenerationRecordStore;
  auditLog: AuditLogStore;
}

export interface CreateStoresOptions {
  /**
   * Encrypts the text columns on write and decrypts them on read (see encryption/encryptedColumns.ts). Required:
   * there is no plaintext mode. Check it against the database first (checkEncryptionKeys), as the service does.
   */
  cipher: FieldCipher;
  /** Where failed audit writes are logged (pass the service's pino logger). Default: console.error. */
  logger?: AuditFailureLogger;
}

export function createStores(db: Database, options: CreateStoresOptions): PersistenceStores {
  return {
    evaluations: new EvaluationStore(db, options.cipher),
    criterionScores: new CriterionScoreStore(db),
    medicalEntities: new MedicalEntityStore(db, options.cipher),
    safetyReports: new SafetyReportStore(db, options.cipher),
    generations: new GenerationRecordStore(db),
    auditLog: new AuditLogStore(db, { logger: options.logger }),
  };
}
