/** Length-robust lexical diversity: raw type-token ratio falls as texts grow, these do not (much). */

/** Moving-average TTR over windows of `window` tokens (plain TTR when the text is shorter). */
export function mattr(tokens: readonly string[], window = 50): number {
  if (tokens.length === 0) return 0;
  if (tokens.length <= window) return new Set(tokens).size / tokens.length;
  const counts = new Map<string, number>();
  for (let i = 0; i < window; i += 1) counts.set(tokens[i]!, (counts.get(tokens[i]!) ?? 0) + 1);
  let sum = counts.size;
  for (let i = window; i < tokens.length; i += 1) {
    const out = tokens[i - window]!;
    const left = counts.get(out)! - 1;
    if (left === 0) counts.delete(out);
    else counts.set(out, left);
    counts.set(tokens[i]!, (counts.get(tokens[i]!) ?? 0) + 1);
    sum += counts.size;
  }
  return sum / (tokens.length - window + 1) / window;
}

function mtldPass(tokens: readonly string[], threshold: number): number {
  let factors = 0;
  let types = new Set<string>();
  let count = 0;
  let ttr = 1;
  for (const t of tokens) {
    types.add(t);
    count += 1;
    ttr = types.size / count;
    if (ttr <= threshold) {
      factors += 1;
      types = new Set();
      count = 0;
      ttr = 1;
    }
  }
  if (count > 0) factors += (1 - ttr) / (1 - threshold);
  return factors > 0 ? tokens.length / factors : tokens.length;
}

/** MTLD (McCarthy & Jarvis 2010): mean length of runs that keep TTR above 0.72, forwards and backwards averaged. */
export function mtld(tokens: readonly string[], threshold = 0.72): number {
  if (tokens.length === 0) return 0;
  return (mtldPass(tokens, threshold) + mtldPass([...tokens].reverse(), threshold)) / 2;
}
