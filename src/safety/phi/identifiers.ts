import { isValidIBAN } from 'ibantools';
import {
  chiValid,
  emiratesIdValid,
  ihiValid,
  luhnValid,
  medicareAuValid,
  nhiValid,
  nhsValid,
  nricValid,
  ppsnValid,
  sinValid,
  ssnPlausible,
} from './checkDigits.js';
import type { PhiCandidate, PhiType } from './phiTypes.js';

/**
 * Record numbers and national/insurance identifiers. Two routes: a label ("MRN", "NHS no.", "Passport") names the
 * type of the value after it, whatever its shape; an unlabelled value counts only when its shape is specific and its
 * check digit holds (an NHS number, an NRIC). The label wins over the shape: "Hospital no. 943 476 5919" is a record
 * number even though it would pass the NHS check.
 */

interface LabelRule {
  type: PhiType;
  scheme: string;
  /** Label words, matched case-insensitively at a word boundary. */
  label: string;
}

// Order matters only for readability; the longest label that ends nearest the value wins (see `labelled`).
const LABELS: LabelRule[] = [
  { type: 'MRN', scheme: 'MRN', label: String.raw`(?:medical\s+)?record\s*(?:no\.?|number|#)|M\.?R\.?N\.?|U\.?R\.?N\.?|UR\s*(?:no\.?|number)|UR|hosp(?:ital|\.)?\s*(?:no\.?|number|#|id)|(?:ED|A&E|ER)\s*(?:no\.?|number|#|reg(?:istration)?)|unit\s*(?:no\.?|number)|patient\s*(?:id|no\.?|number|#)|pt\s*(?:id|no\.?)|case\s*(?:no\.?|number)|episode\s*(?:no\.?|number|id)?|accession\s*(?:no\.?|number|#)?|lab\s*(?:no\.?|number|ref(?:erence)?)|specimen\s*(?:no\.?|number|id)|chart\s*(?:no\.?|number)|visit\s*(?:no\.?|number|id)|admission\s*(?:no\.?|number)|encounter\s*(?:no\.?|number|id)|file\s*(?:no\.?|number)|H\.?N\.?|CR\s*no\.?|HRN|PID|health\s+record\s*(?:no\.?|number)?|(?:registration|reg)\s*(?:no\.?|number|#)|(?:IP|OP|inpatient|outpatient|clinic|booking|referral|order|requisition|sample|request)\s*(?:no\.?|number|#|id)|(?:our|your)\s+ref(?:erence)?|hospital\s+ID|unit\s+record(?:\s*(?:no\.?|number))?` },
  { type: 'INSURANCE_ID', scheme: 'MEDICARE', label: String.raw`medicare(?:\s*card)?\s*(?:no\.?|number|#|card)?|MBI` },
  { type: 'INSURANCE_ID', scheme: 'IHI', label: String.raw`IHI(?:\s*(?:no\.?|number))?` },
  { type: 'INSURANCE_ID', scheme: 'NHS', label: String.raw`NHS\s*(?:no\.?|number|#)|NHS` },
  { type: 'INSURANCE_ID', scheme: 'CHI', label: String.raw`CHI(?:\s*(?:no\.?|number))?` },
  { type: 'INSURANCE_ID', scheme: 'NHI', label: String.raw`NHI(?:\s*(?:no\.?|number))?` },
  { type: 'INSURANCE_ID', scheme: 'HEALTH_CARD', label: String.raw`(?:OHIP|MSP|RAMQ|AHCIP|health\s*card|HC|medicaid|DVA(?:\s+(?:gold|white|orange))?|GMS(?:\s+medical)?|Thiqa|Daman|Blue\s+Cross|Medavie(?:\s+Blue\s+Cross)?|Bupa|Medibank|HCF|NIB|ACC|CHAS|MediShield|Integrated\s+Shield)\s*(?:card|claim|plan|policy)?\s*(?:id|no\.?|number|#)?|(?:health\s*insurance|insurance|insurer|policy|member(?:ship)?|medical\s*card|health\s*fund|fund|claim|subscriber|beneficiary)\s*(?:id|no\.?|number|#)` },
  { type: 'NATIONAL_ID', scheme: 'SSN', label: String.raw`SSN|social\s*security(?:\s*(?:no\.?|number|#))?` },
  { type: 'NATIONAL_ID', scheme: 'PPSN', label: String.raw`PPSN|PPS\s*(?:no\.?|number)` },
  { type: 'NATIONAL_ID', scheme: 'SIN', label: String.raw`SIN|social\s*insurance(?:\s*(?:no\.?|number))?` },
  { type: 'NATIONAL_ID', scheme: 'NRIC', label: String.raw`NRIC|FIN|NRIC/FIN|IC\s*(?:no\.?|number)` },
  { type: 'NATIONAL_ID', scheme: 'EMIRATES_ID', label: String.raw`Emirates\s*ID(?:\s*(?:no\.?|number))?|EID` },
  { type: 'NATIONAL_ID', scheme: 'NATIONAL_ID', label: String.raw`(?:QID|Qatar\s*ID|Iqama|civil\s*ID|national\s*ID|national\s*identity|ID\s*card|identity\s*card|Aadhaar|CPR|resident\s*ID)\s*(?:no\.?|number|#)?` },
  { type: 'NATIONAL_ID', scheme: 'NINO', label: String.raw`(?:national\s*insurance|NI|NINO)\s*(?:no\.?|number)?` },
  { type: 'NATIONAL_ID', scheme: 'PASSPORT', label: String.raw`passport\s*(?:no\.?|number|#)?` },
  { type: 'NATIONAL_ID', scheme: 'DRIVER_LICENCE', label: String.raw`(?:driver'?s?|driving)\s*licen[cs]e\s*(?:no\.?|number|#)?|DL\s*(?:no\.?|#)` },
  { type: 'DEVICE_ID', scheme: 'DEVICE', label: String.raw`serial\s*(?:no\.?|number|#)?|S/N|SN|IMEI|device\s*(?:id|serial|no\.?|number)|UDI|(?:pump|pacemaker|implant|ICD|CGM|monitor)\s*(?:id|serial|no\.?|number)` },
  { type: 'ACCOUNT', scheme: 'ACCOUNT', label: String.raw`(?:bank\s*)?account\s*(?:no\.?|number|#)?|acct\.?\s*(?:no\.?|#)?|a/c\s*(?:no\.?)?|billing\s*(?:no\.?|number|account|id|ref(?:erence)?)|invoice\s*(?:no\.?|number|#)|IBAN|BSB|sort\s*code|card\s*(?:no\.?|number|ending(?:\s*in)?)` },
];

// A value after a label: starts with a letter or digit, holds at least two digits, may be grouped by single spaces,
// hyphens or slashes; stops before a word with no digit.
const VALUE = String.raw`(?:[A-Z]{1,5}-){0,3}(?:[A-Z]{1,4}[- ]?)?\d[\dA-Z]*(?:[-/.]\d[\dA-Z]*|[ \t]\d{2,}[\dA-Z]*|[-/][A-Z0-9]+)*`;
const SEPARATOR = String.raw`[ \t]*(?:\(?[ \t]*(?:no\.?|number|#)[ \t]*)?(?:[:#=]|is|was)?[ \t]*`;

const LABELLED = new RegExp(
  String.raw`\b(${LABELS.map((rule, i) => `(?<l${i}>${rule.label})`).join('|')})(?![A-Za-z])` + SEPARATOR + `(?<value>${VALUE})`,
  'gi',
);

function labelIndex(groups: Record<string, string | undefined>): number {
  for (let i = 0; i < LABELS.length; i += 1) if (groups[`l${i}`] !== undefined) return i;
  return -1;
}

/** A value must look like an identifier, not a dose or a count: enough digits and no trailing unit. */
function plausibleValue(value: string, after: string): boolean {
  const digits = value.replace(/\D/g, '').length;
  if (digits < 4) return false;
  if (/^\s*(?:mg|mcg|g|kg|ml|mL|mmol|units?|%|years?|yrs?|days?|weeks?|hours?|mins?|minutes?|am|pm)\b/i.test(after)) return false;
  return true;
}

function trimValue(value: string): string {
  // Grouping separators may be followed by the next sentence's words: keep only digit-bearing groups.
  return value.replace(/[-/.\s]+$/, '');
}

function labelled(text: string): PhiCandidate[] {
  const found: PhiCandidate[] = [];
  for (const match of text.matchAll(LABELLED)) {
    const groups = match.groups ?? {};
    const index = labelIndex(groups);
    const raw = groups.value;
    if (index < 0 || raw === undefined) continue;
    // Labels like "NHS", "Medicare", "SN" are also ordinary words: a lower-case label needs a ':' or '#' or 'no.'.
    const label = match[1]!;
    const rule = LABELS[index]!;
    let value = trimValue(raw);
    const start = match.index! + match[0].length - raw.length;
    // A Medicare card number is often grouped 4-5-1: the issue digit stands alone ("2123 45670 1").
    for (let extra = 0; rule.scheme === 'MEDICARE' && extra < 2; extra += 1) {
      const irn = /^[ /-]\d(?!\d)/.exec(text.slice(start + value.length));
      if (!irn || !medicareAuValid((value + irn[0]).replace(/[-/]\d$/, ''))) break;
      value += irn[0];
    }
    if (!plausibleValue(value, text.slice(start + value.length, start + value.length + 8))) continue;
    if (rule.scheme === 'NATIONAL_ID' && /^QID$/i.test(label.trim()) && value.replace(/\D/g, '').length < 8) continue;
    found.push({ type: rule.type, start, end: start + value.length, text: value, score: 0.95, source: 'context', scheme: rule.scheme, priority: 30 });
  }
  return found;
}

interface ShapeRule {
  type: PhiType;
  scheme: string;
  pattern: RegExp;
  valid: (value: string) => boolean;
  score: number;
}

const SHAPES: ShapeRule[] = [
  { type: 'INSURANCE_ID', scheme: 'IHI', pattern: /\b8003\s?60\d{2}\s?\d{4}\s?\d{4}\b/g, valid: ihiValid, score: 0.99 },
  { type: 'NATIONAL_ID', scheme: 'EMIRATES_ID', pattern: /\b784-?\d{4}-?\d{7}-?\d\b/g, valid: emiratesIdValid, score: 0.99 },
  { type: 'INSURANCE_ID', scheme: 'NHS', pattern: /\b\d{3}[ -]?\d{3}[ -]?\d{4}\b/g, valid: (v) => nhsValid(v) || chiValid(v), score: 0.85 },
  { type: 'INSURANCE_ID', scheme: 'MEDICARE_AU', pattern: /\b[2-6]\d{3}[ ]?\d{5}[ ]?\d(?:[ /-]?\d)?\b/g, valid: medicareAuValid, score: 0.85 },
  { type: 'INSURANCE_ID', scheme: 'NHI', pattern: /\b[A-HJ-NP-Z]{3}(?:\d{4}|\d{2}[A-HJ-NP-Z]{2})\b/g, valid: nhiValid, score: 0.9 },
  { type: 'INSURANCE_ID', scheme: 'MBI', pattern: /\b[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y\d]\d-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y\d]\d-?[AC-HJKMNP-RT-Y]{2}\d{2}\b/g, valid: () => true, score: 0.9 },
  { type: 'INSURANCE_ID', scheme: 'OHIP', pattern: /\b\d{4}[ -]?\d{3}[ -]?\d{3}[ -]?[A-Z]{2}\b/g, valid: () => true, score: 0.85 },
  { type: 'NATIONAL_ID', scheme: 'SSN', pattern: /\b\d{3}-\d{2}-\d{4}\b/g, valid: ssnPlausible, score: 0.9 },
  { type: 'NATIONAL_ID', scheme: 'PPSN', pattern: /\b\d{7}[A-W][A-IW]?\b/g, valid: ppsnValid, score: 0.95 },
  { type: 'NATIONAL_ID', scheme: 'SIN', pattern: /\b\d{3}[ -]\d{3}[ -]\d{3}\b/g, valid: sinValid, score: 0.8 },
  { type: 'NATIONAL_ID', scheme: 'NRIC', pattern: /\b[STFGM]\d{7}[A-Z]\b/g, valid: nricValid, score: 0.99 },
  { type: 'NATIONAL_ID', scheme: 'NINO', pattern: /\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/g, valid: (v) => !/^(?:BG|GB|NK|KN|TN|NT|ZZ)/.test(v), score: 0.9 },
  { type: 'ACCOUNT', scheme: 'IBAN', pattern: /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b/g, valid: (v) => isValidIBAN(v.replace(/\s/g, '')), score: 0.99 },
  { type: 'ACCOUNT', scheme: 'CARD', pattern: /\b[3-6]\d{3}(?:[ -]?\d{4}){2}[ -]?\d{1,7}\b/g, valid: (v) => v.replace(/\D/g, '').length >= 13 && luhnValid(v), score: 0.9 },
];

function shaped(text: string): PhiCandidate[] {
  const found: PhiCandidate[] = [];
  for (const rule of SHAPES) {
    for (const match of text.matchAll(rule.pattern)) {
      const value = match[0];
      if (!rule.valid(value)) continue;
      const start = match.index!;
      const source = rule.valid === ssnPlausible || rule.valid.length === 0 ? 'pattern' : 'checksum';
      found.push({ type: rule.type, start, end: start + value.length, text: value, score: rule.score, source, scheme: rule.scheme, priority: 27 });
    }
  }
  return found;
}

/** Identifier candidates: labelled values and unlabelled values whose shape and check digit hold. */
export function findIdentifiers(text: string): PhiCandidate[] {
  const shapes = shaped(text);
  // A label's value stops at its last digit group; a known shape at the same place may run on ("QQ 12 34 56 C").
  const labels = labelled(text).map((candidate) => {
    const longer = shapes.find((s) => s.start === candidate.start && s.end > candidate.end);
    return longer ? { ...candidate, end: longer.end, text: longer.text } : candidate;
  });
  return [...labels, ...shapes];
}
