import { BASE_OF } from './verbs.js';
import { keepCase, singularSubjectStart, span, words, wordBefore, type Finding, type Rule } from './rule.js';

// Third-person singular forms of the verbs learners most often leave bare after "he", "she", "the patient".
const THIRD_PERSON: Record<string, string> = {
  have: 'has', do: 'does', "don't": "doesn't", are: 'is', were: 'was', take: 'takes', need: 'needs', want: 'wants', feel: 'feels',
  live: 'lives', smoke: 'smokes', drink: 'drinks', eat: 'eats', walk: 'walks', work: 'works', require: 'requires', suffer: 'suffers',
  complain: 'complains', experience: 'experiences', report: 'reports', seem: 'seems', attend: 'attends', know: 'knows',
  understand: 'understands', like: 'likes', visit: 'visits', go: 'goes', remain: 'remains', continue: 'continues', deny: 'denies',
  refuse: 'refuses', prefer: 'prefers', manage: 'manages', agree: 'agrees', worry: 'worries', sleep: 'sleeps', weigh: 'weighs',
  struggle: 'struggles', mention: 'mentions', describe: 'describes', lives: 'lives', find: 'finds', mobilise: 'mobilises',
  mobilize: 'mobilizes', present: 'presents', skip: 'skips', use: 'uses', get: 'gets', say: 'says', keep: 'keeps', forget: 'forgets', miss: 'misses', enjoy: 'enjoys',
};
// Adverbs that may stand between the subject and its verb: "he still have", "she usually have".
const MID_ADVERBS = new Set(['still', 'usually', 'often', 'always', 'never', 'also', 'now', 'sometimes', 'rarely', 'only', 'just', 'already', 'currently', 'frequently', 'occasionally', 'regularly', 'generally', 'normally', 'typically', 'really', 'mostly', 'seldom']);
// Before the subject these make the bare form right: "does he have", "let her take", "if he were", "that she have".
const BARE_FORM_LICENSED = new Set(['with', 'without', 'do', 'does', 'did', 'can', 'could', 'will', 'would', 'shall', 'should', 'may', 'might', 'must', 'to', 'let', 'make', 'made', 'help', 'helped', 'if', 'that', 'wish', 'though', 'lest', 'why', 'how', 'what', 'where', 'when', 'unless', 'as', 'saw', 'see', 'watch', 'hear', 'heard', "doesn't", "didn't", "won't", "can't", "couldn't", "wouldn't", "shouldn't"]);

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
      const adverb = MID_ADVERBS.has(tokens[i - 1]!.lower) && tokens[i - 1]!.kind === 'word' ? 1 : 0;
      const end = i - 1 - adverb;
      const start = end >= 0 ? singularSubjectStart(tokens, end) : undefined;
      if (start === undefined || tokens[end]!.sentence !== verb.sentence || tokens[end]!.kind !== 'word' || tokens[i - 1]!.sentence !== verb.sentence) continue;
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
    // "you already takes", "they needs": a third-person -s verb after I, we, you, they (one adverb may stand between).
    for (let i = 0; i < tokens.length; i++) {
      const seq = words(tokens, i, 3);
      if (!seq || !['they', 'we', 'you', 'i'].includes(seq[0]!.lower) || (seq[0]!.lower === 'i' && seq[0]!.text !== 'I')) continue;
      const verb = MID_ADVERBS.has(seq[1]!.lower) ? seq[2]! : seq[1]!;
      if (!Object.hasOwn(BASE_OF, verb.lower) || ['has', 'does', 'is'].includes(verb.lower)) continue;
      const before = wordBefore(tokens, i);
      // "the tablet I gave you works": "you" the object of a verb before it.
      if (seq[0]!.lower === 'you' && before && (/ed$/.test(before.lower) || OBJECT_TAKERS.has(before.lower))) continue;
      if (before && (before.lower === 'to' || before.lower === 'for' || before.lower === 'of' || before.lower === 'with' || before.lower === 'thank')) continue;
      out.push(span(verb, verb, `"${seq[0]!.text} ${verb.text}" does not agree: write "${BASE_OF[verb.lower]}".`, keepCase(verb.text, BASE_OF[verb.lower]!)));
    }
    return out;
  },
};
const OBJECT_TAKERS = new Set(['give', 'gave', 'told', 'tell', 'sent', 'send', 'show', 'let', 'make', 'made', 'help', 'see', 'saw', 'thank', 'ask', 'want', 'need', 'expect', 'remind', 'taught', 'teach', 'bring', 'brought', 'get', 'got', 'offer', 'leave', 'left']);

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
