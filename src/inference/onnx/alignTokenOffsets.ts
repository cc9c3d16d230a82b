/** Character span of a token in the original text; null where the token cannot be placed (e.g. `[UNK]`). */
export interface TokenSpan {
  start: number | null;
  end: number | null;
}

/** Lower-cases and strips accents one char at a time, remembering which original index each output char came from. */
function foldWithMap(text: string): { folded: string; origin: number[] } {
  let folded = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const piece = text[i]!.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    for (const ch of piece) {
      folded += ch;
      origin.push(i);
    }
  }
  return { folded, origin };
}

/** Removes sub-word markers: WordPiece `##`, SentencePiece `▁`, byte-level BPE `Ġ`. */
function surface(token: string): string {
  return token.replace(/^##/, '').replace(/^[▁Ġ]+/, '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * transformers.js tokenizers give no offset mapping, so spans are recovered by finding each token's surface form
 * in the (case- and accent-folded) text, left to right. Tokens are consumed in order, so a repeated word maps to
 * its own occurrence; a token that cannot be found gets null offsets and does not move the cursor.
 */
export function alignTokenOffsets(text: string, tokens: readonly string[]): TokenSpan[] {
  const { folded, origin } = foldWithMap(text);
  let cursor = 0;
  return tokens.map((token) => {
    const form = surface(token);
    if (form.length === 0) return { start: null, end: null };
    const at = folded.indexOf(form, cursor);
    if (at < 0) return { start: null, end: null };
    cursor = at + form.length;
    return { start: origin[at]!, end: origin[at + form.length - 1]! + 1 };
  });
}
