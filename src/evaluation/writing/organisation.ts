import { scoreCriterion, type Deduction } from '../criterionScore.js';
import type { CriterionResult, Evidence, FeedbackItem } from '../types.js';
import type { CoveredItem } from './coverage.js';
import { orderAgreement } from './coverage.js';
import type { LetterParts } from './letterParts.js';

const ROLE = /\b(nurse|RN|EN|registrar|resident|intern|consultant|doctor|physician|surgeon|GP|general practitioner|pharmacist|physiotherapist|therapist|dietitian|dentist|podiatrist|optometrist|radiographer|pathologist|veterinar|midwife|officer|manager|practitioner|specialist|house officer|medical officer|charge|clinical|ward|team|department)\b/i;

/**
 * Organisation & Layout (0–7): the letter's parts where a reader expects them (recipient, date in full, Re: line
 * with name and date of birth or age, salutation, closing that matches it, the writer's role), 3–5 paragraphs, the
 * purpose first, and an order chosen for the reader rather than copied from the case notes.
 */
export function judgeOrganisation(parts: LetterParts, items: readonly CoveredItem[], purposeInOpening: boolean): CriterionResult {
  const deductions: Deduction[] = [];
  const issue = (points: number, code: string, message: string, evidence?: Evidence, suggestion?: string) =>
    deductions.push({ points, feedback: { code, kind: 'ISSUE', message, evidence, suggestion } });

  if (parts.recipient.length === 0) issue(1, 'LAYOUT_NO_RECIPIENT', "The recipient's name, title and address are missing above the date.", undefined, 'Dr Anna Lee\nCardiology Outpatients\nCity Hospital\n…');
  if (!parts.date) issue(0.5, 'LAYOUT_NO_DATE', 'The letter has no date.', undefined, 'Write it in full: "24 November 2026".');
  else if (!parts.date.fullForm) issue(0.5, 'LAYOUT_DATE_FORMAT', 'Write the date in full so it cannot be misread.', parts.date, '24 November 2026');
  if (!parts.re) issue(1, 'LAYOUT_NO_RE_LINE', 'There is no "Re:" line naming the patient.', undefined, 'Re: Mr Harold Jenkins, DOB 12/03/1948');
  else if (!parts.re.hasName || !parts.re.hasDateOfBirthOrAge) issue(0.5, 'LAYOUT_RE_LINE_INCOMPLETE', 'The "Re:" line should give the patient\'s full name and date of birth (or age).', parts.re);
  if (!parts.salutation) issue(1, 'LAYOUT_NO_SALUTATION', 'The letter has no salutation.', undefined, 'Dear Dr Lee,');
  if (!parts.closing) issue(1, 'LAYOUT_NO_CLOSING', 'The letter has no closing.', undefined, 'Yours sincerely,');
  else if (parts.salutation) {
    const { kind } = parts.salutation;
    if ((kind === 'TITLE_AND_NAME' && parts.closing.kind === 'FAITHFULLY') || (kind === 'SIR_OR_MADAM' && parts.closing.kind === 'SINCERELY')) {
      issue(0.5, 'LAYOUT_CLOSING_MISMATCH', `"${parts.closing.text}" does not match "${parts.salutation.text}".`, parts.closing, kind === 'TITLE_AND_NAME' ? 'Yours sincerely,' : 'Yours faithfully,');
    } else if (parts.closing.kind === 'REGARDS' || parts.closing.kind === 'OTHER') {
      issue(0.5, 'LAYOUT_CLOSING_INFORMAL', `"${parts.closing.text}" is not the formal closing OET expects.`, parts.closing, kind === 'SIR_OR_MADAM' ? 'Yours faithfully,' : 'Yours sincerely,');
    }
  }
  if (parts.closing && !parts.signOff.some((l) => ROLE.test(l.text))) issue(0.5, 'LAYOUT_NO_ROLE', "Sign off with your job title (e.g. \"Registered Nurse\"), under the closing.", parts.closing);

  const paragraphs = parts.paragraphs.length;
  if (paragraphs <= 1) issue(2, 'ORGANISATION_ONE_BLOCK', 'The body is one block: divide it into 3–5 paragraphs, one topic each.', parts.paragraphs[0]);
  else if (paragraphs === 2) issue(1, 'ORGANISATION_TOO_FEW_PARAGRAPHS', 'Two paragraphs are too few to separate purpose, background, current situation and request.', parts.paragraphs[1]);
  else if (paragraphs > 7) issue(1, 'ORGANISATION_FRAGMENTED', `${paragraphs} paragraphs fragment the letter: group related information.`, parts.paragraphs[7]);
  if (!purposeInOpening) issue(1, 'ORGANISATION_PURPOSE_NOT_FIRST', 'What the reader needs first — why you are writing — is not in the first paragraph.', parts.paragraphs[0]);

  const order = orderAgreement(items);
  const usedCount = items.filter((i) => i.used).length;
  if (order.tau >= 0.75 && usedCount >= 8) {
    const firstUsed = items.find((i) => i.used && i.evidence)?.evidence ?? undefined;
    issue(1.5, 'ORGANISATION_FOLLOWS_NOTES_ORDER', 'The letter follows the order of the case notes instead of the order this reader needs (purpose, current problem, relevant background, request).', firstUsed);
  }
  const positives: FeedbackItem[] = [{ code: 'LAYOUT_COMPLETE', kind: 'POSITIVE', message: 'Layout complete and the body is organised in clear paragraphs.' }];
  const layout = [parts.date, parts.re, parts.salutation, parts.closing, ...parts.signOff.slice(0, 1)].flatMap((l) => (l ? [{ start: l.start, end: l.end, text: l.text }] : []));
  return scoreCriterion('Organisation & Layout', 7, deductions, positives, 1, layout);
}
