import type { Token } from '../tokens.js';
import { keepCase, span, words, wordBefore, type Finding, type Rule } from './rule.js';

// An antibiotic, for "sensitive/resistant to": "the test is sensitive for DVT" is right, "sensitive for cefalexin" is not.
const ANTIBIOTIC = /^(?:cef\p{L}+|\p{L}+(?:cillin|mycin|micin|floxacin|cycline|oprim|azole|penem|sporin|lexin|axone|xime|zolid|furantoin|colistin|fosfomycin|tetracycline))$/u;
const NOT_A_SUBJECT_BEFORE = new Set(['to', 'will', 'would', 'should', 'can', 'could', 'may', 'might', 'must', 'shall', 'i', 'we', 'you', 'they', 'please', 'and', 'then', 'not', 'also', 'always', 'never']);

/** The word after index i in the same sentence. */
function next(tokens: readonly Token[], i: number): Token | undefined {
  return words(tokens, i + 1, 1)?.[0];
}

/**
 * Fixed preposition collocations learners get wrong: "in addition of" (to), "allergic with" (to), "sensitive for cefalexin" (to),
 * ", compare to her baseline" (compared with), ", follow by oral cefalexin" (followed by), "in high risk of" (at).
 */
export const prepositionCollocation: Rule = {
  code: 'GRAMMAR_PREPOSITION',
  category: 'GRAMMAR',
  check({ tokens }) {
    const out: Finding[] = [];
    tokens.forEach((t, i) => {
      if (t.kind !== 'word' || t.inLink) return;
      const after = next(tokens, i);
      const before = tokens[i - 1];
      const beforeWord = wordBefore(tokens, i);
      if (t.lower === 'addition' && beforeWord?.lower === 'in' && after && ['of', 'with', 'for'].includes(after.lower)) {
        out.push(span(after, after, '"In addition" takes "to": "in addition to".', 'to'));
      } else if (t.lower === 'allergic' && after && ['with', 'for', 'of', 'on', 'against', 'from'].includes(after.lower)) {
        out.push(span(after, after, 'Allergic to something: "allergic to".', 'to'));
      } else if ((t.lower === 'sensitive' || t.lower === 'resistant') && after && ['for', 'with', 'of', 'on', 'against'].includes(after.lower) && ANTIBIOTIC.test(next(tokens, i + 1)?.lower ?? '')) {
        out.push(span(after, after, `An organism is ${t.lower} to an antibiotic: "${t.lower} to".`, 'to'));
      } else if (t.lower === 'compare' && after && (after.lower === 'to' || after.lower === 'with') && before && (before.text === ',' || before.text === ')' || before.text === '(')) {
        out.push(span(t, after, 'Comparing one value with another: "compared with".', keepCase(t.text, 'compared with')));
      } else if (t.lower === 'follow' && after?.lower === 'by' && before && (before.kind === 'punct' ? before.text === ',' : !NOT_A_SUBJECT_BEFORE.has(before.lower)) && before.sentence === t.sentence) {
        out.push(span(t, after, 'One treatment after another: "followed by".', keepCase(t.text, 'followed by')));
      } else if (/^(?:treated|managed)$/.test(t.lower) && after?.lower === 'by' && /^(?:intravenous|oral|iv|topical|subcutaneous|intramuscular|antibiotics|fluids|steroids|analgesia|insulin|diuretics)$/.test(next(tokens, i + 1)?.lower ?? '')) {
        out.push(span(after, after, `A treatment is given with a drug or a route: "${t.lower} with".`, 'with'));
      } else if (t.lower === 'effect' && beforeWord && /^(?:can|may|might|could|will|would|does|do|not)$/.test(beforeWord.lower) && /^(?:the|your|his|her|their|my|how|it|you|him|them)$/.test(after?.lower ?? '')) {
        out.push(span(t, t, 'The verb is "affect"; "effect" is the noun.', keepCase(t.text, 'affect')));
      } else if (t.lower === 'in' && after && /^(?:high|higher|increased|low|lower|greater|significant|considerable|particular)$/.test(after.lower) && next(tokens, i + 1)?.lower === 'risk') {
        out.push(span(t, t, 'At risk of something: "at high risk".', keepCase(t.text, 'at')));
      }
    });
    return out;
  },
};

const MONTH = /^(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$/;
const WEEKDAY = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?$/;
const DAY_NUMBER = /^(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?$/;

/** "admitted in 14 April", "starting at 24 April", "in Thursdays" → on; "travel on April" → in. */
export const datePreposition: Rule = {
  code: 'GRAMMAR_DATE_PREPOSITION',
  category: 'GRAMMAR',
  check({ tokens }) {
    const out: Finding[] = [];
    tokens.forEach((t, i) => {
      if (t.kind !== 'word' || t.inLink) return;
      const a = next(tokens, i);
      const b = a ? next(tokens, i + 1) : undefined;
      if (!a) return;
      const dated = DAY_NUMBER.test(a.lower) && b !== undefined && MONTH.test(b.lower) && /^\p{Lu}/u.test(b.text);
      if ((t.lower === 'in' || t.lower === 'at') && (dated || (WEEKDAY.test(a.lower) && /^\p{Lu}/u.test(a.text)))) {
        out.push(span(t, t, `A date or a day takes "on": "on ${a.text}${dated ? ` ${b!.text}` : ''}".`, keepCase(t.text, 'on')));
      } else if (t.lower === 'on' && MONTH.test(a.lower) && a.text.length > 3 && /^\p{Lu}/u.test(a.text) && !(b && DAY_NUMBER.test(b.lower)) && !(a.lower === 'may' && b !== undefined)) {
        out.push(span(t, t, `A month without a day takes "in": "in ${a.text}".`, keepCase(t.text, 'in')));
      }
    });
    return out;
  },
};

// Nouns a letter puts after "your": "for you assessment", "to you clinic".
const YOUR_NOUNS = new Set([
  'assessment', 'review', 'advice', 'help', 'opinion', 'consideration', 'attention', 'assistance', 'management', 'care', 'records', 'record',
  'reference', 'input', 'clinic', 'expertise', 'doctor', 'gp', 'medication', 'medications', 'medicine', 'medicines', 'tablets', 'tablet',
  'appointment', 'appointments', 'health', 'liver', 'kidneys', 'blood', 'husband', 'wife', 'partner', 'family', 'letter', 'treatment',
  'specialist', 'service', 'team', 'practice', 'pharmacist', 'dose', 'doses', 'prescription', 'symptoms', 'condition', 'arthritis', 'skin',
  'folic', 'methotrexate', 'monitoring', 'booklet', 'body', 'immune', 'chest', 'weight', 'diet', 'consent', 'support', 'kind', 'prompt',
]);
const PREPS_BEFORE_YOUR = new Set(['for', 'to', 'with', 'of', 'in', 'on', 'about', 'under', 'from', 'into', 'at', 'by']);
// "discuss with you treatment options", "explain to you the plan": "you" is the object and the noun the next one.
const TALK_VERBS = /^(?:discuss|explain|share|talk|speak|spoke|spoken|mention|describe|repeat|clarify|confirm|send|sen|give|gave|given|pass|return|write|wrote|written|go|went|agree|check|review|report|forward|suggest|recommend|offer|provide|introduce|apologise|apologize)(?:s|es|ed|d|ing)?$/;

/** "for you assessment", "with you GP" → your. */
export const youForYour: Rule = {
  code: 'GRAMMAR_YOU_FOR_YOUR',
  category: 'GRAMMAR',
  check({ tokens }) {
    const out: Finding[] = [];
    tokens.forEach((t, i) => {
      if (t.kind !== 'word' || t.lower !== 'you') return;
      const before = wordBefore(tokens, i);
      const after = next(tokens, i);
      if (!before || !after || !PREPS_BEFORE_YOUR.has(before.lower) || !YOUR_NOUNS.has(after.lower)) return;
      if (TALK_VERBS.test(wordBefore(tokens, i - 1)?.lower ?? '')) return;
      // "to you directly", "thank you for you help": only a noun after it makes "you" the possessive slip.
      out.push(span(t, t, `Before a noun use the possessive: "your ${after.text}".`, keepCase(t.text, 'your')));
    });
    return out;
  },
};

function gerund(verb: string): string {
  if (/ie$/.test(verb)) return verb.slice(0, -2) + 'ying';
  if (/[^e]e$/.test(verb)) return verb.slice(0, -1) + 'ing';
  if (/^(?:stop|drop|plan|admit|refer|omit|quit|swim|run|sit|get|put|cut|begin|travel)$/.test(verb)) return verb + (verb === 'travel' ? 'l' : verb[verb.length - 1]) + 'ing';
  return verb + 'ing';
}

/** "consider to restart ramipril", "avoid to take" → consider restarting, avoid taking. */
export const gerundAfterVerb: Rule = {
  code: 'GRAMMAR_GERUND_AFTER_VERB',
  category: 'GRAMMAR',
  check({ tokens }) {
    const out: Finding[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const seq = words(tokens, i, 3);
      if (!seq || !/^(?:consider|considering|avoid|avoiding|enjoy|enjoys|mind|finish|keep|suggest)$/.test(seq[0]!.lower) || seq[1]!.lower !== 'to') continue;
      const verb = seq[2]!;
      // "keep to the path", "suggest to him": only a verb after "to" — a word ending like one the tokenizer cannot tell, so a short list.
      if (!/^(?:restart|start|stop|take|use|increase|reduce|continue|change|switch|add|eat|drink|smoke|buy|walk|exercise|travel|lift|drive|refer|see|try|do|go|make|get|have|give|check|monitor|wait|rest|commence|prescribe|admit|discharge|treat|avoid)$/.test(verb.lower)) continue;
      if (seq[0]!.lower.startsWith('suggest') || seq[0]!.lower === 'keep') continue;
      out.push(span(seq[0]!, verb, `"${seq[0]!.text}" is followed by the -ing form: "${seq[0]!.text} ${gerund(verb.lower)}".`, `${seq[0]!.text} ${gerund(verb.lower)}`));
    }
    return out;
  },
};

// Verbs that follow "to" of purpose but never "for" ("I am writing for refer", "for reduce side effects").
const PURPOSE_VERBS = new Set(['refer', 'summarise', 'summarize', 'reduce', 'prevent', 'avoid', 'improve', 'relieve', 'lower', 'protect', 'ensure', 'inform', 'request', 'arrange', 'discuss', 'assess', 'confirm', 'introduce', 'update', 'ask', 'provide', 'minimise', 'minimize', 'manage', 'exclude', 'investigate', 'seek', 'obtain', 'optimise', 'optimize', 'decrease', 'increase']);
const PURPOSE_NOUNS = new Set(['increase', 'decrease', 'request', 'update']);

/** "I am writing for refer Mr Peterson", "for reduce side effects" → to refer, to reduce. */
export const forPlusVerb: Rule = {
  code: 'GRAMMAR_FOR_PLUS_VERB',
  category: 'GRAMMAR',
  check({ tokens }) {
    const out: Finding[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const pair = words(tokens, i, 2);
      if (!pair || pair[0]!.lower !== 'for' || !PURPOSE_VERBS.has(pair[1]!.lower)) continue;
      // "for increase in dose", "a request for update": nouns too — only with an object after them.
      const after = next(tokens, i + 1)?.lower;
      if (PURPOSE_NOUNS.has(pair[1]!.lower) && (!after || ['in', 'of', 'on'].includes(after))) continue;
      out.push(span(pair[0]!, pair[0]!, `Purpose with a verb takes "to": "to ${pair[1]!.text}".`, keepCase(pair[0]!.text, 'to')));
    }
    return out;
  },
};

const TELL_OBJECTS = new Set(['any', 'the', 'your', 'my', 'his', 'her', 'our', 'their', 'every', 'all', 'a', 'an', 'you', 'me', 'him', 'them', 'us']);

/** "Always tell to any doctor" → tell any doctor. */
export const tellTo: Rule = {
  code: 'GRAMMAR_TELL_TO',
  category: 'GRAMMAR',
  check({ tokens }) {
    const out: Finding[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const seq = words(tokens, i, 3);
      if (!seq || !/^(?:tell|tells|telling)$/.test(seq[0]!.lower) || seq[1]!.lower !== 'to' || !TELL_OBJECTS.has(seq[2]!.lower)) continue;
      out.push(span(seq[0]!, seq[1]!, `"tell" takes the person directly: "${seq[0]!.text} ${seq[2]!.text}".`, seq[0]!.text));
    }
    return out;
  },
};

// Not "sleep", "exercise", "use": nouns after these too ("without sleep", "after exercise", "before use").
const ACTIVITIES = /^(?:eat|drink|walk|climb|talk|cook|shop|swallow|drive|lift|bend|run|take|wash|dress|lie|breathe|stand|sit)$/;

/** "breathlessness while eat", "after walk about 200 metres" → while eating, after walking. */
export const ingAfterConjunction: Rule = {
  code: 'GRAMMAR_ING_AFTER_CONJUNCTION',
  category: 'GRAMMAR',
  check({ tokens }) {
    const out: Finding[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const pair = words(tokens, i, 2);
      if (!pair || !/^(?:while|whilst|after|before|when)$/.test(pair[0]!.lower) || !ACTIVITIES.test(pair[1]!.lower)) continue;
      out.push(span(pair[1]!, pair[1]!, `After "${pair[0]!.text}" a verb takes the -ing form: "${pair[0]!.text} ${gerund(pair[1]!.lower)}".`, gerund(pair[1]!.lower)));
    }
    return out;
  },
};
