import type { ClassifyTokens } from '../../clinical/entities/modelRecognizer.js';
import { labelRuns } from '../../clinical/text/labelRuns.js';
import { splitSentences } from '../../clinical/text/tokenize.js';
import type { PhiSpan, PhiType } from './phiTypes.js';

/** The trained PHI tagger's labels (models/phi-ner: BIO over NAME, ADDRESS, DATE). */
const TYPES: Record<string, PhiType> = { NAME: 'NAME', ADDRESS: 'ADDRESS', DATE: 'DATE' };

/** Titles, punctuation and a possessive the tagger may pull into a span's edge: the convention keeps them out. */
function trim(text: string, start: number, end: number): { start: number; end: number } {
  let s = start;
  let e = end;
  for (let guard = 0; guard < 4; guard += 1) {
    const piece = text.slice(s, e);
    const lead = /^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sister|Nurse|Sr)\.?\s+/.exec(piece);
    if (lead) s += lead[0].length;
    const tail = /(?:[\s,.;:()]+|['’]s)$/.exec(text.slice(s, e));
    if (tail && tail[0].length < e - s) e -= tail[0].length;
    if (!lead && !tail) break;
  }
  return { start: s, end: e };
}

/**
 * PHI spans from the trained tagger, sentence by sentence; null when no tagger is loaded. An initial alone or a
 * one-letter span is dropped: the tagger guesses there and the rules are surer.
 */
export async function modelPhiSpans(text: string, classify: ClassifyTokens, signal?: AbortSignal): Promise<PhiSpan[] | null> {
  const sentences = splitSentences(text);
  const pieces = sentences.map((s) => text.slice(s.start, s.end));
  if (pieces.length === 0) return [];
  const labelled = await classify(pieces, signal);
  if (!labelled) return null;
  const spans: PhiSpan[] = [];
  labelled.forEach((tokens, i) => {
    const offset = sentences[i]!.start;
    for (const run of labelRuns(pieces[i]!, tokens)) {
      const type = TYPES[run.type];
      if (!type) continue;
      const { start, end } = trim(text, offset + run.start, offset + run.end);
      if (end - start < 2) continue;
      spans.push({ type, start, end, text: text.slice(start, end), score: Math.round(run.score * 1000) / 1000, source: 'model' });
    }
  });
  return spans;
}
