import { isIP } from 'node:net';
import { LinkifyIt } from 'linkify-it';
import { isValidPhoneNumber, type CountryCode } from 'libphonenumber-js/max';
import type { PhiCandidate } from './phiTypes.js';

/**
 * Emails, URLs, IP addresses and phone/fax numbers. Links come from linkify-it (markdown-it's maintained link
 * finder, fuzzy links with a real TLD list); phone numbers from libphonenumber (Google's metadata, "max" build so a
 * number must be valid for its country, not merely the right length), tried with the default country of every place
 * OET candidates work. A labelled number ("Tel:", "Fax") that the metadata does not know (a made-up 555 number)
 * is still a phone number.
 */

const linkify = new LinkifyIt({ fuzzyLink: true, fuzzyEmail: true, fuzzyIP: false });

// Where local numbers (no +) are read as: OET countries first; international numbers parse under any of them.
const COUNTRIES: CountryCode[] = ['GB', 'IE', 'AU', 'NZ', 'US', 'SG', 'AE', 'QA', 'SA', 'KW', 'OM', 'BH', 'IN', 'PH'];

export function findLinks(text: string): PhiCandidate[] {
  const matches = linkify.match(text) ?? [];
  return matches.map((m) => {
    const email = m.schema === 'mailto:' || (m.schema === '' && m.raw.includes('@') && !m.raw.includes('/'));
    return { type: email ? 'EMAIL' : 'URL', start: m.index, end: m.lastIndex, text: m.raw, score: 0.99, source: 'pattern', priority: 40 };
  });
}

const IPV4 = /\b(?:\d{1,3}\.){3}\d{1,3}\b/g;
const IPV6 = /(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])/g;

export function findIpAddresses(text: string): PhiCandidate[] {
  const found: PhiCandidate[] = [];
  for (const pattern of [IPV4, IPV6]) {
    for (const match of text.matchAll(pattern)) {
      const value = match[0];
      if (isIP(value) === 0) continue;
      // "12:30:45" is not an address; a real IPv6 has a hex letter, '::' or eight groups.
      if (pattern === IPV6 && !/::|[A-Fa-f]|(?:[^:]*:){7}/.test(value)) continue;
      found.push({ type: 'IP', start: match.index!, end: match.index! + value.length, text: value, score: 0.95, source: 'pattern', priority: 35 });
    }
  }
  return found;
}

const PHONE_LABEL = /\b(?:tel(?:ephone)?|ph(?:one)?|mob(?:ile)?|cell|fax|landline|contact(?:\s*(?:no\.?|number))?|call(?:ed)?|ring|text|whatsapp|pager|bleep|ext(?:ension)?|on|queries|enquiries)\.?\s*(?:no\.?|number)?\s*[:#]?\s*$/i;
// Runs of digits that could be a phone number: libphonenumber then validates each run under each country, far
// cheaper than running its text finder over the whole note once per country.
const CANDIDATE = /(?:\+|\b00)?\(?\d[\d\s().-]{5,20}\d(?:\s*(?:ext\.?|x)\s*\d{1,5})?/g;
// A trunk-prefixed local number grouped the way people write them (UK "0113 496 0819", AU "08 5550 2234").
const GROUPED_LOCAL = /^\(?0\d{1,4}\)?[ -]\d{3,4}[ -]?\d{3,4}$/;
const CLEAN = /^(?:\+|00)?[\d(][\d\s().-]*\d(?:\s*(?:ext\.?|x)\s*\d{1,5})?$/;

function balanced(value: string): boolean {
  return value.split('(').length === value.split(')').length;
}

export function findPhones(text: string): PhiCandidate[] {
  const found = new Map<string, PhiCandidate>();
  const add = (start: number, end: number, score: number, priority: number): void => {
    let s = start;
    let value = text.slice(s, end);
    // "(08 5550 2234)" in a sentence: the parentheses belong to the sentence.
    if (value.startsWith('(') && !balanced(value)) {
      s += 1;
      value = value.slice(1);
    }
    if (!CLEAN.test(value) || /\.\s/.test(value) || !balanced(value)) return;
    const key = `${s}:${end}`;
    if (!found.has(key)) found.set(key, { type: 'PHONE', start: s, end, text: value, score, source: 'pattern', priority });
  };
  for (const candidate of text.matchAll(CANDIDATE)) {
    const lead = /^[\s(-]*/.exec(candidate[0])![0].replace(/\($/, '').length;
    const value = candidate[0].slice(lead).replace(/[\s(.-]+$/, '');
    const offset = candidate.index! + lead;
    if (value.replace(/\D/g, '').length < 7) continue;
    const labelled = PHONE_LABEL.test(text.slice(Math.max(0, offset - 40), offset));
    const international = /^(?:\+|00)/.test(value);
    const grouped = /[\s().-]/.test(value);
    const valid = international
      ? isValidPhoneNumber(value.replace(/^00/, '+'))
      : COUNTRIES.some((country) => isValidPhoneNumber(value, country));
    if (valid && (international || labelled)) add(offset, offset + value.length, 0.95, 28);
    else if (valid && grouped) add(offset, offset + value.length, 0.8, 22);
    // A number libphonenumber does not know (a reserved drama range, a made-up 555 number) still counts when a
    // label says it is a phone, or when it is grouped like a local number.
    else if (labelled) add(offset, offset + value.length, 0.9, 28);
    else if (GROUPED_LOCAL.test(value)) add(offset, offset + value.length, 0.8, 22);
  }
  return [...found.values()];
}
