/**
 * Language-model likelihood features of an essay: how surprised a small causal LM is by each of its tokens. Learner
 * errors (agreement, wrong word, misspelling, odd collocation) show up as tokens with very low log-probability, which
 * the hand features and the topic-laden embedding miss. The scorer is injected so this folder needs no LM runtime.
 */

/** One scored token: its text and ln p(token | preceding tokens). */
export interface TokenLogprob {
  piece: string;
  logprob: number;
}

/** Per-token log-probabilities of (at most the first LIKELIHOOD_MAX_TOKENS tokens of) a text, or null without a model. */
export type TokenLogprobsFn = (text: string, signal?: AbortSignal) => Promise<TokenLogprob[] | null>;

/** Tokens scored per essay, from its start (one window: the same cut in training and serving). */
export const LIKELIHOOD_MAX_TOKENS = 384;

export const LIKELIHOOD_FEATURE_NAMES = [
  'lm_mean', 'lm_p10', 'lm_p25', 'lm_median', 'lm_share_below_8', 'lm_share_below_12', 'lm_sentence_min_mean', 'lm_sentence_mean_sd',
] as const;
export type LikelihoodFeatureName = (typeof LIKELIHOOD_FEATURE_NAMES)[number];

function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Groups tokens into sentences: one ends after a token ending in . ! ? or holding a line break. */
function sentenceGroups(tokens: readonly TokenLogprob[]): number[][] {
  const groups: number[][] = [];
  let current: number[] = [];
  for (const t of tokens) {
    if (/\S/.test(t.piece)) current.push(t.logprob);
    if (/[.!?]["')\]]*\s*$/.test(t.piece) || t.piece.includes('\n')) {
      if (current.length > 0) groups.push(current);
      current = [];
    }
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** The features from already scored tokens (exported for tests and the training export). */
export function likelihoodFeaturesOf(tokens: readonly TokenLogprob[]): Record<LikelihoodFeatureName, number> {
  const lp = tokens.map((t) => t.logprob).filter(Number.isFinite);
  if (lp.length === 0) return Object.fromEntries(LIKELIHOOD_FEATURE_NAMES.map((n) => [n, 0])) as Record<LikelihoodFeatureName, number>;
  const sorted = [...lp].sort((a, b) => a - b);
  const groups = sentenceGroups(tokens.filter((t) => Number.isFinite(t.logprob)));
  const sentenceMeans = groups.map(mean);
  const sm = mean(sentenceMeans);
  return {
    lm_mean: mean(lp),
    lm_p10: quantile(sorted, 0.1),
    lm_p25: quantile(sorted, 0.25),
    lm_median: quantile(sorted, 0.5),
    lm_share_below_8: lp.filter((x) => x < -8).length / lp.length,
    lm_share_below_12: lp.filter((x) => x < -12).length / lp.length,
    lm_sentence_min_mean: mean(groups.map((g) => Math.min(...g))),
    lm_sentence_mean_sd: Math.sqrt(mean(sentenceMeans.map((m) => (m - sm) ** 2))),
  };
}

/** Likelihood features of a text, or null when the scorer has no model. */
export async function likelihoodFeatures(text: string, scorer: TokenLogprobsFn, signal?: AbortSignal): Promise<Record<LikelihoodFeatureName, number> | null> {
  const tokens = await scorer(text, signal);
  signal?.throwIfAborted();
  return tokens ? likelihoodFeaturesOf(tokens) : null;
}
