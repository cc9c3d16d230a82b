/**
 * Does the engine order letters and role-plays as an assessor would? The labelled sets in eval/data/oet-writing
 * and eval/data/oet-speaking (written for this project; see their READMEs) hold, per case, a strong response and
 * variants each weakened in one way. For each variant, the criteria it is meant to lower must score strictly below
 * the strong response's; this prints how often that holds, per criterion, and the mean score per level.
 *
 *   npm run eval:evaluation [-- --split dev|test] [--set writing|speaking] [--misses]
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CriterionResult, TranscriptTurn } from '../src/evaluation/types.js';
import { projectRoot } from '../src/knowledge/packs/locations.js';
import { evaluationProviderForScripts } from './support/evaluationProvider.js';

const args = process.argv.slice(2);
const split = args.includes('--split') ? args[args.indexOf('--split') + 1]! : 'test';
const only = args.includes('--set') ? args[args.indexOf('--set') + 1] : undefined;
const showMisses = args.includes('--misses');

/** Which criteria each weakened level should lower (the sets' READMEs state the same). */
const WRITING_TARGETS: Record<string, string[]> = {
  'no-purpose': ['Purpose'],
  casual: ['Genre & Style'],
  'copied-notes': ['Conciseness & Clarity', 'Organisation & Layout'],
  'language-errors': ['Language'],
  'facts-changed': ['Content'],
  'wrong-reader': ['Genre & Style'],
};
const SPEAKING_TARGETS: Record<string, string[]> = {
  'poor-communication': ['Relationship-building', "Understanding & incorporating the patient's perspective", 'Providing structure', 'Information-gathering', 'Information-giving'],
  jargon: ['Appropriateness of Language'],
  disfluent: ['Fluency'],
  'grammar-errors': ['Resources of Grammar and Expression'],
  'low-intelligibility': ['Intelligibility'],
};

async function jsonl<T>(file: string): Promise<T[]> {
  const text = await readFile(path.join(projectRoot(), 'eval/data', file), 'utf8');
  return text.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
}

interface Scored {
  group: string;
  level: string;
  criteria: CriterionResult[];
  estimatedScore: number;
}

function report(title: string, scored: Scored[], targets: Record<string, string[]>): void {
  const byGroup = new Map<string, Map<string, Scored>>();
  for (const s of scored) (byGroup.get(s.group) ?? byGroup.set(s.group, new Map()).get(s.group)!).set(s.level, s);
  const held = new Map<string, { held: number; total: number }>();
  const collateral = { held: 0, total: 0 };
  const misses: string[] = [];
  for (const [group, levels] of byGroup) {
    const strong = levels.get('strong');
    if (!strong) continue;
    for (const [level, s] of levels) {
      if (level === 'strong') continue;
      for (const c of s.criteria) {
        const reference = strong.criteria.find((x) => x.name === c.name)!;
        if ((targets[level] ?? []).includes(c.name)) {
          const h = held.get(c.name) ?? { held: 0, total: 0 };
          h.total++;
          if (c.score < reference.score) h.held++;
          else misses.push(`${group} ${level}: ${c.name} ${c.score} vs strong ${reference.score}`);
          held.set(c.name, h);
        } else {
          collateral.total++;
          if (c.score <= reference.score) collateral.held++;
        }
      }
      // The overall estimate should rank every weakened response below the strong one.
      const h = held.get('(estimated score)') ?? { held: 0, total: 0 };
      h.total++;
      if (s.estimatedScore < strong.estimatedScore) h.held++;
      held.set('(estimated score)', h);
    }
  }
  console.log(`\n${title} (${split}): orderings an assessor would give that hold (variant < strong on its target criteria)`);
  console.log('| criterion | held | share |\n|---|---:|---:|');
  let all = 0;
  let total = 0;
  for (const [name, h] of held) {
    console.log(`| ${name} | ${h.held}/${h.total} | ${(h.held / h.total).toFixed(2)} |`);
    if (name !== '(estimated score)') {
      all += h.held;
      total += h.total;
    }
  }
  console.log(`| all target criteria | ${all}/${total} | ${(all / total).toFixed(2)} |`);
  console.log(`Non-target criteria where the variant does not beat strong: ${collateral.held}/${collateral.total} (${(collateral.held / collateral.total).toFixed(2)})`);
  const levels = [...new Set(scored.map((s) => s.level))];
  const names = scored[0]!.criteria.map((c) => c.name);
  console.log(`\nMean score per level\n| level | ${names.join(' | ')} | estimate |\n|---|${names.map(() => '---:').join('|')}|---:|`);
  for (const level of levels) {
    const rows = scored.filter((s) => s.level === level);
    const mean = (xs: number[]) => (xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(1);
    console.log(`| ${level} | ${names.map((n) => mean(rows.map((r) => r.criteria.find((c) => c.name === n)!.score))).join(' | ')} | ${mean(rows.map((r) => r.estimatedScore))} |`);
  }
  if (showMisses) for (const m of misses) console.log(`  miss: ${m}`);
}

const { provider, embedder } = await evaluationProviderForScripts();
console.log(`Language model head: ${embedder ? 'features+embedding' : 'features only (encoder not found)'}`);

if (!only || only === 'writing') {
  const cases = await jsonl<{ caseId: string; profession: string; letterType: string; reader: string; task: string; caseNotes: string; letters: { level: string; text: string }[] }>(`oet-writing/${split}.jsonl`);
  const scored: Scored[] = [];
  for (const c of cases) {
    for (const l of c.letters) {
      const r = await provider.evaluateWriting({ letter: l.text, caseNotes: c.caseNotes, letterType: c.letterType, reader: c.reader, profession: c.profession as 'MEDICINE', task: c.task });
      scored.push({ group: c.caseId, level: l.level, criteria: r.criteria, estimatedScore: r.estimatedScore });
    }
  }
  report(`Writing: ${cases.length} cases, ${scored.length} letters`, scored, WRITING_TARGETS);
}

if (!only || only === 'speaking') {
  const items = await jsonl<{ scenarioId: string; profession: string; level: string; transcript: TranscriptTurn[] }>(`oet-speaking/${split}.jsonl`);
  const scored: Scored[] = [];
  for (const item of items) {
    const r = await provider.evaluateSpeaking({ transcript: item.transcript, profession: item.profession as 'MEDICINE' });
    scored.push({ group: item.scenarioId, level: item.level, criteria: r.criteria, estimatedScore: r.estimatedScore });
  }
  report(`Speaking: ${new Set(items.map((i) => i.scenarioId)).size} scenarios, ${items.length} role-plays`, scored, SPEAKING_TARGETS);
}
