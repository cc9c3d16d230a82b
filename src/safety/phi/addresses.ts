import type { PhiCandidate } from './phiTypes.js';

/**
 * Street addresses, P.O. boxes and postcodes in the formats of the UK, Ireland, Australia, New Zealand, the US,
 * Canada, Singapore and the Gulf. An address is one span from the unit or house number through the street, the
 * suburb or town, the state and the postcode when they are written together; a postcode alone is an address too.
 * Towns and countries named alone are not (see the README's PHI conventions).
 */

const STREET_TYPES = String.raw`(?:Street|St|Road|Rd|Avenue|Ave|Av|Lane|Ln|Drive|Dr|Court|Ct|Crescent|Cres|Place|Pl|Boulevard|Blvd|Way|Close|Cl|Terrace|Tce|Parade|Pde|Highway|Hwy|Grove|Gr|Gardens|Gdns|Square|Sq|Row|Mews|Walk|Circuit|Cct|Esplanade|Esp|Quay|Rise|Hill|View|Green|Park|Vale|Heights|Hts|Crest|Loop|Trail|Pkwy|Parkway|Bend|Track|Promenade|Wynd|Brae|Strand|Circle|Cir|Alley|Point|Broadway|Park Road)\.?`;
const WORD = String.raw`(?:[A-Z][a-zA-Z'’-]*|[A-Z]{2,}|Al|al|bin|Bin|de|De|St\.?|Mt\.?|Upper|Lower|North|South|East|West|Old|New)`;
const UNIT = String.raw`(?:(?:(?:Unit|Flat|Apt\.?|Apartment|Suite|Villa|Level|Lvl|Floor|Room|Blk|Block|House|Building|Bldg)\s*\d+[A-Za-z]?|\d+[A-Za-z]?\s*/\s*)[,\s]*)?`;
const NUMBER = String.raw`(?:\d{1,5}[A-Za-z]?(?:[-–]\d{1,5}[A-Za-z]?)?|Lot\s+\d+)`;
const STREET = new RegExp(String.raw`\b${UNIT}${NUMBER},?\s+(?:${WORD}\s+){1,4}${STREET_TYPES}(?![a-z])`, 'g');
const PO_BOX = /\b(?:P\.?\s?O\.?\s*Box|PO Box|Private Bag|Locked Bag|GPO Box)\s+\d{1,6}\b/gi;
// Singapore: "Blk 123 Ang Mo Kio Avenue 3, #08-123" and Gulf "Villa 12, Street 5" forms.
const SG_BLOCK = /\b(?:Blk|Block)\s+\d{1,4}[A-Z]?\s+(?:[A-Z][a-zA-Z]*\s+){1,4}(?:Avenue|Ave|Street|St|Road|Rd|Drive|Dr|Crescent|Close|Lane|Walk|Ring|Central|North|South)\.?(?:\s+\d{1,3})?(?:,?\s*#\d{1,3}-\d{1,5})?/g;
const GULF_STREET = /\b(?:Villa|House|Building|Bldg|Flat|Apartment)\s+\d{1,5}[A-Z]?,\s*(?:Street|St|Road|Way)\s+\d{1,5}\b/g;

const POSTCODES: { pattern: RegExp; score: number }[] = [
  // UK: SW1A 1AA, M1 1AE, EH8 9YL
  { pattern: /\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?)\s\d[ABD-HJLNP-UW-Z]{2}\b/g, score: 0.95 },
  // Irish Eircode: D02 X285, A65 F4E2
  { pattern: /\b(?:[AC-FHKNPRTV-Y]\d{2}|D6W)\s?[0-9AC-FHKNPRTV-Y]{4}\b/g, score: 0.8 },
  // Canada: K1A 0B1
  { pattern: /\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z]\s?\d[ABCEGHJ-NPRSTV-Z]\d\b/g, score: 0.95 },
  // Australia: state + 4 digits; US: state + ZIP; Singapore: "Singapore 123456"
  { pattern: /\b(?:NSW|VIC|Vic|QLD|Qld|SA|WA|TAS|Tas|NT|ACT)\s+\d{4}\b/g, score: 0.95 },
  { pattern: /\b(?:A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY])\s+\d{5}(?:-\d{4})?\b/g, score: 0.95 },
  { pattern: /\bSingapore\s+\d{6}\b/g, score: 0.95 },
];

// After a street, the span runs on over ", Town", ", County/State" and a postcode, until punctuation or a line end.
const TAIL = /^(?:(?:,[ \t]?|[ \t])(?:[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}\b|[A-Z]\d[A-Z][ \t]?\d[A-Z]\d\b|[A-Z]\d{2}[ \t]?[A-Z\d]{4}\b|(?:Apt|Apartment|Unit|Suite|Flat|Villa|Floor|Level|#)\.?[ \t]*[\dA-Z-]+|Co\.|[A-Z][a-zA-Z'’-]+|[A-Z]{1,3}\b|\d{1,2}(?=[ \t]+[A-Z]\d)|\d{4,6}\b))+/;

function extend(text: string, end: number): number {
  const rest = text.slice(end, end + 80);
  const tail = TAIL.exec(rest);
  if (!tail) return end;
  // Stop at a line break or before a word that opens a new clause ("Lives", "He").
  let take = tail[0];
  const newline = take.indexOf('\n');
  if (newline >= 0) take = take.slice(0, newline);
  const words = take.split(/(?=,?\s+)/);
  let length = 0;
  for (const word of words) {
    const bare = word.replace(/^,?\s+/, '');
    if (/^(?:He|She|They|Lives|Lived|His|Her|The|With|And|Who|Was|Is|Has|Had|Phone|Tel|Ph|Mob|Email|DOB|Next|NOK|GP|Since|On|In|At|For|From|To)$/.test(bare)) break;
    length += word.length;
  }
  return end + take.slice(0, length).replace(/[,\s]+$/, '').length;
}

// "Address: …", "lives at …": the rest of the line (to a wide gap or a full stop) is the address.
const LABELLED = /\b(?:address|home\s+address|residential\s+address|postal\s+address|home|residence|lives\s+at|resides\s+at|living\s+at)\s*[:\-]?[ \t]+(?=\S*\d|(?:Apt|Unit|Flat|Villa|Suite|P\.?\s?O\.?\s*Box)\b)/gi;

function labelledLine(text: string, from: number): number {
  const rest = text.slice(from, from + 160);
  const stop = /\n|[ \t]{3,}|\.(?:\s|$)|;|\s+(?:Tel|Ph|Phone|Mob|Email|DOB|NOK|GP)\b/.exec(rest);
  return from + (stop ? stop.index : rest.length);
}

// Before a postcode: comma-separated capitalised parts on the same line ("Newcastle Road, Galway H91 YR71").
const BEFORE_POSTCODE = /(?:(?:\d{1,5}[A-Za-z]?[ \t]+|(?:Apt|Unit|Flat|Villa|Suite)\.?[ \t]*\d+[A-Za-z]?,?[ \t]+)?(?:[A-Z][a-zA-Z'’-]*\.?|de|of|the|na)(?:[ \t]+(?:[A-Z][a-zA-Z'’-]*\.?|de|of|the|na|\d{1,2}))*,?[ \t]+)+$/;

function backTo(text: string, start: number): number {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const before = text.slice(Math.max(lineStart, start - 120), start);
  const m = BEFORE_POSTCODE.exec(before);
  if (!m) return start;
  // Only when the run reads like an address: a street word or a house number in it, or several comma parts.
  const run = m[0];
  const streety = new RegExp(`\\b${STREET_TYPES}(?![a-z])|^\\d|\\bCo\\.`).test(run) || (run.match(/,/g)?.length ?? 0) >= 2;
  if (!streety) return start;
  let s = start - run.length;
  // Never swallow a label ("Address:") or a name before the address on the line.
  const colon = text.lastIndexOf(':', start);
  if (colon >= s) s = colon + 1;
  while (/\s/.test(text[s] ?? '')) s += 1;
  return s;
}

export function findAddresses(text: string): PhiCandidate[] {
  const found: PhiCandidate[] = [];
  const add = (start: number, end: number, score: number): void => {
    found.push({ type: 'ADDRESS', start, end, text: text.slice(start, end), score, source: 'pattern', priority: 23 });
  };
  for (const pattern of [STREET, SG_BLOCK, GULF_STREET]) {
    for (const m of text.matchAll(pattern)) add(m.index!, extend(text, m.index! + m[0].length), 0.9);
  }
  for (const m of text.matchAll(PO_BOX)) add(m.index!, extend(text, m.index! + m[0].length), 0.95);
  for (const m of text.matchAll(LABELLED)) {
    const start = m.index! + m[0].length;
    const end = labelledLine(text, start);
    if (end - start >= 6) add(start, end, 0.9);
  }
  for (const { pattern, score } of POSTCODES) {
    for (const m of text.matchAll(pattern)) {
      // Glasgow Coma Scale components ("E3 V3 M6") look like a Canadian postcode.
      if (/\bE\d\s?V\d\s?M\d/.test(text.slice(m.index!, m.index! + 9))) continue;
      add(backTo(text, m.index!), m.index! + m[0].length, score);
    }
  }
  return found;
}
