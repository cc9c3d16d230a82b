/** Why a migration run stopped. Start-up error: never shown to API clients. */
export type MigrationErrorReason =
  /** No migrations folder for the provider was found. */
  | 'MIGRATIONS_NOT_FOUND'
  /** An applied migration's file changed since it was applied. */
  | 'CHECKSUM_MISMATCH'
  /** A migration's SQL failed; its transaction was rolled back. */
  | 'MIGRATION_FAILED';

export class MigrationError extends Error {
  readonly reason: MigrationErrorReason;
  /** The migration's folder name, when one is concerned. */
  readonly migration: string | undefined;

  constructor(reason: MigrationErrorReason, message: string, migration?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MigrationError';
    this.reason = reason;
    this.migration = migration;
  }
}
