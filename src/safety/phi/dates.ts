import type { PhiCandidate } from './phiTypes.js';

/**
 * Dates with a day or a month (HIPAA Safe Harbor keeps years: a year alone is not PHI), and ages over 89.
 * Numeric dates must be real calendar dates in day-first or month-first order; a bare "3/4" counts only after a
 * date cue ("on", "from", "DOB"), since "power 4/5" and "GCS 14/15" have the same shape.
 */

const MONTHS = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`;
const DAY = String.raw`(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?`;
const YEAR = String.raw`(?:1[89]\d{2}|2[01]\d{2}|'?\d{2}(?![:.]\d))`;
const WEEKDAY = String.raw`(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|sday|urday)?\.?,?\s+)?`;

const TEXT_DATES: RegExp[] = [
  // 12 March 2024, 12th of March, 12-Mar-24, Monday 3 June 2024
  new RegExp(String.raw`\b${WEEKDAY}${DAY}(?:\s+of)?[\s-]+${MONTHS}(?:,?[\s-]+${YEAR})?\b`, 'g'),
  // March 12th, 2024; Mar 12
  new RegExp(String.raw`\b${WEEKDAY}${MONTHS}\s+${DAY}(?:,?\s+${YEAR})?\b(?!\s*(?:mg|ml|units?|%))`, 'g'),
  // March 2024 (month and year: the month is an element of a date)
  new RegExp(String.raw`\b${MONTHS}\s+(?:of\s+)?(?:1[89]\d{2}|2[01]\d{2})\b`, 'g'),
];

// A month named alone is an element of a date ("review in August"); "March" and "May" also need the cue, being
// ordinary words too.
const MONTH_ALONE = /(?<=\b(?:in|since|until|till|by|from|during|before|after|last|next|this|early|late|mid|mid-|end\s+of|start\s+of|beginning\s+of)\s+)(?:January|February|March|April|May|June|July|August|September|October|November|December)\b(?!\s+\d)/g;

const ISO = /\b(1[89]\d{2}|2[01]\d{2})-(\d{1,2})-(\d{1,2})\b/g;
const NUMERIC = /\b(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})\b/g;
const SHORT = /\b(\d{1,2})\/(\d{1,2})\b(?!\/)/g;
const DATE_CUE = /\b(?:on|from|since|until|till|to|by|dated?|DOB|D\.O\.B\.?|born|admitted|discharged|discharge|home|seen|reviewed|review|appointment|appt|commenced|start(?:ed|ing|s)?|stopped|ceased|due|last|next|of|before|after|and|between|effective|planned|scheduled|booked|expected|w\/c|week\s+of)\s*[:(]?\s*$/i;
const NOT_DATE_BEFORE = /\b(?:power|strength|GCS|score|pain|apgar|grade|MRC|NYHA|ratio|BP|tone|reflexes|murmur|VA|acuity|score of)\s*[:=]?\s*$/i;

const validDayMonth = (a: number, b: number): boolean => (a >= 1 && a <= 31 && b >= 1 && b <= 12) || (b >= 1 && b <= 31 && a >= 1 && a <= 12);

export function findDates(text: string): PhiCandidate[] {
  const found: PhiCandidate[] = [];
  const add = (start: number, end: number, score: number): void => {
    found.push({ type: 'DATE', start, end, text: text.slice(start, end), score, source: 'pattern', priority: 24 });
  };
  for (const pattern of TEXT_DATES) for (const m of text.matchAll(pattern)) add(m.index!, m.index! + m[0].length, 0.95);
  for (const m of text.matchAll(MONTH_ALONE)) add(m.index!, m.index! + m[0].length, 0.8);
  for (const m of text.matchAll(ISO)) {
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) add(m.index!, m.index! + m[0].length, 0.97);
  }
  for (const m of text.matchAll(NUMERIC)) {
    if (!validDayMonth(Number(m[1]), Number(m[3]))) continue;
    const before = text.slice(Math.max(0, m.index! - 20), m.index!);
    if (NOT_DATE_BEFORE.test(before)) continue;
    add(m.index!, m.index! + m[0].length, 0.95);
  }
  for (const m of text.matchAll(SHORT)) {
    if (!validDayMonth(Number(m[1]), Number(m[2]))) continue;
    const before = text.slice(Math.max(0, m.index! - 24), m.index!);
    if (!DATE_CUE.test(before) || NOT_DATE_BEFORE.test(before)) continue;
    add(m.index!, m.index! + m[0].length, 0.75);
  }
  return found;
}

const AGE_PATTERNS: RegExp[] = [
  /\b(\d{2,3})(?=[\s-]*(?:years?|yrs?|y)[\s-]*(?:old|of\s+age|o\b))/gi,
  /\b(\d{2,3})(?=\s*(?:yo|y\/o|y\.o\.?|yr old)\b|(?:M|F)\b)/g,
  /(?<=\b(?:aged?|age:|aged:|age of)\s*)(\d{2,3})\b/gi,
  /(?<=\b(?:turned|turns|turning)\s+)(\d{2,3})\b/gi,
  /\b(\d{2,3})(?=(?:st|nd|rd|th)\s+birthday)/gi,
  // "who is 92", "He is 91 and": an age when nothing measurable follows.
  /(?<=\b(?:is|was|now|turns|turned|being)\s+)(\d{2,3})\b(?=\s*(?:$|[,;)]|\.(?!\d)|\s+(?:and|but|with|who|years?|yrs?|yo|today|now|this|next|last|in|on|at)\b))/gim,
  // Handover lines: "Dorothea Vlahos, 94, UR …", "Mr Ramasamy, 81, MRN …", "Mrs Isobel McAllister, 91, CHI …".
  /(?<=\p{L}[,(]\s*)(\d{2,3})(?=\s*(?:[,)]|\s*[MF]\b|\s*(?:y|yo|yrs?|years?)\b))/gu,
];

/** Ages over 89 (HIPAA aggregates them as 90+); the span is the number. */
export function findAges(text: string): PhiCandidate[] {
  const found: PhiCandidate[] = [];
  for (const pattern of AGE_PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      const age = Number(m[1]);
      if (age < 90 || age > 130) continue;
      found.push({ type: 'AGE', start: m.index!, end: m.index! + m[1]!.length, text: m[1]!, score: 0.95, source: 'pattern', priority: 26 });
    }
  }
  return found;
}
