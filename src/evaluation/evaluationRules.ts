/**
 * The evaluation rules and the libraries under them (compromise, retext, Hunspell, the language model's features):
 * ~1.5 s and ~80 MB to import, so EvaluationProvider imports this one module on the first evaluation, not at start-up.
 * One entry point, imported once: concurrent dynamic imports of modules that share dependencies trip Jest's ESM loader.
 */
export { evaluateWriting } from './writing/evaluateWriting.js';
export { evaluateSpeaking } from './speaking/index.js';
export { medicalWordsFromKnowledge, proofread } from './proofreading/index.js';
export { loadTraitsHead } from './language/traitsHead.js';
export { LanguageAssessor } from './language/LanguageAssessor.js';
