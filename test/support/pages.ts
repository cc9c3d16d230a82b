import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { postGraphQL } from './graphqlClient.js';
import { repoRoot } from './paths.js';

/**
 * The system Chromium, headless. A missing browser fails the suite with the fix, never skips it: CI installs it
 * (.ci/run), and a page test that silently passes would hide a broken page.
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    throw new Error(`Chromium not found at ${executablePath}. Install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary; the page tests need a real browser.`);
  }
  // Chromium refuses to sandbox as root (containers, CI); the pages under test are our own.
  const args = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  return chromium.launch({ executablePath, headless: true, args });
}

/** A page in its own context (axe needs one; sessionStorage stays apart). Close it with page.context().close(). */
export async function newPage(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

/** Opens a page and signs in through the form, as a person would. */
export async function openSignedIn(browser: Browser, url: string, token: string): Promise<Page> {
  const page = await newPage(browser);
  await page.goto(url);
  await page.fill('#token', token);
  await page.click('#signin button[type=submit]');
  return page;
}

export interface AxeFinding { id: string; impact: string; help: string; nodes: string[] }

/** WCAG 2.1 A/AA rules (colour contrast included); only serious and critical findings are returned. */
export async function seriousViolations(page: Page): Promise<AxeFinding[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
}

export interface Evidence { start: number; end: number; text: string; turn: number | null }
export interface ScoredEvaluation {
  id: string;
  kind: string;
  submission: string;
  estimatedScore: number;
  grade: string;
  criteria: { name: string; score: number; max: number; evidence: Evidence[]; feedbackItems: { code: string; evidence: Evidence | null }[] }[];
}

const FIELDS = 'id kind submission estimatedScore grade criteria { name score max evidence { start end text turn } feedbackItems { code evidence { start end text turn } } }';

interface WritingCase { caseNotes: string; letterType: string; reader: string; profession: string; letters: { level: string; text: string }[] }
interface SpeakingCase { profession: string; card: string; transcript: unknown[] }

const writing = (): WritingCase => JSON.parse(readFileSync(path.join(repoRoot, 'eval/data/oet-writing/dev.jsonl'), 'utf8').split('\n')[0]!) as WritingCase;
const speaking = (): SpeakingCase => JSON.parse(readFileSync(path.join(repoRoot, 'eval/data/oet-speaking/dev.jsonl'), 'utf8').split('\n')[0]!) as SpeakingCase;

/** Scores a letter of the first dev case through the API: 'strong' or a weak level ('casual'). */
export async function evaluateLetter(graphqlUrl: string, token: string, level: string): Promise<ScoredEvaluation> {
  const c = writing();
  const letter = c.letters.find((l) => l.level === level);
  if (!letter) throw new Error(`no ${level} letter in the first writing dev case`);
  const res = await postGraphQL<{ evaluateWriting: ScoredEvaluation }>(graphqlUrl, `mutation ($input: WritingEvaluationInput!) { evaluateWriting(input: $input) { ${FIELDS} } }`, {
    token,
    variables: { input: { letter: letter.text, caseNotes: c.caseNotes, letterType: c.letterType, reader: c.reader, profession: c.profession } },
  });
  if (!res.data) throw new Error(`evaluateWriting failed: ${JSON.stringify(res.errors)}`);
  return res.data.evaluateWriting;
}

/** Scores the first speaking dev role-play through the API. */
export async function evaluateRolePlay(graphqlUrl: string, token: string): Promise<ScoredEvaluation> {
  const s = speaking();
  const res = await postGraphQL<{ evaluateSpeaking: ScoredEvaluation }>(graphqlUrl, `mutation ($input: SpeakingEvaluationInput!) { evaluateSpeaking(input: $input) { ${FIELDS} } }`, {
    token,
    variables: { input: { profession: s.profession, card: s.card, transcript: s.transcript } },
  });
  if (!res.data) throw new Error(`evaluateSpeaking failed: ${JSON.stringify(res.errors)}`);
  return res.data.evaluateSpeaking;
}

/** The little of the DOM the in-page checks use (the test build has no DOM lib; these run in the browser). */
interface PageElement { textContent: string | null; className: string; tagName: string; getAttribute(name: string): string | null; matches(selector: string): boolean }
interface PageDocument { activeElement: PageElement | null; querySelectorAll(selector: string): Iterable<PageElement> }

export interface SpanOnPage { group: number; start: number; end: number; text: string }

/** Each evidence span the page drew: its criterion (marker class), the API's offsets, and the text of its pieces. */
export function spansOnPage(page: Page): Promise<SpanOnPage[]> {
  return page.evaluate(() => {
    const doc = (globalThis as unknown as { document: PageDocument }).document;
    return [...doc.querySelectorAll('button.marker[data-target]')].map((m) => ({
      group: Number(/\bg(\d+)\b/.exec(m.className)?.[1] ?? -1),
      start: Number(m.getAttribute('data-start')),
      end: Number(m.getAttribute('data-end')),
      text: [...doc.querySelectorAll(`mark[data-span="${m.getAttribute('data-target')}"]`)].map((p) => p.textContent ?? '').join(''),
    }));
  });
}

export interface ActiveElement { tag: string; className: string; target: string | null; span: string | null }

/** What has keyboard focus. */
export function activeElement(page: Page): Promise<ActiveElement | null> {
  return page.evaluate(() => {
    const a = (globalThis as unknown as { document: PageDocument }).document.activeElement;
    return a ? { tag: a.tagName.toLowerCase(), className: a.className, target: a.getAttribute('data-target'), span: a.getAttribute('data-span') } : null;
  });
}
