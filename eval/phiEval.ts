/**
 * PHI detection on our synthetic clinical notes (eval/data/phi-notes.{dev,test}.jsonl; conventions in
 * eval/data/phi-notes.README.md). Metrics, the same definitions as bench/peers/presidio_phi.py:
 * - recall: gold spans overlapped by any prediction / gold spans (per gold type);
 * - precision: predictions overlapping any gold span / predictions (per predicted type);
 * - exact: among overlapped gold spans, the share with a prediction of exactly the same start and end;
 * - type accuracy: among overlapped gold spans, the share whose most-overlapping prediction has the gold type;
 * - wrong-word rate: words inside predictions that lie outside every gold span / words inside predictions.
 *
 *   npm run eval:phi [-- --split dev|test|both] [--no-model] [--misses]
 */
import { loadShippedKnowledge } from '../src/knowledge/loadShippedKnowledge.js';
import { clinicalWordChecker } from '../src/safety/phi/clinicalWordChecker.js';
import { detectPhi } from '../src/safety/phi/detectPhi.js';
import { PHI_TYPES, type PhiSpan } from '../src/safety/phi/phiTypes.js';
import { readPhiNotes, type PhiNote } from './phiNotes.js';
import { loadPhiModelForEval } from './phiEvalModel.js';

const args = process.argv.slice(2);
const split = args.includes('--split') ? args[args.indexOf('--split') + 1]! : 'test';
const splits = split === 'both' ? (['dev', 'test'] as const) : ([split] as ['dev' | 'test']);
const useModel = !args.includes('--no-model');

interface Counts { gold: number; hit: number; exact: number; typed: number; pred: number; predHit: number }
const empty = (): Counts => ({ gold: 0, hit: 0, exact: 0, typed: 0, pred: 0, predHit: 0 });
const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

const model = useModel ? await loadPhiModelForEval() : null;
// As the product runs it: drug names from the shipped packs are never names without a title.
const knowledge = await loadShippedKnowledge();
const isClinicalWord = clinicalWordChecker(knowledge);
const notes: PhiNote[] = [];
for (const s of splits) notes.push(...(await readPhiNotes(s)));

const perType = new Map<string, Counts>(PHI_TYPES.map((t) => [t, empty()]));
const total = empty();
let words = 0;
let wrongWords = 0;
const misses: string[] = [];
const started = performance.now();
for (const note of notes) {
  const modelSpans = model ? await model.spans(note.text) : undefined;
  const predicted: PhiSpan[] = detectPhi(note.text, { modelSpans, isClinicalWord });
  for (const g of note.gold) {
    const c = perType.get(g.type)!;
    c.gold++; total.gold++;
    const hits = predicted.filter((p) => overlap(p, g) > 0);
    if (hits.length === 0) { misses.push(`  MISS ${note.id} ${g.type} ${JSON.stringify(g.text)}`); continue; }
    c.hit++; total.hit++;
    if (hits.some((p) => p.start === g.start && p.end === g.end)) { c.exact++; total.exact++; }
    else misses.push(`  EDGE ${note.id} ${g.type} ${JSON.stringify(g.text)} got ${hits.map((h) => JSON.stringify(h.text)).join(' ')}`);
    // The same tie-break as the Presidio script: most shared characters, then length closest to gold, then earliest.
    const closeness = (p: PhiSpan) => [overlap(p, g), -Math.abs(p.end - p.start - (g.end - g.start)), -p.start] as const;
    const best = hits.reduce((a, b) => {
      const [ca, cb] = [closeness(a), closeness(b)];
      return cb[0] > ca[0] || (cb[0] === ca[0] && (cb[1] > ca[1] || (cb[1] === ca[1] && cb[2] > ca[2]))) ? b : a;
    });
    if (best.type === g.type) { c.typed++; total.typed++; }
    else misses.push(`  TYPE ${note.id} ${g.type} ${JSON.stringify(g.text)} as ${best.type}`);
  }
  for (const p of predicted) {
    const c = perType.get(p.type)!;
    c.pred++; total.pred++;
    if (note.gold.some((g) => overlap(p, g) > 0)) { c.predHit++; total.predHit++; }
    else misses.push(`  FP   ${note.id} ${p.type} ${JSON.stringify(p.text)} (${p.source})`);
    for (const w of p.text.matchAll(/\S+/g)) {
      words++;
      const ws = p.start + w.index!;
      if (!note.gold.some((g) => ws >= g.start && ws + w[0].length <= g.end)) wrongWords++;
    }
  }
}
const ms = (performance.now() - started) / notes.length;
const f = (n: number, d: number) => (d === 0 ? '   -' : (n / d).toFixed(3));
console.log(`PHI on ${notes.length} notes (${splits.join('+')}), ${useModel ? 'rules + phi-ner model' : 'rules only'}\n`);
console.log('| type | gold | predicted | precision | recall | exact | type acc |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const [type, c] of perType) {
  if (c.gold === 0 && c.pred === 0) continue;
  console.log(`| ${type} | ${c.gold} | ${c.pred} | ${f(c.predHit, c.pred)} | ${f(c.hit, c.gold)} | ${f(c.exact, c.hit)} | ${f(c.typed, c.hit)} |`);
}
console.log(`| **all** | ${total.gold} | ${total.pred} | ${f(total.predHit, total.pred)} | ${f(total.hit, total.gold)} | ${f(total.exact, total.hit)} | ${f(total.typed, total.hit)} |`);
console.log(`\nwrong-word rate ${f(wrongWords, words)} · ${ms.toFixed(1)} ms per note`);
console.log(JSON.stringify({ notes: notes.length, precision: total.predHit / total.pred, recall: total.hit / total.gold, exact: total.exact / total.hit, typeAccuracy: total.typed / total.hit, wrongWordRate: wrongWords / words, msPerNote: ms }));
if (args.includes('--misses')) console.log(`\n${misses.join('\n')}`);
await model?.close();
