import type { MiddlewareFn } from 'type-graphql';
import { isDomainError } from '../../errors.js';
import type { GraphQLContext } from '../context.js';
import { auditEntryFor } from '../../app/audit.js';

/** Operations that run a model or give clinical decision support: audited as AI operations. */
export const AI_OPERATIONS = new Set(['generate', 'embed', 'checkDrugInteractions', 'suggestIcd10Codes', 'correlateSymptoms', 'assessSymptoms', 'analyzeClinicalText', 'summarizeClinicalNote', 'validateClinicalScenario', 'analyzeSafety', 'redactPhi', 'verifyClaim', 'evaluateWriting', 'evaluateSpeaking', 'rescoreEvaluation', 'rescoreEvaluations', 'assessLanguage']);

/**
 * Records every mutation and every AI operation in the audit log: actor, operation, model, duration, outcome.
 * Never the arguments: they hold learners' text. Subscriptions are audited once per stream by their own resolvers:
 * this middleware would run for every event.
 */
export const auditOperations: MiddlewareFn<GraphQLContext> = async ({ info, context }, next) => {
  const rootType = info.parentType.name;
  const operation = info.fieldName;
  if (rootType !== 'Mutation' && !(rootType === 'Query' && AI_OPERATIONS.has(operation))) return next();
  const started = performance.now();
  try {
    const result: unknown = await next();
    const modelId = modelIdOf(result);
    const written = context.services.stores.auditLog.record(
      auditEntryFor(context.viewer, operation, { started, outcome: 'SUCCESS', modelId, ai: AI_OPERATIONS.has(operation) }),
    );
    // A mutation is answered only once its audit row is stored, so a crash after the answer cannot lose it (record()
    // never rejects). Queries do not wait: their rows are flushed at shutdown, and may be lost to kill -9.
    if (rootType === 'Mutation') await written;
    return result;
  } catch (error) {
    void context.services.stores.auditLog.record(
      auditEntryFor(context.viewer, operation, {
        started,
        outcome: 'FAILURE',
        errorCode: isDomainError(error) ? error.code : 'INTERNAL_SERVER_ERROR',
        ai: AI_OPERATIONS.has(operation),
      }),
    );
    throw error;
  }
};

function modelIdOf(result: unknown): string | null {
  if (result === null || typeof result !== 'object') return null;
  const r = result as { modelId?: unknown; model?: unknown };
  if (typeof r.modelId === 'string') return r.modelId;
  if (typeof r.model === 'string') return r.model;
  return null;
}
