import { describe, expect, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { startTestEngine } from '../support/startTestEngine.js';
import { postGraphQL } from '../support/graphqlClient.js';
import { roleTokens } from '../support/tokens.js';
import { createTestDatabase, providersUnderTest } from '../persistence/support/testDatabases.js';

const LETTER = 'Dear Dr Okafor, Re: Mrs Amelia Hart, DOB 02/03/1951. Thank you for seeing this patient.';

for (const provider of providersUnderTest) {
  describe(`the engine on ${provider}`, () => {
    it('stores submissions, scopes them by role, audits the mutation without its text, and keeps them across restarts', async () => {
      const db = await createTestDatabase(provider, 'engine');
      const tokens = await roleTokens();
      try {
        const first = await startTestEngine({ DATABASE_URL: db.url });
        let id: string;
        try {
          const created = await postGraphQL<{ submitEvaluation: { id: string; status: string } }>(first.graphqlUrl, 'mutation($s: String!) { submitEvaluation(input: { kind: WRITING, submission: $s }) { id status } }', { token: tokens.LEARNER, variables: { s: LETTER } });
          assert.deepEqual(created.errors, undefined);
          id = created.data!.submitEvaluation.id;
          const audit = await postGraphQL<{ auditLog: { operation: string; outcome: string; actorId: string }[] }>(first.graphqlUrl, '{ auditLog(operation: "submitEvaluation") { operation outcome actorId } }', { token: tokens.ADMIN });
          expect(audit.data?.auditLog).toEqual([{ operation: 'submitEvaluation', outcome: 'SUCCESS', actorId: 'learner-1' }]);
          assert.equal(JSON.stringify(audit).includes('Okafor'), false);
        } finally {
          await first.stop();
        }
        // A second start on the same database migrates nothing and loses nothing.
        const second = await startTestEngine({ DATABASE_URL: db.url });
        try {
          const query = '{ evaluations { id submission } }';
          const mine = await postGraphQL<{ evaluations: { id: string; submission: string }[] }>(second.graphqlUrl, query, { token: tokens.LEARNER });
          expect(mine.data?.evaluations).toEqual([{ id, submission: LETTER }]);
          const assessor = await postGraphQL<{ evaluations: { id: string }[] }>(second.graphqlUrl, query, { token: tokens.ASSESSOR });
          expect(assessor.data?.evaluations.map((e) => e.id)).toEqual([id]);
          const stranger = await postGraphQL<{ evaluations: unknown[] }>(second.graphqlUrl, query, { token: tokens.LEARNER2 });
          expect(stranger.data?.evaluations).toEqual([]);
          const byId = await postGraphQL<{ evaluation: unknown }>(second.graphqlUrl, `{ evaluation(id: "${id}") { id } }`, { token: tokens.LEARNER2 });
          assert.equal(byId.data?.evaluation, null, 'invisible records read as missing');
        } finally {
          await second.stop();
        }
      } finally {
        await db.drop();
      }
    });
  });
}
