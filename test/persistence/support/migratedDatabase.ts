import { afterAll, beforeAll } from '@jest/globals';
import {
  createStores,
  migrateDatabase,
  openDatabase,
  type CreateStoresOptions,
  type Database,
  type DatabaseProvider,
  type PersistenceStores,
} from '../../../src/persistence/index.js';
import { testCipher } from '../../support/encryptionKeys.js';
import { createTestDatabase, type TestDatabase } from './testDatabases.js';

export interface MigratedDatabase {
  readonly testDb: TestDatabase;
  readonly db: Database;
  readonly stores: PersistenceStores;
}

/**
 * Registers before/after hooks in the current describe(): one migrated, opened database per test file and
 * provider, dropped afterwards. The stores encrypt with the test key (test/support/encryptionKeys.ts) unless
 * `storesOptions.cipher` says otherwise. Read the returned getter inside tests, not at definition time.
 */
export function useMigratedDatabase(
  provider: DatabaseProvider,
  label: string,
  storesOptions: Partial<CreateStoresOptions> = {},
): () => MigratedDatabase {
  let current: MigratedDatabase | undefined;
  beforeAll(async () => {
    const testDb = await createTestDatabase(provider, label);
    await migrateDatabase(testDb.url);
    const db = await openDatabase(testDb.url);
    current = { testDb, db, stores: createStores(db, { cipher: testCipher(), ...storesOptions }) };
  });
  afterAll(async () => {
    if (current === undefined) return;
    await current.db.close();
    await current.testDb.drop();
  });
  return () => {
    if (current === undefined) throw new Error('the database is opened in beforeAll(): use it inside tests');
    return current;
  };
}
