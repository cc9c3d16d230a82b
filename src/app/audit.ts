import type { Viewer } from '../auth/viewer.js';
import type { AuditEntryInput } from './ports.js';

/** Builds an audit entry: who, what, which model, how long, how it ended. No payloads, by construction. */
export function auditEntryFor(
  viewer: Viewer,
  operation: string,
  outcome: {
    started: number;
    outcome: AuditEntryInput['outcome'];
    ai: boolean;
    modelId?: string | null;
    variant?: string | null;
    errorCode?: string | null;
  },
): AuditEntryInput {
  return {
    actorId: viewer.kind === 'user' ? viewer.id : null,
    actorRoles: viewer.kind === 'user' ? [...viewer.roles].sort().join(',') : '',
    operation,
    kind: outcome.outcome === 'DENIED' ? 'ACCESS_DENIED' : outcome.ai ? 'AI_OPERATION' : 'MUTATION',
    modelId: outcome.modelId ?? null,
    variant: outcome.variant ?? outcome.modelId ?? null,
    durationMs: Math.round(performance.now() - outcome.started),
    outcome: outcome.outcome,
    errorCode: outcome.errorCode ?? null,
  };
}
