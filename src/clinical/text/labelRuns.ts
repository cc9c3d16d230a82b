import type { TokenLabel } from '../../inference/types.js';

/** A run of words with one entity type from a BIO token classifier, in offsets of the classified text. */
export interface LabelRun {
  type: string;
  start: number;
  end: number;
  /** Mean of the words' first-piece scores. */
  score: number;
}

interface Word {
  start: number;
  end: number;
  label: string;
  score: number;
}

/**
 * Word-piece labels → entity runs: each word takes the label of its first piece (as the models were trained), BIO
 * is repaired (an I- after O or after another type starts a run), and consecutive words of one type join.
 */
export function labelRuns(sentence: string, tokens: readonly TokenLabel[]): LabelRun[] {
  return runs(toWords(sentence, tokens));
}

/** Word-pieces → words (whitespace-separated spans of the sentence), each labelled by its first piece. */
function toWords(sentence: string, tokens: readonly TokenLabel[]): Word[] {
  const words: Word[] = [];
  const spans = [...sentence.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  // Punctuation inside a whitespace word ("pain," "(MI)") is split off the way BERT's tokenizer splits it.
  const fine = spans.flatMap(({ start, end }) => [...sentence.slice(start, end).matchAll(/[\p{L}\p{N}]+|[^\p{L}\p{N}\s]/gu)].map((m) => ({ start: start + m.index, end: start + m.index + m[0].length })));
  let t = 0;
  for (const word of fine) {
    while (t < tokens.length && (tokens[t]!.end ?? 0) <= word.start) t++;
    const first = tokens[t];
    const located = first && first.start !== null && first.start < word.end;
    words.push({ start: word.start, end: word.end, label: located ? first.label : 'O', score: located ? first.score : 0 });
  }
  return words;
}

function runs(words: readonly Word[]): LabelRun[] {
  const out: { type: string; start: number; end: number; score: number; n: number }[] = [];
  let current: (typeof out)[number] | undefined;
  for (const word of words) {
    const [prefix, type] = word.label.includes('-') ? (word.label.split('-', 2) as [string, string]) : ['O', ''];
    if (prefix === 'O' || !type) {
      current = undefined;
      continue;
    }
    if (prefix === 'I' && current && current.type === type) {
      current.end = word.end;
      current.score += word.score;
      current.n++;
      continue;
    }
    current = { type, start: word.start, end: word.end, score: word.score, n: 1 };
    out.push(current);
  }
  return out.map(({ n, score, ...r }) => ({ ...r, score: score / n }));
}
