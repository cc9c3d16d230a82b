/**
 * Who is asking. Roles come from the token's `roles` claim; cohorts from `cohorts` (the cohorts an assessor marks,
 * or the one a learner belongs to). Nothing here knows about GraphQL.
 */
export enum Role {
  LEARNER = 'LEARNER',
  ASSESSOR = 'ASSESSOR',
  ADMIN = 'ADMIN',
  SERVICE = 'SERVICE',
}

export const ALL_ROLES: readonly Role[] = [Role.LEARNER, Role.ASSESSOR, Role.ADMIN, Role.SERVICE];

export type Viewer =
  | { kind: 'anonymous' }
  /** `expiresAt`: the token's expiry (ms since the epoch); a long-lived graphql-ws connection is closed at it. */
  | { kind: 'user'; id: string; roles: ReadonlySet<Role>; cohortIds: readonly string[]; expiresAt?: number };

export const anonymousViewer: Viewer = { kind: 'anonymous' };

export function hasRole(viewer: Viewer, ...roles: Role[]): boolean {
  return viewer.kind === 'user' && roles.some((r) => viewer.roles.has(r));
}

/** Which stored records a viewer may see: admins and services all, assessors their cohorts' (and their own), learners their own. */
export type AccessScope =
  | { kind: 'all' }
  | { kind: 'cohorts'; viewerId: string; cohortIds: string[] }
  | { kind: 'owner'; ownerId: string }
  | { kind: 'none' };

export function accessScopeOf(viewer: Viewer): AccessScope {
  if (viewer.kind === 'anonymous') return { kind: 'none' };
  if (viewer.roles.has(Role.ADMIN) || viewer.roles.has(Role.SERVICE)) return { kind: 'all' };
  if (viewer.roles.has(Role.ASSESSOR)) return { kind: 'cohorts', viewerId: viewer.id, cohortIds: [...viewer.cohortIds] };
  return { kind: 'owner', ownerId: viewer.id };
}

/** The cohort a learner's new records belong to (so their assessors can see them). */
export function primaryCohortOf(viewer: Viewer): string | null {
  return viewer.kind === 'user' && viewer.roles.has(Role.LEARNER) ? (viewer.cohortIds[0] ?? null) : null;
}
