import type { Token } from '../tokens.js';
import { keepCase, span, type Finding, type Rule } from './rule.js';

// A noun phrase subject is read backwards from the verb: content words back to one of these, or to the start of a sentence.
const DETERMINERS = new Set(['the', 'his', 'her', 'their', 'its', 'my', 'your', 'our', 'this', 'a', 'an', 'each', 'every']);
// A word of these in the stretch means it is not a plain noun phrase ("the care he needs is", "the tests that were").
const FUNCTION_WORDS = new Set([
  'i', 'you', 'he', 'she', 'it', 'we', 'they', 'me', 'him', 'us', 'them', 'who', 'whom', 'which', 'that', 'what', 'whose', 'these', 'those',
  'there', 'here', 'where', 'when', 'why', 'how', 'whether', 'if', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', 'about', 'into',
  'onto', 'over', 'under', 'between', 'after', 'before', 'during', 'without', 'within', 'than', 'like', 'per', 'via', 'as', 'since', 'until',
  'and', 'or', 'but', 'nor', 'so', 'is', 'was', 'are', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'do', 'does', 'did', 'will',
  'would', 'can', 'could', 'should', 'may', 'might', 'must', 'shall', 'not', 'no', 'also', 'still', 'only', 'just', 'now', 'then', 'please',
  'all', 'both', 'some', 'any', 'many', 'most', 'few', 'several', 'none', 'neither', 'either', 'other', 'others', 'another', 'each', 'every',
  'one', 'ones', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'much', 'more', 'less', 'too', 'very', 'yet', 'already', 'always', 'never',
  'today', 'yesterday', 'tomorrow', 'thank', 'thanks', 'regards', 'yours', 'sincerely', 'together', 'again', 'once', 'twice', 'often', 'usually',
]);
// Words that end a noun phrase without being its head ("the first were", "the majority have").
const NOT_A_HEAD = new Set(['first', 'second', 'last', 'latter', 'former', 'rest', 'remainder', 'majority', 'minority', 'total', 'number', 'same', 'following', 'above', 'latest']);
// Nouns that take a plural verb in British English ("the family were informed") or are plural already.
const PLURAL_OR_COLLECTIVE = new Set([
  'staff', 'team', 'family', 'police', 'people', 'public', 'crew', 'group', 'couple', 'committee', 'government', 'department', 'board', 'panel',
  'personnel', 'cattle', 'children', 'men', 'women', 'teeth', 'feet', 'mice', 'geese', 'data', 'criteria', 'bacteria', 'phenomena', 'media',
  'fungi', 'emboli', 'nuclei', 'thrombi', 'bronchi', 'alveoli', 'calculi', 'stimuli', 'sequelae', 'vertebrae', 'ova', 'nhs', 'service', 'trust',
  'practice', 'clinic', 'unit', 'ward', 'surgery', 'hospital', 'pharmacy', 'council', 'union', 'agency', 'firm', 'company', 'household',
]);
// Words after a noun that are not its head ("the beds available were", "the ones concerned have").
const POSTNOMINAL = new Set(['available', 'present', 'involved', 'concerned', 'required', 'possible', 'necessary', 'above', 'below', 'alone', 'affected', 'responsible', 'themselves', 'itself', 'himself', 'herself', 'apart']);
// Singular words ending in s.
const SINGULAR_S = new Set([
  'diabetes', 'measles', 'mumps', 'rickets', 'shingles', 'scabies', 'rabies', 'herpes', 'news', 'means', 'series', 'species', 'ascites',
  'lens', 'pancreas', 'biceps', 'triceps', 'quadriceps', 'forceps', 'whereabouts', 'aids', 'gas', 'bias', 'atlas', 'thorax', 'plus', 'faeces', 'feces',
  'varices', 'menses', 'scissors', 'glasses', 'headquarters', 'crossroads', 'innings', 'polyps', 'was', 'has', 'does', 'is', 'this', 'its', 'his',
]);
const CLAUSE_OPENERS = new Set([
  'but', 'so', 'because', 'although', 'though', 'while', 'whilst', 'whereas', 'until', 'when', 'once', 'if', 'that', 'today', 'now', 'currently',
  'yesterday', 'recently', 'initially', 'subsequently', 'previously', 'then', 'however', 'therefore', 'overall', 'fortunately', 'unfortunately', 'also',
]);
const FINITE = /^(?:is|was|are|were|has|have|had|will|would|can|could|should|may|might|must|does|did|do|\p{Ll}+ed)$/u;

const AUXILIARY = /^(?:is|was|are|were|has|have|had|will|would|can|could|should|may|might|must|does|did|do)$/;

// What a singular subject takes instead of a plural verb, and the other way round.
const AFTER_SINGULAR: Record<string, string> = {
  were: 'was', have: 'has', are: 'is', "weren't": "wasn't", "haven't": "hasn't", "aren't": "isn't", "don't": "doesn't", remain: 'remains',
  include: 'includes', seem: 'seems', appear: 'appears', require: 'requires',
};
const AFTER_PLURAL: Record<string, string> = {
  was: 'were', has: 'have', is: 'are', "wasn't": "weren't", "hasn't": "haven't", "isn't": "aren't", "doesn't": "don't", remains: 'remain',
  includes: 'include', seems: 'seem', appears: 'appear', requires: 'require',
};

function atLineStart(text: string, tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1];
  return !prev || prev.sentence !== tokens[i]!.sentence || text.slice(prev.end, tokens[i]!.start).includes('\n');
}

/** Does the clause before "and" at index i already have a verb ("He is afebrile and the erythema have")? */
function clauseHasVerbBefore(text: string, tokens: readonly Token[], i: number): boolean {
  for (let k = i - 1; k >= 0; k--) {
    const t = tokens[k]!;
    if (t.sentence !== tokens[i]!.sentence || (t.kind === 'punct' && t.text !== '-') || atLineStart(text, tokens, k + 1)) return false;
    if (t.kind === 'word' && FINITE.test(t.lower)) return true;
  }
  return false;
}

type Number = 'singular' | 'plural';

/** The number of a noun-phrase head, undefined when it may not be a noun head or the number is unclear. */
function headNumber(head: Token): Number | undefined {
  const w = head.lower;
  if (/['’\d]/.test(w) || /(?:ed|ing|ly)$/.test(w) || POSTNOMINAL.has(w) || NOT_A_HEAD.has(w) || PLURAL_OR_COLLECTIVE.has(w) || FUNCTION_WORDS.has(w)) return undefined;
  // "ECGs", "LFTs": a code with a plural s; "ECG", "CRP", "eGFR": singular; "NHS", "ABGS": unclear.
  if (/\p{Lu}/u.test(head.text.slice(1)) || /\d/.test(head.text)) return /\p{Lu}s$/u.test(head.text) ? 'plural' : /[Ss]$/.test(head.text) ? undefined : 'singular';
  if (/s$/.test(w)) return SINGULAR_S.has(w) || /(?:ss|us|is|ics|ous|ys)$/.test(w) ? undefined : 'plural';
  return 'singular';
}

/** Where the noun-phrase subject ending at index i starts and its number; undefined when the words before the verb are not one. */
function nounPhraseSubject(text: string, tokens: readonly Token[], i: number): { start: number; number: Number } | undefined {
  const head = tokens[i];
  if (!head || head.kind !== 'word') return undefined;
  const number = headNumber(head);
  if (!number) return undefined;
  // Proper names are not checked ("Mrs Williams has"), except at the start of a sentence ("Metformin have been").
  for (let k = i, n = 0; k >= 0 && n < 4; k--, n++) {
    const t = tokens[k]!;
    if (t.kind !== 'word' || t.sentence !== head.sentence) return undefined;
    if (k < i && DETERMINERS.has(t.lower)) {
      if (/^\p{Lu}\p{Ll}/u.test(head.text) && k !== i - 1) return undefined;
      return opensClause(text, tokens, k) ? { start: k, number } : undefined;
    }
    if (FUNCTION_WORDS.has(t.lower) || /ly$/.test(t.lower) || /\d/.test(t.lower) || t.inLink) return undefined;
    // No determiner: only a phrase opening its sentence or line ("Metformin have been restarted", "Sick-day rules has been").
    if (atLineStart(text, tokens, k)) return { start: k, number };
    if (k < i && /^\p{Lu}/u.test(t.text) && !/^\p{Lu}[\p{Lu}\d]+s?$/u.test(t.text)) return undefined;
    if (k === i && /^\p{Lu}\p{Ll}/u.test(t.text)) return undefined;
  }
  return undefined;
}

/** Can a subject start at index k: after the start of a sentence or line, a comma, a clause opener, or "and" after a full clause? */
function opensClause(text: string, tokens: readonly Token[], k: number): boolean {
  if (atLineStart(text, tokens, k)) return true;
  const prev = tokens[k - 1]!;
  if (prev.kind === 'punct') return [',', ';', ':', '(', '-', '–'].includes(prev.text);
  if (CLAUSE_OPENERS.has(prev.lower)) return true;
  return prev.lower === 'and' && clauseHasVerbBefore(text, tokens, k - 1);
}

/**
 * "His total cholesterol were 5.8", "Metformin have been restarted", "Her medications is", "the ramipril remain withheld": a
 * noun-phrase subject and its verb disagree in number. Only plain noun phrases (a determiner and content words) opening a
 * clause are read; collective nouns ("the family were") and names are left alone.
 */
export const nounSubjectAgreement: Rule = {
  code: 'GRAMMAR_SVA_NOUN_SUBJECT',
  category: 'GRAMMAR',
  check({ text, tokens }) {
    const out: Finding[] = [];
    for (let i = 1; i < tokens.length; i++) {
      const verb = tokens[i]!;
      if (verb.kind !== 'word' || verb.inLink) continue;
      const singularForm = Object.hasOwn(AFTER_SINGULAR, verb.lower) ? AFTER_SINGULAR[verb.lower] : undefined;
      const pluralForm = Object.hasOwn(AFTER_PLURAL, verb.lower) ? AFTER_PLURAL[verb.lower] : undefined;
      if (!singularForm && !pluralForm) continue;
      const prev = tokens[i - 1]!;
      if (prev.kind !== 'word' || prev.sentence !== verb.sentence) continue;
      const subject = nounPhraseSubject(text, tokens, i - 1);
      if (!subject) continue;
      const correct = subject.number === 'singular' ? singularForm : pluralForm;
      if (!correct) continue;
      const next = tokens[i + 1];
      const opener = tokens[subject.start - 1];
      // "if his pressure were to rise": the subjunctive.
      if (verb.lower === 'were' && ((next?.lower === 'to') || opener?.lower === 'if')) continue;
      // "her insulin need has risen", "his pain remain": a noun after the noun, not a verb.
      if (!['were', 'was', 'is', 'are', 'have', 'has'].includes(verb.lower) && next?.kind === 'word' && AUXILIARY.test(next.lower)) continue;
      const subjectText = text.slice(tokens[subject.start]!.start, prev.end);
      out.push(span(verb, verb, `"${subjectText}" is ${subject.number}: write "${correct}", not "${verb.text}".`, keepCase(verb.text, correct)));
    }
    return out;
  },
};
