import type { SpeakingEvaluation } from '../evaluation/EvaluationService.js';
import type { WritingEvaluation } from '../evaluation/writing/evaluateWriting.js';
import type { EngineServices } from './EngineServices.js';
import type { EvaluationRecord } from './ports.js';

type Services = Pick<EngineServices, 'evaluation' | 'stores' | 'events'>;
type WritingInput = Parameters<EngineServices['evaluation']['evaluateWriting']>[0];
type SpeakingInput = Parameters<EngineServices['evaluation']['evaluateSpeaking']>[0];

/** The stored shape of a scored result: criteria apart (they carry the scores), everything else as details. */
export function detailsJson(result: WritingEvaluation | SpeakingEvaluation, task: unknown): string {
  const { criteria: _criteria, kind: _kind, estimatedScore: _score, grade: _grade, scorerVersion: _version, ...rest } = result;
  return JSON.stringify({ ...rest, task });
}

/**
 * Scores a stored SCORED evaluation again with the current scorer and stores the new one beside it (rescoredFromId
 * names the old). Used by the rescoreEvaluation mutation and the rescoreEvaluations background job.
 */
export async function rescoreEvaluation(services: Services, old: EvaluationRecord, signal?: AbortSignal): Promise<EvaluationRecord> {
  const details = JSON.parse(old.details ?? '{}') as { task?: { letterType?: string; reader?: string; task?: string | null } | null };
  let result: WritingEvaluation | SpeakingEvaluation;
  if (old.kind === 'WRITING') {
    result = await services.evaluation.evaluateWriting(
      {
        letter: old.submission,
        caseNotes: old.taskRef ?? '',
        letterType: (old.letterType ?? details.task?.letterType ?? 'REFERRAL') as WritingInput['letterType'],
        reader: (old.reader ?? details.task?.reader ?? 'COLLEAGUE') as WritingInput['reader'],
        profession: (old.profession ?? 'OTHER') as WritingInput['profession'],
        task: details.task?.task ?? null,
      },
      { signal },
    );
  } else {
    const transcript = JSON.parse(old.submission) as SpeakingInput['transcript'];
    result = await services.evaluation.evaluateSpeaking({ transcript, profession: (old.profession ?? 'OTHER') as SpeakingInput['profession'], card: old.taskRef }, { signal });
  }
  const { record } = await services.stores.evaluations.createScored({
    ownerId: old.ownerId,
    cohortId: old.cohortId,
    kind: result.kind,
    submission: old.submission,
    taskRef: old.taskRef,
    profession: old.profession,
    letterType: old.kind === 'WRITING' ? old.letterType : null,
    reader: old.kind === 'WRITING' ? old.reader : null,
    overallScore: result.estimatedScore,
    grade: result.grade,
    criteria: result.criteria,
    criteriaJson: JSON.stringify(result.criteria),
    detailsJson: detailsJson(result, details.task),
    scorerVersion: result.scorerVersion,
    modelVersions: JSON.stringify(services.evaluation.modelVersions()),
    idempotencyKey: null,
    rescoredFromId: old.id,
  });
  services.events.publish('EVALUATION_UPDATED', { id: record.id, ownerId: record.ownerId, cohortId: record.cohortId, status: record.status });
  return record;
}
