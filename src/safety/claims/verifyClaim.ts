export const CLAIM_LABELS = ['SUPPORTS', 'REFUTES', 'NEUTRAL'] as const;
export type ClaimLabel = (typeof CLAIM_LABELS)[number];

export interface ClaimVerdict {
  label: ClaimLabel;
  /** The classifier's probability for the label. */
  score: number;
  /** Probabilities of all three labels. */
  scores: Record<ClaimLabel, number>;
}

/** A claim–evidence classifier: sentence pairs in, softmax over SUPPORTS/REFUTES/NEUTRAL out; null when none is loaded. */
export type ClassifyPairs = (pairs: readonly [string, string][], signal?: AbortSignal) => Promise<Record<string, number>[] | null>;

/** Does `evidence` support or refute `claim`? The trained cross-encoder (models/claim-verifier) decides. */
export async function verifyClaim(claim: string, evidence: string, classify: ClassifyPairs, signal?: AbortSignal): Promise<ClaimVerdict | null> {
  const [probabilities] = (await classify([[claim, evidence]], signal)) ?? [];
  if (!probabilities) return null;
  const scores = Object.fromEntries(CLAIM_LABELS.map((l) => [l, probabilities[l] ?? 0])) as Record<ClaimLabel, number>;
  const label = CLAIM_LABELS.reduce((a, b) => (scores[b] > scores[a] ? b : a));
  return { label, score: scores[label], scores };
}
