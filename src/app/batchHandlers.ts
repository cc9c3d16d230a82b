import { BadUserInputError, DomainError, ErrorCode } from '../errors.js';
import type { BatchHandlers } from '../queue/batchJobs.js';
import type { EngineServices } from './EngineServices.js';
import type { EvaluationRecord } from './ports.js';
import { rescoreEvaluation } from './rescoreEvaluation.js';

/** Most evaluations one re-scoring job takes. */
export const MAX_RESCORE = 10_000;

/** The background jobs this engine knows; the api role only needs their names, a worker runs them. */
export function createBatchHandlers(services: EngineServices): BatchHandlers {
  return {
    /**
     * Re-scores evaluations with the current scorer: `{ evaluationIds: string[] }` or `{ cohortId: string }`. One that
     * fails is counted and skipped; the result lists the new ids by old id.
     */
    async rescoreEvaluations(payload, { signal, reportProgress }) {
      const targets = await selectTargets(services, payload);
      const rescored: Record<string, string> = {};
      const failed: string[] = [];
      await reportProgress({ done: 0, total: targets.length, failed: 0 });
      for (const old of targets) {
        if (signal.aborted) throw new DomainError(ErrorCode.CANCELLED, `Re-scoring stopped after ${Object.keys(rescored).length} of ${targets.length} evaluations (the worker is shutting down).`);
        try {
          rescored[old.id] = (await rescoreEvaluation(services, old, signal)).id;
        } catch (error) {
          failed.push(old.id);
          services.logger.warn({ evaluationId: old.id, err: (error as Error).message }, 're-scoring an evaluation failed');
        }
        await reportProgress({ done: Object.keys(rescored).length + failed.length, total: targets.length, failed: failed.length });
      }
      return { rescored, failed };
    },
  };
}

async function selectTargets(services: EngineServices, payload: Record<string, unknown>): Promise<EvaluationRecord[]> {
  const scope = { kind: 'all' } as const;
  const ids = payload.evaluationIds;
  if (Array.isArray(ids) && ids.every((id) => typeof id === 'string')) {
    if (ids.length > MAX_RESCORE) throw new BadUserInputError(`At most ${MAX_RESCORE} evaluations per job; got ${ids.length}.`);
    const found = await services.stores.evaluations.findByIds(ids as string[], scope);
    return found.filter((e): e is EvaluationRecord => e !== null && e.status === 'SCORED');
  }
  if (typeof payload.cohortId === 'string') {
    const out: EvaluationRecord[] = [];
    let after: string | null = null;
    for (;;) {
      const page: EvaluationRecord[] = await services.stores.evaluations.list({ kind: 'cohorts', viewerId: '', cohortIds: [payload.cohortId] }, { first: 100, after });
      out.push(...page.filter((e) => e.cohortId === payload.cohortId && e.status === 'SCORED' && e.rescoredFromId === null));
      if (page.length < 100 || out.length >= MAX_RESCORE) return out.slice(0, MAX_RESCORE);
      after = page[page.length - 1]!.id;
    }
  }
  throw new BadUserInputError('A re-scoring job needs evaluationIds (a list of ids) or a cohortId.');
}
