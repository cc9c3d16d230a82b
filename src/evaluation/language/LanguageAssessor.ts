import { BadUserInputError } from '../../errors.js';
import { LANGUAGE_TRAITS, type LanguageTraits } from '../types.js';
import { embedText, type EmbedFn } from './embedText.js';
import { LANGUAGE_FEATURE_NAMES, languageFeatures } from './languageFeatures.js';
import { LIKELIHOOD_FEATURE_NAMES, likelihoodFeatures, type TokenLogprobsFn } from './likelihoodFeatures.js';
import { loadTraitsHead, type HeadKind, type TraitsHead } from './traitsHead.js';

/**
 * ELLIPSE analytic traits (1-5) of an English text. Trained on CC BY-NC-SA 4.0 data, so every result says
 * `commercialUse: false`; `head` says which inputs were used: the essay embedding when an encoder is loaded, the LM
 * likelihood features when a `logprobs` scorer is given and the head file has a likelihood head, else features only.
 */
export type LanguageAssessment = LanguageTraits & { commercialUse: false; head: HeadKind };

export interface LanguageAssessorOptions {
  /** Sentence vectors from the inference core's "embedder"; absent or returning null means features only. */
  embed?: EmbedFn;
  /** Per-token log-probabilities from a causal LM (llamaTokenLogprobs); absent or returning null means no likelihood head. */
  logprobs?: TokenLogprobsFn;
  /** A loaded head, or the path of head.json; default models/language-traits/head.json. */
  head?: TraitsHead | string;
}

const round2 = (x: number) => Math.round(Math.min(5, Math.max(1, x)) * 100) / 100;

export class LanguageAssessor {
  private readonly head: TraitsHead;
  private readonly embed: EmbedFn | undefined;
  private readonly logprobs: TokenLogprobsFn | undefined;

  constructor(options: LanguageAssessorOptions = {}) {
    this.head = typeof options.head === 'object' ? options.head : loadTraitsHead(options.head);
    this.embed = options.embed;
    this.logprobs = options.logprobs;
  }

  async assess(text: string, signal?: AbortSignal): Promise<LanguageAssessment> {
    if (!/[\p{L}\p{N}]/u.test(text)) throw new BadUserInputError('Language assessment needs a text with words in it; the text is empty.');
    signal?.throwIfAborted();
    const f = languageFeatures(text);
    const features = LANGUAGE_FEATURE_NAMES.map((n) => f[n]);
    const kinds = this.head.kinds;
    const embed = kinds.some((k) => k.includes('embedding')) ? this.embed : undefined;
    const logprobs = kinds.some((k) => k.includes('likelihood')) ? this.logprobs : undefined;
    const [embedding, lm] = await Promise.all([
      embed ? embedText(text, embed, signal) : null,
      logprobs ? likelihoodFeatures(text, logprobs, signal) : null,
    ]);
    signal?.throwIfAborted();
    const likelihood = lm ? LIKELIHOOD_FEATURE_NAMES.map((n) => lm[n]) : null;
    // The most informed head whose inputs are here; 'features' is always in the file.
    const kind: HeadKind = kinds.find((k) => (!k.includes('embedding') || embedding) && (!k.includes('likelihood') || likelihood)) ?? 'features';
    const raw = this.head.predict(kind, features, embedding ?? undefined, likelihood ?? undefined);
    const at = (t: keyof LanguageTraits) => round2(raw[LANGUAGE_TRAITS.indexOf(t)]!);
    return {
      cohesion: at('cohesion'), syntax: at('syntax'), vocabulary: at('vocabulary'),
      phraseology: at('phraseology'), grammar: at('grammar'), conventions: at('conventions'),
      commercialUse: false, head: kind,
    };
  }
}
