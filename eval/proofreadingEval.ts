/**
 * proofread() on a small labelled set of sentences from clinical letters (eval/data/proofreading/dev.jsonl: half
 * with one or two marked errors, half clean but full of drug names, abbreviations and names): precision and recall
 * per category, an issue counting as right when its category matches a marked error whose span it overlaps.
 * Also prints how long the medical word list takes to build from the shipped packs and how fast a letter is checked.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadDictionaries, medicalWordsFromKnowledge, proofread, type ProofCategory, type ProofIssue } from '../src/evaluation/proofreading/index.js';
import { projectRoot } from '../src/knowledge/packs/locations.js';
import { loadShippedKnowledge } from '../src/knowledge/loadShippedKnowledge.js';

interface Row {
  text: string;
  errors: { start: number; end: number; category: ProofCategory }[];
}

const CATEGORIES: ProofCategory[] = ['SPELLING', 'GRAMMAR', 'PUNCTUATION', 'VARIETY'];
const root = projectRoot();
const rows = (await readFile(path.join(root, 'eval/data/proofreading/dev.jsonl'), 'utf8'))
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Row);

let started = performance.now();
await loadDictionaries();
console.log(`dictionaries loaded in ${(performance.now() - started).toFixed(0)} ms`);
const kb = await loadShippedKnowledge();
started = performance.now();
const medicalWords = medicalWordsFromKnowledge(kb);
console.log(`medical word list from the shipped packs: ${medicalWords.size} words in ${(performance.now() - started).toFixed(0)} ms\n`);

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;

async function score(label: string, words: ReadonlySet<string> | undefined): Promise<void> {
  const tp = new Map<ProofCategory, number>();
  const fp = new Map<ProofCategory, number>();
  const fn = new Map<ProofCategory, number>();
  const add = (m: Map<ProofCategory, number>, c: ProofCategory): void => void m.set(c, (m.get(c) ?? 0) + 1);
  const falseAlarms: string[] = [];
  const misses: string[] = [];
  for (const row of rows) {
    const { issues } = await proofread(row.text, { medicalWords: words });
    const matched = new Set<number>();
    for (const issue of issues) {
      const hit = row.errors.findIndex((e, i) => !matched.has(i) && e.category === issue.category && overlaps(e, issue));
      if (hit >= 0) {
        matched.add(hit);
        add(tp, issue.category);
      } else {
        add(fp, issue.category);
        falseAlarms.push(describe(issue));
      }
    }
    row.errors.forEach((e, i) => {
      if (matched.has(i)) return;
      add(fn, e.category);
      misses.push(`${e.category} "${row.text.slice(e.start, e.end)}" in: ${row.text.slice(Math.max(0, e.start - 30), e.end + 30)}`);
    });
  }
  console.log(`${label}\n| category | gold | flagged | precision | recall |\n|---|---:|---:|---:|---:|`);
  for (const c of CATEGORIES) {
    const t = tp.get(c) ?? 0;
    const p = t + (fp.get(c) ?? 0);
    const g = t + (fn.get(c) ?? 0);
    console.log(`| ${c} | ${g} | ${p} | ${p ? ((100 * t) / p).toFixed(0) : '–'} | ${g ? ((100 * t) / g).toFixed(0) : '–'} |`);
  }
  console.log(falseAlarms.length ? `false alarms:\n  ${falseAlarms.join('\n  ')}` : 'no false alarms');
  console.log(misses.length ? `missed:\n  ${misses.join('\n  ')}\n` : 'nothing missed\n');
}

function describe(issue: ProofIssue): string {
  return `${issue.code} "${issue.text}"${issue.suggestion ? ` → "${issue.suggestion}"` : ''}`;
}

await score('with the medical word list from the shipped packs', medicalWords);
await score('with no medical word list', undefined);

// Speed: a ~200-word letter, checked repeatedly once the dictionaries are loaded (suggestions cached after the first run).
const letter = rows.map((r) => r.text).join(' ').split(/\s+/).slice(0, 200).join(' ');
const times: number[] = [];
for (let i = 0; i < 200; i++) {
  const t = performance.now();
  await proofread(letter, { medicalWords });
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
const cold = performance.now();
await proofread(letter.replace(/the/g, 'teh'), { medicalWords });
console.log(`200-word letter: p50 ${times[100]!.toFixed(2)} ms, p95 ${times[190]!.toFixed(2)} ms; with fresh misspellings (uncached suggestions) ${(performance.now() - cold).toFixed(0)} ms`);
