import { sentences } from './textUnits.js';

/** Sentence vectors for texts, or null when no encoder is loaded. */
export type EmbedFn = (texts: string[], signal?: AbortSignal) => Promise<number[][] | null>;

/** all-MiniLM-L6-v2 reads at most 256 word pieces; ~200 words stay under that for learner English. */
export const CHUNK_WORDS = 200;

/** Consecutive sentences grouped into chunks of at most `maxWords` words (a longer sentence is a chunk alone). */
export function chunkText(text: string, maxWords = CHUNK_WORDS): { text: string; words: number }[] {
  const chunks: { text: string; words: number }[] = [];
  for (const s of sentences(text)) {
    const last = chunks.at(-1);
    if (last && last.words + s.words.length <= maxWords) {
      last.text += ` ${s.text}`;
      last.words += s.words.length;
    } else chunks.push({ text: s.text, words: s.words.length });
  }
  return chunks;
}

/**
 * One vector for a whole essay: the word-weighted mean of its chunk vectors, L2-normalised, so a 600-word essay is
 * read to its end rather than cut at the encoder's limit. Null when `embed` has no encoder.
 */
export async function embedText(text: string, embed: EmbedFn, signal?: AbortSignal): Promise<number[] | null> {
  const chunks = chunkText(text);
  if (chunks.length === 0) return null;
  const vectors = await embed(chunks.map((c) => c.text), signal);
  if (!vectors) return null;
  const dim = vectors[0]!.length;
  const sum = new Array<number>(dim).fill(0);
  vectors.forEach((v, k) => {
    for (let i = 0; i < dim; i += 1) sum[i]! += v[i]! * chunks[k]!.words;
  });
  const norm = Math.hypot(...sum) || 1;
  return sum.map((x) => x / norm);
}
