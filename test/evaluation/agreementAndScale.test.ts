import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { agreement, type RatingPairCount } from '../../src/evaluation/agreement/agreement.js';
import { estimateScore, gradeOf, WRITING_B_PROFILE } from '../../src/evaluation/scale.js';
import { WRITING_CRITERIA, type CriterionResult } from '../../src/evaluation/types.js';
import { timeBuckets } from '../../src/persistence/weekOf.js';

const cells = (engine: number[], assessor: number[]): RatingPairCount[] => engine.map((e, i) => ({ engine: e, assessor: assessor[i]!, count: 1 }));

describe('engine–assessor agreement', () => {
  it('matches scikit-learn’s quadratic weighted kappa', () => {
    // sklearn.metrics.cohen_kappa_score(a, b, weights='quadratic') on the same ratings: 0.9322033898305084, 0.7333333333333334.
    assert.equal(agreement(cells([0, 1, 2, 3, 4, 5, 6, 7, 5, 5, 4, 3], [0, 2, 2, 3, 5, 5, 7, 6, 4, 5, 3, 3]), 7).qwk, 0.932);
    assert.equal(agreement(cells([2, 3, 1, 0, 3, 2, 2, 1], [2, 2, 1, 1, 3, 3, 2, 0]), 3).qwk, 0.733);
  });

  it('reports exact and adjacent agreement and the engine’s leniency', () => {
    const a = agreement(cells([5, 6, 4, 7], [5, 4, 4, 6]), 7);
    assert.equal(a.n, 4);
    assert.equal(a.exact, 0.5);
    assert.equal(a.adjacent, 0.75);
    assert.equal(a.meanDifference, 0.75);
  });

  it('is -1 for perfect disagreement and undefined without ratings', () => {
    assert.equal(agreement(cells([0, 1], [1, 0]), 1).qwk, -1);
    assert.deepEqual(agreement([], 7), { n: 0, qwk: null, exact: null, adjacent: null, meanDifference: null });
  });
});

describe('estimated 0–500 score', () => {
  const criteria = (scores: number[]): CriterionResult[] => WRITING_CRITERIA.map((c, i) => ({ name: c.name, max: c.max, score: scores[i]!, evidence: [], feedback: [] }));

  it('puts the grade-B profile at 350, full marks at 500 and nothing at 0', () => {
    assert.equal(estimateScore(criteria([2, 5, 5, 5, 5, 5]), WRITING_B_PROFILE).estimatedScore, 350);
    assert.equal(estimateScore(criteria([3, 7, 7, 7, 7, 7]), WRITING_B_PROFILE).estimatedScore, 500);
    assert.equal(estimateScore(criteria([0, 0, 0, 0, 0, 0]), WRITING_B_PROFILE).estimatedScore, 0);
  });

  it('caps a profile below B on any criterion under 350, however high the total', () => {
    const e = estimateScore(criteria([1, 7, 7, 7, 7, 7]), WRITING_B_PROFILE);
    assert.equal(e.estimatedScore, 340);
    assert.equal(e.grade, 'C+');
  });

  it('grades as OET does', () => {
    assert.deepEqual([500, 450, 440, 350, 340, 300, 290, 200, 190, 100, 90, 0].map(gradeOf), ['A', 'A', 'B', 'B', 'C+', 'C+', 'C', 'C', 'D', 'D', 'E', 'E']);
  });
});

describe('time buckets', () => {
  it('uses ISO weeks (the year of the week’s Thursday)', () => {
    assert.deepEqual(timeBuckets(new Date('2026-12-02T10:00:00Z')), { week: '2026-W49', day: '2026-12-02' });
    assert.equal(timeBuckets(new Date('2027-01-01T00:00:00Z')).week, '2026-W53');
    assert.equal(timeBuckets(new Date('2024-12-30T00:00:00Z')).week, '2025-W01');
  });
});
