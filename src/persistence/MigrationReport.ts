import type { DatabaseProvider } from './databaseUrl.js';

/** What one migration run did. */
export interface MigrationReport {
  provider: DatabaseProvider;
  /** Migrations applied by this run, in order. */
  applied: string[];
  /** Migrations found already applied (by an earlier run or a concurrent migrator). */
  alreadyApplied: string[];
}
