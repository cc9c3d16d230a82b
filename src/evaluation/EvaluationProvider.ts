import { DomainError, ErrorCode } from '../errors.js';
import type { ClinicalProvider } from '../clinical/ClinicalProvider.js';
import type { KnowledgeProvider } from '../knowledge/KnowledgeProvider.js';
import type { KnowledgeBase } from '../knowledge/KnowledgeBase.js';
import type { EvaluateOptions, EvaluationService, LanguageAssessment, SpeakingEvaluation, SpeakingInput } from './EvaluationService.js';
import { personalFeedback, type ConstrainedGenerate, type PersonalTip } from './feedback/personalFeedback.js';
import { LAY_ABBREVIATIONS } from './layAbbreviations.js';
import { LanguageAssessor } from './language/LanguageAssessor.js';
import { loadTraitsHead } from './language/traitsHead.js';
import type { EmbedFn } from './language/embedText.js';
import type { TokenLogprobsFn } from './language/likelihoodFeatures.js';
import { medicalWordsFromKnowledge, proofread } from './proofreading/index.js';
import { estimateScore, SPEAKING_B_PROFILE } from './scale.js';
import { evaluateSpeaking } from './speaking/index.js';
import type { LanguageTraits } from './types.js';
import { evaluateWriting, type WritingEvaluation, type WritingInput, type WritingServices } from './writing/evaluateWriting.js';

/** Bumped whenever a speaking rule or threshold changes (stored with each evaluation). */
export const SPEAKING_SCORER_VERSION = 'speaking-rules-1';

export interface EvaluationProviderOptions {
  /** Sentence vectors from the inference core; null while no encoder is loaded (the language model then uses features only). */
  embed?: EmbedFn;
  /** Model versions the evaluations depend on (sha256 prefixes by id), recorded with each evaluation. */
  modelVersions?: () => Record<string, string>;
  /** Per-token log-probabilities under the LM the language model's likelihood head was trained with; null when absent. */
  logprobs?: TokenLogprobsFn;
  /** JSON-schema-constrained generation by the instruction model; returns null when none is loaded. */
  generate?: ConstrainedGenerate;
  /** Set false to leave the ELLIPSE-trained language model out (its parameters are CC BY-NC-SA: non-commercial). */
  languageModel?: boolean;
}

/**
 * Writing and speaking evaluation over the knowledge packs (drug names, abbreviations, the medical word list the
 * spelling checker accepts), the clinical analyser (facts in notes and letters) and the calibrated language model.
 * The medical word list is compiled once, on first use, from the loaded packs.
 */
export class EvaluationProvider implements EvaluationService {
  readonly #knowledge: KnowledgeProvider;
  readonly #clinical: ClinicalProvider;
  readonly #assessor: LanguageAssessor | null;
  /** The same model's features-only head, which evaluations use: the essay embedding adds 0.006 MCRMSE for ~130 ms. */
  readonly #fastAssessor: LanguageAssessor | null;
  readonly #modelVersions: () => Record<string, string>;
  readonly #generate: ConstrainedGenerate | undefined;
  #medicalWords: Promise<ReadonlySet<string>> | null = null;

  constructor(knowledge: KnowledgeProvider, clinical: ClinicalProvider, options: EvaluationProviderOptions = {}) {
    this.#knowledge = knowledge;
    this.#clinical = clinical;
    // One head file read for both: the full assessor and the features-only one the evaluations use.
    const head = options.languageModel === false ? null : loadTraitsHead();
    this.#assessor = head ? new LanguageAssessor({ head, embed: options.embed, logprobs: options.logprobs }) : null;
    this.#fastAssessor = head ? new LanguageAssessor({ head }) : null;
    this.#modelVersions = options.modelVersions ?? (() => ({}));
    this.#generate = options.generate;
  }

  #words(): Promise<ReadonlySet<string>> {
    this.#medicalWords ??= this.#knowledge.get().then((kb) => medicalWordsFromKnowledge(kb));
    return this.#medicalWords;
  }

  async #services(kb: KnowledgeBase): Promise<WritingServices> {
    const analyzer = await this.#clinical.get();
    const medicalWords = await this.#words();
    return {
      analyze: (text, signal) => analyzer.analyze(text, { useModel: false, signal }),
      drugName: (word) => {
        const drug = kb.drugs.exact(word);
        return drug && drug.confidence >= 0.9 && drug.drugbankId ? drug.name : null;
      },
      expandAbbreviation: (token) => kb.abbreviations.lookup(token)?.expansions[0] ?? null,
      proofread: (text, signal) => proofread(text, { medicalWords, signal }),
      assessLanguage: this.#assessor ? (text, signal) => this.#traits(text, signal) : undefined,
    };
  }

  async #traits(text: string, signal?: AbortSignal): Promise<LanguageTraits | null> {
    if (!this.#fastAssessor || !/[\p{L}\p{N}]/u.test(text)) return null;
    const { cohesion, syntax, vocabulary, phraseology, grammar, conventions } = await this.#fastAssessor.assess(text, signal);
    return { cohesion, syntax, vocabulary, phraseology, grammar, conventions };
  }

  async evaluateWriting(input: WritingInput, options: EvaluateOptions = {}): Promise<WritingEvaluation & { personalFeedback?: PersonalTip[] }> {
    const kb = await this.#knowledge.get();
    const result = await evaluateWriting(input, await this.#services(kb), options.signal);
    return options.personalise ? { ...result, personalFeedback: await this.#personal(result.criteria, options.signal) } : result;
  }

  async #personal(criteria: WritingEvaluation['criteria'], signal?: AbortSignal): Promise<PersonalTip[]> {
    return this.#generate ? personalFeedback(criteria, this.#generate, signal) : [];
  }

  async evaluateSpeaking(input: SpeakingInput, options: EvaluateOptions = {}): Promise<SpeakingEvaluation> {
    const { signal } = options;
    const medicalWords = await this.#words();
    const kb = await this.#knowledge.get();
    const result = await evaluateSpeaking(
      { turns: input.transcript, profession: input.profession },
      {
        assessLanguage: this.#assessor ? (text, s) => this.#traits(text, s) : undefined,
        proofread: (text, s) => proofread(text, { medicalWords, signal: s }),
        // Jargon to a patient: clinical abbreviations the packs know, in capitals ("INR", "NSAID"). Not every medical
        // word ("pain", "blood") — the speaking rules' own list covers technical terms with their lay alternatives.
        isMedicalTerm: (word) => /^[A-Z][A-Z0-9]{1,5}s?$/.test(word) && !LAY_ABBREVIATIONS.has(word) && kb.abbreviations.lookup(word.replace(/s$/, '')) !== undefined,
        signal,
      },
    );
    const { languageTraits, ...measures } = result.measures;
    const flat: Record<string, number | null> = {};
    for (const [name, value] of Object.entries(measures)) {
      if (typeof value === 'number' || value === null) flat[name] = value;
      else if (typeof value === 'object') for (const [k, v] of Object.entries(value)) if (typeof v === 'number') flat[`${name}.${k}`] = v;
    }
    const evaluation: SpeakingEvaluation = {
      kind: 'SPEAKING',
      criteria: result.criteria,
      ...estimateScore(result.criteria, SPEAKING_B_PROFILE),
      indicators: result.indicators,
      measures: flat,
      languageTraits,
      scorerVersion: SPEAKING_SCORER_VERSION,
    };
    return options.personalise ? { ...evaluation, personalFeedback: await this.#personal(result.criteria, signal) } : evaluation;
  }

  async assessLanguage(text: string, signal?: AbortSignal): Promise<LanguageAssessment> {
    if (!this.#assessor) throw new DomainError(ErrorCode.MODEL_NOT_FOUND, 'The calibrated language model is turned off on this instance (OET_LANGUAGE_MODEL=off).');
    const a = await this.#assessor.assess(text, signal);
    return { ...a, head: a.head };
  }

  modelVersions(): Record<string, string> {
    return this.#modelVersions();
  }
}
