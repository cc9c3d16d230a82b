import { BadUserInputError } from '../errors.js';

/** Forward pagination: `after` is the id of the last item of the previous page. */
export interface PageArgs {
  /** Items per page, 1–100. Default 20. */
  first?: number;
  /** Id of the last item already seen; null or absent starts at the newest. */
  after?: string | null;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Newest first; the id breaks ties between rows created in the same millisecond so pages never overlap. */
export const NEWEST_FIRST = [{ createdAt: 'desc' as const }, { id: 'desc' as const }];

export function pageSizeOf(first: number | undefined, max = MAX_PAGE_SIZE, fallback = DEFAULT_PAGE_SIZE): number {
  if (first === undefined) return fallback;
  if (!Number.isInteger(first) || first < 1 || first > max) {
    throw new BadUserInputError(`first must be an integer from 1 to ${max}, got ${String(first)}.`, { field: 'first', max });
  }
  return first;
}

export interface CursorRow {
  id: string;
  createdAt: Date;
}

/** Rows after the cursor in NEWEST_FIRST order (keyset pagination: stable under concurrent inserts). */
export function olderThan(cursor: CursorRow): { OR: [{ createdAt: { lt: Date } }, { createdAt: Date; id: { lt: string } }] } {
  return { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] };
}

/**
 * One page: `findCursor` looks the cursor up within the caller's scope (so an id the caller cannot see is no
 * valid cursor), `findRows` reads `take` rows after it.
 */
export async function readPage<T>(
  page: PageArgs,
  findCursor: (id: string) => Promise<CursorRow | null>,
  findRows: (afterWhere: ReturnType<typeof olderThan> | Record<string, never>, take: number) => Promise<T[]>,
): Promise<T[]> {
  const take = pageSizeOf(page.first);
  if (page.after === undefined || page.after === null) return findRows({}, take);
  const cursor = await findCursor(page.after);
  if (cursor === null) {
    throw new BadUserInputError(`after must be the id of an item of a previous page, got "${page.after}".`, { field: 'after' });
  }
  return findRows(olderThan(cursor), take);
}

/** Results aligned with `ids` (DataLoader contract): the row with that id, or null if missing or not visible. */
export function alignByIds<T extends { id: string }>(ids: readonly string[], rows: readonly T[]): (T | null)[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** Distinct ids for an `in` filter; duplicates in a DataLoader batch are legal. */
export function distinct(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}
