import { keepCase, span, words, wordBefore, wordsFrom, type Finding, type Rule } from './rule.js';

const MODALS = new Set(['can', 'could', 'should', 'must', 'will', 'would', 'may', 'might', 'shall']);
export const BASE_OF: Record<string, string> = {
  takes: 'take', goes: 'go', has: 'have', does: 'do', is: 'be', needs: 'need', makes: 'make', requires: 'require', continues: 'continue',
  uses: 'use', helps: 'help', causes: 'cause', gets: 'get', gives: 'give', keeps: 'keep', comes: 'come', stops: 'stop', starts: 'start',
  feels: 'feel', shows: 'show', works: 'work', reduces: 'reduce', increases: 'increase', improves: 'improve', develops: 'develop',
  contacts: 'contact', attends: 'attend', monitors: 'monitor', checks: 'check', remains: 'remain', becomes: 'become', seems: 'seem',
  lives: 'live', walks: 'walk', eats: 'eat', drinks: 'drink', sleeps: 'sleep', visits: 'visit', manages: 'manage', tolerates: 'tolerate',
  understands: 'understand', knows: 'know', wants: 'want', likes: 'like', says: 'say', speaks: 'speak', reads: 'read', moves: 'move',
  stands: 'stand', climbs: 'climb', breathes: 'breathe', swallows: 'swallow', experiences: 'experience', returns: 'return', avoids: 'avoid', follows: 'follow', benefits: 'benefit', leads: 'lead',
};
// "the will to live", "a can of": the noun, not the modal.
const NOUN_BEFORE_MODAL = new Set(['the', 'a', 'his', 'her', 'their', 'living', 'free', 'good', 'own']);

/** "can takes", "should to" → can take, should. */
export const modalVerbForm: Rule = {
  code: 'GRAMMAR_MODAL_VERB_FORM',
  category: 'GRAMMAR',
  check({ tokens }) {
    const out: Finding[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const pair = words(tokens, i, 2);
      if (!pair || !MODALS.has(pair[0]!.lower) || NOUN_BEFORE_MODAL.has(wordBefore(tokens, i)?.lower ?? '')) continue;
      const [modal, verb] = pair as [(typeof pair)[0], (typeof pair)[0]];
      if (verb.lower === 'to') {
        out.push(span(modal, verb, `"${modal.text}" is followed by the bare verb, without "to".`, modal.text));
      } else if (Object.hasOwn(BASE_OF, verb.lower)) {
        out.push(span(verb, verb, `After "${modal.text}" use the base form "${BASE_OF[verb.lower]}".`, BASE_OF[verb.lower]));
      }
    }
    return out;
  },
};

const UNITS = /^(?:minute|hour|day|week|month|year|decade)s?$/;
const AMOUNTS = /^(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|many|some|couple)$/;

/** "since 3 days" → for 3 days ("since" takes a point in time). */
export const sinceDuration: Rule = {
  code: 'GRAMMAR_SINCE_DURATION',
  category: 'GRAMMAR',
  check({ tokens }) {
    const out: Finding[] = [];
    tokens.forEach((t, i) => {
      if (t.kind !== 'word' || t.lower !== 'since') return;
      const lowered = wordsFrom(tokens, i + 1, 6).map((w) => w.lower);
      let j = 0;
      if (lowered[0] === 'the' && (lowered[1] === 'last' || lowered[1] === 'past')) j = 2;
      if (!AMOUNTS.test(lowered[j] ?? '')) return;
      j++;
      if (lowered[j] === 'few' || lowered[j] === 'couple') j++;
      if (lowered[j] === 'of') j++;
      if (!UNITS.test(lowered[j] ?? '')) return;
      const ago = lowered[j + 1] === 'ago';
      out.push(span(t, t, ago ? '"since" takes a point in time: write "for two weeks" or "two weeks ago", not "since two weeks ago".' : '"since" takes a point in time ("since Monday"); for a length of time use "for".', ago ? undefined : keepCase(t.text, 'for')));
    });
    return out;
  },
};

/** "I would like to inform about" → inform you about. */
export const informWithoutObject: Rule = {
  code: 'GRAMMAR_INFORM_WITHOUT_OBJECT',
  category: 'GRAMMAR',
  check({ tokens }) {
    const out: Finding[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const pair = words(tokens, i, 2);
      if (!pair || !['about', 'of', 'that'].includes(pair[1]!.lower)) continue;
      const verb = pair[0]!;
      const active = ['inform', 'informs', 'informing'].includes(verb.lower) || (verb.lower === 'informed' && ['i', 'we'].includes(wordBefore(tokens, i)?.lower ?? ''));
      if (!active) continue;
      out.push(span(verb, pair[1]!, `"${verb.text}" needs an object: inform someone about something.`, `${verb.text} you ${pair[1]!.text}`));
    }
    return out;
  },
};

const EXPLAIN = new Set(['explain', 'explains', 'explained', 'explaining']);
const ALWAYS_OBJECT = new Set(['me', 'us', 'him']);
// "explained her diagnosis" is possessive; "explained her that" / "explained them how" is the error.
const CLAUSE_AFTER = new Set(['the', 'that', 'how', 'what', 'why', 'about', 'a', 'an', 'this', 'these', 'all', 'everything', 'when', 'where']);

/** "explain me the results" → explain to me. */
export const explainTo: Rule = {
  code: 'GRAMMAR_EXPLAIN_TO',
  category: 'GRAMMAR',
  check({ tokens }) {
    const out: Finding[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const pair = words(tokens, i, 2);
      if (!pair || !EXPLAIN.has(pair[0]!.lower)) continue;
      const pronoun = pair[1]!;
      const after = words(tokens, i + 2, 1)?.[0]?.lower;
      const wrong = ALWAYS_OBJECT.has(pronoun.lower) || ((pronoun.lower === 'her' || pronoun.lower === 'them') && after !== undefined && CLAUSE_AFTER.has(after));
      if (!wrong || after === 'to') continue;
      out.push(span(pair[0]!, pronoun, `Explain something to someone: "${pair[0]!.text} to ${pronoun.text}".`, `${pair[0]!.text} to ${pronoun.text}`));
    }
    return out;
  },
};

/** "discussed about" → discussed. */
export const discussAbout: Rule = {
  code: 'GRAMMAR_DISCUSS_ABOUT',
  category: 'GRAMMAR',
  check({ tokens }) {
    const out: Finding[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const pair = words(tokens, i, 2);
      if (pair && /^discuss(?:es|ed|ing)?$/.test(pair[0]!.lower) && pair[1]!.lower === 'about') {
        out.push(span(pair[0]!, pair[1]!, '"discuss" takes a direct object: no "about".', pair[0]!.text));
      }
    }
    return out;
  },
};

const ADVISE_BEFORE = new Set(['i', 'we', 'to', 'will', 'would', 'should', 'strongly', 'also', 'please', 'can', 'could', 'must', 'kindly', 'may']);
const ADVISE_AFTER = new Set(['him', 'her', 'them', 'you', 'me', 'us', 'that', 'against', 'mr', 'mrs', 'ms', 'miss', 'the']);

/** "I advice him to" → advise (the verb). */
export const adviceAsVerb: Rule = {
  code: 'GRAMMAR_ADVICE_AS_VERB',
  category: 'GRAMMAR',
  check({ tokens }) {
    const out: Finding[] = [];
    tokens.forEach((t, i) => {
      if (t.kind !== 'word' || t.lower !== 'advice') return;
      const before = wordBefore(tokens, i)?.lower ?? '';
      const after = words(tokens, i + 1, 1)?.[0]?.lower ?? '';
      if (!ADVISE_BEFORE.has(before) || !ADVISE_AFTER.has(after) || (before === 'to' && (after === 'that' || after === 'the'))) return;
      out.push(span(t, t, '"Advice" is the noun; the verb is "advise".', keepCase(t.text, 'advise')));
    });
    return out;
  },
};

const NUMBERED = new Set(['type', 'grade', 'stage', 'class', 'phase', 'part', 'schedule', 'appendix', 'factor', 'section', 'level']);

/** "i" on its own → I. */
export const lowercaseI: Rule = {
  code: 'GRAMMAR_LOWERCASE_I',
  category: 'GRAMMAR',
  check({ tokens, text }) {
    const out: Finding[] = [];
    tokens.forEach((t, i) => {
      if (t.kind !== 'word' || t.inLink || !/^i(?:'m|'ve|'ll|'d|’m|’ve|’ll|’d)?$/.test(t.text)) return;
      // "i.e.", "i.v.", "(i)" and "type i" are not the pronoun.
      if (text[t.end] === '.' || text[t.end] === ')' || text[t.start - 1] === '.' || NUMBERED.has(wordBefore(tokens, i)?.lower ?? '')) return;
      out.push(span(t, t, 'The pronoun "I" is always a capital.', 'I' + t.text.slice(1)));
    });
    return out;
  },
};
