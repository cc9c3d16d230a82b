import { keepCase, span, words, wordBefore, type Finding, type Rule } from './rule.js';
import type { Token } from '../tokens.js';

const COMPARATIVES = new Set(['better', 'worse', 'easier', 'harder', 'healthier', 'bigger', 'stronger', 'weaker', 'heavier', 'faster', 'slower', 'simpler', 'safer', 'earlier', 'happier', 'fitter']);

/** "more better" → better. */
export const doubleComparative: Rule = {
  code: 'GRAMMAR_DOUBLE_COMPARATIVE',
  category: 'GRAMMAR',
  check({ tokens }) {
    const out: Finding[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const pair = words(tokens, i, 2);
      if (pair && pair[0]!.lower === 'more' && COMPARATIVES.has(pair[1]!.lower)) {
        out.push(span(pair[0]!, pair[1]!, `"${pair[1]!.text}" is already comparative: drop "more".`, keepCase(pair[0]!.text, pair[1]!.lower)));
      }
    }
    return out;
  },
};

const UNCOUNTABLE: Record<string, string> = {
  informations: 'information', advices: 'advice', equipments: 'equipment', knowledges: 'knowledge', feedbacks: 'feedback',
  peoples: 'people', luggages: 'luggage', homeworks: 'homework', furnitures: 'furniture',
};
// "indigenous peoples" is a real plural.
const PEOPLES_OK_AFTER = new Set(['indigenous', 'aboriginal', 'first', 'native', 'tribal', 'the', 'world']);

/** "informations", "advices", "peoples" → information, advice, people. */
export const uncountablePlural: Rule = {
  code: 'GRAMMAR_UNCOUNTABLE_PLURAL',
  category: 'GRAMMAR',
  check({ tokens }) {
    const out: Finding[] = [];
    tokens.forEach((t, i) => {
      if (t.kind !== 'word' || !Object.hasOwn(UNCOUNTABLE, t.lower)) return;
      if (t.lower === 'peoples' && PEOPLES_OK_AFTER.has(wordBefore(tokens, i)?.lower ?? '')) return;
      const correct = UNCOUNTABLE[t.lower]!;
      out.push(span(t, t, `"${correct}" has no plural form.`, keepCase(t.text, correct)));
    });
    return out;
  },
};

const COMPLIANT_CONTEXT = new Set(['is', 'was', 'were', 'are', 'been', 'be', 'being', 'remains', 'remained', 'fully', 'not', 'very', 'poorly', 'always', 'generally', 'largely', 'now', 'reasonably', 'partially']);

/** "was complaint with his medication" → compliant; "non-complaint" → non-compliant. */
export const complaintForCompliant: Rule = {
  code: 'GRAMMAR_COMPLAINT_FOR_COMPLIANT',
  category: 'GRAMMAR',
  check({ tokens }) {
    const out: Finding[] = [];
    tokens.forEach((t, i) => {
      if (t.kind !== 'word') return;
      if (t.lower === 'non-complaint') {
        out.push(span(t, t, '"Complaint" is a grievance; adherence to treatment is "compliant".', keepCase(t.text, 'non-compliant')));
        return;
      }
      if (t.lower !== 'complaint' || !COMPLIANT_CONTEXT.has(wordBefore(tokens, i)?.lower ?? '')) return;
      const next = words(tokens, i + 1, 1)?.[0]?.lower;
      // "was complaint of chest pain" is a different slip (complaining); leave it.
      if (next === 'of' || next === 'about') return;
      out.push(span(t, t, '"Complaint" is a grievance; adherence to treatment is "compliant".', keepCase(t.text, 'compliant')));
    });
    return out;
  },
};

const PARTICIPLES: Record<string, string> = {
  discharge: 'discharged', admit: 'admitted', refer: 'referred', diagnose: 'diagnosed', prescribe: 'prescribed', advise: 'advised',
  transfer: 'transferred', commence: 'commenced', examine: 'examined', stabilise: 'stabilised', stabilize: 'stabilized',
  investigate: 'investigated', schedule: 'scheduled', instruct: 'instructed', educate: 'educated', inform: 'informed', treat: 'treated',
  reassure: 'reassured', hospitalise: 'hospitalised', hospitalize: 'hospitalized', operate: 'operated', vaccinate: 'vaccinated', immunise: 'immunised',
};
const PASSIVE_AUX = new Set(['was', 'were', 'is', 'are', 'been', 'be', 'being']);
const PERSON_SUBJECT = new Set(['he', 'she', 'they', 'i', 'we', 'patient', 'you']);

/** "he was discharge", "she has been refer" → discharged, referred. */
export const participleAfterBe: Rule = {
  code: 'GRAMMAR_PASSIVE_PARTICIPLE',
  category: 'GRAMMAR',
  check({ tokens }) {
    const out: Finding[] = [];
    tokens.forEach((t, i) => {
      if (t.kind !== 'word' || !Object.hasOwn(PARTICIPLES, t.lower)) return;
      const aux = wordBefore(tokens, i);
      if (!aux || !PASSIVE_AUX.has(aux.lower)) return;
      // Only after a person: "the plan was discharge home" uses the noun.
      const subject = personBefore(tokens, i - 1);
      if (!subject) return;
      const correct = PARTICIPLES[t.lower]!;
      out.push(span(t, t, `The passive needs the past participle: "${aux.text} ${correct}".`, correct));
    });
    return out;
  },
};

/** A person subject within the three words before index i ("she", "she has", "the patient had been"). */
function personBefore(tokens: readonly Token[], i: number): boolean {
  for (let k = i - 1, seen = 0; k >= 0 && seen < 3; k--, seen++) {
    const t = tokens[k]!;
    if (t.kind !== 'word' || t.sentence !== tokens[i]!.sentence) return false;
    if (PERSON_SUBJECT.has(t.lower)) return true;
    if (/^\p{Lu}\p{Ll}+$/u.test(t.text) && ['mr', 'mrs', 'ms', 'miss', 'dr'].includes(tokens[k - 1]?.lower ?? '')) return true;
    if (!['has', 'have', 'had', 'will', 'would', 'could', 'should', 'may', 'might', 'must', 'never', 'not', 'already', 'recently', 'also', 'then', 'subsequently', 'was', 'were', 'is'].includes(t.lower)) return false;
  }
  return false;
}
