import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { postGraphQL } from '../support/graphqlClient.js';
import { startTestEngine, type TestEngine } from '../support/startTestEngine.js';
import { roleTokens } from '../support/tokens.js';
import { evaluateLetter, launchChromium, openSignedIn, seriousViolations } from '../support/pages.js';

const RECORD = 'mutation ($id: ID!, $scores: [AssessorScoreInput!]!) { recordAssessorScores(evaluationId: $id, scores: $scores) { id } }';

/** In-page: every canvas in the figures has a Chart.js chart drawn on it. */
interface ChartPage { Chart: { getChart(canvas: unknown): unknown }; document: { querySelectorAll(s: string): Iterable<{ id: string; width: number }> } }

describe('analytics page /app/analytics', () => {
  let t: TestEngine;
  let browser: Browser;
  let tokens: Awaited<ReturnType<typeof roleTokens>>;
  beforeAll(async () => {
    browser = await launchChromium();
    t = await startTestEngine();
    tokens = await roleTokens();
    await evaluateLetter(t.graphqlUrl, tokens.LEARNER, 'strong');
    const weak = await evaluateLetter(t.graphqlUrl, tokens.LEARNER, 'casual');
    // The assessor agrees on all but Purpose, where they give one band more.
    const scores = weak.criteria.map((c) => ({ criterion: c.name, score: c.name === 'Purpose' ? Math.min(c.score + 1, c.max) : c.score }));
    const recorded = await postGraphQL(t.graphqlUrl, RECORD, { token: tokens.ASSESSOR, variables: { id: weak.id, scores } });
    assert.equal(recorded.errors, undefined, JSON.stringify(recorded.errors));
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it("draws distributions, a learner's progress, group means and agreement, each with a data table, without serious accessibility findings", async () => {
    const page = await openSignedIn(browser, `${t.url}/app/analytics`, tokens.ASSESSOR);
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => void (m.type() === 'error' && problems.push(m.text())));
    await page.waitForSelector('#agreement-table');
    await page.fill('input[name=learnerId]', 'learner-1');
    await page.click('#filters button[type=submit]');
    await page.waitForSelector('#progress-canvas');

    const charts = await page.evaluate(() => {
      const w = globalThis as unknown as ChartPage;
      return [...w.document.querySelectorAll('figure.chart canvas')].map((c) => ({ id: c.id, drawn: w.Chart.getChart(c) !== undefined, width: c.width }));
    });
    assert.equal(charts.filter((c) => c.id.startsWith('dist-')).length, 6, 'one distribution per writing criterion');
    for (const id of ['progress-canvas', 'means-chart-canvas', 'drift-canvas']) assert.ok(charts.some((c) => c.id === id), `${id} present`);
    assert.ok(charts.every((c) => c.drawn && c.width > 0), JSON.stringify(charts));
    assert.equal(await page.locator('figure.chart details table').count(), charts.length, 'every chart has its table');
    assert.match((await page.locator('#dist-0-canvas').getAttribute('aria-label')) ?? '', /Purpose: evaluations per score\. 2 evaluations/);

    const rows = await page.locator('#agreement-table tbody tr').allInnerTexts();
    assert.equal(rows.length, 6);
    const purpose = rows.find((r) => r.startsWith('Purpose'));
    assert.match(purpose ?? '', /^Purpose\s+1\s+\S+\s+0%\s+100%\s+-1\.00$/);
    assert.ok(rows.filter((r) => !r.startsWith('Purpose')).every((r) => /\s1\s+\S+\s+100%\s+100%\s+0\.00$/.test(r)), rows.join('\n'));

    assert.deepEqual(await seriousViolations(page), []);
    await page.screenshot({ path: 'test-results/analytics.png', fullPage: true });
    assert.deepEqual(problems, [], 'no script or CSP error');
    await page.context().close();
  });

  it("a learner of another cohort sees no one else's data: empty panels, not an error", async () => {
    const page = await openSignedIn(browser, `${t.url}/app/analytics`, tokens.LEARNER2);
    await page.waitForSelector('#dist-h');
    assert.match(await page.locator('#analytics').innerText(), /No scored evaluations match these filters/);
    assert.match(await page.locator('#analytics').innerText(), /No assessor has scored/);
    assert.equal(await page.locator('#alert').isVisible(), false);
    await page.context().close();
  });
});
