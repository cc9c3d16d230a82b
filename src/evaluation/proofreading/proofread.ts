import { loadDictionaries } from './dictionaries.js';
import { checkGrammar } from './grammar.js';
import { checkSpellingWith } from './spelling.js';
import { countWords, tokenize } from './tokens.js';
import type { ProofIssue, ProofreadOptions, ProofreadResult } from './types.js';

/**
 * Spelling, variety, grammar and punctuation issues of a learner's letter or transcript. The first call waits
 * for the dictionaries to load; later calls are synchronous work of a few milliseconds.
 */
export async function proofread(text: string, options: ProofreadOptions = {}): Promise<ProofreadResult> {
  options.signal?.throwIfAborted();
  const dicts = await loadDictionaries();
  options.signal?.throwIfAborted();
  const tokens = tokenize(text);
  const spelling = checkSpellingWith(dicts, text, tokens, { medicalWords: options.medicalWords });
  const grammar = checkGrammar(text, tokens);
  // Our rules name the error more precisely than a spelling flag ("informations") or retext on the same span.
  const ours = grammar.filter((i) => !i.code.startsWith('GRAMMAR_ARTICLE') && i.code !== 'GRAMMAR_REPEATED_WORD');
  const issues = dedupe([...ours, ...spelling.issues, ...grammar.filter((i) => !ours.includes(i))]);
  const words = countWords(tokens);
  return {
    issues,
    words,
    spelling: { misspelled: issues.filter((i) => i.category === 'SPELLING').length, variety: spelling.variety, varietyCounts: spelling.varietyCounts },
    grammar: { errors: issues.filter((i) => i.category === 'GRAMMAR' || i.category === 'PUNCTUATION').length },
    errorsPer100Words: words === 0 ? 0 : Math.round((issues.length / words) * 10000) / 100,
  };
}

/** Sorted by start; one issue per span (the first to claim it wins). */
function dedupe(issues: ProofIssue[]): ProofIssue[] {
  const seen = new Set<string>();
  const out: ProofIssue[] = [];
  for (const issue of issues) {
    const key = `${issue.start}:${issue.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(issue);
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
