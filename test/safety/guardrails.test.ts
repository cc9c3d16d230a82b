import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from '@jest/globals';
import type { EngineServices } from '../../src/app/EngineServices.js';
import { guardRequest } from '../../src/app/guardrails.js';
import { Role, type Viewer } from '../../src/auth/viewer.js';
import type { AuditEntryInput } from '../../src/app/ports.js';
import { SafetyPolicy } from '../../src/safety/policy/SafetyPolicy.js';
import { SafetyProvider } from '../../src/safety/SafetyProvider.js';
import type { ClinicalProvider } from '../../src/clinical/ClinicalProvider.js';
import type { KnowledgeProvider } from '../../src/knowledge/KnowledgeProvider.js';

/** Only what the prompt guard touches: the safety provider (screening needs no knowledge base), audit, config. */
function services(audit: AuditEntryInput[]): EngineServices {
  const safety = new SafetyProvider({} as KnowledgeProvider, {} as ClinicalProvider, { policy: new SafetyPolicy(), redactionKey: randomBytes(32) });
  return { safety, config: { safety: { checkOutput: true } }, stores: { auditLog: { record: async (e: AuditEntryInput) => void audit.push(e) } } } as unknown as EngineServices;
}

const user = (role: Role): Viewer => ({ kind: 'user', id: 'u1', roles: new Set([role]), cohortIds: [] });

describe('guardRequest', () => {
  const prompt = 'Write a referral letter for Mrs Aisha Rahman, NHS No. 943 476 5919, born 14/07/1952.';

  test("a learner's prompt reaches the model with its PHI replaced, and the verdict is audited without the text", async () => {
    const audit: AuditEntryInput[] = [];
    const guarded = await guardRequest(services(audit), user(Role.LEARNER), { prompt });
    assert.equal(guarded.prompt, 'Write a referral letter for Mrs [NAME], NHS No. [INSURANCE_ID], born [DATE].');
    assert.equal(audit.length, 1);
    assert.equal(audit[0]!.operation, 'guardrail.input');
    assert.match(audit[0]!.errorCode ?? '', /^SAFETY_WARN PHI:/);
    assert.ok(!JSON.stringify(audit).includes('Rahman'));
  });

  test('chat messages are redacted one by one; staff prompts are left as written under the default policy', async () => {
    const guarded = await guardRequest(services([]), user(Role.LEARNER), { messages: [{ role: 'user', content: prompt }] });
    assert.equal(guarded.messages![0]!.content.includes('Rahman'), false);
    assert.equal((await guardRequest(services([]), user(Role.ASSESSOR), { prompt })).prompt, prompt);
  });
});
