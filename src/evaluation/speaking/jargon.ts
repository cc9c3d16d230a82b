/**
 * Clinical jargon a patient may not follow (Appropriateness of Language: "technical matters explained in lay terms").
 * A term is fine when the candidate explains it in the same sentence ("hypertension, which means high blood
 * pressure"; "high blood pressure, what we call hypertension"), explained it earlier, or the patient used it first.
 */
import { findAll, sentenceAt, type IndexedTranscript, type Match } from './transcript.js';

/** Lower-case terms matched case-insensitively, with a lay alternative to suggest. */
export const CLINICAL_JARGON: Readonly<Record<string, string>> = {
  hypertension: 'high blood pressure',
  hypotension: 'low blood pressure',
  'myocardial infarction': 'heart attack',
  anticoagulation: 'blood-thinning treatment',
  anticoagulant: 'blood thinner',
  anticoagulants: 'blood thinners',
  prophylaxis: 'treatment to prevent it',
  prophylactic: 'preventive',
  glycaemic: 'blood sugar',
  glycemic: 'blood sugar',
  analgesia: 'pain relief',
  analgesic: 'painkiller',
  analgesics: 'painkillers',
  contraindicated: 'not safe for you',
  bilateral: 'on both sides',
  benign: 'not cancer',
  malignant: 'cancerous',
  malignancy: 'cancer',
  idiopathic: 'with no known cause',
  oedema: 'swelling',
  edema: 'swelling',
  dyspnoea: 'shortness of breath',
  dyspnea: 'shortness of breath',
  orthopnoea: 'breathlessness when lying flat',
  tachycardia: 'a fast heartbeat',
  bradycardia: 'a slow heartbeat',
  arrhythmia: 'an irregular heartbeat',
  'atrial fibrillation': 'an irregular heartbeat',
  hyperglycaemia: 'high blood sugar',
  hyperglycemia: 'high blood sugar',
  hypoglycaemia: 'low blood sugar',
  hypoglycemia: 'low blood sugar',
  hyperlipidaemia: 'high cholesterol',
  hypercholesterolaemia: 'high cholesterol',
  dyslipidaemia: 'high cholesterol',
  renal: 'kidney',
  cardiac: 'heart',
  pulmonary: 'lung',
  gastrointestinal: 'stomach and bowel',
  hepatic: 'liver',
  haemorrhage: 'bleeding',
  hemorrhage: 'bleeding',
  thrombosis: 'a blood clot',
  'deep vein thrombosis': 'a blood clot in the leg',
  embolism: 'a clot that has travelled',
  'pulmonary embolism': 'a clot in the lungs',
  ischaemia: 'reduced blood supply',
  ischemia: 'reduced blood supply',
  stenosis: 'narrowing',
  lesion: 'an area of damage',
  biopsy: 'a small tissue sample',
  prognosis: 'the likely outcome',
  asymptomatic: 'without symptoms',
  comorbidity: 'another health condition',
  comorbidities: 'other health conditions',
  'adverse reaction': 'side effect',
  'adverse effects': 'side effects',
  titrate: 'adjust the dose step by step',
  intravenous: 'into a vein',
  intravenously: 'through a drip into a vein',
  subcutaneous: 'under the skin',
  subcutaneously: 'under the skin',
  nocturia: 'getting up at night to pass urine',
  dysphagia: 'difficulty swallowing',
  dysuria: 'pain when passing urine',
  haematuria: 'blood in the urine',
  pyrexia: 'a fever',
  emesis: 'vomiting',
  syncope: 'fainting',
  erythema: 'redness',
  pruritus: 'itching',
  metastasis: 'spread of the cancer',
  metastases: 'spread of the cancer',
  metastatic: 'spread to other parts of the body',
  neoplasm: 'a growth',
  sputum: 'phlegm',
  sutures: 'stitches',
  cannula: 'a small tube in a vein',
  venepuncture: 'a blood test',
  'nil by mouth': 'nothing to eat or drink',
  mobilise: 'get moving',
  mobilising: 'moving around',
  ambulate: 'walk',
  ambulating: 'walking',
  hypersensitivity: 'an allergy',
  exacerbation: 'a flare-up',
  exacerbations: 'flare-ups',
  anaphylaxis: 'a severe allergic reaction',
  efficacy: 'how well it works',
  adherence: 'taking the medicine as prescribed',
  palliative: 'care focused on comfort',
  topical: 'put on the skin',
  'non-compliant': 'finding it hard to take the medicine',
};

/** Abbreviations matched case-sensitively ("INR", not "inr" inside a word). */
export const CLINICAL_ABBREVIATIONS: Readonly<Record<string, string>> = {
  NSAID: 'anti-inflammatory painkiller such as ibuprofen',
  NSAIDs: 'anti-inflammatory painkillers such as ibuprofen',
  INR: 'blood-clotting test',
  HbA1c: 'blood test of your average sugar level over three months',
  MI: 'heart attack',
  DVT: 'blood clot in the leg',
  PE: 'clot in the lungs',
  COPD: 'long-term lung disease',
  AF: 'irregular heartbeat',
  BP: 'blood pressure',
  PRN: 'when you need it',
  BD: 'twice a day',
  TDS: 'three times a day',
  IV: 'drip into a vein',
  UTI: 'urine infection',
  ECG: 'heart tracing',
  CXR: 'chest X-ray',
  BMI: 'weight-for-height measure',
  T2DM: 'type 2 diabetes',
};

export interface JargonUse {
  match: Match;
  term: string;
  lay?: string;
  explained: boolean;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const byLength = (a: string, b: string): number => b.length - a.length;
const JARGON_RE = new RegExp(`\\b(?:${Object.keys(CLINICAL_JARGON).sort(byLength).map(escape).join('|')})\\b`, 'i');
const ABBREV_RE = new RegExp(`\\b(?:${Object.keys(CLINICAL_ABBREVIATIONS).sort(byLength).map(escape).join('|')})\\b`);
/** A gloss right after the term: "…, which means", "(…)", "— …", "…, a blood thinner". */
const GLOSS_AFTER = /^\s*(?:\(|[—–]|\s-\s|,?\s*(?:which (?:means|is|are)|that means|meaning|in other words|that is|i\.e\.|or (?:what|in)|also (?:called|known as)|basically|so a|a (?:medicine|medication|tablet|drug|test|scan|condition|type|kind)\b|an? (?:\w+ ){0,2}(?:medicine|medication|tablet|test|scan|treatment|condition|painkiller|blood thinner)\b))/i;
/** The lay words first, the term after: "high blood pressure, what we call hypertension". */
const GLOSS_BEFORE = /(?:what (?:we|doctors|nurses) (?:call|refer to as)|(?:known|referred to) as|called|the medical (?:name|term) (?:for this |for it )?is)\s+(?:an?\s+|the\s+)?$/i;
/** Common words a knowledge pack may list (units, everyday abbreviations) that need no explanation. */
const NOT_JARGON = new Set(['ok', 'okay', 'mg', 'ml', 'am', 'pm', 'gp', 'doctor', 'nurse', 'tablet', 'tablets', 'pain', 'blood', 'heart', 'x-ray', 'a', 'i']);

function isExplained(m: Match, lay: string | undefined): boolean {
  const sentence = sentenceAt(m.turn, m.start);
  const sStart = sentence?.start ?? 0;
  const sEnd = sentence?.end ?? m.turn.text.length;
  const after = m.turn.text.slice(m.end, sEnd);
  const before = m.turn.text.slice(sStart, m.start);
  if (GLOSS_AFTER.test(after) || GLOSS_BEFORE.test(before)) return true;
  if (lay) {
    // The lay words in this sentence or the next one ("…hypertension. That's high blood pressure.").
    const next = m.turn.sentences.find((s) => s.start >= sEnd);
    const core = lay.toLowerCase().replace(/^(?:an?|the) /, '');
    if (m.turn.text.slice(sStart, next?.end ?? sEnd).toLowerCase().includes(core)) return true;
  }
  return false;
}

export function findJargon(tx: IndexedTranscript, isMedicalTerm?: (word: string) => boolean): JargonUse[] {
  const patientText = tx.interlocutor.map((t) => t.text).join('\n');
  const patientSaid = (term: string): boolean => new RegExp(`\\b${escape(term)}\\b`, 'i').test(patientText);
  const matches: { match: Match; term: string; lay?: string }[] = [];
  for (const m of findAll(tx.candidate, JARGON_RE)) matches.push({ match: m, term: m.text.toLowerCase(), lay: CLINICAL_JARGON[m.text.toLowerCase()] });
  for (const m of findAll(tx.candidate, ABBREV_RE)) matches.push({ match: m, term: m.text, lay: CLINICAL_ABBREVIATIONS[m.text] });
  if (isMedicalTerm) {
    const covered = (turn: number, start: number): boolean => matches.some((x) => x.match.turn.index === turn && start >= x.match.start && start < x.match.end);
    for (const turn of tx.candidate) {
      for (const w of turn.words) {
        if (w.text.length < 2 || NOT_JARGON.has(w.lower) || covered(turn.index, w.start)) continue;
        if (w.text.length < 4 && w.text !== w.text.toUpperCase()) continue;
        if (isMedicalTerm(w.text)) matches.push({ match: { turn, start: w.start, end: w.end, text: w.text }, term: w.lower });
      }
    }
  }
  matches.sort((a, b) => a.match.turn.index - b.match.turn.index || a.match.start - b.match.start);
  // Each term judged once: its first use decides (explained then, or introduced by the patient, is enough).
  const seen = new Map<string, boolean>();
  const uses: JargonUse[] = [];
  for (const { match, term, lay } of matches) {
    const key = term.toLowerCase();
    if (seen.get(key) === true) continue;
    const explained = isExplained(match, lay) || patientSaid(term);
    if (seen.has(key) && !explained) continue;
    seen.set(key, explained);
    uses.push({ match, term, ...(lay ? { lay } : {}), explained });
  }
  return uses;
}
