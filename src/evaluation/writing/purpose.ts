import { splitSentences } from '../../clinical/text/tokenize.js';
import { scoreCriterion, span, type Deduction } from '../criterionScore.js';
import type { CriterionResult, FeedbackItem } from '../types.js';
import type { LetterParts } from './letterParts.js';
import type { LetterType } from './writingTask.js';

const STATEMENT = /\b(I am writing|I'm writing|I write|(just )?writing (to|regarding|about)|we are writing|I would like to (refer|inform|update|request|advise|let you know|transfer)|this letter is (to|regarding|about)|the purpose of this letter|I am referring|I am pleased to (refer|inform)|I am contacting you|thank you for (seeing|accepting|agreeing|your letter|taking over)|please (accept|find|see|review|assess) (this|the|my|our|Mr|Mrs|Ms|Miss)|I would be grateful if you could (see|assess|review|take over|continue|arrange))\b/i;
const REQUEST = /\b(I would be (grateful|thankful)|I would appreciate|I'd appreciate|could you (please )?|would you (please |kindly )?|I kindly (ask|request)|it would be (helpful|appreciated)|I (would )?recommend|please (ensure|arrange|monitor|continue|review|contact|follow|check|make)|you (will|should|need to|must) |make sure|(ongoing|further) (monitoring|management|review|care|support)|follow[- ]up|requir(es|ing) (ongoing|further|regular|daily))/i;
const TYPE_WORDS: Record<LetterType, RegExp> = {
  REFERRAL: /\b(refer|referral|assess|assessment|review|see|seeing|management|opinion|investigation|evaluat)/i,
  DISCHARGE: /\b(discharg|home|return|going home|continuing care|ongoing care|follow)/i,
  TRANSFER: /\b(transfer|admission|admitted to|move|placement|care facility|continuing care|take over)/i,
  ADVICE: /\b(advise|advice|inform|information|explain|let you know|guidance|how to|about your|about the)/i,
  COMPLAINT_REPLY: /\b(concern|complaint|apolog|sorry|respond|reply|letter of)/i,
  UPDATE: /\b(update|inform|progress|let you know)/i,
};

/**
 * Purpose (0–3): is the reason for writing clear at once (the opening names the action) and expanded where the
 * reader acts on it (a request later in the letter)? OET_ASSESSMENT.md: 3 clear at once and expanded; 2 clear but
 * not highlighted or expanded enough; 1 not immediately apparent; 0 obscured or missing.
 */
export function judgePurpose(letter: string, parts: LetterParts, letterType: LetterType): CriterionResult {
  const sentences = splitSentences(parts.body.text).map((s) => span(letter, parts.body.start + s.start, parts.body.start + s.end));
  const firstParagraphEnd = parts.paragraphs[0]?.end ?? parts.body.end;
  const statementAt = sentences.findIndex((s) => STATEMENT.test(s.text));
  const statement = statementAt === -1 ? null : sentences[statementAt]!;
  const laterRequest = sentences.find((s) => s.start >= firstParagraphEnd && REQUEST.test(s.text)) ?? null;
  const deductions: Deduction[] = [];
  const positives: FeedbackItem[] = [];
  const first = sentences[0];
  const better = 'Open with the action you want: "I am writing to refer Mr … for …" / "I am writing to update you on …".';

  if (!statement) {
    const anyRequest = sentences.find((s) => REQUEST.test(s.text));
    deductions.push({
      points: anyRequest ? 2 : 3,
      feedback: { code: 'PURPOSE_NOT_STATED', kind: 'ISSUE', message: anyRequest ? 'The reason for writing only emerges late, from a request; the opening does not state it.' : 'The letter never says why it is written or what the reader should do.', evidence: first, suggestion: better },
    });
  } else if (statementAt > 0) {
    const inFirstParagraph = statement.start < firstParagraphEnd;
    deductions.push({
      points: inFirstParagraph ? 1 : 2,
      feedback: { code: 'PURPOSE_NOT_IN_OPENING', kind: 'ISSUE', message: inFirstParagraph ? 'The purpose comes after background; the reader should meet it in the first sentence.' : 'The purpose appears only after the opening paragraph; the reader should not have to search for it.', evidence: statement, suggestion: better },
    });
  } else {
    positives.push({ code: 'PURPOSE_CLEAR', kind: 'POSITIVE', message: 'The opening sentence states why you are writing.', evidence: statement });
    if (!TYPE_WORDS[letterType].test(statement.text) && !sentences.slice(0, 2).some((s) => TYPE_WORDS[letterType].test(s.text))) {
      deductions.push({ points: 1, feedback: { code: 'PURPOSE_MISMATCHES_TASK', kind: 'ISSUE', message: `The opening does not match the task: this is a ${letterType.toLowerCase().replace('_', ' ')} letter.`, evidence: statement, suggestion: better } });
    }
  }
  if (statement && !laterRequest) {
    deductions.push({ points: 1, feedback: { code: 'PURPOSE_NOT_EXPANDED', kind: 'ISSUE', message: 'The request is not expanded where the reader acts on it: say exactly what you would like them to do (review, monitor, continue, arrange).', suggestion: 'Close with the specific actions: "I would be grateful if you could review her wound and monitor her blood glucose."' } });
  } else if (laterRequest) {
    positives.push({ code: 'PURPOSE_EXPANDED', kind: 'POSITIVE', message: 'The request is expanded where the reader acts on it.', evidence: laterRequest });
  }
  return scoreCriterion('Purpose', 3, deductions, positives, 0);
}
