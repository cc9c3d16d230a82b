import assert from 'node:assert/strict';
import { beforeAll, describe, test } from '@jest/globals';
import { DomainError, ErrorCode } from '../../src/errors.js';
import type { KnowledgeBase } from '../../src/knowledge/KnowledgeBase.js';
import { shippedKnowledge } from './support/shippedKnowledge.js';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = await shippedKnowledge();
});

function code(run: () => unknown): Promise<ErrorCode | 'none'> {
  return Promise.resolve()
    .then(run)
    .then(
      () => 'none' as const,
      (error: unknown) => {
        assert.ok(error instanceof DomainError, `a DomainError, not ${String(error)}`);
        return error.code;
      },
    );
}

describe('bad input gets a clear code', () => {
  test('empty', async () => {
    assert.equal(await code(() => kb.checkDrugInteractions([])), ErrorCode.BAD_USER_INPUT);
    assert.equal(await code(() => kb.checkDrugInteractions(['warfarin', '  '])), ErrorCode.BAD_USER_INPUT);
    assert.equal(await code(() => kb.suggestIcd10Codes('')), ErrorCode.BAD_USER_INPUT);
    assert.equal(await code(() => kb.normalizeDrug('')), ErrorCode.BAD_USER_INPUT);
    assert.equal(await code(() => kb.correlateSymptoms([])), ErrorCode.BAD_USER_INPUT);
  });

  test('oversize', async () => {
    assert.equal(await code(() => kb.suggestIcd10Codes('a'.repeat(501))), ErrorCode.INPUT_TOO_LARGE);
    assert.equal(await code(() => kb.normalizeDrug('x'.repeat(201))), ErrorCode.INPUT_TOO_LARGE);
  });

  test('500 drugs at once', async () => {
    const drugs = Array.from({ length: 500 }, (_, i) => `drug${i}`);
    const error = await Promise.resolve().then(() => kb.checkDrugInteractions(drugs)).catch((e: unknown) => e);
    assert.ok(error instanceof DomainError);
    assert.equal(error.code, ErrorCode.INPUT_TOO_LARGE);
    assert.match(error.message, /500 items; at most 50/);
  });

  test('binary noise', async () => {
    const noise = Buffer.from([0x00, 0xff, 0xfe, 0x01, 0x9c, 0x41]).toString('utf8');
    assert.equal(await code(() => kb.checkDrugInteractions(['warfarin', noise])), ErrorCode.BAD_USER_INPUT);
    assert.equal(await code(() => kb.suggestIcd10Codes(noise)), ErrorCode.BAD_USER_INPUT);
    assert.equal(await code(() => kb.searchConcepts(noise, {})), ErrorCode.BAD_USER_INPUT);
  });

  test('out-of-range limits, depths and forged cursors', async () => {
    assert.equal(await code(() => kb.suggestIcd10Codes('asthma', { limit: 0 })), ErrorCode.BAD_USER_INPUT);
    assert.equal(await code(() => kb.conceptNeighbors('icd10cm:E11', { depth: 9 })), ErrorCode.BAD_USER_INPUT);
    assert.equal(await code(() => kb.conceptNeighbors('icd10cm:E11', { after: 'not-a-cursor' })), ErrorCode.BAD_USER_INPUT);
  });

  test('text that is no drug or condition is an answer, not an error', async () => {
    assert.deepEqual(kb.checkDrugInteractions(['ééé', '日本語']).unrecognized, ['ééé', '日本語']);
    assert.deepEqual(await kb.suggestIcd10Codes('日本語'), []);
  });
});
