/**
 * proofread() recall on whole learner letters: eval/data/oet-writing/<split>.jsonl (`--split dev` while building the
 * rules, the default; `--split test` only for the figures in the README).
 * Each case has a `strong` letter and a `language-errors` letter that is the same letter with ~30 deliberate B1
 * errors. A word diff of the two gives the error regions of the language-errors letter; an error region counts
 * as found when an issue overlaps it. Also prints the false alarms: flags on the strong letter, on the other
 * well-written levels (no-purpose, facts-changed, copied-notes) and on the language-errors letter outside every
 * region, and the flag count on the clinical notes of eval/data/phi-notes.{dev,test}.jsonl (fluent clinician
 * English: every flag there is a likely false alarm).
 *
 *   node dist/eval/proofreadingLetters.js [--verbose]   (--verbose lists the missed regions and every flag)
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { medicalWordsFromKnowledge, proofread, type ProofIssue } from '../src/evaluation/proofreading/index.js';
import { projectRoot } from '../src/knowledge/packs/locations.js';
import { loadShippedKnowledge } from '../src/knowledge/loadShippedKnowledge.js';
import { readPhiNotes } from './phiNotes.js';

interface Letter {
  level: string;
  text: string;
}
interface Case {
  caseId: string;
  letters: Letter[];
}
interface Word {
  text: string;
  start: number;
  end: number;
}
interface Region {
  start: number;
  end: number;
  /** What the strong letter has there ('' for an insertion). */
  was: string;
}

const verbose = process.argv.includes('--verbose');
const split = process.argv.includes('--split') ? process.argv[process.argv.indexOf('--split') + 1]! : 'dev';
const cases = (await readFile(path.join(projectRoot(), `eval/data/oet-writing/${split}.jsonl`), 'utf8'))
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Case);

const medicalWords = medicalWordsFromKnowledge(await loadShippedKnowledge());
const check = async (text: string): Promise<ProofIssue[]> => (await proofread(text, { medicalWords })).issues;

function wordsOf(text: string): Word[] {
  return [...text.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

/**
 * The spans of `b` that differ from `a`, word by word (LCS over whitespace tokens, punctuation attached). A
 * deletion becomes a region on the words either side of it, so that a flag next to a missing word counts.
 */
function diffRegions(a: string, b: string): Region[] {
  const x = wordsOf(a);
  const y = wordsOf(b);
  const n = x.length;
  const m = y.length;
  const lcs: Uint16Array[] = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lcs[i]![j] = x[i]!.text === y[j]!.text ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const regions: Region[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && x[i]!.text === y[j]!.text) {
      i++;
      j++;
      continue;
    }
    const i0 = i;
    const j0 = j;
    while ((i < n || j < m) && !(i < n && j < m && x[i]!.text === y[j]!.text)) {
      if (j < m && (i >= n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) j++;
      else i++;
    }
    const was = x.slice(i0, i).map((w) => w.text).join(' ');
    if (j > j0) regions.push({ start: y[j0]!.start, end: y[j - 1]!.end, was });
    else regions.push({ start: y[Math.max(0, j0 - 1)]!.start, end: y[Math.min(m - 1, j0)]!.end, was });
  }
  return regions;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;
const describe = (i: ProofIssue): string => `${i.code} "${i.text}"${i.suggestion ? ` → "${i.suggestion}"` : ''}`;
const context = (text: string, s: { start: number; end: number }): string =>
  `${text.slice(Math.max(0, s.start - 25), s.start)}[${text.slice(s.start, s.end)}]${text.slice(s.end, s.end + 25)}`.replace(/\s+/g, ' ');

let totalRegions = 0;
let totalFound = 0;
let totalStrongFlags = 0;
let totalOtherFlags = 0;
let totalOutside = 0;
const byCode = new Map<string, number>();
console.log('| case | regions | found | recall | strong flags | other good letters flags | flags outside regions |\n|---|---:|---:|---:|---:|---:|---:|');
const details: string[] = [];
for (const c of cases) {
  const strong = c.letters.find((l) => l.level === 'strong')!.text;
  const errors = c.letters.find((l) => l.level === 'language-errors')!.text;
  const regions = diffRegions(strong, errors);
  const issues = await check(errors);
  const strongIssues = await check(strong);
  let otherFlags = 0;
  for (const level of ['no-purpose', 'facts-changed', 'copied-notes']) {
    const letter = c.letters.find((l) => l.level === level);
    if (!letter) continue;
    const flags = await check(letter.text);
    otherFlags += flags.length;
    for (const f of flags) details.push(`  [${c.caseId} ${level}] FALSE ALARM ${describe(f)}: ${context(letter.text, f)}`);
  }
  const found = regions.filter((r) => issues.some((i) => overlaps(i, r)));
  const outside = issues.filter((i) => !regions.some((r) => overlaps(i, r)));
  for (const i of issues) if (regions.some((r) => overlaps(i, r))) byCode.set(i.code, (byCode.get(i.code) ?? 0) + 1);
  totalRegions += regions.length;
  totalFound += found.length;
  totalStrongFlags += strongIssues.length;
  totalOtherFlags += otherFlags;
  totalOutside += outside.length;
  console.log(`| ${c.caseId} | ${regions.length} | ${found.length} | ${((100 * found.length) / regions.length).toFixed(0)}% | ${strongIssues.length} | ${otherFlags} | ${outside.length} |`);
  for (const f of strongIssues) details.push(`  [${c.caseId} strong] FALSE ALARM ${describe(f)}: ${context(strong, f)}`);
  for (const f of outside) details.push(`  [${c.caseId} language-errors] outside regions ${describe(f)}: ${context(errors, f)}`);
  if (verbose) {
    for (const r of regions) {
      const hit = issues.find((i) => overlaps(i, r));
      details.push(`  [${c.caseId}] ${hit ? 'found ' : 'MISSED'} ${context(errors, r)}   (strong: "${r.was}")${hit ? `  ← ${describe(hit)}` : ''}`);
    }
  }
}
console.log(`| **all** | ${totalRegions} | ${totalFound} | ${((100 * totalFound) / totalRegions).toFixed(1)}% | ${totalStrongFlags} | ${totalOtherFlags} | ${totalOutside} |\n`);
console.log(`regions found by rule: ${[...byCode].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ')}`);
if (details.length) console.log(details.join('\n'));

// Clinical notes written by clinicians: new flags here are false alarms on fluent clinical English.
const notes = [...(await readPhiNotes('dev')), ...(await readPhiNotes('test'))];
let noteFlags = 0;
let noteWords = 0;
const noteCodes = new Map<string, number>();
const noteDetails: string[] = [];
for (const note of notes) {
  const result = await proofread(note.text, { medicalWords });
  noteFlags += result.issues.length;
  noteWords += result.words;
  for (const i of result.issues) {
    noteCodes.set(i.code, (noteCodes.get(i.code) ?? 0) + 1);
    if (!i.code.startsWith('SPELLING') && !i.code.startsWith('PUNCTUATION')) noteDetails.push(`  [${note.id}] ${describe(i)}: ${context(note.text, i)}`);
  }
}
console.log(`\nphi notes: ${notes.length} notes, ${noteWords} words, ${noteFlags} flags (${[...noteCodes].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ')})`);
if (noteDetails.length) console.log(`grammar flags on the notes:\n${noteDetails.join('\n')}`);

// Speed: the language-errors letters (~250 words each), checked repeatedly once the dictionaries are loaded.
const letters = cases.map((c) => c.letters.find((l) => l.level === 'language-errors')!.text);
const times: number[] = [];
for (let k = 0; k < 40; k++) {
  for (const text of letters) {
    const t = performance.now();
    await proofread(text, { medicalWords });
    times.push(performance.now() - t);
  }
}
times.sort((a, b) => a - b);
console.log(`\nspeed, ~250-word letter: p50 ${times[Math.floor(times.length / 2)]!.toFixed(2)} ms, p95 ${times[Math.floor(times.length * 0.95)]!.toFixed(2)} ms`);
