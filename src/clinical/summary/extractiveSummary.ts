import type { ClinicalAnalysis } from '../ClinicalAnalyzer.js';

/** One line of a summary, pointing back at the source (UTF-16 offsets, `end` exclusive). */
export interface SummaryItem {
  text: string;
  start: number;
  end: number;
  /** ICD-10-CM code or DrugBank id, when the item is a coded entity. */
  code: string | null;
}

export interface ExtractiveSummary {
  problems: SummaryItem[];
  medications: SummaryItem[];
  allergies: SummaryItem[];
  results: SummaryItem[];
  plan: SummaryItem[];
}

const PLAN_CUE = /\b(plan|refer(ral)?|review|follow[- ]?up|commence|start(ed)?|continue|stop|increase|decrease|arrange|book|discharge|monitor|repeat|advise[d]?)\b/i;
const RESULT_CUE = /\b(\d+(\.\d+)?\s*(mmol\/l|mg\/dl|g\/l|%|bpm|mmhg|°c|mm|cm|kg)|hb|wcc|crp|egfr|inr|hba1c|bp|hr|rr|spo2|sats|temp|ecg|x-?ray|ct|mri|ultrasound|uss|echo)\b/i;

/**
 * A deterministic summary picked from the note itself: the patient's problems (conditions that are not negated,
 * family or hypothetical, and presenting symptoms), current medications with their details, allergies, results
 * and plan sentences. Every item is a span of the source, so it can be highlighted and is never invented.
 */
export function extractiveSummary(text: string, analysis: ClinicalAnalysis): ExtractiveSummary {
  const active = (e: ClinicalAnalysis['entities'][number]) => !e.negated && !e.family && !e.hypothetical;
  const seen = new Set<string>();
  const problems: SummaryItem[] = [];
  for (const e of analysis.entities) {
    const presenting = e.category === 'SYMPTOM' && (e.section === null || e.section === 'chief_complaint' || e.section === 'history_of_present_illness');
    if (!active(e) || !(e.category === 'CONDITION' || presenting)) continue;
    const key = e.code ?? e.text.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ text: e.text, start: e.start, end: e.end, code: e.code });
  }
  const entityById = new Map(analysis.entities.map((e) => [e.id, e]));
  const medications = analysis.medications
    .filter((m) => m.status === 'current')
    .map((m) => {
      const entity = entityById.get(m.entityId)!;
      const end = Math.max(entity.end, m.end);
      return { text: text.slice(entity.start, end).trim(), start: entity.start, end, code: m.drugbankId };
    });
  const allergies = analysis.allergies.map((a) => {
    const e = entityById.get(a.entityId)!;
    return { text: e.text, start: e.start, end: e.end, code: a.drugbankId };
  });
  const sentenceItems = (keep: (s: { start: number; end: number }, section: string | null) => boolean) =>
    analysis.sentences
      .filter((s) => keep(s, analysis.sections.find((sec) => s.start >= sec.start && s.start < sec.end)?.kind ?? null))
      .map((s) => ({ text: text.slice(s.start, s.end), start: s.start, end: s.end, code: null }));
  const results = sentenceItems((s, section) => section === 'results' || section === 'examination' || (section === null && RESULT_CUE.test(text.slice(s.start, s.end))));
  const plan = sentenceItems((s, section) => section === 'plan' || (section === null && PLAN_CUE.test(text.slice(s.start, s.end)) && !RESULT_CUE.test(text.slice(s.start, s.end))));
  return { problems, medications, allergies, results: withoutHeadings(results, analysis), plan: withoutHeadings(plan, analysis) };
}

/** A sentence that is only a heading ("Plan:") says nothing. */
function withoutHeadings(items: SummaryItem[], analysis: ClinicalAnalysis): SummaryItem[] {
  return items.filter((item) => !analysis.sections.some((s) => s.start === item.start && s.bodyStart >= item.end));
}
