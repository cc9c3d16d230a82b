import type { LlamaContextSequence, LlamaModel, Token } from 'node-llama-cpp';
import type { TokenLogprob } from '../types.js';

/** Tokens scored per text by default: the calibrated language model's likelihood features read the first 384. */
export const LOGPROB_MAX_TOKENS = 384;

/** Candidates kept per position: node-llama-cpp 3.21.1 returns next-token probabilities only through its sampler. */
export const LOGPROB_TOP_K = 1000;

/**
 * Per-token log-probabilities of a text under a GGUF causal LM (node-llama-cpp 3.21.1), for likelihoodFeatures.
 *
 * 3.21.1 exposes no raw logits; `controlledEvaluate` with `generateNext.probabilities` returns the sampler's candidate
 * distribution. Asking for all 49k candidates costs ~36 ms/token (a full sort and a JS Map per token), so the sampler
 * keeps the top LOGPROB_TOP_K (temperature 1, no top-p/min-p): the probabilities are renormalised over those (top-1000
 * mass >= 0.90 on 80 ELLIPSE tokens), so listed tokens read on average 0.014 nats high, at most 0.11. A token outside
 * the list gets the smallest listed log-probability (an upper bound, near -12 for SmolLM2, so a "< -12" share is
 * almost always 0). The text is preceded by `prefix` (default
 * <|endoftext|>, the document separator SmolLM2 was pretrained with) and cut to its first `maxTokens` tokens.
 */
export async function scoreTokens(model: LlamaModel, sequence: LlamaContextSequence, text: string, options: { maxTokens?: number; prefix?: string; signal?: AbortSignal } = {}): Promise<TokenLogprob[]> {
  const prefix = options.prefix ?? '<|endoftext|>';
  const prefixTokens: Token[] = prefix ? model.tokenize(prefix, true) : [];
  if (prefixTokens.length === 0 && model.tokens.bos !== null) prefixTokens.push(model.tokens.bos);
  options.signal?.throwIfAborted();
  const tokens = model.tokenize(text).slice(0, options.maxTokens ?? LOGPROB_MAX_TOKENS);
  if (tokens.length === 0) return [];
  const input = [...prefixTokens, ...tokens];
  await sequence.clearHistory();
  const sampling = { probabilities: true, options: { temperature: 1, topK: LOGPROB_TOP_K, topP: 1, minP: 0 } } as const;
  const out = await sequence.controlledEvaluate(input.map((t, i) => (i < input.length - 1 ? [t, { generateNext: sampling }] : t)));
  options.signal?.throwIfAborted();
  return tokens.map((token, k) => {
    const probs = out[prefixTokens.length + k - 1]?.next.probabilities;
    let p = probs?.get(token);
    if (p === undefined && probs) for (const v of probs.values()) p = v; // last = smallest listed
    return { piece: model.detokenize([token]), logprob: p && p > 0 ? Math.log(p) : Number.NaN };
  });
}

/** A scorer over one dedicated sequence, calls serialised (the training export's loader uses it). */
export function llamaTokenLogprobs(model: LlamaModel, sequence: LlamaContextSequence, prefix = '<|endoftext|>'): (text: string, signal?: AbortSignal) => Promise<TokenLogprob[]> {
  let queue: Promise<unknown> = Promise.resolve();
  return (text, signal) => {
    const next = queue.then(() => scoreTokens(model, sequence, text, { prefix, signal }));
    queue = next.catch(() => undefined);
    return next;
  };
}
