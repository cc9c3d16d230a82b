import type { DrugInteraction as DrugInteractionRow } from '.prisma/client-sqlite';
import { BadUserInputError } from '../errors.js';
import type { Database } from './database.js';
import { nonEmpty } from './fieldChecks.js';
import { alignByIds, distinct } from './pagination.js';
import type { PrismaStoreClient } from './prismaClients.js';

/** Reference data: drugA and drugB are canonical names (trimmed, lower-case, drugA < drugB). */
export type DrugInteractionRecord = DrugInteractionRow;

export interface DrugInteractionInput {
  drugA: string;
  drugB: string;
  severity: string;
  description: string;
  source: string;
}

// Upserts per transaction: large knowledge packs are imported in bounded chunks, not one giant transaction.
const UPSERT_CHUNK = 200;

/** Canonical drug name: interactions are looked up case- and whitespace-insensitively. */
export function canonicalDrugName(name: string): string {
  return nonEmpty('drug', name).trim().toLowerCase().replace(/\s+/g, ' ');
}

/**
 * A pair in canonical order. Storing (A, B) and (B, A) as one row is what makes the unique (drugA, drugB)
 * constraint mean "one interaction per pair" and lets findPair use that index whatever order it is asked in.
 */
export function canonicalPair(a: string, b: string): { drugA: string; drugB: string } {
  const [x, y] = [canonicalDrugName(a), canonicalDrugName(b)];
  if (x === y) throw new BadUserInputError(`A drug interaction needs two different drugs, got "${x}" twice.`, { field: 'drugB' });
  return x < y ? { drugA: x, drugB: y } : { drugA: y, drugB: x };
}

/** Known drug–drug interactions (not owned by anyone: no scope). */
export class DrugInteractionStore {
  readonly #prisma: PrismaStoreClient;

  constructor(db: Database) {
    this.#prisma = db.prisma;
  }

  /** Aligned with `ids`: null where missing. */
  async findByIds(ids: readonly string[]): Promise<(DrugInteractionRecord | null)[]> {
    if (ids.length === 0) return [];
    const rows = await this.#prisma.drugInteraction.findMany({ where: { id: { in: distinct(ids) } } });
    return alignByIds(ids, rows);
  }

  /** The interaction between two drugs, in either order; null if none is known. */
  async findPair(a: string, b: string): Promise<DrugInteractionRecord | null> {
    return this.#prisma.drugInteraction.findUnique({ where: { drugA_drugB: canonicalPair(a, b) } });
  }

  /** Every known interaction between any two of `drugs` (e.g. a medication list), most severe ordering left to the caller. */
  async findAmong(drugs: readonly string[]): Promise<DrugInteractionRecord[]> {
    const names = distinct(drugs.map(canonicalDrugName));
    if (names.length < 2) return [];
    return this.#prisma.drugInteraction.findMany({
      where: { drugA: { in: names }, drugB: { in: names } },
      orderBy: [{ drugA: 'asc' }, { drugB: 'asc' }],
    });
  }

  /** Inserts or updates by pair (either order); a pair given twice keeps the last. Returns how many pairs were written. */
  async upsertMany(inputs: readonly DrugInteractionInput[]): Promise<number> {
    const byPair = new Map<string, DrugInteractionInput & { drugA: string; drugB: string }>();
    for (const input of inputs) {
      const pair = canonicalPair(input.drugA, input.drugB);
      byPair.set(`${pair.drugA}\u0000${pair.drugB}`, {
        ...pair,
        severity: nonEmpty('severity', input.severity),
        description: nonEmpty('description', input.description),
        source: nonEmpty('source', input.source),
      });
    }
    const rows = [...byPair.values()];
    for (let i = 0; i < rows.length; i += UPSERT_CHUNK) {
      const chunk = rows.slice(i, i + UPSERT_CHUNK);
      await this.#prisma.$transaction(
        chunk.map(({ drugA, drugB, severity, description, source }) =>
          this.#prisma.drugInteraction.upsert({
            where: { drugA_drugB: { drugA, drugB } },
            create: { drugA, drugB, severity, description, source },
            update: { severity, description, source },
          }),
        ),
      );
    }
    return rows.length;
  }
}
