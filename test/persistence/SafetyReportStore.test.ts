import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { BadUserInputError } from '../../src/errors.js';
import { useMigratedDatabase } from './support/migratedDatabase.js';
import { providersUnderTest } from './support/testDatabases.js';

for (const provider of providersUnderTest) {
  describe(`SafetyReportStore (${provider})`, () => {
    const database = useMigratedDatabase(provider, 'safety');

    test('stores findings as JSON text, unchanged', async () => {
      const { stores } = database();
      const findings = JSON.stringify([{ rule: 'dose-range', severity: 'HIGH', span: [3, 9] }]);
      const report = await stores.safetyReports.create({ ownerId: 'u1', cohortId: 'c1', kind: 'OUTPUT', verdict: 'UNSAFE', findings, modelId: 'm1' });
      const [found] = await stores.safetyReports.findByIds([report.id], { kind: 'cohorts', viewerId: 'a1', cohortIds: ['c1'] });
      assert.equal(found?.findings, findings);
      assert.deepEqual(JSON.parse(found!.findings), JSON.parse(findings));
      assert.equal(found?.verdict, 'UNSAFE');
    });

    test('rejects findings that are not JSON', async () => {
      const { stores } = database();
      await assert.rejects(
        stores.safetyReports.create({ ownerId: 'u1', kind: 'OUTPUT', verdict: 'SAFE', findings: 'not json' }),
        (e: unknown) => e instanceof BadUserInputError && /JSON/.test(e.message),
      );
    });
  });
}
