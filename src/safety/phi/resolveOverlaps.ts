import type { PhiCandidate, PhiSpan } from './phiTypes.js';

/**
 * One span per stretch of text: candidates are taken by priority (how specific the recogniser is), then length
 * (a street address over the postcode inside it), then score, and a candidate that overlaps one already taken is dropped. The result is sorted by position.
 */
export function resolveOverlaps(candidates: readonly PhiCandidate[]): PhiSpan[] {
  const ordered = [...candidates].sort(
    (a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || b.score - a.score || a.start - b.start,
  );
  const taken: PhiCandidate[] = [];
  for (const candidate of ordered) {
    if (candidate.end <= candidate.start) continue;
    if (taken.some((t) => candidate.start < t.end && t.start < candidate.end)) continue;
    taken.push(candidate);
  }
  return taken
    .sort((a, b) => a.start - b.start)
    .map(({ priority: _priority, ...span }) => span);
}
