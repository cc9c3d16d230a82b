import type { KnowledgeBase } from '../../../src/knowledge/KnowledgeBase.js';
import { loadShippedKnowledge } from '../../../src/knowledge/loadShippedKnowledge.js';

let shared: Promise<KnowledgeBase> | undefined;

/** The shipped knowledge base (see loadShippedKnowledge), loaded once per test file (it takes a few seconds). */
export function shippedKnowledge(): Promise<KnowledgeBase> {
  shared ??= loadShippedKnowledge();
  return shared;
}
