import assert from 'node:assert/strict';
import { test } from '@jest/globals';
import type { Stores } from '../../src/app/ports.js';
import type { AccessScope as ApiAccessScope } from '../../src/auth/viewer.js';
import type { Logger } from '../../src/logger.js';
import type { AccessScope, AuditFailureLogger, PersistenceStores } from '../../src/persistence/index.js';

// Compile-time checks: the API layer's ports (src/app/ports.ts) must be satisfied by the Prisma stores as they are,
// its access scope (minus 'none') must be ours, and the service logger must fit. A change on either side fails `tsc` here.
const storesFitPorts = (stores: PersistenceStores): Stores => stores;
const scopeFits = (scope: Exclude<ApiAccessScope, { kind: 'none' }>): AccessScope => scope;
// The service's pino logger can receive failed audit writes.
const loggerFits = (logger: Logger): AuditFailureLogger => logger;

test('the persistence stores satisfy the API ports (checked by the compiler)', () => {
  assert.equal(typeof storesFitPorts, 'function');
  assert.equal(typeof scopeFits, 'function');
  assert.equal(typeof loggerFits, 'function');
});
