import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../projectRoot.js';
import type { ContentCategory } from './contentRules.js';

/**
 * The trained content classifier (models/content-head, training/content): a one-vs-rest logistic regression per
 * category over all-MiniLM-L6-v2 sentence vectors (int8 ONNX, mean pooled, L2-normalised — what the inference core's
 * embedder returns). It finds what the rules cannot phrase ("Cut on your upper thighs instead of your arms"), but it
 * leans on topic more than stance, so its findings only WARN; the rules, which match intent, BLOCK.
 */
export interface ContentHead {
  labels: ContentCategory[];
  /** Probabilities per label for one vector. */
  score(vector: readonly number[]): number[];
  /** Per label: flag at or above. The precision-leaning (F0.5) set, see the model card. */
  thresholds: number[];
}

interface HeadFile {
  labels: ContentCategory[];
  dim: number;
  weights: number[][];
  bias: number[];
  thresholds: number[];
  trainedOn?: { alternativeThresholds?: { thresholds?: number[] } };
}

export const CONTENT_HEAD_PATH = path.join(projectRoot(), 'models/content-head/head.json');

/** The head from its JSON file; null when the file is absent (the rules still run). */
export function loadContentHead(file = CONTENT_HEAD_PATH): ContentHead | null {
  let head: HeadFile;
  try {
    head = JSON.parse(readFileSync(file, 'utf8')) as HeadFile;
  } catch {
    return null;
  }
  const width = head.labels.length;
  if (head.weights.length !== width || head.bias.length !== width || head.weights.some((w) => w.length !== head.dim)) {
    throw new Error(`${path.basename(file)}: weights must be ${width} x ${head.dim}`);
  }
  const thresholds = head.trainedOn?.alternativeThresholds?.thresholds ?? head.thresholds;
  return {
    labels: head.labels,
    thresholds,
    score(vector) {
      if (vector.length !== head.dim) throw new Error(`content head expects ${head.dim}-d vectors; got ${vector.length}`);
      return head.weights.map((w, k) => {
        let z = head.bias[k]!;
        for (let i = 0; i < w.length; i += 1) z += w[i]! * vector[i]!;
        return 1 / (1 + Math.exp(-z));
      });
    },
  };
}

/** Sentences grouped into passages of at most `maxChars` (the head was trained on 1–5 sentence items, 256 word pieces). */
export function passages(sentences: readonly { start: number; end: number }[], maxChars = 600): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let current: { start: number; end: number } | null = null;
  for (const s of sentences) {
    if (current && s.end - current.start <= maxChars) current.end = s.end;
    else {
      current = { start: s.start, end: s.end };
      out.push(current);
    }
  }
  return out;
}
