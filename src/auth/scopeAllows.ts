import type { AccessScope } from './viewer.js';

/** Whether a record with this owner and cohort is visible in a scope (the rule the stores apply in SQL). */
export function scopeAllows(scope: AccessScope, record: { ownerId: string; cohortId: string | null }): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'cohorts':
      return record.ownerId === scope.viewerId || (record.cohortId !== null && scope.cohortIds.includes(record.cohortId));
    case 'owner':
      return record.ownerId === scope.ownerId;
    case 'none':
      return false;
  }
}
