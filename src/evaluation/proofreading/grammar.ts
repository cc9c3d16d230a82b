import { retextIssues } from './retextChecks.js';
import { pluralAgreement, thereIsPlural, thirdPersonAgreement } from './rules/agreement.js';
import { abbreviationArticle } from './rules/articles.js';
import { commaSplice, doubledPunctuation, missingFinalPunctuation, noSpaceAfterPunctuation, runOnSentence, sentenceCapital, spaceBeforePunctuation } from './rules/punctuation.js';
import { nounSubjectAgreement } from './rules/nounAgreement.js';
import { articleBeforePlural, everydayAdverb, hyphenatedAge, missingArticle, pluralAfterNumber, weightWordForm } from './rules/numbers.js';
import { datePreposition, forPlusVerb, gerundAfterVerb, ingAfterConjunction, prepositionCollocation, tellTo, youForYour } from './rules/prepositions.js';
import type { Rule } from './rules/rule.js';
import { adjectiveForAdverb, beBaseForm, beWithPastTense, modalParticiple, perfectBaseForm, perfectForPassive, sinceWithPresent } from './rules/verbForms.js';
import { adviceAsVerb, discussAbout, explainTo, informWithoutObject, lowercaseI, modalVerbForm, sinceDuration } from './rules/verbs.js';
import { complaintForCompliant, doubleComparative, participleAfterBe, uncountablePlural } from './rules/wordChoice.js';
import { tokenize, type Token } from './tokens.js';
import type { ProofIssue } from './types.js';

/** Every grammar and punctuation rule, by its stable code. */
export const GRAMMAR_RULES: readonly Rule[] = [
  thirdPersonAgreement, pluralAgreement, thereIsPlural, doubleComparative, uncountablePlural, complaintForCompliant, participleAfterBe,
  modalVerbForm, sinceDuration, informWithoutObject, explainTo, discussAbout, adviceAsVerb, lowercaseI, abbreviationArticle,
  nounSubjectAgreement, perfectBaseForm, perfectForPassive, beBaseForm, beWithPastTense, modalParticiple, prepositionCollocation, datePreposition, youForYour,
  gerundAfterVerb, forPlusVerb, tellTo, pluralAfterNumber, hyphenatedAge, missingArticle, weightWordForm, everydayAdverb,
  articleBeforePlural, ingAfterConjunction, sinceWithPresent, adjectiveForAdverb,
  sentenceCapital, missingFinalPunctuation, spaceBeforePunctuation, noSpaceAfterPunctuation, doubledPunctuation, runOnSentence, commaSplice,
];

/** Grammar and punctuation issues of a text (retext's article and repeated-word checks included). */
export function checkGrammar(text: string, tokens: readonly Token[] = tokenize(text)): ProofIssue[] {
  const issues: ProofIssue[] = retextIssues(text);
  for (const rule of GRAMMAR_RULES) {
    for (const f of rule.check({ text, tokens })) {
      issues.push({ code: rule.code, category: rule.category, start: f.start, end: f.end, text: text.slice(f.start, f.end), message: f.message, ...(f.suggestion !== undefined ? { suggestion: f.suggestion } : {}) });
    }
  }
  return issues;
}
