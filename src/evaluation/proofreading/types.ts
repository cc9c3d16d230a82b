/** Which part of the Language criterion an issue costs marks on. */
export type ProofCategory = 'SPELLING' | 'GRAMMAR' | 'PUNCTUATION' | 'VARIETY';

export type SpellingVariety = 'en-GB' | 'en-AU' | 'en-US' | 'mixed' | 'unknown';

/** One error in the learner's text; `text === input.slice(start, end)` (UTF-16 code-unit offsets). */
export interface ProofIssue {
  /** Stable machine code, e.g. "SPELLING_UNKNOWN_WORD", "GRAMMAR_SVA_THIRD_PERSON". */
  code: string;
  category: ProofCategory;
  start: number;
  end: number;
  text: string;
  message: string;
  /** The replacement for `text` when one is clear. */
  suggestion?: string;
  /** Spelling only: the dictionary's candidates, best first (`suggestion` is the first). */
  suggestions?: string[];
}

/** How many words carry the marks of each spelling variety (British, Australian-only, American). */
export interface VarietyCounts {
  'en-GB': number;
  'en-AU': number;
  'en-US': number;
}

export interface ProofreadResult {
  issues: ProofIssue[];
  words: number;
  spelling: { misspelled: number; variety: SpellingVariety; varietyCounts: VarietyCounts };
  grammar: { errors: number };
  /** Every issue (all categories) per 100 words; 0 for an empty text. */
  errorsPer100Words: number;
}

export interface ProofreadOptions {
  /** Lower-case medical words the dictionaries do not know (drug names, conditions, abbreviations). */
  medicalWords?: ReadonlySet<string>;
  signal?: AbortSignal;
}
