import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { startTestEngine, type TestEngine } from '../support/startTestEngine.js';
import { roleTokens } from '../support/tokens.js';
import { activeElement, evaluateLetter, evaluateRolePlay, launchChromium, newPage, openSignedIn, seriousViolations, spansOnPage, type ScoredEvaluation } from '../support/pages.js';

describe('report page /app/evaluations/:id', () => {
  let t: TestEngine;
  let browser: Browser;
  let tokens: Awaited<ReturnType<typeof roleTokens>>;
  let strong: ScoredEvaluation;
  let weak: ScoredEvaluation;
  let rolePlay: ScoredEvaluation;
  beforeAll(async () => {
    browser = await launchChromium();
    t = await startTestEngine();
    tokens = await roleTokens();
    strong = await evaluateLetter(t.graphqlUrl, tokens.LEARNER, 'strong');
    weak = await evaluateLetter(t.graphqlUrl, tokens.LEARNER, 'casual');
    rolePlay = await evaluateRolePlay(t.graphqlUrl, tokens.LEARNER);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  const open = (e: ScoredEvaluation, token = tokens.LEARNER) => openSignedIn(browser, `${t.url}/app/evaluations/${e.id}`, token);

  /** Every criterion with its score, and every evidence span drawn over exactly its text. */
  async function assertReport(e: ScoredEvaluation, join: (submission: string) => string) {
    const page = await open(e);
    const problems: string[] = [];
    page.on('pageerror', (err) => problems.push(err.message));
    page.on('console', (m) => void (m.type() === 'error' && problems.push(m.text())));
    await page.waitForSelector('#criteria');
    const text = join(e.submission);
    for (const [i, c] of e.criteria.entries()) {
      const heading = page.locator(`#criterion-${i}-h`);
      assert.match(await heading.innerText(), new RegExp(`${c.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+${c.score} / ${c.max}`));
    }
    assert.equal(await page.locator('.criterion').count(), e.criteria.length);
    const drawn = await spansOnPage(page);
    for (const [i, c] of e.criteria.entries()) {
      for (const ev of c.evidence) {
        const span = drawn.find((s) => s.group === i && s.start === ev.start && s.end === ev.end);
        assert.ok(span, `${c.name}: no span drawn for ${JSON.stringify(ev)}`);
        assert.equal(span.text, ev.text, `${c.name}: highlighted text`);
        assert.equal(text.slice(ev.start, ev.end), ev.text, 'the API offsets index the submission');
      }
    }
    // For people to look at: the page as a reviewer sees it (test-results/ is not committed).
    await page.screenshot({ path: `test-results/report-${e.kind.toLowerCase()}-${e.id}.png`, fullPage: true });
    assert.deepEqual(problems, [], 'no console errors on the report page');
    return { page, drawn };
  }

  it('shows the strong letter: six criteria with scores, the estimate labelled, evidence highlighted at its offsets', async () => {
    assert.equal(strong.criteria.length, 6);
    const { page } = await assertReport(strong, (s) => s);
    const summary = await page.locator('.summary').innerText();
    assert.match(summary, new RegExp(`Estimated score \\(0–500\\)\\s+${strong.estimatedScore}`));
    assert.match(summary, new RegExp(`Estimated grade\\s+${strong.grade.replace('+', '\\+')}`));
    assert.match(summary, /Estimate, not an OET result/);
    assert.deepEqual(await seriousViolations(page), []);
    await page.context().close();
  });

  it('shows the weak letter with overlapping spans, coverage and facts, and no serious accessibility finding', async () => {
    const { page, drawn } = await assertReport(weak, (s) => s);
    assert.ok(drawn.length >= 5, `the casual letter has evidence (${drawn.length} spans)`);
    assert.match(await page.locator('.coverage').innerText(), /Omitted but needed \(\d+\)/);
    assert.equal(await page.locator('#facts-h').innerText(), 'Facts changed');
    assert.ok((await page.locator('.suggestion').count()) > 0, 'suggestions are shown');
    await page.locator('button.fb').first().click();
    assert.deepEqual(await seriousViolations(page), [], 'with a highlight active too');
    await page.context().close();
  });

  it('reaches a feedback item by keyboard alone; Enter focuses and highlights its span, a marker leads back', async () => {
    const page = await open(weak);
    await page.waitForSelector('button.fb');
    let focused = await activeElement(page);
    for (let i = 0; i < 200 && !(focused?.tag === 'button' && focused.className.split(' ').includes('fb')); i++) {
      await page.keyboard.press('Tab');
      focused = await activeElement(page);
    }
    assert.ok(focused?.target, 'Tab reached a feedback item');
    await page.keyboard.press('Enter');
    const piece = await activeElement(page);
    assert.equal(piece?.tag, 'mark');
    assert.equal(piece?.span, focused.target);
    assert.ok(piece?.className.split(' ').includes('active'), 'the span is highlighted');
    assert.ok(await page.locator(`button.fb[data-target="${focused.target}"]`).first().evaluate((b) => b.getAttribute('aria-current') === 'true'));

    // And back: a marker before the span, activated with Space, focuses its feedback.
    await page.locator(`button.marker[data-target="${focused.target}"]`).focus();
    await page.keyboard.press('Space');
    const back = await activeElement(page);
    assert.equal(back?.target, focused.target);
    assert.ok(back?.className.split(' ').includes('active'));
    await page.context().close();
  });

  it('shows a role-play turn by turn with speaker labels and nine criteria', async () => {
    assert.equal(rolePlay.criteria.length, 9);
    const turns = JSON.parse(rolePlay.submission) as { speaker: string; text: string }[];
    const { page } = await assertReport(rolePlay, () => turns.map((turn) => turn.text).join('\n'));
    assert.equal(await page.locator('.transcript > li').count(), turns.length);
    assert.equal(await page.locator('.transcript > li').first().locator('.speaker').innerText(), 'Candidate:');
    assert.match(await page.locator('.transcript').innerText(), /Patient \(interlocutor\):/);
    assert.deepEqual(await seriousViolations(page), []);
    await page.context().close();
  });

  it("another learner's token sees 'not found', never the letter; a bad token is told to sign in again", async () => {
    const page = await open(strong, tokens.LEARNER2);
    await page.waitForSelector('#alert:not([hidden])');
    assert.match(await page.locator('#alert').innerText(), /Not found/);
    assert.doesNotMatch(await page.locator('body').innerText(), /Dear Dr Ward/);
    assert.equal(await page.locator('.letter').count(), 0);
    await page.context().close();

    const bad = await open(strong, 'not-a-token');
    await bad.waitForSelector('#alert:not([hidden])');
    assert.match(await bad.locator('#alert').innerText(), /Sign in again/);
    await bad.context().close();
  });

  it('prints without the sign-in and with highlights in black and white', async () => {
    const signedOut = await newPage(browser);
    await signedOut.goto(`${t.url}/app/evaluations/${strong.id}`);
    assert.ok(await signedOut.locator('#signin').isVisible(), 'the form shows on screen');
    await signedOut.emulateMedia({ media: 'print' });
    assert.equal(await signedOut.locator('#signin').isVisible(), false);
    assert.equal(await signedOut.locator('header.site').isVisible(), false);
    await signedOut.context().close();

    const page = await open(weak);
    await page.waitForSelector('mark.ev');
    await page.emulateMedia({ media: 'print' });
    const styles = await page.locator('mark.ev').evaluateAll((marks) => marks.map((m) => {
      const s = (globalThis as unknown as { getComputedStyle(e: unknown): Record<'textDecorationColor' | 'textDecorationStyle' | 'textDecorationLine', string> }).getComputedStyle(m);
      return { color: s.textDecorationColor, style: s.textDecorationStyle, line: s.textDecorationLine };
    }));
    assert.ok(styles.every((s) => s.color === 'rgb(0, 0, 0)' && s.line.includes('underline')), JSON.stringify(styles.slice(0, 3)));
    assert.ok(new Set(styles.map((s) => s.style)).size > 1, 'criteria differ by line style, not colour');
    assert.ok(await page.locator('button.marker').first().isVisible(), 'criterion markers print');
    await page.context().close();
  });
});
