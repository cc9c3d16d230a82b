import { keepCase, singularSubjectStart, span, words, wordBefore, type Finding, type Rule } from './rule.js';

// Third-person singular forms of the verbs learners most often leave bare after "he", "she", "the patient".
const THIRD_PERSON: Record<string, string> = {
  have: 'has', do: 'does', "don't": "doesn't", are: 'is', were: 'was', take: 'takes', need: 'needs', want: 'wants', feel: 'feels',
  live: 'lives', smoke: 'smokes', drink: 'drinks', eat: 'eats', walk: 'walks', work: 'works', require: 'requires', suffer: 'suffers',
  complain: 'complains', experience: 'experiences', report: 'reports', seem: 'seems', attend: 'attends', know: 'knows',
  understand: 'understands', like: 'likes', visit: 'visits', go: 'goes', remain: 'remains', continue: 'continues', deny: 'denies',
  refuse: 'refuses', prefer: 'prefers', manage: 'manages', agree: 'agrees', worry: 'worries', sleep: 'sleeps', weigh: 'weighs',
  struggle: 'struggles', mention: 'mentions', describe: 'describes', lives: 'lives',
};
// Before the subject these make the bare form right: "does he have", "let her take", "if he were", "that she have".
const BARE_FORM_LICENSED = new Set(['do', 'does', 'did', 'can', 'could', 'will', 'would', 'shall', 'should', 'may', 'might', 'must', 'to', 'let', 'make', 'made', 'help', 'helped', 'if', 'that', 'wish', 'though', 'lest', 'why', 'how', 'what', 'where', 'when', 'unless', 'as', 'saw', 'see', 'watch', 'hear', 'heard', "doesn't", "didn't", "won't", "can't", "couldn't", "wouldn't", "shouldn't"]);

/** "he have", "she don't", "the patient take" → has, doesn't, takes. */
export const thirdPersonAgreement: Rule = {
  code: 'GRAMMAR_SVA_THIRD_PERSON',
  category: 'GRAMMAR',
  check({ tokens }) {
    const out: Finding[] = [];
    for (let i = 1; i < tokens.length; i++) {
      const verb = words(tokens, i, 1)?.[0];
      const correct = verb && Object.hasOwn(THIRD_PERSON, verb.lower) ? THIRD_PERSON[verb.lower] : undefined;
      if (!verb || !correct || correct === verb.lower) continue;
      const start = singularSubjectStart(tokens, i - 1);
      if (start === undefined || tokens[i - 1]!.sentence !== verb.sentence || tokens[i - 1]!.kind !== 'word') continue;
      const licence = wordBefore(tokens, start);
      if (licence && BARE_FORM_LICENSED.has(licence.lower)) continue;
      const next = words(tokens, i + 1, 1)?.[0]?.lower;
      // "he need not", "she used to" and "he were to" are other constructions.
      if ((verb.lower === 'need' && next === 'not') || (verb.lower === 'were' && next === 'to')) continue;
      out.push(span(verb, verb, `After a singular subject the verb takes the third-person form: "${correct}", not "${verb.text}".`, keepCase(verb.text, correct)));
    }
    return out;
  },
};

const PLURAL_FORMS: Record<string, Record<string, string>> = {
  they: { was: 'were', has: 'have', does: 'do', "doesn't": "don't", is: 'are', "wasn't": "weren't", "hasn't": "haven't", "isn't": "aren't" },
  we: { was: 'were', has: 'have', does: 'do', "doesn't": "don't", is: 'are', "wasn't": "weren't", "hasn't": "haven't", "isn't": "aren't" },
  you: { was: 'were', has: 'have', does: 'do', "doesn't": "don't", is: 'are', "wasn't": "weren't", "hasn't": "haven't", "isn't": "aren't" },
  i: { has: 'have', is: 'am', are: 'am', does: 'do', "doesn't": "don't", "hasn't": "haven't" },
};

const CLAUSE_OPENERS = new Set(['and', 'but', 'so', 'because', 'if', 'when', 'as', 'since', 'although', 'though', 'while', 'unless', 'whether', 'or']);
const NUMBERED = new Set(['type', 'grade', 'stage', 'class', 'phase', 'part', 'schedule', 'appendix', 'vitamin', 'factor', 'section', 'level']);

/** "they was", "we has", "I is" → were, have, am. */
export const pluralAgreement: Rule = {
  code: 'GRAMMAR_SVA_PLURAL',
  category: 'GRAMMAR',
  check({ tokens }) {
    const out: Finding[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const pair = words(tokens, i, 2);
      if (!pair) continue;
      const [subject, verb] = pair as [typeof pair[0], typeof pair[0]];
      if (subject.lower === 'i' && subject.text !== 'I') continue;
      const forms = Object.hasOwn(PLURAL_FORMS, subject.lower) ? PLURAL_FORMS[subject.lower] : undefined;
      const correct = forms && Object.hasOwn(forms, verb.lower) ? forms[verb.lower] : undefined;
      if (!correct) continue;
      const before = wordBefore(tokens, i);
      // "the advice we gave you was": "you" after a verb or preposition is an object, not the subject.
      if (subject.lower === 'you' && before && !CLAUSE_OPENERS.has(before.lower)) continue;
      // "Type I is": a Roman numeral.
      if (subject.lower === 'i' && before && NUMBERED.has(before.lower)) continue;
      out.push(span(verb, verb, `"${subject.text} ${verb.text}" does not agree: write "${subject.text} ${correct}".`, keepCase(verb.text, correct)));
    }
    return out;
  },
};

const PLURAL_QUANTIFIERS = new Set(['many', 'several', 'numerous', 'multiple', 'various', 'few', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'some', 'no']);
const PLURAL_NOUN_AFTER_SOME = /^(?!.*(?:ss|us|is)$)\p{Ll}+s$/u;

/** "there is many complications" → there are. */
export const thereIsPlural: Rule = {
  code: 'GRAMMAR_THERE_IS_PLURAL',
  category: 'GRAMMAR',
  check({ tokens }) {
    const out: Finding[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const seq = words(tokens, i, 3);
      if (!seq || seq[0]!.lower !== 'there' || (seq[1]!.lower !== 'is' && seq[1]!.lower !== 'was')) continue;
      const quantifier = seq[2]!.lower;
      if (!PLURAL_QUANTIFIERS.has(quantifier)) continue;
      // "there is some swelling", "there is no evidence": only with a plural noun after them.
      if ((quantifier === 'some' || quantifier === 'no') && !PLURAL_NOUN_AFTER_SOME.test(words(tokens, i + 3, 1)?.[0]?.lower ?? '')) continue;
      const verb = seq[1]!;
      const correct = verb.lower === 'is' ? 'are' : 'were';
      out.push(span(verb, verb, `With a plural noun, write "there ${correct}".`, correct));
    }
    return out;
  },
};
