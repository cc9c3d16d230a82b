import type { TokenLabel } from '../../inference/types.js';
import { labelRuns } from '../text/labelRuns.js';
import type { EntityCategory, Mention } from './types.js';

/** A trained token classifier (the inference core's ONNX engine): labels per word-piece, or null when none is loaded. */
export type ClassifyTokens = (texts: string[], signal?: AbortSignal) => Promise<TokenLabel[][] | null>;

/** The recogniser's labels and the categories they become (BC5CDR/NCBI: Chemical, Disease). */
const CATEGORY: Record<string, EntityCategory> = { Chemical: 'MEDICATION', Disease: 'CONDITION' };

/**
 * Entities from a trained token classifier over sentences: each word takes the label of its first word-piece
 * (as the model was trained), then BIO is repaired (an I- after O or after another type starts an entity) and
 * runs of one type become mentions with the mean score as confidence. Offsets are mapped back to the text.
 */
export async function recogniseWithModel(text: string, sentences: readonly { start: number; end: number }[], classify: ClassifyTokens, signal?: AbortSignal): Promise<Mention[] | null> {
  const pieces = sentences.map((s) => text.slice(s.start, s.end));
  if (pieces.length === 0) return [];
  const labelled = await classify(pieces, signal);
  if (!labelled) return null;
  const mentions: Mention[] = [];
  labelled.forEach((tokens, i) => {
    const offset = sentences[i]!.start;
    for (const run of labelRuns(pieces[i]!, tokens)) {
      const category = CATEGORY[run.type];
      if (!category) continue;
      const trimmed = trimEdges(pieces[i]!, run.start, run.end);
      if (!trimmed) continue;
      const start = offset + trimmed.start;
      const end = offset + trimmed.end;
      mentions.push({ start, end, text: text.slice(start, end), category, conceptId: null, preferredName: null, confidence: Math.round(run.score * 1000) / 1000, source: 'model', expansion: null });
    }
  });
  return mentions;
}

// Words a model trained on abstracts sometimes pulls into a span from note shorthand ("mother - diabetes", "no
// DVT", "Metformin 500"): context cues, function words, doses and punctuation never begin or end an entity.
const EDGE_WORDS = /^(?:[-–—:;,.()/]|no|not|nil|denies|mother|father|mum|dad|brother|sister|son|daughter|wife|husband|family|history|of|the|a|an|and|or|with|in|on|for|to|possible|probable|query|\?|known|previous|hx|h\/o|fhx|pmhx|pmh)$/i;

const DOSE_UNIT = /^(?:mg|mcg|micrograms?|g|ml|units?|iu|mmol|%)$/i;

/** The span without cue words or punctuation at its edges; null when nothing is left. */
function trimEdges(sentence: string, start: number, end: number): { start: number; end: number } | null {
  const words = [...sentence.slice(start, end).matchAll(/[^\s]+/g)].map((m) => ({ text: m[0], start: start + m.index, end: start + m.index + m[0].length }));
  while (words.length > 0 && EDGE_WORDS.test(words[0]!.text)) words.shift();
  // A trailing dose ("Metformin 500" before "mg") is the prescription, not the name; other numbers belong to
  // chemical names ("interleukin 2", "5 - fluorouracil").
  const isDose = (w: { text: string; end: number }) => DOSE_UNIT.test(w.text) || (/^\d+(?:[.,]\d+)?$/.test(w.text) && DOSE_UNIT.test(/^\s*([^\s]+)/.exec(sentence.slice(w.end))?.[1] ?? ''));
  while (words.length > 0 && (EDGE_WORDS.test(words[words.length - 1]!.text) || isDose(words[words.length - 1]!))) words.pop();
  return words.length === 0 ? null : { start: words[0]!.start, end: words[words.length - 1]!.end };
}
