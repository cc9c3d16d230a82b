/**
 * Medical knowledge: pack build times, start-up time and resident memory, and query latency, each beside a
 * baseline measured in the same run (a bare Node process; MiniSearch's BM25 over the same ICD-10-CM titles).
 *   npm run bench:knowledge        (OET_DATA_DIR defaults to ../shared/data)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { buildPack, inDependencyOrder } from '../src/knowledge/packs/buildPacks.js';
import { PACK_CATALOG } from '../src/knowledge/packs/packCatalog.js';
import { packLocations } from '../src/knowledge/packs/locations.js';
import type { CompiledPack } from '../src/knowledge/packs/packTypes.js';
import { loadKnowledgeBase } from '../src/knowledge/loadKnowledgeBase.js';

const dataDir = path.resolve(process.env.OET_DATA_DIR ?? '../shared/data');
const runs = Number(process.env.BENCH_RUNS ?? 3);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
const median = (values: number[]) => percentile(values, 50);
const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 0)} ms`;

async function main(): Promise<void> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'oet-bench-knowledge-'));
  console.log(`# knowledge bench — ${os.cpus()[0]?.model ?? 'cpu'} × ${os.availableParallelism()}, Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(2)}\n`);
  try {
    // 1. packs build, all packs, into temp folders.
    const locations = { ...packLocations({ dataDir, packsDir: path.join(tmp, 'user') }), shippedDir: path.join(tmp, 'shipped') };
    const built = new Map<string, CompiledPack>();
    const times: string[] = [];
    const t0 = performance.now();
    for (const definition of inDependencyOrder(PACK_CATALOG.map((d) => d.id))) {
      const t = performance.now();
      await buildPack(definition, locations, { built });
      times.push(`${definition.id} ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    console.log(`## packs build (all ${built.size} packs): ${((performance.now() - t0) / 1000).toFixed(1)} s\n${times.join(' · ')}\n`);

    // 2. start-up and memory, each in a fresh process (median of `runs`).
    const child = (args: string[]) => JSON.parse(execFileSync(process.execPath, ['--expose-gc', 'dist/bench/support/loadKnowledge.js', ...args], { encoding: 'utf8' }).trim().split('\n').pop()!) as { loadMs: number; rssMb: number };
    const sample = (args: string[]) => {
      const results = Array.from({ length: runs }, () => child(args));
      return { loadMs: median(results.map((r) => r.loadMs)), rssMb: median(results.map((r) => r.rssMb)), spread: [Math.min(...results.map((r) => r.loadMs)), Math.max(...results.map((r) => r.loadMs))] };
    };
    const baseline = sample(['--baseline']);
    const shipped = sample([path.join(tmp, 'user-none')]);
    const all = sample([locations.userDir, 'ddinter,columbia']);
    console.log('## start-up and resident memory (fresh process, median of %d; aim ≤ 3 s and ≤ 400 MB)\n', runs);
    console.log('| what is loaded | load time (spread) | resident memory | over a bare Node process |');
    console.log('|---|---:|---:|---:|');
    console.log(`| nothing (bare Node: baseline) | – | ${baseline.rssMb.toFixed(0)} MB | 1.00× |`);
    for (const [label, r] of [['shipped packs (default)', shipped], ['shipped + ddinter + columbia (opt-in)', all]] as const) {
      console.log(`| ${label} | ${(r.loadMs / 1000).toFixed(2)} s (${(r.spread[0]! / 1000).toFixed(2)}–${(r.spread[1]! / 1000).toFixed(2)}) | ${r.rssMb.toFixed(0)} MB | ${(r.rssMb / baseline.rssMb).toFixed(2)}× |`);
    }

    // 3. latency, in this process.
    const knowledge = await loadKnowledgeBase({ locations: packLocations({ dataDir, packsDir: path.join(tmp, 'user-none') }), optIn: [] });
    const drugs = ['warfarin', 'Nurofen', 'paracetamol', 'simvastatin', 'clarithromycin', 'metformin', 'lisinopril', 'spironolactone', 'sertraline', 'tramadol', 'omeprazole', 'clopidogrel', 'amiodarone', 'digoxin', 'co-amoxiclav', 'salbutamol', 'Lipitor', 'frusemide', 'amlodipine', 'levothyroxine'];
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const interactionTimes: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const ten = [...drugs].sort(() => random() - 0.5).slice(0, 10);
      const t = performance.now();
      knowledge.checkDrugInteractions(ten);
      interactionTimes.push(performance.now() - t);
    }
    const phrases = (JSON.parse(readFileSync('eval/data/icd10-phrases.json', 'utf8')) as { items: { text: string }[] }).items.map((i) => i.text);
    const icdTimes: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (const phrase of phrases) {
        const t = performance.now();
        await knowledge.suggestIcd10Codes(phrase, { limit: 5, rerank: false });
        icdTimes.push(performance.now() - t);
      }
    }
    const titles = [...knowledge.store.values()].filter((c) => c.system === 'icd10cm').map((c) => ({ id: c.id, title: c.name }));
    const mini = new MiniSearch({ fields: ['title'], idField: 'id' });
    mini.addAll(titles);
    const miniTimes: number[] = [];
    for (let round = 0; round < 2; round++) {
      for (const phrase of phrases) {
        const t = performance.now();
        mini.search(phrase, { combineWith: 'OR' }).slice(0, 5);
        miniTimes.push(performance.now() - t);
      }
    }
    console.log('\n## query latency (this process, warm)\n');
    console.log('| query | p50 | p99 | aim | baseline p50 | ÷ baseline |');
    console.log('|---|---:|---:|---|---:|---:|');
    console.log(`| checkDrugInteractions, 10 drugs (2,000 random sets) | ${ms(median(interactionTimes))} | ${ms(percentile(interactionTimes, 99))} | – | – | – |`);
    console.log(`| suggestIcd10Codes, lexical (${phrases.length} phrases × 5) | ${ms(median(icdTimes))} | ${ms(percentile(icdTimes, 99))} | p50 ≤ 5 ms | MiniSearch BM25 ${ms(median(miniTimes))} | ${(median(icdTimes) / median(miniTimes)).toFixed(2)} |`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
