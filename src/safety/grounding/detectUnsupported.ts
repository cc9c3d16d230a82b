import type { ClinicalAnalysis, ClinicalEntity, MedicationEntry } from '../../clinical/ClinicalAnalyzer.js';
import { findDates } from '../phi/dates.js';
import { nameLexicon } from '../phi/nameLexicon.js';
import { findNames } from '../phi/names.js';

const isCommonWord = (word: string): boolean => !word.includes(' ') && nameLexicon().isCommonWord(word);

/** What a generated text asserts that its source does not support. */
export type UnsupportedType = 'DRUG' | 'DOSE' | 'NUMBER' | 'DATE' | 'NAME' | 'CONDITION' | 'NEGATION_FLIP';

export interface SourceEvidence {
  start: number;
  end: number;
  text: string;
}

export interface UnsupportedFinding {
  type: UnsupportedType;
  start: number;
  end: number;
  text: string;
  message: string;
  /** The nearest thing the source says about it (the same drug at another dose, the negated finding), if any. */
  evidence: SourceEvidence | null;
}

export interface GroundingInput {
  source: string;
  output: string;
  sourceAnalysis: ClinicalAnalysis;
  outputAnalysis: ClinicalAnalysis;
}

const MG: Record<string, number> = { mcg: 0.001, 'µg': 0.001, microgram: 0.001, micrograms: 0.001, mg: 1, g: 1000, gram: 1000, grams: 1000 };

/** A dose in mg when the unit converts, else the value with its unit folded. */
function doseKey(m: MedicationEntry): string | null {
  if (m.doseValue === null) return null;
  const unit = (m.unit ?? '').toLowerCase();
  const factor = MG[unit];
  return factor === undefined ? `${m.doseValue} ${unit}` : `${Math.round(m.doseValue * factor * 1000) / 1000} mg`;
}

const drugKey = (m: MedicationEntry): string => m.drugbankId ?? (m.generic ?? m.drug).toLowerCase();

const span = (text: string, start: number, end: number): SourceEvidence => ({ start, end, text: text.slice(start, end) });

/** Numbers with a measurement around them: "BP 150/90", "HbA1c 8.2", "Hb 98 g/L", "weight 72 kg", "K 2.6". */
const UNIT_AFTER = String.raw`(?:%|mmHg|mmol(?:\/L)?|micromol(?:\/L)?|g\/L|g\/dL|kg|cm|mm|bpm|\/min|°C|C\b|mg\/dL|mg\/L|mL|ml\b|units?|cigarettes|pack[- ]years?|L\b|litres?|x\s?10)`;
const LABEL_BEFORE = String.raw`(?:BP|HR|RR|SpO2|sats|saturations?|temp(?:erature)?|T|pulse|HbA1c|A1c|Hb|haemoglobin|hemoglobin|WCC|WBC|CRP|eGFR|INR|Na|K|sodium|potassium|creatinine|Cr|urea|BMI|GCS|NEWS2?|score|weight|wt|height|glucose|BGL|BSL|BM|troponin|PSA|TSH|T4|cholesterol|LDL|HDL|platelets|plt|ALT|AST|ALP|GGT|bilirubin|albumin|ESR|FEV1|FVC|peak flow|PEFR|MMSE|MoCA|lactate|ferritin|BNP|D-dimer|magnesium|Mg|phosphate|calcium|Ca|amylase|lipase|systolic|diastolic|MAP|CVP|EF|ejection fraction|APTT|PT|fibrinogen|neutrophils|lymphocytes|pH|pCO2|pO2|HCO3|base excess)`;
const MEASURE = new RegExp(String.raw`\b(\d+(?:\.\d+)?(?:\/\d+(?:\.\d+)?)?)(?=\s*${UNIT_AFTER})|(?<=\b${LABEL_BEFORE}\s*(?:of|was|is|:|=|at|now|down\s+to|up\s+to|rose\s+to|fell\s+to)?\s*)(\d+(?:\.\d+)?(?:\/\d+(?:\.\d+)?)?)|\b(\d{2,3}\/\d{2,3})\b(?!\/)`, 'g');

/** Durations and gestations, in days, so "1 week" and "7 days" agree: "6 weeks", "three months", "38+1". */
const WORD_NUMBERS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12, a: 1, an: 1 };
const DURATION = /\b(\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve)\s*(?:-\s*)?(days?|weeks?|wks?|months?|years?|yrs?|hours?|hrs?|h)(?:ly)?\b(?![\s-]*old)|\b(\d{2})\+(\d)\b/gi;
// Clinical shorthand, in the source only: "4/7" four days, "2/52" two weeks, "3/12" three months.
const SHORTHAND_DURATION = /\b(\d{1,2})\/(7|52|12)\b/g;
const UNIT_DAYS: Record<string, number> = { day: 1, week: 7, wk: 7, month: 30, year: 365, yr: 365, hour: 1 / 24, hr: 1 / 24, h: 1 / 24 };

function durations(text: string): { days: number; start: number; end: number; text: string }[] {
  return [...text.matchAll(DURATION)].map((m) => {
    const days = m[3] !== undefined ? Number(m[3]) * 7 + Number(m[4]) : (Number.isNaN(Number(m[1])) ? WORD_NUMBERS[m[1]!.toLowerCase()]! : Number(m[1])) * UNIT_DAYS[m[2]!.toLowerCase().replace(/s$/, '')]!;
    return { days, start: m.index!, end: m.index! + m[0].length, text: m[0] };
  });
}

function numbers(text: string): { value: string; start: number; end: number }[] {
  return [...text.matchAll(MEASURE)].map((m) => {
    const value = (m[1] ?? m[2] ?? m[3])!;
    const start = m.index! + m[0].indexOf(value);
    return { value: String(Number.isNaN(Number(value)) ? value : Number(value)), start, end: start + value.length };
  });
}

interface DateParts {
  day?: number;
  month?: number;
  year?: number;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The readings of a written date: numeric dates may be day-first or month-first, so both are kept. */
function dateReadings(text: string): DateParts[] {
  const lower = text.toLowerCase();
  const month = MONTHS.findIndex((m) => new RegExp(`\\b${m}`).test(lower));
  const numbers = (lower.match(/\d+/g) ?? []).map(Number);
  const fullYear = (y: number | undefined) => (y === undefined ? undefined : y < 100 ? 2000 + y : y);
  if (month >= 0) {
    const day = numbers.find((n) => n >= 1 && n <= 31 && !(n > 31));
    const year = numbers.find((n) => n > 31);
    return [{ day: numbers.length > 0 && day !== year ? day : undefined, month: month + 1, year: fullYear(year) }];
  }
  if (/^\d{4}-/.test(lower)) return [{ year: numbers[0], month: numbers[1], day: numbers[2] }];
  const [a, b, c] = numbers;
  return [
    { day: a, month: b, year: fullYear(c) },
    { day: b, month: a, year: fullYear(c) },
  ];
}

/** The output's date is supported when some source date agrees on every part the output states. */
function dateSupported(output: string, sourceDates: readonly DateParts[][]): boolean {
  return dateReadings(output).some((o) =>
    sourceDates.some((readings) =>
      readings.some((s) => (o.day === undefined || o.day === s.day) && (o.month === undefined || o.month === s.month) && (o.year === undefined || s.year === undefined || o.year === s.year)),
    ),
  );
}

/** Lab analytes, gases and electrolytes the drug lexicon also holds: in a summary they are results, not drugs. */
const NOT_A_DRUG = new Set(['haemoglobin', 'hemoglobin', 'oxygen', 'potassium', 'sodium', 'calcium', 'magnesium', 'glucose', 'water', 'iron', 'albumin', 'creatinine', 'urea', 'insulin level', 'phosphate', 'chloride', 'bicarbonate', 'lactate', 'cholesterol', 'air', 'antibiotic', 'antibiotics', 'painkiller', 'painkillers', 'steroid', 'steroids', 'vitamins', 'supplements', 'inhaler', 'inhalers', 'medication', 'medications', 'medicine', 'medicines', 'tablets', 'blood thinner', 'blood thinners']);

function conceptKey(e: ClinicalEntity): string {
  return (e.code ?? e.normalized ?? e.text).toLowerCase();
}

/** The source entity closest in meaning: the same concept, else one whose words overlap most. */
function nearest(entity: ClinicalEntity, candidates: readonly ClinicalEntity[]): ClinicalEntity | null {
  const same = candidates.find((c) => conceptKey(c) === conceptKey(entity));
  if (same) return same;
  const words = new Set(entity.text.toLowerCase().split(/\W+/));
  let best: ClinicalEntity | null = null;
  let bestShared = 0;
  for (const c of candidates) {
    const shared = c.text.toLowerCase().split(/\W+/).filter((w) => w.length > 2 && words.has(w)).length;
    if (shared > bestShared) [best, bestShared] = [c, shared];
  }
  return best;
}

/**
 * Claims of the output that the source does not carry: drugs not in it (brand and generic are one drug), doses and
 * frequencies changed for a drug it has, measurements and dates it does not hold, people it does not name,
 * conditions it does not mention, and findings whose negation flipped. Leaving facts out is not flagged.
 */
export function detectUnsupported(input: GroundingInput): UnsupportedFinding[] {
  const { source, output, sourceAnalysis: src, outputAnalysis: out } = input;
  const findings: UnsupportedFinding[] = [];
  const srcMeds = new Map<string, MedicationEntry[]>();
  for (const m of src.medications) srcMeds.set(drugKey(m), [...(srcMeds.get(drugKey(m)) ?? []), m]);
  const srcEntity = new Map(src.entities.map((e) => [e.id, e]));
  const outEntity = new Map(out.entities.map((e) => [e.id, e]));

  for (const med of out.medications) {
    const entity = outEntity.get(med.entityId);
    // Allergies are checked below, against the source's allergies.
    if (!entity || med.status === 'allergy') continue;
    const inSource = srcMeds.get(drugKey(med));
    if (!inSource) {
      if (med.status === 'negated' || med.status === 'hypothetical') continue;
      // "same" (SAMe), "today" (a brand), "potassium" (a result): words the drug lexicon holds that are rarely drugs
      // in prose, unless the source names the drug too.
      const word = entity.text.toLowerCase();
      if (NOT_A_DRUG.has(word) || (isCommonWord(word) && word !== (med.generic ?? '').toLowerCase())) continue;
      findings.push({ type: 'DRUG', start: entity.start, end: entity.end, text: entity.text, message: `${med.generic ?? med.drug} is not in the source.`, evidence: null });
      continue;
    }
    const key = doseKey(med);
    const sourceMed = inSource[0]!;
    const sourceEntity = srcEntity.get(sourceMed.entityId);
    const evidence = sourceEntity ? span(source, sourceEntity.start, Math.max(sourceEntity.end, sourceMed.end)) : null;
    if (key !== null && !inSource.some((m) => doseKey(m) === key) && inSource.some((m) => doseKey(m) !== null)) {
      findings.push({ type: 'DOSE', start: entity.start, end: Math.max(entity.end, med.end), text: output.slice(entity.start, Math.max(entity.end, med.end)), message: `The source gives ${med.generic ?? med.drug} as ${inSource.map((m) => m.dose).filter(Boolean).join(' or ')}, not ${med.dose}.`, evidence });
    } else if (med.frequency && !inSource.some((m) => m.frequency === med.frequency) && inSource.some((m) => m.frequency !== null)) {
      findings.push({ type: 'DOSE', start: entity.start, end: Math.max(entity.end, med.end), text: output.slice(entity.start, Math.max(entity.end, med.end)), message: `The source gives ${med.generic ?? med.drug} ${inSource.map((m) => m.frequency).filter(Boolean).join(' or ')}, not ${med.frequency}.`, evidence });
    }
  }

  // Allergies: "NKDA" in the source and an allergy in the output (or the reverse) is a flip.
  if (src.noKnownAllergies && out.allergies.length > 0) {
    const a = outEntity.get(out.allergies[0]!.entityId);
    const cue = /\b(NKDA|NKA|no known (?:drug )?allergies|nil known (?:drug )?allergies|no allergies)\b/i.exec(source);
    if (a) findings.push({ type: 'NEGATION_FLIP', start: a.start, end: a.end, text: a.text, message: 'The source records no known allergies.', evidence: cue ? span(source, cue.index, cue.index + cue[0].length) : null });
  }
  if (out.noKnownAllergies && src.allergies.length > 0) {
    const cue = /\b(NKDA|NKA|no known (?:drug )?allergies|nil known (?:drug )?allergies|no allergies)\b/i.exec(output);
    const a = srcEntity.get(src.allergies[0]!.entityId);
    if (cue) findings.push({ type: 'NEGATION_FLIP', start: cue.index, end: cue.index + cue[0].length, text: cue[0], message: `The source records an allergy to ${src.allergies[0]!.substance}.`, evidence: a ? span(source, a.start, a.end) : null });
  }

  // What the source rules out, and what it affirms, by concept and by words: "no jaundice" then "has jaundice" flips.
  const keysOf = (e: ClinicalEntity) => [conceptKey(e), e.text.toLowerCase()];
  // "productive cough" asserts the "cough" the source ruled out: the head word counts for the output side.
  const outKeysOf = (e: ClinicalEntity) => [...keysOf(e), e.text.toLowerCase().split(/\s+/).at(-1)!].filter((k) => k.length > 3);
  const negatedInSource = new Map<string, ClinicalEntity>();
  const affirmedInSource = new Set<string>();
  for (const e of src.entities) {
    if (e.category === 'ANATOMY' || e.family || e.hypothetical) continue;
    for (const k of keysOf(e)) e.negated ? negatedInSource.set(k, e) : affirmedInSource.add(k);
  }
  /** The source entity that rules out what the output asserts here, if any (and the source does not affirm it too). */
  const ruledOutBy = (e: ClinicalEntity): ClinicalEntity | null => {
    if (e.negated) return null;
    const ruledOut = outKeysOf(e).map((k) => negatedInSource.get(k)).find(Boolean);
    return ruledOut && !keysOf(e).some((k) => affirmedInSource.has(k)) ? ruledOut : null;
  };
  const flipped = (e: ClinicalEntity, ruledOut: ClinicalEntity): void => {
    findings.push({ type: 'NEGATION_FLIP', start: e.start, end: e.end, text: e.text, message: `The source rules out ${ruledOut.text}; the output asserts it.`, evidence: span(source, ruledOut.start, ruledOut.end) });
  };
  for (const e of out.entities) {
    if (e.category === 'ANATOMY' || e.category === 'CONDITION' || e.category === 'SYMPTOM' || e.family || e.hypothetical || e.allergy) continue;
    const ruledOut = ruledOutBy(e);
    if (ruledOut) flipped(e, ruledOut);
  }

  const srcFindings = src.entities.filter((e) => e.category === 'CONDITION' || e.category === 'SYMPTOM');
  const srcCategories = new Set(src.entities.map((e) => e.code?.slice(0, 3)).filter(Boolean));
  for (const e of out.entities) {
    if (e.category !== 'CONDITION' && e.category !== 'SYMPTOM') continue;
    if (e.family || e.hypothetical) continue;
    const ruledOut = ruledOutBy(e);
    if (ruledOut) {
      flipped(e, ruledOut);
      continue;
    }
    const match = nearest(e, srcFindings);
    const sameConcept = match !== null && (conceptKey(match) === conceptKey(e) || (e.code !== null && match.code?.slice(0, 3) === e.code.slice(0, 3)));
    // A new condition is claimed only for a coded disease; symptoms are paraphrased too freely ("lightheaded",
    // "temperature") and injury, external-cause and factor codes (S-Z) come from everyday words ("falling").
    const claimable = e.category === 'CONDITION' && e.code !== null && !/^[S-Z]/.test(e.code) && !srcCategories.has(e.code.slice(0, 3));
    if (sameConcept && match.negated !== e.negated && !match.family && !match.hypothetical) {
      findings.push({ type: 'NEGATION_FLIP', start: e.start, end: e.end, text: e.text, message: `The source ${match.negated ? 'negates' : 'asserts'} ${match.text}; the output ${e.negated ? 'negates' : 'asserts'} it.`, evidence: span(source, match.start, match.end) });
    } else if (!sameConcept && claimable && !e.negated && !mentions(source, e)) {
      findings.push({ type: 'CONDITION', start: e.start, end: e.end, text: e.text, message: `${e.normalized ?? e.text} is not in the source.`, evidence: match ? span(source, match.start, match.end) : null });
    }
  }

  // Any number the source writes supports the same number in the output, measured or not: "Creatinine 186 µmol/L"
  // escapes the measurement pattern (capital C, µ) but is plainly the 186 the output reports.
  const srcNumbers = new Set([...numbers(source).map((n) => n.value), ...[...source.matchAll(/\d+(?:\.\d+)?(?:\/\d+(?:\.\d+)?)?/g)].map((m) => String(Number.isNaN(Number(m[0])) ? m[0] : Number(m[0])))]);
  for (const n of numbers(output)) {
    if (srcNumbers.has(n.value) || isDoseNumber(out, n.start)) continue;
    findings.push({ type: 'NUMBER', start: n.start, end: n.end, text: n.value, message: `${n.value} is not a value the source gives.`, evidence: null });
  }

  const srcDurations = new Set(durations(source).map((d) => Math.round(d.days * 24)));
  for (const m of source.matchAll(SHORTHAND_DURATION)) srcDurations.add(Math.round(Number(m[1]) * { 7: 1, 52: 7, 12: 30 }[m[2] as '7' | '52' | '12'] * 24));
  for (const d of durations(output)) {
    if (srcDurations.has(Math.round(d.days * 24)) || isDoseNumber(out, d.start)) continue;
    findings.push({ type: 'DATE', start: d.start, end: d.end, text: d.text, message: `The source gives no duration of ${d.text}.`, evidence: null });
  }

  // Every day/month in the source counts as a date it holds ("fell 13/06", no cue needed), but not shorthand durations.
  const srcDates = [...findDates(source).map((d) => dateReadings(d.text)), ...[...source.matchAll(/\b(\d{1,2})\/(\d{1,2})\b(?!\/)/g)].filter((m) => !['7', '52', '12'].includes(m[2]!) || Number(m[1]) > 12).map((m) => dateReadings(m[0]))];
  for (const d of findDates(output)) {
    if (dateSupported(d.text, srcDates)) continue;
    findings.push({ type: 'DATE', start: d.start, end: d.end, text: d.text, message: `The source has no date ${d.text}.`, evidence: null });
  }

  const srcNameTokens = new Set(findNames(source).flatMap((n) => n.text.toLowerCase().split(/\s+/)));
  const sourceLower = source.toLowerCase();
  for (const n of findNames(output)) {
    const tokens = n.text.toLowerCase().split(/\s+/).filter((t) => t.length > 2);
    if (tokens.some((t) => srcNameTokens.has(t) || sourceLower.includes(t))) continue;
    findings.push({ type: 'NAME', start: n.start, end: n.end, text: n.text, message: `${n.text} is not named in the source.`, evidence: null });
  }

  return dedupe(findings).sort((a, b) => a.start - b.start);
}

/** Mentioned in the source in other words the analyser did not link: the head word appears. */
function mentions(source: string, e: ClinicalEntity): boolean {
  const lower = source.toLowerCase();
  if (lower.includes(e.text.toLowerCase())) return true;
  return e.normalized !== null && lower.includes(e.normalized.toLowerCase());
}

function isDoseNumber(analysis: ClinicalAnalysis, offset: number): boolean {
  return analysis.medications.some((m) => offset >= m.start && offset < m.end);
}

function dedupe(findings: UnsupportedFinding[]): UnsupportedFinding[] {
  const kept: UnsupportedFinding[] = [];
  for (const f of findings) if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f);
  return kept;
}
