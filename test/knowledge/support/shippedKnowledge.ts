import os from 'node:os';
import path from 'node:path';
import type { KnowledgeBase } from '../../../src/knowledge/KnowledgeBase.js';
import { loadKnowledgeBase } from '../../../src/knowledge/loadKnowledgeBase.js';
import { packLocations } from '../../../src/knowledge/packs/locations.js';

let shared: Promise<KnowledgeBase> | undefined;

/**
 * The knowledge base as a fresh clone has it: only the packs committed under knowledge/packs, no data dir, no
 * opt-in packs. Loaded once per test file (it takes a few seconds).
 */
export function shippedKnowledge(): Promise<KnowledgeBase> {
  shared ??= loadKnowledgeBase({
    locations: packLocations({ dataDir: path.join(os.tmpdir(), 'oet-no-data-dir'), packsDir: path.join(os.tmpdir(), 'oet-no-user-packs') }),
    optIn: [],
  });
  return shared;
}
