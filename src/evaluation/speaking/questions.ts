/**
 * The candidate's questions, classified as an assessor hears them (D2, D3): open or closed, compound (two questions
 * in one breath) and leading (the answer is suggested). Routine checks ("Is that okay?") are questions but not
 * information-gathering, so they neither open the interview for D2 nor stack into compounds.
 */
import type { IndexedSentence, IndexedTranscript, IndexedTurn } from './transcript.js';

export type QuestionKind = 'OPEN' | 'CLOSED';

export interface Question {
  turn: IndexedTurn;
  sentence: IndexedSentence;
  kind: QuestionKind;
  /** A check or permission ("Is that okay?", "Does that make sense?"), not information-gathering. */
  routine: boolean;
  /** start/end: offsets in the turn's text (a stacked compound spans both questions). */
  compound?: { start: number; end: number; suggestion: string };
  leading?: { reason: string; suggestion: string };
}

const DISCOURSE = /^(?:(?:so|and|okay|ok|right|now|well|alright|um|uh|er|erm|then|also|but)\b[,\s]*)+/i;
const AUX = 'do|does|did|are|is|was|were|have|has|had|can|could|would|will|should|shall|may';
const PRONOUN = 'you|your|it|they|he|she|there|that|this|the|i|we|any';
const OPENER = new RegExp(`^(?:what|why|how|when|where|which|who|tell me|describe|(?:${AUX}) (?:${PRONOUN}))\\b`, 'i');
const ROUTINE = /^(?:is that (?:ok|okay|alright|all right|fine|right|correct)|would (?:that|it) be|does that (?:make sense|sound)|do you understand|ok|okay|alright|right|yes|sorry|any (?:other |more )?questions|do you have any (?:other |more )?questions|is there anything else|how does that sound|can you tell me in your own words|could you tell me in your own words|shall we|shall i|may i|can i|could i|is it (?:ok|okay|alright) if|would you mind|have i got that right|did i get that right|is (?:now|this|it) a good time|(?:are you )?(?:mr|mrs|ms|miss|dr)\.? [a-z]+\??$)/i;
const FIXED_AND = /\b(?:on and off|now and then|back and forth|up and down|in and out|here and there|again and again|more and more|ups and downs|day and night)\b/i;

export function stripDiscourse(text: string): string {
  return text.replace(DISCOURSE, '');
}

export function classify(text: string): QuestionKind {
  // "When you say X, what do you mean?" is judged by the question after the echo.
  const t = stripDiscourse(text).toLowerCase().replace(/^(?:when you (?:say|said|mention(?:ed)?)|you (?:said|mentioned))[^,]*,\s*/, '');
  if (/^what (?:time|day|dose|dosage|year|age|colou?r|number)\b/.test(t)) return 'CLOSED';
  if (/^how (?:many|much|long|often|old|far|frequently)\b/.test(t)) return 'CLOSED';
  if (/^(?:what|why|how)\b/.test(t)) return 'OPEN';
  if (/^(?:tell me|describe|explain|talk me through|walk me through)\b/.test(t)) return 'OPEN';
  if (/^(?:can|could|would|will) you (?:please )?(?:tell|describe|explain|talk|walk|say more|share)\b/.test(t)) return 'OPEN';
  return 'CLOSED';
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Two question forms joined in one sentence: "How is the pain and do you have a fever?" */
const JOINED_QUESTIONS = new RegExp(`\\b(and|or)\\s+(?:also\\s+)?(?:(?:what|how|when|where|why|which|who)\\b|(?:${AUX})\\s+(?:${PRONOUN})\\b)`, 'i');

function compoundIn(sentence: IndexedSentence, kind: QuestionKind): Question['compound'] {
  const text = sentence.text;
  const body = text.replace(/[?.!\s]+$/, '');
  // A leading "And do you …" is discourse, not a second question.
  const core = stripDiscourse(body);
  const joined = JOINED_QUESTIONS.exec(core);
  if (joined && joined.index > 0) {
    const first = capitalise(core.slice(0, joined.index).replace(/[,\s]+$/, ''));
    const second = core.slice(joined.index + joined[1]!.length).trim();
    return { start: sentence.start, end: sentence.end, suggestion: `Ask one thing at a time: "${first}?" — wait for the answer — then "${capitalise(second)}?"` };
  }
  // A yes/no question about two things: "Do you smoke and drink?"
  if (kind === 'CLOSED' && new RegExp(`^(?:${AUX})\\b`, 'i').test(stripDiscourse(body)) && !FIXED_AND.test(body)) {
    const and = /\s+and\s+(.+)$/i.exec(body);
    if (and && and[1] && and[1].split(/\s+/).length <= 4) {
      const first = body.slice(0, and.index);
      return { start: sentence.start, end: sentence.end, suggestion: `Ask one thing at a time: "${first}?" — then, after the answer, ask about "${and[1]}".` };
    }
  }
  return undefined;
}

const TAG = /[,—–-]\s*(isn't|aren't|don't|doesn't|didn't|haven't|hasn't|won't|wouldn't|can't|couldn't|wasn't|weren't|shouldn't|is|are|do|does|did|have|has|will|would|can|was|were)\s+(it|you|they|he|she|there|we|that)\s*\?\s*$/i;
const RIGHT_TAG = /,\s*(right|yeah|correct|ok|okay)\s*\?\s*$/i;
const NEG_START = /^(?:don't|doesn't|didn't|isn't|aren't|haven't|hasn't|wouldn't|won't|can't|shouldn't) (?:you|it|that|this|they)\b/i;
const NEG_DECLARATIVE = /^you(?:'re| are|'ve| have)? (?:not|never|don't|haven't|didn't|won't|aren't)\b/i;
export const PRESUMING = /\bI (?:assume|presume|take it|suppose|guess|expect) (?:that )?you\b|\b(?:surely|of course) you\b/i;

function leadingIn(text: string): Question['leading'] {
  const core = stripDiscourse(text);
  const neutral = 'Ask it neutrally so the patient can give their own answer, e.g. "Can you tell me about …?" or "How often do you …?"';
  const tag = TAG.exec(text) ?? RIGHT_TAG.exec(text);
  if (tag) {
    const statement = text.slice(0, tag.index).trim();
    return { reason: `the tag "${tag[0].replace(/^[,—–-]\s*/, '').trim()}" suggests the answer`, suggestion: `Instead of "${statement}, ${tag[0].replace(/^[,—–-]\s*/, '').trim()}", ${neutral.charAt(0).toLowerCase()}${neutral.slice(1)}` };
  }
  if (NEG_START.test(core)) return { reason: 'a negative question ("Don\'t you …?") pushes towards one answer', suggestion: neutral };
  if (NEG_DECLARATIVE.test(core)) return { reason: 'a statement with a question mark assumes the answer', suggestion: neutral };
  if (PRESUMING.test(text)) return { reason: 'it presumes the answer ("I assume you …")', suggestion: neutral };
  return undefined;
}

export function isQuestionSentence(turn: IndexedTurn, sentence: IndexedSentence): boolean {
  if (/\?\s*$/.test(sentence.text)) return true;
  const core = stripDiscourse(sentence.text);
  if (/^(?:tell me|describe|talk me through|walk me through)\b/i.test(core)) return true;
  // ASR text without punctuation: fall back to the question's form.
  return !turn.text.includes('?') && !/[.!]\s*$/.test(sentence.text) && OPENER.test(core);
}

export function findQuestions(tx: IndexedTranscript): Question[] {
  const questions: Question[] = [];
  for (const turn of tx.candidate) {
    let previous: Question | undefined;
    let previousIndex = -2;
    turn.sentences.forEach((sentence, i) => {
      const question = isQuestionSentence(turn, sentence);
      if (!question) return;
      const leading = leadingIn(sentence.text);
      const kind = classify(sentence.text);
      const routine = ROUTINE.test(stripDiscourse(sentence.text));
      const q: Question = { turn, sentence, kind, routine };
      if (!routine) q.compound = compoundIn(sentence, kind);
      // Stacked questions: a second information question before the patient could answer the first.
      if (!routine && !q.compound && previous && !previous.routine && previousIndex === i - 1 && (kind === 'CLOSED' || previous.kind === 'CLOSED')) {
        q.compound = {
          start: previous.sentence.start,
          end: sentence.end,
          suggestion: `Ask "${previous.sentence.text}" and wait for the answer before asking "${sentence.text}"`,
        };
      }
      if (leading) q.leading = leading;
      questions.push(q);
      previous = q;
      previousIndex = i;
    });
  }
  return questions;
}

/** Statements that presume the answer ("I assume you've been taking them.") lead as much as tag questions do. */
export function findPresumptions(tx: IndexedTranscript): { turn: IndexedTurn; sentence: IndexedSentence }[] {
  const out: { turn: IndexedTurn; sentence: IndexedSentence }[] = [];
  for (const turn of tx.candidate) {
    for (const sentence of turn.sentences) {
      if (!isQuestionSentence(turn, sentence) && PRESUMING.test(sentence.text)) out.push({ turn, sentence });
    }
  }
  return out;
}
