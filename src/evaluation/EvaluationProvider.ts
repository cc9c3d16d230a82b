import { DomainError, ErrorCode } from '../errors.js';
import type { ClinicalProvider } from '../clinical/ClinicalProvider.js';
import type { KnowledgeProvider } from '../knowledge/KnowledgeProvider.js';
import type { KnowledgeBase } from '../knowledge/KnowledgeBase.js';
import type { EvaluateOptions, EvaluationService, LanguageAssessment, SpeakingEvaluation, SpeakingInput } from './EvaluationService.js';
import { personalFeedback, type ConstrainedGenerate, type PersonalTip } from './feedback/personalFeedback.js';
import { LAY_ABBREVIATIONS } from './layAbbreviations.js';
import type { LanguageAssessor } from './language/LanguageAssessor.js';
import type { EmbedFn } from './language/embedText.js';
import type { TokenLogprobsFn } from './language/likelihoodFeatures.js';
import { estimateScore, SPEAKING_B_PROFILE } from './scale.js';
import type { LanguageTraits } from './types.js';
import type { WritingEvaluation, WritingInput, WritingServices } from './writing/evaluateWriting.js';

// The rules and their libraries cost ~1.5 s and ~80 MB to import: imported on the first evaluation, not at start-up.
let rules: Promise<typeof import('./evaluationRules.js')> | undefined;
const evaluationRules = () => (rules ??= import('./evaluationRules.js'));

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
 * The medical word list, the language model's head and the rules' modules are loaded once, on first use.
 */
export class EvaluationProvider implements EvaluationService {
  readonly #knowledge: KnowledgeProvider;
  readonly #clinical: ClinicalProvider;
  readonly #options: EvaluationProviderOptions;
  /**
   * The full assessor and the same model's features-only one, which evaluations use (the essay embedding adds 0.006
   * MCRMSE for ~130 ms): one head file read for both, on first use; null when the language model is turned off.
   */
  #assessors: Promise<{ full: LanguageAssessor; fast: LanguageAssessor } | null> | null = null;
  readonly #modelVersions: () => Record<string, string>;
  readonly #generate: ConstrainedGenerate | undefined;
  #medicalWords: Promise<ReadonlySet<string>> | null = null;

  constructor(knowledge: KnowledgeProvider, clinical: ClinicalProvider, options: EvaluationProviderOptions = {}) {
    this.#knowledge = knowledge;
    this.#clinical = clinical;
    this.#options = options;
    this.#modelVersions = options.modelVersions ?? (() => ({}));
    this.#generate = options.generate;
  }

  #languageAssessors(): Promise<{ full: LanguageAssessor; fast: LanguageAssessor } | null> {
    this.#assessors ??=
      this.#options.languageModel === false
        ? Promise.resolve(null)
        : evaluationRules().then(({ loadTraitsHead, LanguageAssessor }) => {
            const head = loadTraitsHead();
            return { full: new LanguageAssessor({ head, embed: this.#options.embed, logprobs: this.#options.logprobs }), fast: new LanguageAssessor({ head }) };
          });
    return this.#assessors;
  }

  #words(): Promise<ReadonlySet<string>> {
    this.#medicalWords ??= Promise.all([this.#knowledge.get(), evaluationRules()]).then(([kb, { medicalWordsFromKnowledge }]) => medicalWordsFromKnowledge(kb));
    // A failed knowledge load is not cached: the next evaluation tries again (as the knowledge provider does).
    this.#medicalWords.catch(() => (this.#medicalWords = null));
    return this.#medicalWords;
  }

  async #services(kb: KnowledgeBase): Promise<WritingServices> {
    const analyzer = await this.#clinical.get();
    const medicalWords = await this.#words();
    const { proofread } = await evaluationRules();
    const assessors = await this.#languageAssessors();
    return {
      analyze: (text, signal) => analyzer.analyze(text, { useModel: false, signal }),
      drugName: (word) => {
        const drug = kb.drugs.exact(word);
        return drug && drug.confidence >= 0.9 && drug.drugbankId ? drug.name : null;
      },
      expandAbbreviation: (token) => kb.abbreviations.lookup(token)?.expansions[0] ?? null,
      proofread: (text, signal) => proofread(text, { medicalWords, signal }),
      assessLanguage: assessors ? (text, signal) => this.#traits(assessors.fast, text, signal) : undefined,
    };
  }

  async #traits(fast: LanguageAssessor, text: string, signal?: AbortSignal): Promise<LanguageTraits | null> {
    if (!/[\p{L}\p{N}]/u.test(text)) return null;
    const { cohesion, syntax, vocabulary, phraseology, grammar, conventions } = await fast.assess(text, signal);
    return { cohesion, syntax, vocabulary, phraseology, grammar, conventions };
  }

  async evaluateWriting(input: WritingInput, options: EvaluateOptions = {}): Promise<WritingEvaluation & { personalFeedback?: PersonalTip[] }> {
    const kb = await this.#knowledge.get();
    const { evaluateWriting } = await evaluationRules();
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
    const { evaluateSpeaking, proofread } = await evaluationRules();
    const assessors = await this.#languageAssessors();
    const result = await evaluateSpeaking(
      { turns: input.transcript, profession: input.profession },
      {
        assessLanguage: assessors ? (text, s) => this.#traits(assessors.fast, text, s) : undefined,
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
    const assessors = await this.#languageAssessors();
    if (!assessors) throw new DomainError(ErrorCode.MODEL_NOT_FOUND, 'The calibrated language model is turned off on this instance (OET_LANGUAGE_MODEL=off).');
    const a = await assessors.full.assess(text, signal);
    return { ...a, head: a.head };
  }

  modelVersions(): Record<string, string> {
    return this.#modelVersions();
  }
}
