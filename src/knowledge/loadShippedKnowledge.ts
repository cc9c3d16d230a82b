import os from 'node:os';
import path from 'node:path';
import type { KnowledgeBase } from './KnowledgeBase.js';
import { loadKnowledgeBase } from './loadKnowledgeBase.js';
import { packLocations } from './packs/locations.js';

/**
 * The knowledge base as a fresh clone has it: only the packs committed under knowledge/packs, no data directory,
 * no user packs, no opt-in packs. What the evaluation scripts, benchmarks and tests measure.
 */
export function loadShippedKnowledge(): Promise<KnowledgeBase> {
  return loadKnowledgeBase({
    locations: packLocations({ dataDir: path.join(os.tmpdir(), 'oet-no-data-dir'), packsDir: path.join(os.tmpdir(), 'oet-no-user-packs') }),
    optIn: [],
  });
}
