/**
 * Entity recognition on the BC5CDR and NCBI-disease devel splits (../shared/data/biomed_ner), exact span and
 * category: Chemical counts as MEDICATION, Disease as CONDITION or SYMPTOM. The engine is given each sentence's
 * tokens joined by single spaces, one sentence a line. Printed for the dictionary recogniser alone, the trained
 * one alone (when models/clinical-ner is there) and both merged.
 *
 *   npm run eval:ner        (OET_DATA_DIR for the corpora, default ../shared/data)
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ClinicalAnalyzer } from '../src/clinical/ClinicalAnalyzer.js';
import { createInferenceService } from '../src/inference/InferenceService.js';
import { loadKnowledgeBase } from '../src/knowledge/loadKnowledgeBase.js';
import { packLocations, projectRoot } from '../src/knowledge/packs/locations.js';

const root = projectRoot();
const dataDir = path.resolve(process.env.OET_DATA_DIR ?? path.join(root, '../shared/data'));
const LINES_PER_CALL = 100;

interface Gold {
  text: string;
  spans: { start: number; end: number; type: 'Chemical' | 'Disease' }[];
}

async function readSplit(file: string): Promise<Gold[]> {
  const sentences: Gold[] = [];
  let tokens: [string, string][] = [];
  const flush = () => {
    if (tokens.length === 0) return;
    let text = '';
    const spans: Gold['spans'] = [];
    let open: Gold['spans'][number] | undefined;
    for (const [token, tag] of tokens) {
      const start = text.length === 0 ? 0 : text.length + 1;
      text = text.length === 0 ? token : `${text} ${token}`;
      const [prefix, type] = tag.split('-') as [string, 'Chemical' | 'Disease' | undefined];
      if (prefix === 'B' || (prefix === 'I' && (!open || open.type !== type))) {
        open = { start, end: start + token.length, type: type! };
        spans.push(open);
      } else if (prefix === 'I' && open) open.end = start + token.length;
      else open = undefined;
    }
    sentences.push({ text, spans });
    tokens = [];
  };
  for (const line of (await readFile(file, 'utf8')).split('\n')) {
    if (line.trim() === '') flush();
    else tokens.push(line.split('\t') as [string, string]);
  }
  flush();
  return sentences;
}

type Mode = 'dictionary' | 'model' | 'merged';

async function score(analyzer: ClinicalAnalyzer, gold: Gold[], mode: Mode, types: ('Chemical' | 'Disease')[]): Promise<Record<string, { tp: number; fp: number; fn: number }>> {
  const counts = Object.fromEntries([...types, 'all'].map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  for (let i = 0; i < gold.length; i += LINES_PER_CALL) {
    const batch = gold.slice(i, i + LINES_PER_CALL);
    const text = batch.map((g) => g.text).join('\n');
    const analysis = await analyzer.analyze(text, { useModel: mode !== 'dictionary', modelOnly: mode === 'model', code: false });
    const predicted = new Set<string>();
    for (const e of analysis.entities) {
      const type = e.category === 'MEDICATION' ? 'Chemical' : e.category === 'CONDITION' || e.category === 'SYMPTOM' ? 'Disease' : undefined;
      if (type && types.includes(type)) predicted.add(`${e.start}:${e.end}:${type}`);
    }
    const expected = new Set<string>();
    let offset = 0;
    for (const g of batch) {
      for (const s of g.spans) if (types.includes(s.type)) expected.add(`${offset + s.start}:${offset + s.end}:${s.type}`);
      offset += g.text.length + 1;
    }
    for (const key of predicted) {
      const type = key.split(':')[2]!;
      const hit = expected.has(key);
      counts[type]![hit ? 'tp' : 'fp']++;
      counts.all![hit ? 'tp' : 'fp']++;
    }
    for (const key of expected) {
      if (predicted.has(key)) continue;
      counts[key.split(':')[2]!]!.fn++;
      counts.all!.fn++;
    }
  }
  return counts;
}

const prf = ({ tp, fp, fn }: { tp: number; fp: number; fn: number }) => {
  const p = tp / (tp + fp || 1);
  const r = tp / (tp + fn || 1);
  return [p, r, (2 * p * r) / (p + r || 1)].map((v) => (100 * v).toFixed(1));
};

async function main(): Promise<void> {
  const inference = createInferenceService({
    modelsDirs: [path.join(root, 'models'), path.resolve(process.env.OET_MODELS_DIR ?? path.join(root, '../shared/models'))],
    manifestPath: path.join(root, 'models/manifest.json'),
    config: { memoryBudgetBytes: undefined, threads: 2, parallelSequences: 1, maxQueue: 64, requestTimeoutMs: 600_000, keepAliveMs: 0, gpu: 'cpu', streamIntervalMs: 50 },
  });
  await inference.refresh();
  const hasModel = inference.listModels().some((m) => m.id === 'clinical-ner');
  const knowledge = await loadKnowledgeBase({ locations: packLocations({ dataDir, packsDir: path.join(root, 'data/packs') }), optIn: [] });
  const analyzer = new ClinicalAnalyzer(knowledge, { classifyTokens: hasModel ? (texts, signal) => inference.classifyTokens({ model: 'clinical-ner', texts }, { signal }) : undefined });
  const modes: Mode[] = !hasModel ? ['dictionary'] : process.argv.includes('--merged-only') ? ['merged'] : ['dictionary', 'model', 'merged'];
  console.log(`Entity recognition, devel splits, exact span and category${hasModel ? '' : ' (models/clinical-ner not found: dictionary only)'}\n`);
  console.log('| corpus | entities | recogniser | precision | recall | F1 |');
  console.log('|---|---|---|---:|---:|---:|');
  for (const [corpus, file, types] of [
    ['BC5CDR', 'biomed_ner/BC5CDR-IOB/devel.tsv', ['Chemical', 'Disease']],
    ['NCBI-disease', 'biomed_ner/NCBI-disease-IOB/devel.tsv', ['Disease']],
  ] as const) {
    const gold = await readSplit(path.join(dataDir, file));
    for (const mode of modes) {
      const counts = await score(analyzer, gold, mode, [...types]);
      for (const type of types.length > 1 ? [...types, 'all'] : ['all']) {
        const [p, r, f] = prf(counts[type]!);
        console.log(`| ${corpus} | ${type === 'all' ? (types.length > 1 ? 'both' : types[0]) : type} | ${mode} | ${p} | ${r} | ${f} |`);
      }
    }
  }
  await inference.dispose();
}

await main();
