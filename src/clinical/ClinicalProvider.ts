import type { KnowledgeProvider } from '../knowledge/KnowledgeProvider.js';
import { ClinicalAnalyzer } from './ClinicalAnalyzer.js';
import type { ClassifyTokens } from './entities/modelRecognizer.js';

/**
 * The one clinical analyser of a process, built on first use from the knowledge base (its dictionary takes about a
 * second to compile) and wired to the trained recogniser when the inference core has one.
 */
export class ClinicalProvider {
  readonly #knowledge: KnowledgeProvider;
  readonly #classifyTokens: ClassifyTokens | undefined;
  #analyzer: Promise<ClinicalAnalyzer> | undefined;

  constructor(knowledge: KnowledgeProvider, classifyTokens?: ClassifyTokens) {
    this.#knowledge = knowledge;
    this.#classifyTokens = classifyTokens;
  }

  get(): Promise<ClinicalAnalyzer> {
    this.#analyzer ??= this.#knowledge.get().then((knowledge) => new ClinicalAnalyzer(knowledge, { classifyTokens: this.#classifyTokens }));
    // A failed build (knowledge unavailable) is not cached: the next call tries again.
    this.#analyzer.catch(() => (this.#analyzer = undefined));
    return this.#analyzer;
  }
}
