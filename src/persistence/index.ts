// The persistence layer's public surface. Nothing here knows about GraphQL.
export { openDatabase, DatabaseConnectionError, type Database, type DatabaseProvider } from './database.js';
export { parseDatabaseUrl, redactDatabaseUrl, DatabaseUrlError, type DatabaseTarget } from './databaseUrl.js';
export { migrateDatabase, MigrationError, type MigrateOptions, type MigrationErrorReason, type MigrationReport } from './migrate.js';
export { createStores, type PersistenceStores, type CreateStoresOptions } from './createStores.js';
export type { AccessScope } from './AccessScope.js';
export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type PageArgs } from './pagination.js';
export * from './EvaluationStore.js';
export * from './MedicalEntityStore.js';
export * from './SafetyReportStore.js';
export * from './GenerationRecordStore.js';
export * from './AuditLogStore.js';
export type { PrismaStoreClient } from './prismaClients.js';
export * from './encryption/index.js';
export * from './CriterionScoreStore.js';
