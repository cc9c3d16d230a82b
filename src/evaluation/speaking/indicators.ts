/**
 * The twenty clinical-communication indicators (A1–E5), each detected from the candidate's turns with the spans that
 * show it. `met` is what an assessor would tick; `credit` (0–1) keeps partial evidence (two of three parts of an
 * opening, "Does that make sense?" instead of teach-back) so that scores are monotone in what was shown.
 */
import type { FeedbackItem, Profession, SpeakingEvidence } from '../types.js';
import type { IndicatorId } from './model.js';
import { type Question } from './questions.js';
import type { Lapse } from './register.js';
import { evidenceOf, findAll, quote, span, type IndexedTranscript, type IndexedTurn, type Match } from './transcript.js';

export interface IndicatorFinding {
  id: IndicatorId;
  met: boolean | null;
  credit: number;
  evidence: SpeakingEvidence[];
  feedback: FeedbackItem[];
}

export interface IndicatorInputs {
  questions: readonly Question[];
  presumptions: readonly { turn: IndexedTurn; sentence: { text: string; start: number; end: number } }[];
  judgemental: readonly Lapse[];
  dismissive: readonly Lapse[];
  profession: Profession;
}

/** A candidate turn longer than this is a monologue: the patient gets no chance to respond (E2). */
export const MONOLOGUE_WORDS = 80;
/** Explanations at least this long are information-giving turns whose chunking E2 judges. */
export const EXPLANATION_WORDS = 25;
/** Below this share of the words the patient has not been let to tell their story (D1). */
export const MIN_PATIENT_SHARE = 0.2;

const ROLE: Readonly<Record<Profession, string>> = {
  MEDICINE: 'one of the doctors', NURSING: 'one of the nurses', PHARMACY: 'the pharmacist', DENTISTRY: 'the dentist',
  PHYSIOTHERAPY: 'the physiotherapist', OCCUPATIONAL_THERAPY: 'the occupational therapist', DIETETICS: 'the dietitian',
  RADIOGRAPHY: 'the radiographer', SPEECH_PATHOLOGY: 'the speech pathologist', PODIATRY: 'the podiatrist',
  OPTOMETRY: 'the optometrist', VETERINARY_SCIENCE: 'the vet', OTHER: 'one of the health team',
};
const ROLE_WORDS = 'doctor|nurse|pharmacist|physiotherapist|physio|dentist|dietitian|dietician|therapist|radiographer|podiatrist|optometrist|vet|veterinarian|pathologist|registrar|resident|consultant|GP|midwife';

const GREETING = /\b(?:hello|hi|good (?:morning|afternoon|evening)|welcome)\b/i;
const INTRO_NAME = /\b(?:[Mm]y name is|[Mm]y name's|I'm (?:Dr\.? |Doctor )?[A-Z][a-z]+|I am (?:Dr\.? |Doctor )?[A-Z][a-z]+)\b/;
const INTRO_ROLE = new RegExp(`\\bI(?:'m| am) (?:one of )?(?:the|a|an|your) (?:\\w+ )?(?:${ROLE_WORDS})s?\\b`, 'i');
const PURPOSE = /\b(?:I(?:'m| am) here to|I(?:'d| would) like to (?:\w+ ){0,4}?(?:talk|talking|discuss|speak|go over|go through|explain|ask|have a (?:quick )?chat|check|review)|I(?:'ve| have) (?:been asked|come) to|I want to (?:talk|speak|discuss|explain)|(?:today|this morning|this afternoon),? (?:I|we)(?:'d| would| will|'ll)? (?:like to |be going to |going to )?(?:talk|discuss|go over|look at)|the reason (?:I'm|I am|for)|(?:we're going to|we will|we'll) (?:talk|discuss|go over|have a chat) about|I'm going to (?:talk|explain|discuss|ask)|what brings? you (?:in|here)|how can I help)/i;
const POLITE = /\b(?:please|thank you|thanks|would you mind|if that's (?:ok|okay|alright|all right)|is it (?:ok|okay|alright|all right) if|may I|(?:Mr|Mrs|Ms|Miss)\.? [A-Z][a-z]+)/;
const EMPATHY = /\b(?:(?:that|it) must (?:be|have been)|I (?:can )?understand|I can see|I can imagine|I can hear|it's (?:completely |quite |very |perfectly )?(?:understandable|normal|natural) (?:to|that)|(?:that's|that is) (?:completely |quite |perfectly )?understandable|I'm (?:so |very |really )?sorry (?:to hear|that|about)|that sounds (?:\w+ )?(?:difficult|hard|worrying|frightening|scary|stressful|upsetting|frustrating|painful|tough|awful|distressing|concerning)|I appreciate (?:that|how|this|it)|I know (?:this|it) (?:is|can be|must be))/i;
const ICE = /\b(?:what do you think (?:is|might|could|caused|has|causes|it is)|what are your (?:own )?(?:thoughts|concerns|worries|main concerns)|(?:is there|do you have) anything (?:else |in particular )?(?:that's |that is )?(?:worrying|concerning|bothering) you|(?:is there|do you have) anything (?:in particular )?(?:you're|you are) (?:worried|concerned) about|what (?:worries|concerns) you|are you (?:worried|concerned) about|do you have any (?:concerns|worries)|what (?:were|are) you hoping|what would you like (?:to get|from|us to|to happen)|what (?:are|were) you expecting|how (?:is|has) (?:this|it|that) (?:been )?(?:affecting|affected)|how (?:does|do) (?:this|it|these) affect|what's (?:worrying|concerning) you|what matters (?:most )?to you)/i;
const CUE = /\b(?:worried|worry|worrying|scared|afraid|anxious|nervous|concerned|frightened|terrified|upset|stressed|panicking|embarrassed|frustrated|can't cope|not coping|don't know what to do|(?:my|his|her) (?:mother|mum|father|dad|brother|sister|friend|husband|wife|neighbour) (?:had|died|passed))/i;
const CUE_ACK = /\b(?:worr\w*|concern\w*|scar\w*|afraid|anxious|nervous|fright\w*|upset\w*|stress\w*|understand\w*|you mentioned|you said|tell me more|sounds (?:\w+ )?(?:difficult|hard|worrying)|that's (?:a )?(?:natural|understandable))/i;
const RELATE = /\b(?:you mentioned|you said|you told me|as you (?:said|mentioned)|you were (?:worried|concerned) (?:about|that)|because you(?:'re| are) (?:worried|concerned)|since you(?:'re| are) (?:worried|concerned)|I know you(?:'re| are) (?:worried|concerned)|given (?:your|that you)|(?:about|regarding|for|with) your (?:concern|worry|worries)|you were hoping|what you (?:said|mentioned) about|going back to (?:your|what you))/i;
const CLOSING = /\b(?:thank you|thanks|take care|goodbye|bye|see you|all the best|next appointment|follow[- ]up|come back|any (?:other|more|further) questions|anything else)\b/i;
const SIGNPOST = /\b(?:now,? I(?:'d| would) like to|I(?:'d| would) (?:now )?like to (?:move on|ask you (?:a few|some)|talk (?:to you )?about|explain|go through|check|start by)|(?:let's|let us|I'll|I will|can we) (?:now )?(?:move on|talk about|turn to|look at|go through)|moving on|first(?:ly)?,|first of all|to start with|next,|after that|then I'll|then we'll|finally,|lastly|before we finish|before (?:we|I) go|I'm going to (?:ask|explain|talk|go through)|so now)/i;
const ORGANISED = /\b(?:there are (?:two|three|four|a few|several|some) (?:main |important )?(?:things|options|ways|steps|reasons|points|parts|types|choices|treatments|changes)|the (?:first|second|third|other|last) (?:thing|option|step|way|point|reason|choice|change)|firstly|secondly|thirdly|on the one hand|on the other hand|(?:shall|let) (?:I|me) (?:first )?(?:explain|go through|talk)|another (?:option|thing|way|step)|the main (?:thing|point)|to sum up|in summary|step by step)\b/i;
const LISTENING = /\b(?:tell me more|go on|please continue|carry on|take your time|mm-?hmm|I see)\b/i;
const CLARIFY = /\b(?:what do you mean (?:by|when)|when you say|(?:could|can) you (?:explain|tell me) (?:a (?:bit|little) )?(?:more )?(?:about )?what you mean|(?:can|could) you tell me (?:a (?:bit|little) )?more about|tell me (?:a (?:bit|little) )?more about|could you be (?:a bit )?more specific|do you mean|what exactly|(?:can|could) you describe|in what way)/i;
const SUMMARY = /\b(?:(?:just )?to summari[sz]e|let me (?:just )?summari[sz]e|(?:let me|can I|could I|I'd like to) (?:just )?(?:check|make sure) (?:that )?I(?:'ve| have) (?:understood|got)|so what you(?:'re| are) saying is|so if I(?:'ve| have)? understood|if I(?:'ve| have) understood|let me (?:just )?recap|to recap|so far you(?:'ve| have) told me)/i;
const KNOWS = /\b(?:what do you (?:already )?know about|have you (?:ever )?heard (?:of|about)|what have you (?:been told|heard|read)|what do you understand (?:about|by)|are you familiar with|how much do you know|what has (?:the|your) (?:doctor|specialist|GP|nurse) (?:told|said|explained)|do you know (?:much|anything) about|what's your understanding)/i;
const REACTION = /\b(?:how do you feel about|how does (?:that|this) sound|what do you think (?:about|of) (?:that|this|the|these|it)|are you (?:happy|comfortable|ok|okay) with|would (?:that|this) be (?:ok|okay|alright|acceptable)|how would you feel|any thoughts|how are you feeling about|what are your thoughts (?:on|about)|does (?:that|this) sound (?:ok|okay|alright|reasonable|like)|is that something you(?:'d| would)|what would you prefer)/i;
const TEACH_BACK = /\b(?:in your own words|(?:can|could) you (?:just )?(?:tell|explain|repeat) (?:it |that |this )?back to me|just to (?:make sure|check) (?:that )?I(?:'ve| have) explained|to check I(?:'ve| have) explained|what will you (?:tell|say to)|how are you going to (?:take|use)|(?:can|could) you (?:show|tell) me how you(?:'ll| will))/i;
const CHECK_WEAK = /\b(?:does (?:that|this|it|everything|all that) make sense|do you understand|is (?:that|this|everything) clear|are you (?:clear|following)|(?:have|did) you (?:understood|follow))/i;
const ANYTHING_ELSE = /\b(?:is there anything else (?:you(?:'d| would) like to (?:know|ask|discuss)|I can (?:help|do|tell|explain))|(?:do you have|have you got|are there) any (?:other |more |further )?questions|anything else you(?:'d| would)? (?:like|want) to (?:know|ask)|anything (?:else )?you(?:'d| would) like me to (?:explain|go over)|what else would you like to know|is there anything you(?:'d| would) like me to (?:go over|explain))/i;

const words = (turns: readonly IndexedTurn[]): number => turns.reduce((s, t) => s + t.words.length, 0);
const firstSentence = (t: IndexedTurn): SpeakingEvidence => span(t, t.sentences[0]!.start, t.sentences[0]!.end);

function item(indicator: IndicatorId, code: string, kind: FeedbackItem['kind'], message: string, evidence?: SpeakingEvidence, suggestion?: string): FeedbackItem {
  return { code: `SPEAKING_${indicator}_${code}`, kind, message, indicator, ...(evidence ? { evidence } : {}), ...(suggestion ? { suggestion } : {}) };
}

/** The usual shape: met when a phrase of the kind is found; a missing one costs the whole indicator. */
function byPhrase(id: IndicatorId, matches: Match[], shown: string, missing: string, example: string): IndicatorFinding {
  const first = matches[0];
  if (!first) return { id, met: false, credit: 0, evidence: [], feedback: [item(id, 'MISSING', 'ISSUE', missing, undefined, example)] };
  const evidence = matches.map(evidenceOf);
  return { id, met: true, credit: 1, evidence, feedback: [item(id, 'SHOWN', 'POSITIVE', `${shown}: "${quote(first.text)}".`, evidence[0])] };
}

export function detectIndicators(tx: IndexedTranscript, inputs: IndicatorInputs): IndicatorFinding[] {
  const cand = tx.candidate;
  const after = (turn: number): IndexedTurn[] => cand.filter((t) => t.index > turn);
  const firstPatient = tx.interlocutor[0]?.index ?? -1;
  const opening = cand.slice(0, 2);
  const closing = cand.slice(-2);
  const out: IndicatorFinding[] = [];

  // A1: greeting, who they are, why they are here — in the first candidate turns.
  {
    const greeting = findAll(opening, GREETING)[0];
    const intro = findAll(opening, INTRO_NAME)[0] ?? findAll(opening, INTRO_ROLE)[0];
    const purpose = findAll(opening, PURPOSE)[0];
    const parts = [greeting, intro, purpose].filter((m): m is Match => m !== undefined);
    const missing: string[] = [];
    if (!greeting) missing.push('a greeting');
    if (!intro) missing.push('who you are (name and role)');
    if (!purpose) missing.push('the purpose of the conversation');
    const evidence = parts.map(evidenceOf);
    const feedback = missing.length === 0
      ? [item('A1', 'OPENING', 'POSITIVE', 'The opening greets the patient, introduces you and says what the conversation is for.', evidence[0])]
      : [item('A1', 'OPENING_INCOMPLETE', 'ISSUE', `The opening lacks ${missing.join(', ')}.`, evidence[0], `"Hello, I'm [name], ${ROLE[inputs.profession]} here. I'd like to talk with you today about …"`)];
    out.push({ id: 'A1', met: missing.length === 0, credit: parts.length / 3, evidence, feedback });
  }

  // A2: courtesy shown, nothing dismissive.
  {
    const polite = findAll(cand, POLITE);
    const feedback = inputs.dismissive.map((l) => item('A2', 'DISMISSIVE', 'ISSUE', `"${l.match.text}" can sound dismissive to a worried patient.`, evidenceOf(l.match), `Instead, ${l.instead}`));
    if (polite.length === 0) feedback.push(item('A2', 'NO_COURTESY', 'ISSUE', 'No courtesy markers ("please", "thank you", the patient\'s name) were heard.', undefined, '"Thank you for coming in, Mrs …" / "Would you mind if I ask a few questions?"'));
    else if (inputs.dismissive.length === 0) feedback.push(item('A2', 'COURTEOUS', 'POSITIVE', `Courteous throughout, e.g. "${polite[0]!.text}".`, evidenceOf(polite[0]!)));
    const met = polite.length > 0 && inputs.dismissive.length === 0;
    out.push({ id: 'A2', met, credit: met ? 1 : polite.length > 0 ? 0.5 : 0, evidence: [...inputs.dismissive.map((l) => evidenceOf(l.match)), ...polite.slice(0, 3).map(evidenceOf)], feedback });
  }

  // A3: nothing that blames the patient.
  {
    const feedback = inputs.judgemental.map((l) => item('A3', 'JUDGEMENTAL', 'ISSUE', `"${l.match.text}" sounds judgemental.`, evidenceOf(l.match), `Instead, ${l.instead}`));
    const n = inputs.judgemental.length;
    out.push({ id: 'A3', met: n === 0, credit: n === 0 ? 1 : n === 1 ? 0.5 : 0, evidence: inputs.judgemental.map((l) => evidenceOf(l.match)), feedback });
  }

  out.push(byPhrase('A4', findAll(cand, EMPATHY), 'Empathy shown', 'No empathy for the patient\'s feelings or situation was expressed.', '"That must be worrying for you." / "I can understand why you feel that way."'));
  out.push(byPhrase('B1', findAll(cand, ICE), 'The patient\'s ideas or concerns were asked for', 'The patient\'s ideas, concerns and expectations were not asked for.', '"What do you think might be causing it?" / "Is there anything in particular worrying you?"'));

  // B2: every worry the patient voices should be picked up in the candidate's next turn.
  {
    const cues = findAll(tx.interlocutor, CUE);
    const seenTurns = new Set<number>();
    const evidence: SpeakingEvidence[] = [];
    const feedback: FeedbackItem[] = [];
    let picked = 0;
    let total = 0;
    for (const cue of cues) {
      if (seenTurns.has(cue.turn.index)) continue;
      seenTurns.add(cue.turn.index);
      total++;
      const next = cand.find((t) => t.index > cue.turn.index);
      const ack = next ? (findAll([next], EMPATHY)[0] ?? findAll([next], CUE_ACK)[0]) : undefined;
      if (ack) {
        picked++;
        evidence.push(evidenceOf(cue), evidenceOf(ack));
        if (picked === 1) feedback.push(item('B2', 'CUE_PICKED_UP', 'POSITIVE', `The patient's cue "${cue.text}" was picked up: "${quote(ack.text)}".`, evidenceOf(ack)));
      } else {
        evidence.push(evidenceOf(cue));
        feedback.push(item('B2', 'CUE_MISSED', 'ISSUE', `The patient said "${cue.text}" but the next reply did not acknowledge it.`, evidenceOf(cue), '"You said you are worried — what worries you most about it?"'));
      }
    }
    out.push({ id: 'B2', met: total === 0 ? null : picked * 3 >= total * 2, credit: total === 0 ? 0 : picked / total, evidence, feedback });
  }

  out.push(byPhrase('B3', findAll(after(firstPatient), RELATE), 'Explanations were related to what the patient said', 'Explanations were not related back to what the patient said or worried about.', '"You mentioned you were worried about …, so …"'));

  // C1: a recognisable opening and close.
  {
    const open = findAll(opening, GREETING)[0] ?? findAll(opening, PURPOSE)[0];
    const close = findAll(closing, CLOSING).at(-1);
    const evidence = [open, close].filter((m): m is Match => m !== undefined).map(evidenceOf);
    const feedback: FeedbackItem[] = [];
    if (!open) feedback.push(item('C1', 'NO_OPENING', 'ISSUE', 'The conversation starts without an opening that sets it up.', undefined, '"Hello, I\'m …; today I\'d like to …"'));
    if (!close) feedback.push(item('C1', 'NO_CLOSE', 'ISSUE', 'The conversation stops without a close (next steps, thanks).', undefined, '"So we\'ll see you again in two weeks. Thank you for coming in."'));
    if (open && close) feedback.push(item('C1', 'SEQUENCE', 'POSITIVE', 'The conversation has a clear opening and close.', evidence.at(-1)));
    out.push({ id: 'C1', met: Boolean(open && close), credit: (open ? 0.5 : 0) + (close ? 0.5 : 0), evidence, feedback });
  }

  // C2: at least two signposts move the patient from one part to the next.
  {
    const posts = findAll(cand, SIGNPOST);
    const evidence = posts.map(evidenceOf);
    const met = posts.length >= 2;
    const feedback = met
      ? [item('C2', 'SIGNPOSTS', 'POSITIVE', `Changes of topic are signposted, e.g. "${posts[0]!.text}".`, evidence[0])]
      : [item('C2', 'FEW_SIGNPOSTS', 'ISSUE', posts.length === 0 ? 'Changes of topic are not signposted.' : 'Only one change of topic is signposted.', evidence[0], '"Now I\'d like to ask you a few questions about …" / "Moving on to the treatment …"')];
    out.push({ id: 'C2', met, credit: Math.min(1, posts.length / 2), evidence, feedback });
  }

  out.push(byPhrase('C3', findAll(cand, ORGANISED), 'The explanation is organised', 'Explanations are not organised into clear parts.', '"There are two things we can do. The first is … The second is …"'));

  // D1: room for the patient's story, no interruptions.
  {
    const patientWords = words(tx.interlocutor);
    const share = patientWords / Math.max(1, patientWords + words(cand));
    const interruptions = findInterruptions(tx);
    const listening = findAll(cand, LISTENING);
    const feedback: FeedbackItem[] = interruptions.map((t) => item('D1', 'INTERRUPTION', 'ISSUE', 'The patient was interrupted before finishing.', firstSentence(t), 'Let the patient finish, then respond: "Sorry, please go on."'));
    if (share < MIN_PATIENT_SHARE) feedback.push(item('D1', 'PATIENT_SILENT', 'ISSUE', `The patient spoke only ${Math.round(share * 100)}% of the words; give them room to tell their story.`, undefined, '"Tell me more about that." — then listen.'));
    const met = share >= MIN_PATIENT_SHARE && interruptions.length === 0;
    if (met) feedback.push(item('D1', 'LISTENS', 'POSITIVE', `The patient had room to talk (${Math.round(share * 100)}% of the words).`, listening[0] ? evidenceOf(listening[0]) : undefined));
    out.push({ id: 'D1', met, credit: (share >= MIN_PATIENT_SHARE ? 0.5 : 0) + (interruptions.length === 0 ? 0.5 : 0), evidence: [...interruptions.map(firstSentence), ...listening.map(evidenceOf)], feedback });
  }

  // D2: open questions first, then closed.
  {
    const gathering = inputs.questions.filter((q) => !q.routine);
    const qEvidence = (q: Question): SpeakingEvidence => span(q.turn, q.sentence.start, q.sentence.end);
    if (gathering.length === 0) {
      out.push({ id: 'D2', met: null, credit: 0, evidence: [], feedback: [item('D2', 'NO_QUESTIONS', 'ISSUE', 'No information-gathering questions were asked.', undefined, '"Can you tell me about …?"')] });
    } else {
      const firstThree = gathering.slice(0, 3);
      const open = gathering.filter((q) => q.kind === 'OPEN');
      const met = open.length > 0 && (gathering[0]!.kind === 'OPEN' || firstThree.filter((q) => q.kind === 'OPEN').length >= 2);
      const first = gathering[0]!;
      const feedback = met
        ? [item('D2', 'OPEN_FIRST', 'POSITIVE', `Information-gathering opens with an open question: "${quote(first.sentence.text)}".`, qEvidence(first))]
        : open.length === 0
          ? [item('D2', 'CLOSED_ONLY', 'ISSUE', `All ${gathering.length} questions are closed, so the patient can only answer yes, no or a fact.`, qEvidence(first), `Instead of "${quote(first.sentence.text)}", start with an open question: "Can you tell me about …?"`)]
          : [item('D2', 'CLOSED_FIRST', 'ISSUE', `Information-gathering starts with closed questions ("${quote(first.sentence.text)}").`, qEvidence(first), 'Start with an open question ("Can you tell me what has been happening?"), then narrow down with closed ones.')];
      out.push({ id: 'D2', met, credit: met ? 1 : open.length > 0 ? 0.5 : 0, evidence: (met ? open.slice(0, 3) : firstThree).map(qEvidence), feedback });
    }
  }

  // D3: no compound or leading questions.
  {
    const evidence: SpeakingEvidence[] = [];
    const feedback: FeedbackItem[] = [];
    for (const q of inputs.questions) {
      if (q.compound) {
        const e = span(q.turn, q.compound.start, q.compound.end);
        evidence.push(e);
        feedback.push(item('D3', 'COMPOUND_QUESTION', 'ISSUE', `"${quote(e.text)}" asks more than one thing at once; the patient may answer only part.`, e, q.compound.suggestion));
      }
      if (q.leading) {
        const e = span(q.turn, q.sentence.start, q.sentence.end);
        evidence.push(e);
        feedback.push(item('D3', 'LEADING_QUESTION', 'ISSUE', `"${quote(e.text)}" is leading: ${q.leading.reason}.`, e, q.leading.suggestion));
      }
    }
    for (const p of inputs.presumptions) {
      const e = span(p.turn, p.sentence.start, p.sentence.end);
      evidence.push(e);
      feedback.push(item('D3', 'LEADING_QUESTION', 'ISSUE', `"${quote(e.text)}" presumes the answer instead of asking.`, e, 'Ask neutrally: "Can you tell me how you have been taking it?"'));
    }
    const judged = inputs.questions.length + inputs.presumptions.length > 0;
    const n = feedback.length;
    if (judged && n === 0) feedback.push(item('D3', 'SINGLE_NEUTRAL_QUESTIONS', 'POSITIVE', 'Questions are asked one at a time and without suggesting the answer.'));
    out.push({ id: 'D3', met: judged ? n === 0 : null, credit: judged ? Math.max(0, 1 - n / 4) : 0, evidence, feedback });
  }

  out.push(byPhrase('D4', findAll(after(firstPatient), CLARIFY), 'Vague statements were clarified', 'Vague statements were not clarified.', '"When you say it\'s bad, what do you mean?" / "Can you tell me more about that?"'));
  out.push(byPhrase('D5', findAll(after(firstPatient), SUMMARY), 'The patient\'s account was summarised to invite correction', 'The patient\'s account was never summarised back to them.', '"So, just to summarise: … Have I got that right?"'));
  out.push(byPhrase('E1', findAll(cand, KNOWS), 'What the patient already knows was found out', 'What the patient already knows was not asked before explaining.', '"What do you know about … already?" / "Have you heard of …?"'));

  // E2: information in chunks, with room for a response; no monologues.
  {
    const explaining = cand.filter((t) => t.words.length >= EXPLANATION_WORDS);
    const monologues = cand.filter((t) => t.words.length > MONOLOGUE_WORDS);
    if (explaining.length === 0) {
      out.push({ id: 'E2', met: null, credit: 0, evidence: [], feedback: [] });
    } else {
      const feedback = monologues.map((t) => item('E2', 'MONOLOGUE', 'ISSUE', `This turn runs to ${t.words.length} words without a pause for the patient.`, firstSentence(t), 'Give one point, pause, and let the patient respond before the next ("… How does that sound so far?").'));
      const met = monologues.length === 0;
      if (met) feedback.push(item('E2', 'CHUNKED', 'POSITIVE', 'Information is given in short chunks with room for the patient to respond.', firstSentence(explaining[0]!)));
      out.push({ id: 'E2', met, credit: Math.max(0, 1 - monologues.length / 2), evidence: (met ? explaining : monologues).map(firstSentence), feedback });
    }
  }

  out.push(byPhrase('E3', findAll(cand, REACTION), 'The patient\'s reaction was invited', 'The patient\'s reactions and feelings about the information were not invited.', '"How do you feel about that?" / "How does that sound to you?"'));

  // E4: teach-back is what assessors look for; "Does that make sense?" is weaker evidence.
  {
    const strong = findAll(cand, TEACH_BACK);
    const weak = findAll(cand, CHECK_WEAK);
    if (strong.length > 0) {
      out.push({ id: 'E4', met: true, credit: 1, evidence: [...strong, ...weak].map(evidenceOf), feedback: [item('E4', 'TEACH_BACK', 'POSITIVE', `Understanding was checked by teach-back: "${quote(strong[0]!.text)}".`, evidenceOf(strong[0]!))] });
    } else if (weak.length > 0) {
      out.push({ id: 'E4', met: true, credit: 0.5, evidence: weak.map(evidenceOf), feedback: [item('E4', 'WEAK_CHECK', 'ISSUE', `"${weak[0]!.text}" invites a yes rather than showing what the patient understood.`, evidenceOf(weak[0]!), '"Just to make sure I\'ve explained it clearly, can you tell me in your own words how you will take it?"')] });
    } else {
      out.push({ id: 'E4', met: false, credit: 0, evidence: [], feedback: [item('E4', 'MISSING', 'ISSUE', 'Understanding was never checked.', undefined, '"Can you tell me in your own words what you will do?"')] });
    }
  }

  out.push(byPhrase('E5', findAll(cand, ANYTHING_ELSE), 'The patient was asked what else they need to know', 'The patient was not asked what else they want to know.', '"Is there anything else you\'d like to know?"'));
  return out;
}

/** A candidate turn that starts before the patient's turn ended, or follows a patient turn cut off mid-word ("—", "..."). */
export function findInterruptions(tx: IndexedTranscript): IndexedTurn[] {
  const out: IndexedTurn[] = [];
  for (let i = 1; i < tx.turns.length; i++) {
    const prev = tx.turns[i - 1]!;
    const turn = tx.turns[i]!;
    if (turn.speaker !== 'CANDIDATE' || prev.speaker !== 'INTERLOCUTOR') continue;
    const overlap = prev.source.endMs !== undefined && turn.source.startMs !== undefined && turn.source.startMs < prev.source.endMs - 300;
    if (overlap || /(?:[—–-]|\.\.\.|…)\s*$/.test(prev.text)) out.push(turn);
  }
  return out;
}
