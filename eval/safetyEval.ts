/**
 * Content filter, inclusive-language and hallucination checks on the hand-written sets in eval/data
 * (content-safety, bias-language, hallucination-pairs; each has a README with its conventions). Written for this
 * project; `--split dev` while developing, `test` (default) for the figures in the README.
 *
 *   npm run eval:safety [-- --split dev|test] [--set content|bias|hallucination] [--misses]
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ClinicalAnalyzer } from '../src/clinical/ClinicalAnalyzer.js';
import { splitSentences } from '../src/clinical/text/tokenize.js';
import { projectRoot } from '../src/knowledge/packs/locations.js';
import { loadShippedKnowledge } from '../src/knowledge/loadShippedKnowledge.js';
import { retext } from 'retext';
import retextEnglish from 'retext-english';
import retextEquality from 'retext-equality';
import { checkBias } from '../src/safety/bias/checkBias.js';
import { BIAS_TYPES } from '../src/safety/bias/biasTerms.js';
import { CONTENT_CATEGORIES } from '../src/safety/content/contentRules.js';
import { filterContent } from '../src/safety/content/filterContent.js';
import { loadContentHead, passages } from '../src/safety/content/contentHead.js';
import { loadOnnxModel } from '../src/inference/onnx/loadOnnxModel.js';
import { detectUnsupported } from '../src/safety/grounding/detectUnsupported.js';

const args = process.argv.slice(2);
const split = args.includes('--split') ? args[args.indexOf('--split') + 1]! : 'test';
const only = args.includes('--set') ? args[args.indexOf('--set') + 1] : undefined;
const showMisses = args.includes('--misses');

async function read<T>(set: string): Promise<T[]> {
  const text = await readFile(path.join(projectRoot(), `eval/data/${set}.${split}.jsonl`), 'utf8');
  return text.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
}
const f3 = (n: number, d: number) => (d === 0 ? '    -' : (n / d).toFixed(3));
const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

if (!only || only === 'content') {
  const items = await read<{ id: string; text: string; labels: string[]; hard_negative: boolean }>('content-safety');
  const head = loadContentHead();
  const embedderDir = path.join(process.env.OET_MODELS_DIR ?? path.join(projectRoot(), '../shared/models'), 'all-minilm-l6-v2-int8');
  const embedder = head && existsSync(embedderDir) ? await loadOnnxModel({ id: 'embedder', path: embedderDir, task: 'feature-extraction' }) : null;
  const runs: [string, (text: string) => Promise<Set<string>>][] = [['rules', async (text) => new Set(filterContent(text, splitSentences(text)).map((f) => f.category as string))]];
  if (head && embedder) {
    runs.push(['rules + trained head', async (text) => {
      const sentences = splitSentences(text);
      const found = new Set(filterContent(text, sentences).map((f) => f.category as string));
      const parts = passages(sentences);
      const vectors = await embedder.embed(parts.map((p) => text.slice(p.start, p.end)));
      for (const v of vectors) head.score(v).forEach((p, k) => { if (p >= head.thresholds[k]!) found.add(head.labels[k]!); });
      return found;
    }]);
  } else console.log('\n(content head or the all-MiniLM-L6-v2 embedder not found: rules only)');
  for (const [label, predict] of runs) {
    const counts = new Map(CONTENT_CATEGORIES.map((c) => [c as string, { tp: 0, fp: 0, fn: 0 }]));
    let negatives = 0;
    let negativesFlagged = 0;
    const misses: string[] = [];
    for (const item of items) {
      const predicted = await predict(item.text);
      for (const [category, c] of counts) {
        const gold = item.labels.includes(category);
        if (gold && predicted.has(category)) c.tp++;
        else if (predicted.has(category)) { c.fp++; misses.push(`  FP ${item.id} ${category}: ${item.text.slice(0, 110)}`); }
        else if (gold) { c.fn++; misses.push(`  FN ${item.id} ${category}: ${item.text.slice(0, 110)}`); }
      }
      if (item.labels.length === 0) { negatives++; if (predicted.size > 0) negativesFlagged++; }
    }
    console.log(`\nContent filter (${label}) on ${items.length} items (content-safety.${split}), ${negatives} hard negatives\n`);
    console.log('| category | support | precision | recall |');
    console.log('|---|---:|---:|---:|');
    let tp = 0, fp = 0, fn = 0;
    for (const [category, c] of counts) { console.log(`| ${category} | ${c.tp + c.fn} | ${f3(c.tp, c.tp + c.fp)} | ${f3(c.tp, c.tp + c.fn)} |`); tp += c.tp; fp += c.fp; fn += c.fn; }
    console.log(`| **micro** | ${tp + fn} | ${f3(tp, tp + fp)} | ${f3(tp, tp + fn)} |`);
    console.log(`\nhard negatives wrongly flagged: ${negativesFlagged}/${negatives} (${f3(negativesFlagged, negatives)})`);
    if (showMisses) console.log(misses.join('\n'));
  }
  await embedder?.dispose();
}

if (!only || only === 'bias') {
  const items = await read<{ id: string; text: string; findings: { phrase: string; type: string; start: number; end: number }[] }>('bias-language');
  const perType = new Map(BIAS_TYPES.map((t) => [t as string, { gold: 0, hit: 0, typed: 0, pred: 0, predHit: 0 }]));
  let negatives = 0;
  let negativesFlagged = 0;
  const misses: string[] = [];
  for (const item of items) {
    const predicted = await checkBias(item.text, splitSentences(item.text));
    for (const g of item.findings) {
      const c = perType.get(g.type)!;
      c.gold++;
      const hit = predicted.find((p) => overlap(p, g));
      if (hit) { c.hit++; if (hit.type === g.type) c.typed++; } else misses.push(`  FN ${item.id} ${g.type} "${g.phrase}": ${item.text.slice(0, 100)}`);
    }
    for (const p of predicted) {
      const c = perType.get(p.type)!;
      c.pred++;
      if (item.findings.some((g) => overlap(p, g))) c.predHit++;
      else misses.push(`  FP ${item.id} ${p.type} "${p.text}" (${p.source}): ${item.text.slice(0, 100)}`);
    }
    if (item.findings.length === 0) { negatives++; if (predicted.length > 0) negativesFlagged++; }
  }
  console.log(`\nInclusive language on ${items.length} sentences (bias-language.${split}), ${negatives} clinical negatives\n`);
  console.log('| type | gold | predicted | precision | recall | type acc |');
  console.log('|---|---:|---:|---:|---:|---:|');
  const all = { gold: 0, hit: 0, typed: 0, pred: 0, predHit: 0 };
  for (const [type, c] of perType) {
    console.log(`| ${type} | ${c.gold} | ${c.pred} | ${f3(c.predHit, c.pred)} | ${f3(c.hit, c.gold)} | ${f3(c.typed, c.hit)} |`);
    for (const k of Object.keys(all) as (keyof typeof all)[]) all[k] += c[k];
  }
  console.log(`| **all** | ${all.gold} | ${all.pred} | ${f3(all.predHit, all.pred)} | ${f3(all.hit, all.gold)} | ${f3(all.typed, all.hit)} |`);
  console.log(`\nclinical negatives wrongly flagged: ${negativesFlagged}/${negatives} (${f3(negativesFlagged, negatives)})`);
  if (showMisses) console.log(misses.join('\n'));

  // The peer: retext-equality as alex runs it (no allow-list, no healthcare list), on the same sentences.
  const plain = retext().use(retextEnglish).use(retextEquality);
  let goldAll = 0, hitAll = 0, predAll = 0, predHitAll = 0, negFlagged = 0;
  for (const item of items) {
    const file = await plain.process(item.text);
    const predicted = file.messages.flatMap((m) => (m.place && 'start' in m.place ? [{ start: m.place.start.offset ?? 0, end: m.place.end.offset ?? 0 }] : []));
    goldAll += item.findings.length;
    hitAll += item.findings.filter((g) => predicted.some((p) => overlap(p, g))).length;
    predAll += predicted.length;
    predHitAll += predicted.filter((p) => item.findings.some((g) => overlap(p, g))).length;
    if (item.findings.length === 0 && predicted.length > 0) negFlagged++;
  }
  console.log(`\nretext-equality 7.1.0 alone (alex's engine, no allow-list): precision ${f3(predHitAll, predAll)}, recall ${f3(hitAll, goldAll)}, clinical negatives wrongly flagged ${negFlagged}/${negatives} (${f3(negFlagged, negatives)})`);
}

if (!only || only === 'hallucination') {
  const items = await read<{ id: string; source: string; output: string; unsupported: { phrase: string; type: string; start: number; end: number }[] }>('hallucination-pairs');
  // The shipped packs only, as a fresh clone has them.
  const knowledge = await loadShippedKnowledge();
  const analyzer = new ClinicalAnalyzer(knowledge);
  const types = ['DRUG', 'DOSE', 'NUMBER', 'DATE', 'NAME', 'CONDITION', 'NEGATION_FLIP'];
  const perType = new Map(types.map((t) => [t, { gold: 0, hit: 0, typed: 0, pred: 0, predHit: 0 }]));
  let faithful = 0;
  let faithfulFlagged = 0;
  let hallucinated = 0;
  let caught = 0;
  const misses: string[] = [];
  const started = performance.now();
  for (const item of items) {
    const [sourceAnalysis, outputAnalysis] = await Promise.all([analyzer.analyze(item.source, { useModel: false }), analyzer.analyze(item.output, { useModel: false })]);
    const predicted = detectUnsupported({ source: item.source, output: item.output, sourceAnalysis, outputAnalysis });
    for (const g of item.unsupported) {
      const c = perType.get(g.type)!;
      c.gold++;
      const hit = predicted.find((p) => overlap(p, g));
      if (hit) { c.hit++; if (hit.type === g.type) c.typed++; } else misses.push(`  FN ${item.id} ${g.type} "${g.phrase}"`);
    }
    for (const p of predicted) {
      const c = perType.get(p.type)!;
      c.pred++;
      if (item.unsupported.some((g) => overlap(p, g))) c.predHit++;
      else misses.push(`  FP ${item.id} ${p.type} "${p.text}" — ${p.message}`);
    }
    if (item.unsupported.length === 0) { faithful++; if (predicted.length > 0) faithfulFlagged++; }
    else { hallucinated++; if (predicted.some((p) => item.unsupported.some((g) => overlap(p, g)))) caught++; }
  }
  console.log(`\nHallucination detection on ${items.length} pairs (hallucination-pairs.${split}), ${((performance.now() - started) / items.length).toFixed(0)} ms per pair\n`);
  console.log('| type | gold | predicted | precision | recall | type acc |');
  console.log('|---|---:|---:|---:|---:|---:|');
  const all = { gold: 0, hit: 0, typed: 0, pred: 0, predHit: 0 };
  for (const [type, c] of perType) {
    console.log(`| ${type} | ${c.gold} | ${c.pred} | ${f3(c.predHit, c.pred)} | ${f3(c.hit, c.gold)} | ${f3(c.typed, c.hit)} |`);
    for (const k of Object.keys(all) as (keyof typeof all)[]) all[k] += c[k];
  }
  console.log(`| **all** | ${all.gold} | ${all.pred} | ${f3(all.predHit, all.pred)} | ${f3(all.hit, all.gold)} | ${f3(all.typed, all.hit)} |`);
  console.log(`\npairs with a hallucination caught: ${caught}/${hallucinated} (${f3(caught, hallucinated)}); faithful pairs wrongly flagged: ${faithfulFlagged}/${faithful} (${f3(faithfulFlagged, faithful)})`);
  if (showMisses) console.log(misses.join('\n'));
}
