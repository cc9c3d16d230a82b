/**
 * Accuracy of the knowledge module on our own labelled sets (eval/data, written independently of the packs):
 * ICD-10-CM top-1/top-5 on condition phrases (lexical, and reranked by the sentence encoder when its files are
 * there), and interaction recall, severity agreement and false alarms on drug pairs.
 *
 *   npm run eval:knowledge            (OET_MODELS_DIR for the encoder; default ../shared/models)
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createInferenceService } from '../src/inference/InferenceService.js';
import type { EmbedTexts } from '../src/knowledge/icd10/Icd10Coder.js';
import { SEVERITY_RANK } from '../src/knowledge/interactions/InteractionChecker.js';
import { loadKnowledgeBase } from '../src/knowledge/loadKnowledgeBase.js';
import { packLocations, projectRoot } from '../src/knowledge/packs/locations.js';
import type { Severity } from '../src/knowledge/packs/packTypes.js';

interface PhraseItem {
  id: string;
  text: string;
  codes: string[];
  accept?: string[];
  style: string;
}

interface PairItem {
  id: string;
  a: string;
  b: string;
  interacts: boolean;
  minSeverity?: Severity;
}

const root = projectRoot();
const modelsDir = path.resolve(process.env.OET_MODELS_DIR ?? path.join(root, '../shared/models'));

async function json<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(path.join(root, 'eval/data', file), 'utf8')) as T;
}

function pct(n: number, d: number): string {
  return d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`;
}

async function encoder(): Promise<{ embed: EmbedTexts; dispose(): Promise<void> } | undefined> {
  const inference = createInferenceService({
    modelsDirs: [modelsDir],
    manifestPath: path.join(root, 'models/manifest.json'),
    config: { memoryBudgetBytes: undefined, threads: 1, parallelSequences: 1, maxQueue: 64, requestTimeoutMs: 60_000, keepAliveMs: 0, gpu: 'cpu', streamIntervalMs: 50 },
  });
  await inference.refresh();
  if (!inference.listModels().some((m) => m.id === 'all-minilm-l6-v2-int8')) {
    await inference.dispose();
    return undefined;
  }
  return {
    embed: async (texts, signal) => (await inference.embed({ model: 'embedder', texts }, { signal })).map((v) => Float32Array.from(v)),
    dispose: () => inference.dispose(),
  };
}

async function main(): Promise<void> {
  const enc = await encoder();
  const knowledge = await loadKnowledgeBase({ locations: packLocations({ dataDir: path.join(root, '../shared/data'), packsDir: path.join(root, 'data/packs') }), optIn: [], embed: enc?.embed });
  const phrases = (await json<{ items: PhraseItem[] }>('icd10-phrases.json')).items;
  const modes: { name: string; rerank: boolean }[] = [{ name: 'lexical', rerank: false }, ...(enc ? [{ name: 'lexical + MiniLM rerank', rerank: true }] : [])];
  console.log(`ICD-10-CM coding: ${phrases.length} phrases (eval/data/icd10-phrases.json)\n`);
  const styles = [...new Set(phrases.map((p) => p.style))].sort();
  const rows: string[][] = [['mode', 'top-1', 'top-5', ...styles.map((s) => `${s} top-1`)]];
  const misses: string[] = [];
  for (const mode of modes) {
    let top1 = 0;
    let top5 = 0;
    const byStyle = new Map(styles.map((s) => [s, { n: 0, ok: 0 }]));
    for (const item of phrases) {
      const good = new Set([...item.codes, ...(item.accept ?? [])]);
      const suggestions = await knowledge.suggestIcd10Codes(item.text, { limit: 5, rerank: mode.rerank });
      const first = suggestions[0] !== undefined && good.has(suggestions[0].code);
      if (first) top1++;
      else if (mode === modes[0]) misses.push(`  ${item.style.padEnd(12)} "${item.text}" → ${suggestions[0]?.code ?? 'none'} (want ${item.codes.join('/')})`);
      if (suggestions.some((s) => good.has(s.code))) top5++;
      const s = byStyle.get(item.style)!;
      s.n++;
      if (first) s.ok++;
    }
    rows.push([mode.name, pct(top1, phrases.length), pct(top5, phrases.length), ...styles.map((st) => pct(byStyle.get(st)!.ok, byStyle.get(st)!.n))]);
  }
  printTable(rows);
  if (process.argv.includes('--misses')) console.log(`\nlexical top-1 misses:\n${misses.join('\n')}`);

  const pairs = (await json<{ pairs: PairItem[] }>('interaction-pairs.json')).pairs;
  let flagged = 0;
  let severityOk = 0;
  let falseAlarms = 0;
  const positives = pairs.filter((p) => p.interacts);
  const negatives = pairs.filter((p) => !p.interacts);
  const unrecognised = new Set<string>();
  const missed: string[] = [];
  for (const pair of pairs) {
    const check = knowledge.checkDrugInteractions([pair.a, pair.b]);
    check.unrecognized.forEach((u) => unrecognised.add(u));
    const found = check.interactions[0];
    if (pair.interacts) {
      if (found) {
        flagged++;
        if (SEVERITY_RANK[found.severity] >= SEVERITY_RANK[pair.minSeverity ?? 'MINOR']) severityOk++;
      } else missed.push(`  ${pair.a} + ${pair.b} (${pair.minSeverity})`);
    } else if (found) {
      falseAlarms++;
      missed.push(`  false alarm: ${pair.a} + ${pair.b} → ${found.severity} ${found.ruleId}`);
    }
  }
  console.log(`\nDrug interactions: ${pairs.length} pairs (eval/data/interaction-pairs.json), open packs only\n`);
  printTable([
    ['interacting pairs', 'recall', 'severity ≥ expected', 'safe pairs', 'false alarms', 'unrecognised names'],
    [String(positives.length), pct(flagged, positives.length), pct(severityOk, positives.length), String(negatives.length), String(falseAlarms), String(unrecognised.size)],
  ]);
  if (process.argv.includes('--misses')) console.log(`\n${missed.join('\n')}${unrecognised.size ? `\n  unrecognised: ${[...unrecognised].join(', ')}` : ''}`);
  await enc?.dispose();
}

function printTable(rows: string[][]): void {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const row of rows) console.log(`| ${row.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ')} |`);
}

await main();
