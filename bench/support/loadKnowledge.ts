/**
 * Child process for bench/knowledge.bench.ts: loads the knowledge base from scratch and prints, as one JSON line,
 * how long it took and the resident memory after it (a fresh process per measurement: no warm caches).
 *   node dist/bench/support/loadKnowledge.js <packsDir> [optIn,…]   |   node … --baseline
 */
import path from 'node:path';
import { loadKnowledgeBase } from '../../src/knowledge/loadKnowledgeBase.js';
import { packLocations } from '../../src/knowledge/packs/locations.js';

const [packsDir, optIn] = process.argv.slice(2);
const started = performance.now();
if (packsDir !== '--baseline') {
  const knowledge = await loadKnowledgeBase({
    locations: packLocations({ dataDir: path.resolve('../shared/data'), packsDir: packsDir! }),
    optIn: optIn ? optIn.split(',') : [],
  });
  if (knowledge.store.size === 0) throw new Error('nothing loaded');
}
const loadMs = performance.now() - started;
(globalThis as { gc?: () => void }).gc?.();
console.log(JSON.stringify({ loadMs, rssMb: process.memoryUsage().rss / 2 ** 20, heapMb: process.memoryUsage().heapUsed / 2 ** 20 }));
