import type { CriterionResult } from './types.js';

/**
 * OET publishes no conversion from criterion scores to its 0–500 scale, so this is an ESTIMATE, documented here and in
 * the README: a piecewise-linear map of the raw total that puts the widely repeated grade-B profile (writing: Purpose
 * 2 and 5 on the other five = 27/38; speaking: 5 on the language criteria and 2 on the clinical ones = 30/39) at 350,
 * a raw 0 at 0 and full marks at 500, rounded to OET's steps of 10. Below the B profile on any criterion caps the
 * estimate at 340 (the same rule of thumb read the other way).
 */
export interface ScoreEstimate {
  estimatedScore: number;
  grade: string;
  /** Always true: the mapping is not OET's. */
  estimate: true;
}

const GRADES: readonly [number, string][] = [
  [450, 'A'],
  [350, 'B'],
  [300, 'C+'],
  [200, 'C'],
  [100, 'D'],
  [0, 'E'],
];

export function gradeOf(score: number): string {
  for (const [min, grade] of GRADES) if (score >= min) return grade;
  return 'E';
}

export function estimateScore(criteria: readonly CriterionResult[], bProfile: ReadonlyMap<string, number>): ScoreEstimate {
  const raw = criteria.reduce((s, c) => s + c.score, 0);
  const max = criteria.reduce((s, c) => s + c.max, 0);
  const pivot = criteria.reduce((s, c) => s + (bProfile.get(c.name) ?? c.max), 0);
  let scaled = raw <= pivot ? (raw / pivot) * 350 : 350 + ((raw - pivot) / (max - pivot)) * 150;
  if (criteria.some((c) => c.score < (bProfile.get(c.name) ?? 0))) scaled = Math.min(scaled, 340);
  const estimatedScore = Math.max(0, Math.min(500, Math.round(scaled / 10) * 10));
  return { estimatedScore, grade: gradeOf(estimatedScore), estimate: true };
}

export const WRITING_B_PROFILE: ReadonlyMap<string, number> = new Map([
  ['Purpose', 2],
  ['Content', 5],
  ['Conciseness & Clarity', 5],
  ['Genre & Style', 5],
  ['Organisation & Layout', 5],
  ['Language', 5],
]);

export const SPEAKING_B_PROFILE: ReadonlyMap<string, number> = new Map([
  ['Intelligibility', 5],
  ['Fluency', 5],
  ['Appropriateness of Language', 5],
  ['Resources of Grammar and Expression', 5],
  ['Relationship-building', 2],
  ["Understanding & incorporating the patient's perspective", 2],
  ['Providing structure', 2],
  ['Information-gathering', 2],
  ['Information-giving', 2],
]);
