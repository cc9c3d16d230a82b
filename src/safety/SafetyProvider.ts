import { splitSentences } from '../clinical/text/tokenize.js';
import type { ClinicalProvider } from '../clinical/ClinicalProvider.js';
import { checkClinicalText } from '../clinical/checkClinicalText.js';
import { DomainError, ErrorCode } from '../errors.js';
import type { KnowledgeProvider } from '../knowledge/KnowledgeProvider.js';
import { verifyClaim, type ClaimVerdict, type ClassifyPairs } from './claims/verifyClaim.js';
import type { PhiSpan } from './phi/phiTypes.js';
import type { SafetyPolicy } from './policy/SafetyPolicy.js';
import type { Redaction, RedactionStrategy } from './redaction/redactPhi.js';
import type { AnalyzeSafetyOptions, SafetyAnalyzer, SafetyReport } from './SafetyAnalyzer.js';
import type { SafetyUse } from './policy/SafetyPolicy.js';

type SafetyRules = typeof import('./safetyRules.js');
/** The rules module, imported once per process on first use (see safetyRules.ts); `loaded` once it has arrived. */
const rules: { loading?: Promise<SafetyRules>; loaded?: SafetyRules } = {};
function loadRules(): Promise<SafetyRules> {
  rules.loading ??= import('./safetyRules.js').then((m) => (rules.loaded = m));
  return rules.loading;
}

export interface SafetyProviderOptions {
  policy: SafetyPolicy;
  redactionKey: Buffer;
  /** The trained PHI tagger, when the inference core has it. */
  phiModel?: (text: string, signal?: AbortSignal) => Promise<PhiSpan[] | null>;
  /** The trained claim verifier, when the inference core has it. */
  classifyPairs?: ClassifyPairs;
  /** Sentence vectors for the content head, when the inference core has an embedder. */
  embed?: (texts: string[], signal?: AbortSignal) => Promise<number[][] | null>;
}

/** The longest claim or evidence passage verified in one call (an abstract is ~2,000 characters). */
export const MAX_CLAIM_CHARS = 4_000;

/**
 * The process's safety checks, built on first use over the knowledge base and the clinical analyser. Inputs are
 * checked here (size, emptiness, binary) so every transport gets the same answers.
 */
export class SafetyProvider {
  #analyzer: Promise<SafetyAnalyzer> | undefined;

  constructor(
    private readonly knowledge: KnowledgeProvider,
    private readonly clinical: ClinicalProvider,
    private readonly options: SafetyProviderOptions,
  ) {}

  get policy(): SafetyPolicy {
    return this.options.policy;
  }

  /**
   * Resolves once the screening rules are loaded (first call: ~0.5 s; then at once). Callers of the synchronous
   * `screen` and `redactForModel` await it first; the wait ends early, with the signal's reason, when it aborts.
   */
  async ready(signal?: AbortSignal): Promise<void> {
    if (rules.loaded) return;
    signal?.throwIfAborted();
    if (!signal) return void (await loadRules());
    let onAbort = () => {};
    const aborted = new Promise<never>((_, reject) => signal.addEventListener('abort', (onAbort = () => reject(signal.reason as Error)), { once: true }));
    try {
      await Promise.race([loadRules(), aborted]);
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  /** The loaded rules for the synchronous checks; a caller that skipped `ready()` gets a retryable error, never a wrong verdict. */
  #rules(): SafetyRules {
    if (rules.loaded) return rules.loaded;
    void loadRules().catch(() => undefined);
    throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'The safety checks are still loading; try again in a moment.');
  }

  analyzer(): Promise<SafetyAnalyzer> {
    this.#analyzer ??= Promise.all([this.knowledge.get(), this.clinical.get(), loadRules()]).then(
      ([knowledge, clinical, { SafetyAnalyzer }]) => new SafetyAnalyzer({ knowledge, clinical, policy: this.options.policy, phiModel: this.options.phiModel, embed: this.options.embed, contentHead: SafetyAnalyzer.defaultContentHead() }),
    );
    this.#analyzer.catch(() => (this.#analyzer = undefined));
    return this.#analyzer;
  }

  async analyze(text: string, options: AnalyzeSafetyOptions = {}): Promise<SafetyReport> {
    checkClinicalText(text);
    if (options.source !== undefined) checkClinicalText(options.source);
    return (await this.analyzer()).analyze(text, options);
  }

  /**
   * The guardrails' check: PHI rules and the content filter only, no knowledge base and no model, so it adds
   * milliseconds to a generation and works before the packs have loaded.
   */
  screen(text: string, options: { use: SafetyUse; roles: readonly string[]; from?: number }): SafetyReport {
    const { contentRuleFindings, detectPhi, judge, phiFindings } = this.#rules();
    const raw = [...phiFindings(detectPhi(text)), ...contentRuleFindings(text, splitSentences(text))];
    // Text before `from` is context (the prompt before an output): it informs detection but is not judged.
    return judge(this.policy, options.from === undefined ? raw : raw.filter((f) => f.end > options.from!), options.use, options.roles);
  }

  /** PHI spans replaced by `[TYPE]` placeholders (the guardrails' redaction of prompts). */
  redactForModel(text: string): { text: string; count: number } {
    const { detectPhi, redactSpans } = this.#rules();
    const spans = detectPhi(text);
    return { text: redactSpans(text, spans, { strategy: 'PLACEHOLDER' }).text, count: spans.length };
  }

  async redact(text: string, strategy: RedactionStrategy, options: { documentKey?: string; signal?: AbortSignal; useModel?: boolean } = {}): Promise<Redaction & { sentences: number }> {
    checkClinicalText(text);
    const spans = await (await this.analyzer()).phiSpans(text, options.signal, options.useModel ?? true);
    const { redactSpans } = await loadRules();
    const redaction = redactSpans(text, spans, { strategy, key: this.options.redactionKey, documentKey: options.documentKey });
    return { ...redaction, sentences: splitSentences(text).length };
  }

  async verifyClaim(claim: string, evidence: string, signal?: AbortSignal): Promise<ClaimVerdict> {
    for (const [field, value] of [['claim', claim], ['evidence', evidence]] as const) {
      if (value.length > MAX_CLAIM_CHARS) throw new DomainError(ErrorCode.INPUT_TOO_LARGE, `${field} is ${value.length} characters; the limit is ${MAX_CLAIM_CHARS}.`, { field, limit: MAX_CLAIM_CHARS });
      if (value.trim() === '') throw new DomainError(ErrorCode.BAD_USER_INPUT, `${field} is empty: give some text.`, { field });
    }
    const verdict = this.options.classifyPairs ? await verifyClaim(claim.trim(), evidence.trim(), this.options.classifyPairs, signal) : null;
    if (!verdict) {
      throw new DomainError(ErrorCode.MODEL_NOT_FOUND, 'The claim verifier (models/claim-verifier) is not installed: verifyClaim needs it. See models/README.md.', { model: 'claim-verifier' });
    }
    return verdict;
  }
}
