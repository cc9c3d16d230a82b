import type { Token } from '../tokens.js';
import { keepCase, span, words, wordBefore, type Finding, type Rule } from './rule.js';

// Base form → past participle of verbs learners leave bare after "has", "was", "be". Only verbs that are rarely a bare
// noun or adjective after those words ("has help at home", "the plan is review", "is complete" are not here).
const PARTICIPLE: Record<string, string> = {
  agree: 'agreed', arrange: 'arranged', stop: 'stopped', increase: 'increased', decrease: 'decreased', reduce: 'reduced', find: 'found',
  explain: 'explained', advise: 'advised', prescribe: 'prescribed', refer: 'referred', admit: 'admitted', improve: 'improved',
  worsen: 'worsened', develop: 'developed', receive: 'received', give: 'given', take: 'taken', begin: 'begun', tell: 'told', inform: 'informed',
  discuss: 'discussed', decide: 'decided', notice: 'noticed', recover: 'recovered', commence: 'commenced', lose: 'lost', see: 'seen',
  speak: 'spoken', write: 'written', organise: 'organised', organize: 'organized', send: 'sent', continue: 'continued', settle: 'settled',
  resolve: 'resolved', respond: 'responded', tolerate: 'tolerated', deteriorate: 'deteriorated', confirm: 'confirmed', identify: 'identified',
  suggest: 'suggested', recommend: 'recommended', undergo: 'undergone', bring: 'brought', finish: 'finished',
  withhold: 'withheld', cleanse: 'cleansed', apply: 'applied', avoid: 'avoided', appreciate: 'appreciated', diagnose: 'diagnosed',
  treat: 'treated', examine: 'examined', instruct: 'instructed', educate: 'educated', reassure: 'reassured', assess: 'assessed',
  perform: 'performed', encourage: 'encouraged', observe: 'observed', withdraw: 'withdrawn', cease: 'ceased', restart: 'restarted',
  omit: 'omitted', prepare: 'prepared', provide: 'provided', ask: 'asked', try: 'tried', eat: 'eaten', drink: 'drunk',
  forget: 'forgotten', grow: 'grown', show: 'shown', know: 'known', happen: 'happened', gain: 'gained', attend: 'attended',
  stabilise: 'stabilised', stabilize: 'stabilized', transfer: 'transferred', schedule: 'scheduled', vaccinate: 'vaccinated',
  hospitalise: 'hospitalised', hospitalize: 'hospitalized', immunise: 'immunised', investigate: 'investigated', complete: 'completed',
  discharge: 'discharged',
};
// Words that are also nouns or adjectives after "is"/"was" ("the plan is discharge home", "the course is complete"): not read there.
const NOUN_AFTER_COPULA = new Set(['complete', 'discharge', 'transfer', 'show', 'quit', 'increase', 'decrease', 'stop', 'try', 'drink', 'treat']);
const NOUN_AFTER_HAVE = new Set(['discharge', 'complete', 'transfer', 'drink', 'treat', 'show']);
// "the plan is continue metformin", "advice was avoid NSAIDs": note-form imperatives after these.
const PLAN_NOUNS = new Set(['plan', 'aim', 'goal', 'advice', 'intention', 'recommendation', 'option', 'step', 'management', 'treatment', 'priority', 'impression', 'request', 'instruction', 'instructions', 'suggestion']);
const HAVE = new Set(['has', 'have', 'had', "hasn't", "haven't", "hadn't", 'having']);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "isn't", "aren't", "wasn't", "weren't"]);
const BETWEEN = new Set(['already', 'also', 'recently', 'now', 'just', 'not', 'never', 'since', 'still', 'then', 'previously', 'subsequently', 'successfully', 'since', 'once', 'all', 'both', 'only', 'again', 'fully']);
// The intransitive ones take "-ing" after "is"/"are" ("which is respond to GTN" → responding).
const PROGRESSIVE: Record<string, string> = {
  respond: 'responding', improve: 'improving', recover: 'recovering', deteriorate: 'deteriorating', settle: 'settling', worsen: 'worsening',
  take: 'taking', attend: 'attending', eat: 'eating', drink: 'drinking', continue: 'continuing', happen: 'happening',
};
const OBJECT_START = new Set(['the', 'a', 'an', 'his', 'her', 'your', 'my', 'their', 'our', 'this', 'these', 'that', 'any', 'some', 'two', 'three']);

/** The index of the word after index i in the same sentence, past adverbs such as "already", "not"; undefined at punctuation. */
function verbAfter(tokens: readonly Token[], i: number): number | undefined {
  for (let k = i + 1, n = 0; k < tokens.length && n < 3; k++, n++) {
    const t = tokens[k]!;
    if (t.kind !== 'word' || t.sentence !== tokens[i]!.sentence) return undefined;
    if (!BETWEEN.has(t.lower)) return k;
  }
  return undefined;
}

/** "has stop smoking", "I have increase his atorvastatin", "the GP has find" → stopped, increased, found. */
export const perfectBaseForm: Rule = {
  code: 'GRAMMAR_PERFECT_PARTICIPLE',
  category: 'GRAMMAR',
  check({ tokens }) {
    const out: Finding[] = [];
    tokens.forEach((t, i) => {
      if (t.kind !== 'word' || !HAVE.has(t.lower)) return;
      const k = verbAfter(tokens, i);
      const verb = k === undefined ? undefined : tokens[k]!;
      if (!verb || !Object.hasOwn(PARTICIPLE, verb.lower)) return;
      // "she has discharge from the wound", "he has complete heart block": a noun or an adjective.
      if (NOUN_AFTER_HAVE.has(verb.lower)) return;
      const correct = PARTICIPLE[verb.lower]!;
      out.push(span(verb, verb, `After "${t.text}" the verb takes its past participle: "${t.text} ${correct}".`, keepCase(verb.text, correct)));
    });
    return out;
  },
};

/** "She has discharged home today" → has been discharged (a patient is discharged). */
export const perfectForPassive: Rule = {
  code: 'GRAMMAR_PERFECT_FOR_PASSIVE',
  category: 'GRAMMAR',
  check({ tokens }) {
    const out: Finding[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const seq = words(tokens, i, 3);
      if (!seq || !['has', 'have'].includes(seq[0]!.lower) || !['discharged', 'admitted', 'transferred'].includes(seq[1]!.lower) || seq[2]!.lower !== 'home' && !(seq[1]!.lower !== 'discharged' && seq[2]!.lower === 'to' && ['hospital', 'the'].includes(words(tokens, i + 3, 1)?.[0]?.lower ?? ''))) continue;
      out.push(span(seq[0]!, seq[1]!, `A patient is ${seq[1]!.lower}: "${seq[0]!.text} been ${seq[1]!.text}".`, `${seq[0]!.text} been ${seq[1]!.text}`));
    }
    return out;
  },
};

/** "Metformin and ramipril was withhold", "it should be cleanse", "which is respond to GTN" → withheld, cleansed, responding. */
export const beBaseForm: Rule = {
  code: 'GRAMMAR_BE_BASE_FORM',
  category: 'GRAMMAR',
  check({ tokens }) {
    const out: Finding[] = [];
    tokens.forEach((t, i) => {
      if (t.kind !== 'word' || !BE.has(t.lower)) return;
      const k = verbAfter(tokens, i);
      const verb = k === undefined ? undefined : tokens[k]!;
      if (!verb || !Object.hasOwn(PARTICIPLE, verb.lower)) return;
      // participleAfterBe already reads "he was discharge" / "she was admit" after a person.
      const copula = !['be', 'been', 'being'].includes(t.lower);
      if (copula && (NOUN_AFTER_COPULA.has(verb.lower) || PLAN_NOUNS.has(wordBefore(tokens, i)?.lower ?? ''))) return;
      const next = tokens[k! + 1];
      const nextWord = next && next.kind === 'word' && next.sentence === verb.sentence ? next.lower : undefined;
      // "are take methotrexate" and "is respond to" are progressives; "was withhold." and "be cleanse with saline" passives.
      const progressive = copula && Object.hasOwn(PROGRESSIVE, verb.lower) && (nextWord === undefined ? false : OBJECT_START.has(nextWord) || nextWord === 'to' || !['by', 'with', 'on', 'in', 'at', 'once', 'daily', 'weekly'].includes(nextWord)) && !(verb.lower === 'take' && nextWord !== undefined && ['once', 'with', 'by', 'daily', 'weekly', 'at', 'on', 'every'].includes(nextWord));
      const correct = progressive ? PROGRESSIVE[verb.lower]! : PARTICIPLE[verb.lower]!;
      out.push(span(verb, verb, progressive ? `After "${t.text}" use the -ing form ("${t.text} ${correct}") or the simple tense.` : `The passive needs the past participle: "${t.text} ${correct}".`, keepCase(verb.text, correct)));
    });
    return out;
  },
};

// Past-tense forms that are never past participles ("was grew"), and "showed" with an object after it ("was showed sinus rhythm").
const PAST_ONLY = new Set(['grew', 'took', 'gave', 'went', 'came', 'began', 'wrote', 'saw', 'did', 'ate', 'drank', 'spoke', 'knew', 'became', 'fell', 'ran', 'chose', 'broke', 'drove', 'forgot', 'underwent', 'undertook', 'withdrew', 'drew', 'threw']);
const PASSIVE_OK_AFTER = new Set(['to', 'by', 'how', 'that', 'what', 'me', 'him', 'her', 'them', 'us', 'you', 'in', 'on', 'at', 'as', 'with', 'from', 'for', 'and', 'or', 'into', 'around', 'round']);

/** "His ECG was showed sinus rhythm", "A wound swab was grew Staphylococcus aureus" → showed, grew (drop "was"). */
export const beWithPastTense: Rule = {
  code: 'GRAMMAR_BE_WITH_PAST_TENSE',
  category: 'GRAMMAR',
  check({ tokens }) {
    const out: Finding[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const pair = words(tokens, i, 2);
      if (!pair || !['was', 'were', 'is', 'are'].includes(pair[0]!.lower)) continue;
      const [be, verb] = pair as [Token, Token];
      const next = words(tokens, i + 2, 1)?.[0];
      // "She was showed how to use it" is a (non-standard) passive; "was showed no mass lesion" the active past.
      const showedActive = verb.lower === 'showed' && next !== undefined && !PASSIVE_OK_AFTER.has(next.lower);
      if (!PAST_ONLY.has(verb.lower) && !showedActive) continue;
      out.push(span(be, verb, `"${be.text} ${verb.text}" mixes two verb forms: write "${verb.text}" alone.`, keepCase(be.text, verb.lower)));
    }
    return out;
  },
};

const MODALS = new Set(['can', 'could', 'should', 'must', 'will', 'would', 'may', 'might', 'shall']);
const IRREGULAR_PARTICIPLES = new Set(['taken', 'given', 'done', 'seen', 'shown', 'written', 'eaten', 'known', 'withheld', 'stopped', 'applied']);

/** "Compression must not applied", "it should not taken with naproxen" → must not be applied. */
export const modalParticiple: Rule = {
  code: 'GRAMMAR_MODAL_PARTICIPLE',
  category: 'GRAMMAR',
  check({ tokens }) {
    const out: Finding[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const seq = words(tokens, i, 3);
      if (!seq || !MODALS.has(seq[0]!.lower)) continue;
      const hasNot = seq[1]!.lower === 'not';
      const verb = hasNot ? seq[2]! : seq[1]!;
      const regular = /ed$/.test(verb.lower) && !/eed$/.test(verb.lower) && verb.lower.length > 4;
      if (!regular && !IRREGULAR_PARTICIPLES.has(verb.lower)) continue;
      const before = wordBefore(tokens, i)?.lower;
      // "the will needed", "a can opened": the noun.
      if (before && ['the', 'a', 'his', 'her'].includes(before)) continue;
      const suggestion = `be ${verb.text}`;
      out.push(span(verb, verb, `After "${seq[0]!.text}${hasNot ? ' not' : ''}" a passive needs "be": "${seq[0]!.text}${hasNot ? ' not' : ''} be ${verb.text}".`, suggestion));
    }
    return out;
  },
};

const SINCE_POINT = /^(?:\d{1,2}(?:st|nd|rd|th)?|\d{4}|january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|last|admission|discharge|surgery|then|childhood|birth)$/;

/** "He is afebrile since 17 April" → has been (a state that began in the past and goes on). */
export const sinceWithPresent: Rule = {
  code: 'GRAMMAR_SINCE_WITH_PRESENT',
  category: 'GRAMMAR',
  check({ tokens }) {
    const out: Finding[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const seq = words(tokens, i, 5);
      if (!seq || !['he', 'she', 'they', 'i', 'we', 'it'].includes(seq[0]!.lower) || !['is', 'are', 'am'].includes(seq[1]!.lower)) continue;
      // "He is afebrile since", "She is stable since", "He is on warfarin since": one adjective or "on X".
      const j = seq[2]!.lower === 'on' ? 4 : 3;
      if (seq[j]!.lower !== 'since' || !/^\p{Ll}+$/u.test(seq[2]!.text) || ['not', 'so', 'now', 'still', 'also'].includes(seq[2]!.lower)) continue;
      const point = words(tokens, i + j + 1, 1)?.[0];
      if (!point || !SINCE_POINT.test(point.lower)) continue;
      const correct = seq[0]!.lower === 'he' || seq[0]!.lower === 'she' || seq[0]!.lower === 'it' ? 'has been' : 'have been';
      out.push(span(seq[1]!, seq[1]!, `With "since" and a point in time, use the present perfect: "${correct}".`, correct));
    }
    return out;
  },
};

const ADVERB_OF: Record<string, string> = {
  understandable: 'understandably', obvious: 'obviously', extreme: 'extremely', visible: 'visibly', significant: 'significantly',
  slight: 'slightly', considerable: 'considerably', moderate: 'moderately', severe: 'severely', marked: 'markedly', increasing: 'increasingly',
  particular: 'particularly', real: 'really', persistent: 'persistently', excessive: 'excessively', unusual: 'unusually', reasonable: 'reasonably',
};
const STATES = /^(?:anxious|worried|upset|distressed|tired|breathless|unwell|concerned|confused|frail|low|high|elevated|raised|reduced|impaired|improved|better|worse|stable|short|weak|agitated|drowsy|fatigued|depressed|frightened|keen|reluctant|independent|active|overweight|underweight|swollen|painful|tender)$/;

/** "Mr Peterson is understandable anxious" → understandably anxious. */
export const adjectiveForAdverb: Rule = {
  code: 'GRAMMAR_ADJECTIVE_FOR_ADVERB',
  category: 'GRAMMAR',
  check({ tokens }) {
    const out: Finding[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const seq = words(tokens, i, 3);
      if (!seq || !/^(?:is|was|are|were|be|been|remains|seems|feels|looked|looks|appears|became|becomes)$/.test(seq[0]!.lower)) continue;
      const adj = seq[1]!;
      if (!Object.hasOwn(ADVERB_OF, adj.lower) || !STATES.test(seq[2]!.lower)) continue;
      out.push(span(adj, adj, `Before an adjective use the adverb: "${ADVERB_OF[adj.lower]} ${seq[2]!.text}".`, ADVERB_OF[adj.lower]));
    }
    return out;
  },
};
