/**
 * ConText accuracy on our labelled sentences (eval/data/context-sentences.json, written for this purpose; conventions
 * in eval/data/context-README.md): each item's target is given as the mention, the engine's context rules decide its
 * five flags. medspaCy's figures on the same items come from bench/peers/medspacy_context.py.
 *
 *   npm run eval:context
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { applyContext } from '../src/clinical/context/ConText.js';
import { splitSentences, tokenize } from '../src/clinical/text/tokenize.js';
import { projectRoot } from '../src/knowledge/packs/locations.js';

const LABELS = ['negated', 'uncertain', 'historical', 'family', 'hypothetical'] as const;
type Label = (typeof LABELS)[number];

interface Item extends Record<Label, boolean> {
  id: string;
  text: string;
  start: number;
  end: number;
  group: string;
}

const items = (JSON.parse(await readFile(path.join(projectRoot(), 'eval/data/context-sentences.json'), 'utf8')) as { items: Item[] }).items;
const counts = Object.fromEntries(LABELS.map((l) => [l, { tp: 0, fp: 0, fn: 0, tn: 0 }])) as Record<Label, { tp: number; fp: number; fn: number; tn: number }>;
const byGroup = new Map<string, { n: number; exact: number }>();
const misses: string[] = [];
let exact = 0;
for (const item of items) {
  const sentence = splitSentences(item.text).find((s) => item.start >= s.start && item.end <= s.end) ?? { start: 0, end: item.text.length };
  const [context] = applyContext(tokenize(item.text, sentence.start, sentence.end), [{ start: item.start, end: item.end }]);
  let allRight = true;
  for (const label of LABELS) {
    const predicted = context![label];
    const c = counts[label];
    if (predicted && item[label]) c.tp++;
    else if (predicted) c.fp++;
    else if (item[label]) c.fn++;
    else c.tn++;
    if (predicted !== item[label]) allRight = false;
  }
  if (allRight) exact++;
  else misses.push(`  ${item.id.padEnd(8)} ${item.text.slice(0, 90)} [${LABELS.filter((l) => context![l]).join(',') || 'none'} vs ${LABELS.filter((l) => item[l]).join(',') || 'none'}]`);
  const g = byGroup.get(item.group) ?? { n: 0, exact: 0 };
  g.n++;
  if (allRight) g.exact++;
  byGroup.set(item.group, g);
}
const pct = (n: number, d: number) => (d === 0 ? '-' : ((100 * n) / d).toFixed(1));
console.log(`ConText on ${items.length} sentences (eval/data/context-sentences.json)\n`);
console.log('| label | support | accuracy | precision | recall | F1 |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const label of LABELS) {
  const { tp, fp, fn, tn } = counts[label];
  const precision = tp / (tp + fp || 1);
  const recall = tp / (tp + fn || 1);
  console.log(`| ${label} | ${tp + fn} | ${pct(tp + tn, items.length)} | ${pct(tp, tp + fp)} | ${pct(tp, tp + fn)} | ${(200 * precision * recall / (precision + recall || 1)).toFixed(1)} |`);
}
console.log(`\nall five labels right: ${pct(exact, items.length)}%  (${[...byGroup].map(([g, v]) => `${g} ${pct(v.exact, v.n)}%`).join(', ')})`);
if (process.argv.includes('--misses')) console.log(`\n${misses.join('\n')}`);
