import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import type { ClinicalProvider } from '../../src/clinical/ClinicalProvider.js';
import type { KnowledgeProvider } from '../../src/knowledge/KnowledgeProvider.js';
import { SafetyPolicy } from '../../src/safety/policy/SafetyPolicy.js';
import { SafetyProvider } from '../../src/safety/SafetyProvider.js';

// The screening rules load on first use, not at start-up: this file runs in a fresh module registry, so the first
// provider below meets them unloaded.
const provider = () => new SafetyProvider({} as KnowledgeProvider, {} as ClinicalProvider, { policy: new SafetyPolicy(), redactionKey: randomBytes(32) });
const PHI = 'Mrs Aisha Rahman, NHS No. 943 476 5919, born 14/07/1952.';

describe('safety rules loaded on first use', () => {
  it('a wait abandoned by its signal rejects with the reason; a synchronous check before any load is a retryable error, not a verdict', async () => {
    const safety = provider();
    const gone = new AbortController();
    gone.abort(new Error('client went away'));
    await expect(safety.ready(gone.signal)).rejects.toThrow('client went away');
    let code: unknown;
    try {
      safety.screen(PHI, { use: 'LEARNER_INPUT', roles: ['LEARNER'] });
    } catch (error) {
      code = (error as { code?: unknown }).code;
    }
    expect(code).toBe('SERVICE_UNAVAILABLE');
  });

  it('after ready() the synchronous checks answer with the rules, for every provider of the process', async () => {
    await provider().ready(new AbortController().signal);
    const report = provider().screen(PHI, { use: 'LEARNER_INPUT', roles: ['LEARNER'] });
    expect(report.findings.filter((f) => f.category === 'PHI').length).toBeGreaterThanOrEqual(3);
    expect(provider().redactForModel(PHI).text).toBe('Mrs [NAME], NHS No. [INSURANCE_ID], born [DATE].');
  });
});
