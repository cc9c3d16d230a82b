import { terms } from '../../knowledge/text/normalize.js';
import type { NotesItem } from './caseNotes.js';
import { isLayReader, type LetterType, type Reader } from './writingTask.js';

/** Whether a letter to this reader should use a case-note item, as an assessor would decide it. */
export type Relevance = 'NEEDED' | 'OPTIONAL' | 'LEAVE_OUT';

export interface JudgedItem extends NotesItem {
  relevance: Relevance;
  /** Why, in a few words, for the feedback. */
  reason: string;
}

// Who looks after the patient and where they live: what a reader continuing care after discharge or transfer needs.
const CARE_AT_HOME = /\b(lives? (alone|with|on (his|her|their) own)|alone|carer|cares for|support|stairs|storey|flat|bungalow|home help|independent|mobility|mobilis|walker|walking|frame|stick|nursing home|aged care|package|meals|interpreter|literacy|wife|husband|partner|daughter|son)\b/i;
// Social details OET case notes plant for the writer to leave out.
const TRIVIA = /\b(enjoys?|hobby|hobbies|likes?|loves?|favourite|favorite|pets?|dogs?|cats?|grandchild|grandchildren|grandson|granddaughter|holiday|garden(ing)?|football|soccer|cricket|golf|church|bingo|television|tv|reading|knitting|music|travel(led|s)?|cruise|crossword|birthday|wedding|collects?|volunteers?|book club|choir|bowls|bridge|plays|keen|fisherman|fishing|season ticket|supports (the |a )?(local )?(football|club|team)|grows|tomatoes|shed|non-?smoker|never smoked|occasional (glass|drink)|social drinker|teetotal)\b/i;
// Past episodes: operations, injuries and illnesses that are over. A diagnosis year alone ("Hypertension (2012)") is not.
const RESOLVED = /\b(childhood|as a child|years ago|resolved|healed|fully recovered|no recurrence)\b/i;
const PAST_EPISODE = /\b(\w+ectomy|\w+otomy|tonsillitis|fractured?|broken|chickenpox|measles|hernia repair|caesarean|c-section|sprain|cataract|varicose vein|surgery|operation|repair)\b/i;
const ONGOING = /\b(hypercholesterol\w*|hyperlipid\w*|dyslipid\w*|diabetes|T2DM|T1DM|hypertension|HTN|asthma|COPD|AF|atrial fibrillation|CKD|renal|heart failure|CCF|IHD|angina|MI|stroke|CVA|TIA|epilepsy|dementia|depression|anxiety|arthritis|osteoporosis|cancer|hypothyroid|obes|anticoag|warfarin|insulin)/i;
const ALLERGY = /\b(allerg|anaphyla|intoleran|reaction to)/i;
const NO_ALLERGY = /\b(no known|nil known|NKDA|NKA|no allergies)\b/i;
const DIAGNOSIS = /\b(diagnos\w*|impression|confirmed|ruled out|probable|suspected|working diagnosis|assessment:)/i;
// Progress that carries into the reader's care: what they continue, watch or change.
const CARE_CONTINUES = /\b(dressing|wound|ulcer|mobilis\w*|walker|frame|diet|BSLs?|blood (sugar|glucose)|monitor\w*|on discharge|day of discharge|withheld|restarted|stopped|changed to|started|commenced|increased|reduced|education|taught|self-?manag\w*|weight|intake)\b/i;

/**
 * Relevance per item from its section, what it says, and the reader and letter type. Rules, not a model: the notes
 * of one case are too few to learn from, and assessors' own guidance is stated as such rules (OET_ASSESSMENT.md:
 * "leaving out what the reader knows or does not need (old unrelated history, social trivia)"). NEEDED is kept to
 * what every strong letter for this reader carries; the rest is the writer's choice (OPTIONAL) or to leave out.
 */
export function judgeRelevance(items: readonly NotesItem[], task: { letterType: LetterType; reader: Reader; taskText: string | null }): JudgedItem[] {
  const taskTerms = new Set(task.taskText ? terms(task.taskText) : []);
  const lay = isLayReader(task.reader);
  const handover = task.letterType === 'DISCHARGE' || task.letterType === 'TRANSFER';
  const referral = task.letterType === 'REFERRAL';
  return items.map((item) => {
    const named = (relevance: Relevance, reason: string): JudgedItem => ({ ...item, relevance, reason });
    const text = item.text;
    const inTask = terms(text).filter((t) => t.length > 3 && taskTerms.has(t)).length >= 2;
    switch (item.section) {
      case 'PATIENT':
        // Name, date of birth, dates of admission: the Re: line and opening carry them; never counted as omitted.
        return named('OPTIONAL', 'patient details');
      case 'SOCIAL':
        if (TRIVIA.test(text) && !(handover && CARE_AT_HOME.test(text.replace(TRIVIA, '')))) return named('LEAVE_OUT', 'social detail the reader does not need');
        return named(handover && CARE_AT_HOME.test(text) ? 'NEEDED' : 'OPTIONAL', 'social situation that bears on care');
      case 'HISTORY':
        if (ALLERGY.test(text) && !NO_ALLERGY.test(text)) return named('NEEDED', 'allergy');
        if (RESOLVED.test(text) || (PAST_EPISODE.test(text) && !ONGOING.test(text))) return named('LEAVE_OUT', 'old or resolved history unrelated to the problem');
        return named('OPTIONAL', ONGOING.test(text) ? 'ongoing condition' : 'history');
      case 'MEDICATIONS':
        return named(/\bprn\b|as required|when required/i.test(text) && !inTask ? 'OPTIONAL' : 'NEEDED', 'current medication');
      case 'PRESENTATION':
        if (DIAGNOSIS.test(text) || inTask) return named('NEEDED', 'the diagnosis');
        return named(referral && !lay ? 'NEEDED' : 'OPTIONAL', 'the presenting problem');
      case 'FINDINGS':
        if (DIAGNOSIS.test(text) || inTask) return named('NEEDED', 'the diagnosis');
        return named(referral && !lay ? 'NEEDED' : 'OPTIONAL', lay ? 'test detail a lay reader needs only in outline' : 'findings');
      case 'PROGRESS':
        return named(CARE_CONTINUES.test(text) || inTask ? 'NEEDED' : 'OPTIONAL', 'treatment the reader continues');
      case 'PLAN':
        return named('NEEDED', 'what happens next');
      default:
        return named('OPTIONAL', 'other');
    }
  });
}
