import { BadUserInputError } from '../../errors.js';
import { LANGUAGE_TRAITS, type LanguageTraits } from '../types.js';
import { embedText, type EmbedFn } from './embedText.js';
import { LANGUAGE_FEATURE_NAMES, languageFeatures } from './languageFeatures.js';
import { loadTraitsHead, type HeadKind, type TraitsHead } from './traitsHead.js';

/**
 * ELLIPSE analytic traits (1-5) of an English text. Trained on CC BY-NC-SA 4.0 data, so every result says
 * `commercialUse: false`; `head` says whether the essay embedding was used or (no encoder loaded) features only.
 */
export type LanguageAssessment = LanguageTraits & { commercialUse: false; head: HeadKind };

export interface LanguageAssessorOptions {
  /** Sentence vectors from the inference core's "embedder"; absent or returning null means features only. */
  embed?: EmbedFn;
  /** A loaded head, or the path of head.json; default models/language-traits/head.json. */
  head?: TraitsHead | string;
}

const round2 = (x: number) => Math.round(Math.min(5, Math.max(1, x)) * 100) / 100;

export class LanguageAssessor {
  private readonly head: TraitsHead;
  private readonly embed: EmbedFn | undefined;

  constructor(options: LanguageAssessorOptions = {}) {
    this.head = typeof options.head === 'object' ? options.head : loadTraitsHead(options.head);
    this.embed = options.embed;
  }

  async assess(text: string, signal?: AbortSignal): Promise<LanguageAssessment> {
    if (!/[\p{L}\p{N}]/u.test(text)) throw new BadUserInputError('Language assessment needs a text with words in it; the text is empty.');
    signal?.throwIfAborted();
    const f = languageFeatures(text);
    const features = LANGUAGE_FEATURE_NAMES.map((n) => f[n]);
    const embed = this.head.kinds.includes('features+embedding') ? this.embed : undefined;
    const embedding = embed ? await embedText(text, embed, signal) : null;
    signal?.throwIfAborted();
    const kind: HeadKind = embedding ? 'features+embedding' : 'features';
    const raw = this.head.predict(kind, features, embedding ?? undefined);
    const at = (t: keyof LanguageTraits) => round2(raw[LANGUAGE_TRAITS.indexOf(t)]!);
    return {
      cohesion: at('cohesion'), syntax: at('syntax'), vocabulary: at('vocabulary'),
      phraseology: at('phraseology'), grammar: at('grammar'), conventions: at('conventions'),
      commercialUse: false, head: kind,
    };
  }
}
