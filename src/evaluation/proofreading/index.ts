export { proofread } from './proofread.js';
export { checkSpelling, checkSpellingWith, type SpellingOptions, type SpellingResult } from './spelling.js';
export { checkGrammar, GRAMMAR_RULES } from './grammar.js';
export { createMedicalWordList } from './medicalWords.js';
export { medicalWordsFromKnowledge } from './medicalWordsFromKnowledge.js';
export { loadDictionaries, type Dictionaries } from './dictionaries.js';
export type { ProofCategory, ProofIssue, ProofreadOptions, ProofreadResult, SpellingVariety, VarietyCounts } from './types.js';
