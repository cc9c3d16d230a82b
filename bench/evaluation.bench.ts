/**
 * OET evaluation speed without an LLM: letters per second and p50/p99 of evaluateWriting over the 56 labelled
 * letters (eval/data/oet-writing, both splits) and of evaluateSpeaking on the 30 labelled 4–5-minute role-plays, as
 * the API runs them (the language model's features-only head); assessLanguage on the letters with and without the
 * MiniLM encoder (its features+embedding head). In the same run,
 * the two parts a letter cannot skip — the clinical analysis of notes and letter, and the proofreader — as the
 * baseline the evaluation's own work is compared with.
 *
 *   npm run bench:evaluation
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ClinicalProvider } from '../src/clinical/ClinicalProvider.js';
import { medicalWordsFromKnowledge, proofread } from '../src/evaluation/proofreading/index.js';
import type { TranscriptTurn } from '../src/evaluation/types.js';
import { letterParts } from '../src/evaluation/writing/letterParts.js';
import { KnowledgeProvider } from '../src/knowledge/KnowledgeProvider.js';
import { loadShippedKnowledge } from '../src/knowledge/loadShippedKnowledge.js';
import { projectRoot } from '../src/knowledge/packs/locations.js';
import { evaluationProviderForScripts } from '../eval/support/evaluationProvider.js';
import { percentile, timeItems as time } from './support/timing.js';

const jsonl = <T>(file: string): T[] => readFileSync(path.join(projectRoot(), 'eval/data', file), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as T);
type Case = { caseNotes: string; letterType: string; reader: string; profession: 'MEDICINE'; task: string; letters: { text: string }[] };
const cases = [...jsonl<Case>('oet-writing/dev.jsonl'), ...jsonl<Case>('oet-writing/test.jsonl')];
const letters = cases.flatMap((c) => c.letters.map((l) => ({ c, letter: l.text })));
const roleplays = [...jsonl<{ profession: 'NURSING'; transcript: TranscriptTurn[] }>('oet-speaking/dev.jsonl'), ...jsonl<{ profession: 'NURSING'; transcript: TranscriptTurn[] }>('oet-speaking/test.jsonl')];

const rows: [string, number[]][] = [];
const knowledge = new KnowledgeProvider(() => loadShippedKnowledge());
const clinical = new ClinicalProvider(knowledge);
const analyzer = await clinical.get();
const words = medicalWordsFromKnowledge(await knowledge.get());
rows.push(['baseline: clinical analysis of notes + letter body', await time(letters, ({ c, letter }) => Promise.all([analyzer.analyze(c.caseNotes, { useModel: false }), analyzer.analyze(letterParts(letter).body.text, { useModel: false })]))]);
rows.push(['baseline: proofread the letter body', await time(letters, ({ letter }) => proofread(letterParts(letter).body.text, { medicalWords: words }))]);

const plain = (await evaluationProviderForScripts({ embedder: false })).provider;
const writing = ({ c, letter }: (typeof letters)[number]) => plain.evaluateWriting({ letter, caseNotes: c.caseNotes, letterType: c.letterType, reader: c.reader, profession: c.profession, task: c.task });
rows.push(['evaluateWriting (as the API runs it)', await time(letters, writing)]);
const speakingMinutes = roleplays.map((r) => ((r.transcript.at(-1)!.endMs ?? 0) - (r.transcript[0]!.startMs ?? 0)) / 60_000);
rows.push([`evaluateSpeaking, ${Math.min(...speakingMinutes).toFixed(1)}–${Math.max(...speakingMinutes).toFixed(1)}-minute role-plays`, await time(roleplays, (r) => plain.evaluateSpeaking({ transcript: r.transcript, profession: r.profession }))]);
const bodies = letters.map(({ letter }) => letterParts(letter).body.text);
rows.push(['assessLanguage on a letter body, features-only head', await time(bodies, (body) => plain.assessLanguage(body))]);
const encoded = await evaluationProviderForScripts({ embedder: true });
if (encoded.embedder) rows.push(['assessLanguage on a letter body, + MiniLM encoder', await time(bodies, (body) => encoded.provider.assessLanguage(body))]);
else console.log('(MiniLM encoder not found under OET_MODELS_DIR: features-only head only)');

const baseline = percentile(rows[0]![1], 50) + percentile(rows[1]![1], 50);
console.log(`\n${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores (load ${os.loadavg()[0]!.toFixed(1)}), ${letters.length} letters, ${roleplays.length} role-plays\n`);
console.log('| run | per second | p50 ms | p99 ms | p50 ÷ baseline (analysis + proofread) | p50 ÷ 50 ms aim |\n|---|---:|---:|---:|---:|---:|');
for (const [name, times] of rows) {
  const p50 = percentile(times, 50);
  const perSecond = times.length / (times.reduce((a, b) => a + b, 0) / 1000);
  console.log(`| ${name} | ${perSecond.toFixed(1)} | ${p50.toFixed(1)} | ${percentile(times, 99).toFixed(1)} | ${name.startsWith('baseline') ? '–' : (p50 / baseline).toFixed(2)} | ${name.startsWith('baseline') ? '–' : (p50 / 50).toFixed(2)} |`);
}
