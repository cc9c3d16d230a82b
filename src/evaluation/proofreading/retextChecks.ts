import { retext } from 'retext';
import retextEnglish from 'retext-english';
import retextIndefiniteArticle from 'retext-indefinite-article';
import retextRepeatedWords from 'retext-repeated-words';
import type { ProofIssue } from './types.js';

const processor = retext().use(retextEnglish).use(retextIndefiniteArticle).use(retextRepeatedWords);

const CODES: Record<string, string> = {
  'retext-indefinite-article': 'GRAMMAR_ARTICLE_A_AN',
  'retext-repeated-words': 'GRAMMAR_REPEATED_WORD',
};

/** The article (a/an before a spoken sound) and repeated-word ("the the") checks of retext, as issues. */
export function retextIssues(text: string): ProofIssue[] {
  const file = processor.processSync(text);
  const out: ProofIssue[] = [];
  for (const message of file.messages) {
    const code = message.source ? CODES[message.source] : undefined;
    const start = message.place && 'start' in message.place ? message.place.start.offset : undefined;
    const end = message.place && 'end' in message.place ? message.place.end.offset : undefined;
    if (!code || start === undefined || end === undefined) continue;
    const expected = Array.isArray(message.expected) ? message.expected[0] : undefined;
    if (code === 'GRAMMAR_ARTICLE_A_AN' && !articleVerdictIsSafe(text, end)) continue;
    out.push({
      code,
      category: 'GRAMMAR',
      start,
      end,
      text: text.slice(start, end),
      message: code === 'GRAMMAR_REPEATED_WORD' ? `"${text.slice(start, end)}" repeats a word.` : `Use "${expected ?? ''}" before the sound that follows.`,
      ...(typeof expected === 'string' ? { suggestion: expected } : {}),
    });
  }
  return out;
}

/** retext reads letters as a word: "an hba1c" is said "an aitch…", so no verdict on codes with digits. */
function articleVerdictIsSafe(text: string, articleEnd: number): boolean {
  const next = /^\s+([^\s]+)/.exec(text.slice(articleEnd, articleEnd + 40))?.[1] ?? '';
  return !(/\p{L}/u.test(next) && /\d/.test(next));
}
