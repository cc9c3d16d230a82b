import assert from 'node:assert/strict';
import { describe, test } from '@jest/globals';
import { DomainError, ErrorCode } from '../../src/errors.js';
import { evaluateSpeaking, type SpeakingEvaluation } from '../../src/evaluation/speaking/index.js';
import { SPEAKING_CRITERIA, transcriptText, type Evidence, type SpeakingEvidence, type SpeakingCriterionName, type TranscriptTurn, type TranscriptWord } from '../../src/evaluation/types.js';

type Line = readonly [speaker: 'C' | 'P', text: string];

const STRONG: readonly Line[] = [
  ['C', "Good morning, Mr Jones. My name is Dr Patel, I'm one of the doctors here. Today I'd like to talk with you about your blood pressure results. Is that okay?"],
  ['P', "Yes, that's fine. I've been wondering about them."],
  ['C', 'Thank you. Can you tell me what has been happening with your health recently?'],
  ['P', "Well, I've been getting headaches in the mornings, and the nurse said my blood pressure was high at my last check."],
  ['C', 'When you say headaches, can you describe what they feel like?'],
  ['P', "They're a dull ache at the back of my head, usually when I wake up."],
  ['C', "I see. Now I'd like to ask you a few questions about your lifestyle. How would you describe your usual diet and exercise?"],
  ['P', "I eat a lot of takeaway food because I work long hours, and I don't really exercise."],
  ['C', 'That sounds difficult with your working hours. Do you smoke?'],
  ['P', 'No, I gave up five years ago.'],
  ['C', "That's great. So, just to summarise, you've had morning headaches for a few weeks, your blood pressure was high at your last check, and work makes it hard to eat well and exercise. Have I got that right?"],
  ['P', "Yes, that's right."],
  ['C', "Is there anything in particular that's worrying you about your blood pressure?"],
  ['P', "My father had a stroke, so I'm scared the same thing will happen to me."],
  ['C', "I'm sorry to hear about your father; it's understandable that you're worried. What do you know about high blood pressure already?"],
  ['P', "Not much. I know it's not good for the heart."],
  ['C', "You're right. High blood pressure, what we call hypertension, means the blood pushes too hard against the walls of your blood vessels. Over time this can strain the heart and raise the risk of a stroke, which you mentioned you were worried about. How does that sound so far?"],
  ['P', 'It makes sense. What can I do about it?'],
  ['C', 'Moving on to treatment, there are two main things we can do. The first is changes to your lifestyle, such as less salt and a short walk every day. The second is a tablet to lower your blood pressure, if the changes are not enough. How do you feel about trying the lifestyle changes first?'],
  ['P', 'I think I could try walking at lunchtime, and I could cook at home more often.'],
  ['C', "That's a good plan. Just to make sure I've explained everything clearly, can you tell me in your own words what we've agreed?"],
  ['P', "I'll cut down on salt, walk every day, and come back in a month to check my blood pressure."],
  ['C', "Exactly. Is there anything else you'd like to know? Otherwise, we'll see you again in a month. Thank you for coming in, Mr Jones."],
];

/** Same clinical content, but no opening, closed/compound/leading questions, a missed cue, a lecture and no checks. */
const POOR_COMMUNICATION: readonly Line[] = [
  ['C', "Right, let's get started."],
  ['P', 'Okay.'],
  ['C', 'Do you get headaches and do you feel dizzy?'],
  ['P', 'I get headaches in the mornings.'],
  ['C', 'Do you smoke and drink?'],
  ['P', "No. My father had a stroke, so I'm scared the same thing will happen to me."],
  ['C', "You don't exercise much, do you?"],
  ['P', 'Not really.'],
  ['C', 'I assume you eat a lot of takeaway food. Is your diet healthy?'],
  ['P', 'Not really.'],
  ['C', 'Your blood pressure is high. High blood pressure means the blood pushes too hard against the walls of your blood vessels. Over time this can strain the heart and raise the risk of a stroke. You need to eat less salt, stop eating takeaway food, walk for thirty minutes every day, lose some weight, cut down on alcohol and come back in a month. If the changes are not enough, you will need a tablet to lower your blood pressure, which you will have to take every day for the rest of your life.'],
  ['P', 'Okay.'],
  ['C', "That's it, then."],
];

function replace(lines: readonly Line[], at: number, text: string): Line[] {
  return lines.map((l, i) => (i === at ? ([l[0], text] as const) : l));
}

/** The strong role-play explained in jargon the patient cannot follow. */
const JARGON = replace(
  replace(STRONG, 16, "You're right. You have hypertension, and over time it can cause a myocardial infarction or a stroke, which you mentioned you were worried about. How does that sound so far?"),
  18,
  'Moving on to treatment, there are two main things we can do. The first is changes to your lifestyle to reduce renal and cardiac risk. The second is an antihypertensive, but NSAIDs are contraindicated with it, and we will check your HbA1c. How do you feel about trying the lifestyle changes first?',
);

/** The strong role-play with learner errors in the candidate's grammar. */
const GRAMMAR = replace(
  replace(STRONG, 18, 'Moving on to treatment, there are two main things we can do. The first is changes to your lifestyle, such as less salt and a short walk every days. The second is a tablet, and you must to take it if the changes is not enough. How do you feel about trying the lifestyle changes first?'),
  6,
  "I see. Now I'd like to ask you a few questions about your lifestyle. What you eat in a normal day? He have a healthy diet, your wife?",
);

/** The strong role-play with fillers, restarts ("I will — I will") and slow, pause-filled delivery. */
const DISFLUENT = STRONG.map(([s, t], i): Line => {
  if (s !== 'C') return [s, t];
  if (i === 0) return [s, "Um, good morning, Mr Jones. My name is, er, Dr Patel, I'm one of the doctors here. Today I'd like to, um, talk with you about your blood pressure results. Is that okay?"];
  if (i === 18) return [s, 'Um, moving on to treatment, there are two main things we can, er, we can do. The first is, you know, changes to your lifestyle, such as less salt and a short walk every day. The second is a, um, tablet to lower your blood pressure, if the changes are not enough. How do you feel about trying the lifestyle changes first?'];
  if (i === 20) return [s, "That's a good plan. I will — I will just make sure I've explained everything clearly. Er, can you tell me in your own words what we've agreed?"];
  return [s, `Um, ${t.charAt(0).toLowerCase()}${t.slice(1)}`];
});

interface TimingOptions {
  /** Milliseconds per candidate word (word + gap); 400 ms gives 150 words per minute. */
  msPerWord?: number;
  confidence?: (turn: number, word: number) => number;
  /** Extra silence before these candidate words: [turn, word index]. */
  pausesBefore?: readonly (readonly [number, number])[];
  pauseMs?: number;
}

/** Turns with ASR-like word timings and confidences (whitespace tokens, as an ASR gives them). */
function timed(lines: readonly Line[], o: TimingOptions = {}): TranscriptTurn[] {
  let clock = 500;
  return lines.map(([s, text], t) => {
    const per = s === 'C' ? (o.msPerWord ?? 400) : 380;
    const words: TranscriptWord[] = text.split(' ').map((w, i) => {
      if (s === 'C' && o.pausesBefore?.some(([pt, pw]) => pt === t && pw === i)) clock += o.pauseMs ?? 3000;
      const word = { text: w, startMs: clock, endMs: clock + per - 80, confidence: s === 'C' && o.confidence ? o.confidence(t, i) : 0.95 };
      clock += per;
      return word;
    });
    const turn: TranscriptTurn = {
      speaker: s === 'C' ? 'CANDIDATE' : 'INTERLOCUTOR',
      text,
      startMs: words[0]!.startMs,
      endMs: words[words.length - 1]!.endMs,
      confidence: words.reduce((a, w) => a + (w.confidence ?? 0), 0) / words.length,
      words,
    };
    clock += 600;
    return turn;
  });
}

const plain = (lines: readonly Line[]): TranscriptTurn[] => lines.map(([s, text]) => ({ speaker: s === 'C' ? 'CANDIDATE' : 'INTERLOCUTOR', text }));
const evaluate = (turns: TranscriptTurn[]) => evaluateSpeaking({ turns, profession: 'MEDICINE' });
const score = (e: SpeakingEvaluation, name: SpeakingCriterionName): number => e.criteria.find((c) => c.name === name)!.score;
/** Speaking feedback evidence is SpeakingEvidence; FeedbackItem types it as the shared Evidence. */
const turnOf = (e: Evidence | undefined): number | undefined => (e as SpeakingEvidence | undefined)?.turn;
const indicator = (e: SpeakingEvaluation, id: string) => e.indicators.find((i) => i.id === id)!;

function assertSpansExact(turns: readonly TranscriptTurn[], e: SpeakingEvaluation): void {
  const text = transcriptText(turns);
  const spans = [
    ...e.criteria.flatMap((c) => [...c.evidence, ...c.feedback.flatMap((f) => (f.evidence ? [f.evidence] : []))]),
    ...e.indicators.flatMap((i) => i.evidence),
  ];
  assert.ok(spans.length > 0);
  for (const s of spans) {
    assert.equal(text.slice(s.start, s.end), s.text, `span ${s.start}–${s.end}`);
    const turn = (s as { turn?: number }).turn;
    assert.ok(typeof turn === 'number');
    const turnStart = turns.slice(0, turn).reduce((n, t) => n + t.text.length + 1, 0);
    assert.ok(s.start >= turnStart && s.end <= turnStart + turns[turn]!.text.length, `span "${s.text}" lies in turn ${turn}`);
  }
}

const strongTurns = timed(STRONG);
const strong = await evaluate(strongTurns);

describe('evaluateSpeaking: a strong role-play', () => {
  test('returns the nine criteria in OET order on their scales', () => {
    assert.deepEqual(strong.criteria.map((c) => [c.name, c.max]), SPEAKING_CRITERIA.map((c) => [c.name, c.max]));
    for (const c of strong.criteria) assert.ok(Number.isInteger(c.score) && c.score >= 0 && c.score <= c.max, c.name);
    assert.deepEqual(strong.indicators.map((i) => i.id), ['A1', 'A2', 'A3', 'A4', 'B1', 'B2', 'B3', 'C1', 'C2', 'C3', 'D1', 'D2', 'D3', 'D4', 'D5', 'E1', 'E2', 'E3', 'E4', 'E5']);
  });

  test('scores at the top of every scale', () => {
    for (const c of strong.criteria) assert.equal(c.score, c.max, `${c.name}: ${JSON.stringify(c.feedback.filter((f) => f.kind === 'ISSUE'))}`);
    for (const i of strong.indicators) assert.equal(i.met, true, i.id);
  });

  test('finds the opening, summary and teach-back in the turns they are in', () => {
    const a1 = indicator(strong, 'A1');
    assert.deepEqual(a1.evidence.map((e) => e.turn), [0, 0, 0]);
    assert.deepEqual(a1.evidence.map((e) => e.text), ['Good morning', 'My name is', "Today I'd like to talk"]);
    assert.deepEqual(indicator(strong, 'D5').evidence.map((e) => [e.turn, e.text]), [[10, 'just to summarise']]);
    assert.equal(indicator(strong, 'E4').evidence[0]!.turn, 20);
    assert.deepEqual(indicator(strong, 'E4').evidence.map((e) => e.text), ["Just to make sure I've explained", 'in your own words']);
    // The patient's cue (turn 13) and the acknowledgement in the candidate's next turn (14).
    assert.deepEqual(indicator(strong, 'B2').evidence.map((e) => [e.turn, e.text]), [[13, 'My father had'], [14, "I'm sorry to hear"]]);
    assertSpansExact(strongTurns, strong);
  });

  test('measures what the scores rest on', () => {
    const m = strong.measures;
    assert.equal(m.candidateTurns, 12);
    assert.ok(m.speakingRateWpm! > 140 && m.speakingRateWpm! < 160, `${m.speakingRateWpm}`);
    assert.equal(m.pauses, 0);
    assert.equal(m.fillers, 0);
    assert.ok(m.meanAsrConfidence! > 0.94);
    assert.equal(m.questions.compound, 0);
    assert.equal(m.questions.leading, 0);
    assert.ok(m.questions.open >= 4);
    assert.equal(m.jargonUnexplained, 0);
    assert.equal(m.jargonTerms, 1);
    assert.equal(m.learnerErrors, 0);
  });
});

describe('evaluateSpeaking: weaker role-plays score lower where assessors would mark them down', () => {
  test('poor communication: every clinical-communication criterion lower; compound and leading questions found', async () => {
    const turns = timed(POOR_COMMUNICATION);
    const e = await evaluate(turns);
    for (const name of ['Relationship-building', "Understanding & incorporating the patient's perspective", 'Providing structure', 'Information-gathering', 'Information-giving'] as const) {
      assert.ok(score(e, name) < score(strong, name), `${name}: ${score(e, name)} vs ${score(strong, name)}`);
    }
    assert.equal(indicator(e, 'A1').met, false);
    assert.equal(indicator(e, 'D2').met, false);
    assert.equal(indicator(e, 'D5').met, false);
    assert.equal(indicator(e, 'E4').met, false);
    assert.equal(indicator(e, 'B2').met, false);
    assert.equal(indicator(e, 'E2').met, false);
    const d3 = indicator(e, 'D3');
    assert.equal(d3.met, false);
    assert.deepEqual(d3.evidence.map((x) => [x.turn, x.text]), [
      [2, 'Do you get headaches and do you feel dizzy?'],
      [4, 'Do you smoke and drink?'],
      [6, "You don't exercise much, do you?"],
      [8, 'I assume you eat a lot of takeaway food.'],
    ]);
    const gathering = e.criteria.find((c) => c.name === 'Information-gathering')!;
    const compound = gathering.feedback.find((f) => f.code === 'SPEAKING_D3_COMPOUND_QUESTION' && f.evidence?.text === 'Do you smoke and drink?');
    assert.equal(compound?.indicator, 'D3');
    assert.match(compound!.suggestion!, /"Do you smoke\?"/);
    assert.ok(gathering.feedback.some((f) => f.code === 'SPEAKING_D2_CLOSED_ONLY'));
    assert.equal(e.measures.questions.compound, 2);
    assert.equal(e.measures.questions.leading, 2);
    assert.equal(e.measures.questions.open, 0);
    assert.equal(e.measures.monologues, 1);
    assertSpansExact(turns, e);
  });

  test('jargon: Appropriateness lower, each unexplained term quoted with a lay alternative', async () => {
    const turns = timed(JARGON);
    const e = await evaluate(turns);
    assert.ok(score(e, 'Appropriateness of Language') < score(strong, 'Appropriateness of Language'));
    const issues = e.criteria.find((c) => c.name === 'Appropriateness of Language')!.feedback.filter((f) => f.code === 'SPEAKING_APPROPRIATENESS_JARGON');
    assert.deepEqual(issues.map((f) => f.evidence!.text), ['hypertension', 'myocardial infarction', 'renal', 'cardiac', 'NSAIDs', 'contraindicated', 'HbA1c']);
    assert.equal(turnOf(issues[1]!.evidence), 16);
    assert.match(issues[1]!.suggestion!, /heart attack/);
    assert.equal(e.measures.jargonUnexplained, 7);
    assertSpansExact(turns, e);
  });

  test('jargon: terms the knowledge packs know are checked too', async () => {
    const turns = timed(JARGON);
    const e = await evaluateSpeaking({ turns, profession: 'MEDICINE' }, { isMedicalTerm: (w) => w.toLowerCase() === 'antihypertensive' });
    assert.equal(e.measures.jargonUnexplained, 8);
  });

  test('disfluent: Fluency lower; fillers, restarts and 3-second pauses found in the word timings', async () => {
    // Three-second silences before "Dr" (turn 0), "changes" (turn 18) and "can" (turn 20).
    const dr = DISFLUENT[0]![1].split(' ').indexOf('Dr');
    const changes = DISFLUENT[18]![1].split(' ').indexOf('changes');
    const can = DISFLUENT[20]![1].split(' ').indexOf('can');
    const turns = timed(DISFLUENT, { msPerWord: 560, pausesBefore: [[0, dr], [18, changes], [20, can]] });
    const e = await evaluate(turns);
    assert.ok(score(e, 'Fluency') < score(strong, 'Fluency'), `${score(e, 'Fluency')}`);
    assert.ok(score(e, 'Fluency') <= 3);
    assert.equal(e.measures.pauses, 3);
    assert.ok(e.measures.speakingRateWpm! < 110);
    assert.ok(e.measures.fillers >= 15);
    assert.equal(e.measures.repetitions, 2);
    const pauses = e.criteria.find((c) => c.name === 'Fluency')!.feedback.filter((f) => f.code === 'SPEAKING_FLUENCY_PAUSE');
    assert.deepEqual(pauses.map((f) => [turnOf(f.evidence), f.evidence!.text]), [[0, 'er, Dr'], [18, 'know, changes'], [20, 'Er, can']]);
    assertSpansExact(turns, e);
    // Communication is judged on the same content and stays where it was.
    assert.equal(score(e, 'Information-gathering'), score(strong, 'Information-gathering'));
  });

  test('grammar errors: Resources of Grammar and Expression lower, each error quoted with its correction', async () => {
    const turns = timed(GRAMMAR);
    const e = await evaluate(turns);
    assert.ok(score(e, 'Resources of Grammar and Expression') < score(strong, 'Resources of Grammar and Expression'));
    const fb = e.criteria.find((c) => c.name === 'Resources of Grammar and Expression')!.feedback.filter((f) => f.evidence);
    const pairs = fb.map((f) => [f.evidence!.text, f.suggestion]);
    assert.deepEqual(pairs, [
      ['What you eat', '"What do you eat"'],
      ['He have', '"He has"'],
      ['every days', '"every day"'],
      ['must to take', '"must take"'],
    ]);
    assertSpansExact(turns, e);
  });

  test('low ASR confidence: Intelligibility lower, the least clear words quoted', async () => {
    const turns = timed(STRONG, { confidence: (t, w) => ((t + w) % 3 === 0 ? 0.35 : 0.7) });
    const e = await evaluate(turns);
    assert.ok(score(e, 'Intelligibility') < score(strong, 'Intelligibility'));
    assert.ok(score(e, 'Intelligibility') <= 3);
    assert.ok(e.measures.lowConfidenceWordShare! > 0.3);
    const words = e.criteria.find((c) => c.name === 'Intelligibility')!.feedback.filter((f) => f.code === 'SPEAKING_INTELLIGIBILITY_UNCLEAR_WORD');
    assert.equal(words.length, 5);
    assertSpansExact(turns, e);
  });

  test('without timings or confidences: intelligibility scored neutrally and said so; pace not measured', async () => {
    const e = await evaluate(plain(STRONG));
    assert.equal(score(e, 'Intelligibility'), 5);
    assert.ok(e.criteria[0]!.feedback.some((f) => f.code === 'SPEAKING_INTELLIGIBILITY_NOT_MEASURED'));
    assert.equal(e.measures.speakingRateWpm, null);
    assert.equal(e.measures.pauses, null);
    assert.equal(score(e, 'Fluency'), 6);
  });
});

describe('evaluateSpeaking: injected helpers', () => {
  const traits = (n: number) => ({ cohesion: n, syntax: n, vocabulary: n, phraseology: n, grammar: n, conventions: n });

  test('the trait model and the proofreader set Resources of Grammar and Expression, monotonically', async () => {
    const turns = plain(STRONG);
    const high = await evaluateSpeaking({ turns, profession: 'MEDICINE' }, { assessLanguage: async () => traits(5), proofread: async () => ({ errorsPer100Words: 0, issues: [] }) });
    const mid = await evaluateSpeaking({ turns, profession: 'MEDICINE' }, { assessLanguage: async () => traits(3) });
    const errors = await evaluateSpeaking({ turns, profession: 'MEDICINE' }, { assessLanguage: async () => traits(3), proofread: async () => ({ errorsPer100Words: 8, issues: [] }) });
    const name = 'Resources of Grammar and Expression';
    assert.equal(score(high, name), 6);
    assert.ok(score(mid, name) < score(high, name));
    assert.ok(score(errors, name) < score(mid, name));
    assert.deepEqual(mid.measures.languageTraits, traits(3));
  });

  test('proofreader offsets into the candidate text become transcript spans', async () => {
    const turns = plain(STRONG);
    const candidateText = turns.filter((t) => t.speaker === 'CANDIDATE').map((t) => t.text).join('\n');
    const at = candidateText.indexOf('Moving on');
    const e = await evaluateSpeaking({ turns, profession: 'MEDICINE' }, { proofread: async () => ({ errorsPer100Words: 0.2, issues: [{ code: 'X', start: at, end: at + 9, message: 'test issue' }] }) });
    const item = e.criteria[3]!.feedback.find((f) => f.code === 'SPEAKING_GRAMMAR_PROOFREAD')!;
    assert.equal(e.measures.proofreadErrorsPer100Words, 0.2);
    assert.deepEqual(item.evidence, { start: transcriptText(turns).indexOf('Moving on'), end: transcriptText(turns).indexOf('Moving on') + 9, text: 'Moving on', turn: 18 });
  });

  test('an aborted signal stops the evaluation', async () => {
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(evaluateSpeaking({ turns: plain(STRONG), profession: 'MEDICINE' }, { signal: controller.signal }));
    const late = new AbortController();
    await assert.rejects(evaluateSpeaking({ turns: plain(STRONG), profession: 'MEDICINE' }, {
      signal: late.signal,
      assessLanguage: async () => { late.abort(); return traits(4); },
    }));
  });
});

describe('evaluateSpeaking: bad input', () => {
  const rejects = (turns: TranscriptTurn[], pattern: RegExp, profession = 'MEDICINE') =>
    assert.rejects(evaluateSpeaking({ turns, profession: profession as 'MEDICINE' }), (err: unknown) => {
      assert.ok(err instanceof DomainError);
      assert.equal(err.code, ErrorCode.BAD_USER_INPUT);
      assert.match(err.message, pattern);
      return true;
    });

  test('no turns, no candidate, empty text', async () => {
    await rejects([], /no turns/);
    await rejects([{ speaker: 'INTERLOCUTOR', text: 'Hello?' }], /no CANDIDATE turn/);
    await rejects([{ speaker: 'CANDIDATE', text: 'Hello.' }, { speaker: 'INTERLOCUTOR', text: '  ' }], /Turn 1 has no text/);
  });

  test('times that run backwards', async () => {
    await rejects([{ speaker: 'CANDIDATE', text: 'Hello.', startMs: 2000, endMs: 1000 }], /ends .* before it starts/);
    await rejects([{ speaker: 'CANDIDATE', text: 'Hello.', startMs: 5000, endMs: 6000 }, { speaker: 'INTERLOCUTOR', text: 'Hi.', startMs: 1000, endMs: 2000 }], /time order/);
    await rejects([{ speaker: 'CANDIDATE', text: 'Hello there.', words: [{ text: 'Hello', startMs: 500, endMs: 900 }, { text: 'there.', startMs: 100, endMs: 400 }] }], /must not decrease/);
  });

  test('confidence outside 0–1, unknown speaker or profession', async () => {
    await rejects([{ speaker: 'CANDIDATE', text: 'Hello.', confidence: 1.5 }], /between 0 and 1/);
    await rejects([{ speaker: 'CANDIDATE', text: 'Hello.', words: [{ text: 'Hello.', startMs: 0, endMs: 300, confidence: -0.1 }] }], /between 0 and 1/);
    await rejects([{ speaker: 'DOCTOR' as 'CANDIDATE', text: 'Hello.' }], /expected CANDIDATE or INTERLOCUTOR/);
    await rejects(plain(STRONG), /Unknown profession/, 'SURGERY');
  });
});
