/**
 * Which owned records (Evaluation, MedicalEntity, SafetyReport) a caller may see: admins all, assessors their
 * cohorts' records plus their own, learners their own. Anonymous callers never reach a store.
 */
export type AccessScope =
  | { kind: 'all' }
  | { kind: 'cohorts'; viewerId: string; cohortIds: readonly string[] }
  | { kind: 'owner'; ownerId: string };

/** A Prisma `where` fragment over `ownerId`/`cohortId`, valid for every owned model. */
export type OwnedRecordWhere =
  | Record<string, never>
  | { ownerId: string }
  | { OR: ({ ownerId: string } | { cohortId: { in: string[] } })[] };

/** The scope as a `where` fragment: visibility is decided in SQL, so invisible rows never leave the database. */
export function scopeWhere(scope: AccessScope): OwnedRecordWhere {
  switch (scope.kind) {
    case 'all':
      return {};
    case 'owner':
      return { ownerId: scope.ownerId };
    case 'cohorts':
      return { OR: [{ ownerId: scope.viewerId }, { cohortId: { in: [...scope.cohortIds] } }] };
    default: {
      // A JavaScript caller (or a future AccessScope member such as 'none') must not silently widen access.
      const unknownScope: never = scope;
      throw new TypeError(`Unknown access scope ${JSON.stringify(unknownScope)}: expected kind 'all', 'cohorts' or 'owner'.`);
    }
  }
}
