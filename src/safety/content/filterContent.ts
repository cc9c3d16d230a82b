import { CLINICAL_FRAME, CONTENT_RULES, type ContentCategory } from './contentRules.js';

export interface ContentFinding {
  category: ContentCategory;
  ruleId: string;
  severity: 'HIGH' | 'MEDIUM';
  start: number;
  end: number;
  text: string;
}

/**
 * Harmful content sentence by sentence. A rule that needs intent does not fire in a sentence framed clinically
 * (assessment, documentation, management, education); explicit encouragement and sexual content involving minors
 * fire regardless.
 */
export function filterContent(text: string, sentences: readonly { start: number; end: number }[]): ContentFinding[] {
  const findings: ContentFinding[] = [];
  for (const sentence of sentences) {
    const piece = text.slice(sentence.start, sentence.end);
    const clinical = CLINICAL_FRAME.test(piece);
    for (const rule of CONTENT_RULES) {
      if (clinical && !rule.overridesClinicalFrame) continue;
      const m = rule.pattern.exec(piece);
      if (!m) continue;
      const start = sentence.start + m.index;
      findings.push({ category: rule.category, ruleId: rule.id, severity: rule.severity, start, end: start + m[0].length, text: m[0] });
    }
  }
  return findings;
}
