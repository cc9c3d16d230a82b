/**
 * Everything heavy under the safety checks — PHI detection (faker's names of 77 locales, libphonenumber, linkify),
 * redaction with surrogates, the content, bias, fact and grounding checks — in one module that SafetyProvider imports
 * on first use (~0.5 s and ~35 MB at start-up otherwise). One entry point, imported once: concurrent dynamic imports
 * of modules that share dependencies trip Jest's ESM loader.
 */
export { contentRuleFindings, judge, phiFindings, SafetyAnalyzer } from './SafetyAnalyzer.js';
export { detectPhi } from './phi/detectPhi.js';
export { redactSpans } from './redaction/redactPhi.js';
