import type { KnowledgeBase } from '../../knowledge/KnowledgeBase.js';
import { SEVERITY_RANK } from '../../knowledge/interactions/InteractionChecker.js';
import { checkText, checkTextList } from '../../knowledge/inputs.js';
import { BadUserInputError } from '../../errors.js';
import type { ClinicalAnalyzer, MedicationEntry } from '../ClinicalAnalyzer.js';
import { readMedicationDetails } from '../medications/medicationDetails.js';
import { ALLERGY_GROUPS, CONDITION_CONTRAINDICATIONS } from './clinicalRules.js';
import { PLAUSIBLE, readVitals, type VitalReading, type Vitals } from './vitals.js';

/** A role-play brief or case as text, as structured fields, or both. */
export interface ScenarioCase {
  text?: string;
  diagnosis?: string;
  symptoms?: string[];
  /** As a prescription line: "amoxicillin 500 mg PO tds". */
  medications?: string[];
  allergies?: string[];
  conditions?: string[];
  plan?: string;
  vitals?: Vitals;
}

export type FindingType =
  | 'IMPLAUSIBLE_VITAL'
  | 'IMPLAUSIBLE_AGE'
  | 'DOSE_OUT_OF_RANGE'
  | 'DRUG_INTERACTION'
  | 'DUPLICATE_THERAPY'
  | 'ALLERGY_CONFLICT'
  | 'CONDITION_CONTRAINDICATION'
  | 'SYMPTOM_DIAGNOSIS_MISMATCH'
  | 'RED_FLAG_NOT_ADDRESSED';

export interface ScenarioFinding {
  type: FindingType;
  severity: 'ERROR' | 'WARNING' | 'INFO';
  message: string;
  /** What in the scenario it is about; offsets when it comes from `text`. */
  evidence: { text: string; start: number | null; end: number | null }[];
  reference: string | null;
}

export interface ScenarioReport {
  findings: ScenarioFinding[];
  diagnosisCode: string | null;
  /** What was read and checked. */
  checked: { symptoms: number; medications: number; allergies: number; conditions: number; vitals: number };
}

interface Med {
  text: string;
  start: number | null;
  end: number | null;
  components: string[];
  details: Pick<MedicationEntry, 'doseValue' | 'unit' | 'route' | 'frequency'>;
}

const PER_DAY: Record<string, number> = { 'once daily': 1, 'twice daily': 2, 'three times daily': 3, 'four times daily': 4, 'at night': 1, 'in the morning': 1, 'every 4 hours': 6, 'every 2 hours': 12 };
const IN_MG: Record<string, number> = { mg: 1, g: 1000, mcg: 0.001 };

/**
 * Checks a generated or written clinical scenario for what a clinician would catch: vitals and ages no patient has,
 * doses outside a plausible adult range (and weekly drugs given daily), interacting drugs, drugs a stated allergy or
 * condition rules out, symptoms that do not fit the stated diagnosis, and red flags the plan does not address.
 */
export async function validateScenario(input: ScenarioCase, analyzer: ClinicalAnalyzer, knowledge: KnowledgeBase, signal?: AbortSignal): Promise<ScenarioReport> {
  const text = input.text === undefined ? undefined : checkText('text', input.text, 50_000) && input.text;
  const given = (field: keyof ScenarioCase, list: string[] | undefined) => (list === undefined || list.length === 0 ? [] : checkTextList(field, list, 50, 300));
  if (!text && !input.diagnosis && !input.symptoms?.length && !input.medications?.length) {
    throw new BadUserInputError('A scenario needs text or at least one of diagnosis, symptoms and medications.', { field: 'input' });
  }
  const analysis = text ? await analyzer.analyze(text, { signal }) : undefined;
  const findings: ScenarioFinding[] = [];
  const at = (s: { text: string; start?: number | null; end?: number | null }) => ({ text: s.text, start: s.start ?? null, end: s.end ?? null });

  // Vitals and age.
  const readings: VitalReading[] = text ? readVitals(text) : [];
  for (const [name, value] of Object.entries(input.vitals ?? {}) as [keyof Vitals, number][]) readings.push({ name, value, text: `${name} ${value}`, start: -1, end: -1 });
  for (const r of readings) {
    const [low, high] = PLAUSIBLE[r.name];
    if (r.value < low || r.value > high) {
      findings.push({ type: r.name === 'age' ? 'IMPLAUSIBLE_AGE' : 'IMPLAUSIBLE_VITAL', severity: 'ERROR', message: `${r.name} ${r.value} is outside what a living patient can have (${low}–${high})`, evidence: [at(withOffsets(r))], reference: null });
    }
  }
  const systolic = readings.find((r) => r.name === 'systolicBp');
  const diastolic = readings.find((r) => r.name === 'diastolicBp');
  if (systolic && diastolic && systolic.value <= diastolic.value) {
    findings.push({ type: 'IMPLAUSIBLE_VITAL', severity: 'ERROR', message: `blood pressure ${systolic.value}/${diastolic.value}: the systolic must be above the diastolic`, evidence: [at(withOffsets(systolic))], reference: null });
  }

  // Medications: from the text (current ones) and from the structured list.
  const meds: Med[] = (analysis?.medications ?? [])
    .filter((m) => m.status === 'current' && m.drugbankId)
    .map((m) => {
      const entity = analysis!.entities.find((e) => e.id === m.entityId)!;
      return { text: text!.slice(entity.start, Math.max(entity.end, m.end)), start: entity.start, end: Math.max(entity.end, m.end), components: m.drugbankId!.split('+').map((id) => `drugbank:${id}`), details: m };
    });
  for (const line of given('medications', input.medications)) {
    const lineAnalysis = await analyzer.analyze(line, { useModel: false, code: false, signal });
    const drug = lineAnalysis.entities.find((e) => e.category === 'MEDICATION' && e.codeSystem === 'DRUGBANK');
    if (!drug) continue;
    meds.push({ text: line, start: null, end: null, components: drug.code!.split('+').map((id) => `drugbank:${id}`), details: readMedicationDetails(line, drug.end, line.length) });
  }
  findings.push(...checkDoses(meds, knowledge));

  // Interactions and duplicates among the medications.
  if (meds.length > 1) {
    const names = meds.map((m) => m.components.map((c) => knowledge.store.get(c)?.name ?? c).join(' / '));
    const check = knowledge.interactions.check(names.slice(0, 50));
    for (const i of check.interactions) {
      const severity = SEVERITY_RANK[i.severity] >= SEVERITY_RANK.MAJOR ? 'ERROR' : i.severity === 'MODERATE' ? 'WARNING' : 'INFO';
      const evidence = meds.filter((m) => m.components.includes(`drugbank:${i.drugbankIdA}`) || m.components.includes(`drugbank:${i.drugbankIdB}`)).map(at);
      findings.push({ type: 'DRUG_INTERACTION', severity, message: `${i.drugA} + ${i.drugB}: ${i.severity.toLowerCase()} interaction. ${i.description} ${i.management}`, evidence, reference: i.references[0] ?? null });
    }
    for (const d of check.duplicates) {
      findings.push({ type: 'DUPLICATE_THERAPY', severity: 'WARNING', message: `${d.drug} is given twice (${d.inputs.join(', ')})`, evidence: meds.filter((m) => m.components.includes(`drugbank:${d.drugbankId}`)).map(at), reference: null });
    }
  }

  // Allergies: stated in the text or given.
  const allergyTexts = [...(analysis?.allergies ?? []).map((a) => a.substance), ...given('allergies', input.allergies)];
  if (text && analysis) {
    for (const s of analysis.sections.filter((sec) => sec.kind === 'allergies')) allergyTexts.push(text.slice(s.bodyStart, s.end));
  }
  findings.push(...checkAllergies(allergyTexts, meds, knowledge));

  // Conditions: coded from the text, the given list and the diagnosis.
  const diagnosisCode = input.diagnosis ? ((await knowledge.suggestIcd10Codes(input.diagnosis, { limit: 1, rerank: false }))[0]?.code ?? null) : (analysis?.conditions.find((c) => analysis.entities.some((e) => c.entityIds.includes(e.id) && e.section === 'assessment'))?.code ?? null);
  const conditionCodes = new Set([...(analysis?.conditions ?? []).map((c) => c.code), ...(diagnosisCode ? [diagnosisCode] : [])]);
  for (const c of given('conditions', input.conditions)) {
    const [best] = await knowledge.suggestIcd10Codes(c, { limit: 1, rerank: false });
    if (best) conditionCodes.add(best.code);
  }
  findings.push(...checkConditions([...conditionCodes], meds, knowledge));

  // Symptoms against the diagnosis, and red flags against the plan.
  const symptoms = [...(analysis?.entities ?? []).filter((e) => e.category === 'SYMPTOM' && !e.negated && !e.family && !e.hypothetical).map((e) => e.text), ...given('symptoms', input.symptoms)];
  if (diagnosisCode && symptoms.length > 0) findings.push(...checkSymptomFit(diagnosisCode, symptoms, knowledge));
  if (symptoms.length > 0) {
    const plan = [input.plan ?? '', ...(analysis?.sections ?? []).filter((s) => s.kind === 'plan').map((s) => text!.slice(s.bodyStart, s.end))].join(' ');
    for (const flag of knowledge.correlateSymptoms(symptoms.slice(0, 30), 1).redFlags) {
      if (addresses(plan, flag.action)) continue;
      findings.push({ type: 'RED_FLAG_NOT_ADDRESSED', severity: 'WARNING', message: `red flag: ${flag.concern}. The plan should include: ${flag.action}`, evidence: flag.symptoms.map((s) => ({ text: s, start: null, end: null })), reference: flag.reference });
    }
  }
  const order = { ERROR: 0, WARNING: 1, INFO: 2 };
  findings.sort((a, b) => order[a.severity] - order[b.severity]);
  return { findings, diagnosisCode, checked: { symptoms: symptoms.length, medications: meds.length, allergies: allergyTexts.length, conditions: conditionCodes.size, vitals: readings.length } };
}

function withOffsets(r: VitalReading): { text: string; start: number | null; end: number | null } {
  return r.start < 0 ? { text: r.text, start: null, end: null } : r;
}

function checkDoses(meds: readonly Med[], knowledge: KnowledgeBase): ScenarioFinding[] {
  const findings: ScenarioFinding[] = [];
  for (const med of meds) {
    const { doseValue, unit, route, frequency } = med.details;
    // A combination's strength is written for the whole product ("625 mg" of co-amoxiclav): not per component.
    if (doseValue === null || !unit || med.components.length !== 1) continue;
    // Without a stated route, the oral range is the one a prescription most likely means.
    const ranges = (knowledge.doseRanges.get(med.components[0]!) ?? []).filter((r) => sameUnit(r.unit, unit) && (!route || r.route === route)).sort((a, b) => Number(b.route === 'oral') - Number(a.route === 'oral'));
    const range = ranges[0];
    if (!range) continue;
    const dose = toUnit(doseValue, unit, range.unit);
    const evidence = [{ text: med.text, start: med.start, end: med.end }];
    const drug = knowledge.store.get(med.components[0]!)?.name ?? 'this drug';
    if (dose > range.maxSingle) findings.push({ type: 'DOSE_OUT_OF_RANGE', severity: 'ERROR', message: `${drug} ${doseValue} ${unit} is above the usual maximum single adult dose (${range.maxSingle} ${range.unit}, ${range.route})`, evidence, reference: range.reference });
    else if (dose < range.minSingle / 2) findings.push({ type: 'DOSE_OUT_OF_RANGE', severity: 'WARNING', message: `${drug} ${doseValue} ${unit} is well below the usual adult dose (${range.minSingle}–${range.maxSingle} ${range.unit})`, evidence, reference: range.reference });
    const perDay = frequency ? (PER_DAY[frequency] ?? (/every (\d+) hours/.exec(frequency) ? 24 / Number(/every (\d+) hours/.exec(frequency)![1]) : undefined)) : undefined;
    if (perDay && range.maxWeekly && !range.maxDaily) findings.push({ type: 'DOSE_OUT_OF_RANGE', severity: 'ERROR', message: `${drug} is given ${frequency}; it is a once-weekly drug (${range.typicalFrequency ?? 'weekly'})`, evidence, reference: range.reference });
    else if (perDay && range.maxDaily && dose * perDay > range.maxDaily) findings.push({ type: 'DOSE_OUT_OF_RANGE', severity: 'ERROR', message: `${drug} ${doseValue} ${unit} ${frequency} is ${dose * perDay} ${range.unit} a day, above the usual maximum of ${range.maxDaily}`, evidence, reference: range.reference });
  }
  return findings;
}

function sameUnit(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase() || (a in IN_MG && b.toLowerCase() in IN_MG);
}

function toUnit(value: number, from: string, to: string): number {
  const f = IN_MG[from.toLowerCase()];
  const t = IN_MG[to.toLowerCase()];
  return f !== undefined && t !== undefined ? (value * f) / t : value;
}

/** The DrugBank concepts a group member names: a drug, or every member of a curated class. */
function membersOf(names: readonly string[], knowledge: KnowledgeBase): Set<string> {
  const ids = new Set<string>();
  for (const name of names) {
    if (name.startsWith('class:')) for (const id of knowledge.store.related(name, 'member-of', 'in')) ids.add(id);
    else for (const c of knowledge.drugs.normalize(name)?.components ?? []) ids.add(c.conceptId);
  }
  return ids;
}

function checkAllergies(allergies: readonly string[], meds: readonly Med[], knowledge: KnowledgeBase): ScenarioFinding[] {
  const findings: ScenarioFinding[] = [];
  const seen = new Set<string>();
  for (const allergy of allergies) {
    const same = new Set((knowledge.drugs.normalize(allergy)?.components ?? []).map((c) => c.conceptId));
    for (const med of meds) {
      if (med.components.some((c) => same.has(c)) && !seen.has(`${allergy}|${med.text}`)) {
        seen.add(`${allergy}|${med.text}`);
        findings.push({ type: 'ALLERGY_CONFLICT', severity: 'ERROR', message: `${med.text} is prescribed despite a stated allergy to ${allergy}`, evidence: [{ text: med.text, start: med.start, end: med.end }], reference: null });
      }
    }
    for (const group of ALLERGY_GROUPS) {
      if (!group.allergy.test(allergy)) continue;
      const members = membersOf(group.members, knowledge);
      for (const med of meds) {
        const key = `${group.message}|${med.text}`;
        if (seen.has(key) || seen.has(`${allergy}|${med.text}`) || !med.components.some((c) => members.has(c))) continue;
        seen.add(key);
        findings.push({ type: 'ALLERGY_CONFLICT', severity: group.severity, message: `${med.text}: ${group.message} (${allergy})`, evidence: [{ text: med.text, start: med.start, end: med.end }], reference: group.reference });
      }
    }
  }
  return findings;
}

function checkConditions(codes: readonly string[], meds: readonly Med[], knowledge: KnowledgeBase): ScenarioFinding[] {
  const findings: ScenarioFinding[] = [];
  for (const rule of CONDITION_CONTRAINDICATIONS) {
    const code = codes.find((c) => rule.conditions.some((prefix) => c.startsWith(prefix)));
    if (!code) continue;
    const members = membersOf(rule.drugs, knowledge);
    for (const med of meds.filter((m) => m.components.some((c) => members.has(c)))) {
      findings.push({ type: 'CONDITION_CONTRAINDICATION', severity: rule.severity, message: `${med.text} with ${rule.condition} (${code}): ${rule.message}`, evidence: [{ text: med.text, start: med.start, end: med.end }], reference: rule.reference });
    }
  }
  return findings;
}

/** Symptoms that the stated diagnosis does not typically present with (curated conditions filed under its code). */
function checkSymptomFit(diagnosisCode: string, symptoms: readonly string[], knowledge: KnowledgeBase): ScenarioFinding[] {
  const conditions = knowledge.store.related(`icd10cm:${diagnosisCode}`, 'same-as', 'in').filter((id) => id.startsWith('condition:'));
  if (conditions.length === 0) return [];
  const typical = new Set(conditions.flatMap((id) => knowledge.store.related(id, 'has-symptom', 'out')));
  const name = knowledge.store.get(conditions[0]!)!.name;
  const findings: ScenarioFinding[] = [];
  for (const symptom of symptoms) {
    const id = knowledge.symptoms.recognise(symptom);
    if (!id || typical.has(id)) continue;
    findings.push({ type: 'SYMPTOM_DIAGNOSIS_MISMATCH', severity: 'WARNING', message: `${symptom} is not a typical feature of ${name}: check the diagnosis or explain the symptom`, evidence: [{ text: symptom, start: null, end: null }], reference: knowledge.store.get(conditions[0]!)!.attrs.reference?.toString() ?? null });
  }
  return findings;
}

/** Whether a plan mentions what a red flag's action asks for (its key words: "ECG", "urgent", "refer", "admit"…). */
function addresses(plan: string, action: string): boolean {
  if (plan.trim() === '') return false;
  const keys = action.toLowerCase().match(/\b(ecg|ekg|urgent(ly)?|emergency|ambulance|999|000|911|112|admit|admission|refer(ral)?|same[- ]day|immediate(ly)?|a&e|ed|ct|mri|senior|escalat\w*|sepsis|antibiotics?|adrenaline|blood cultures?|lumbar puncture|2[- ]week[- ]wait)\b/g) ?? [];
  const lowered = plan.toLowerCase();
  return keys.length === 0 ? true : keys.some((k) => lowered.includes(k));
}
