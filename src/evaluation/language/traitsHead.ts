import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LANGUAGE_TRAITS_HEAD_PATH } from './traitsHeadPath.js';
import { LANGUAGE_TRAITS } from '../types.js';
import { LANGUAGE_FEATURE_NAMES } from './languageFeatures.js';
import { LIKELIHOOD_FEATURE_NAMES } from './likelihoodFeatures.js';

/**
 * The trained ELLIPSE trait head (models/language-traits, training/language): per head, a ridge regression
 * y = W . clip((x - mean) / scale) + b from the language features (and the essay embedding) to the six traits.
 * Trained on CC BY-NC-SA 4.0 data: its outputs are for non-commercial use only.
 */
export type HeadKind = 'features+embedding+likelihood' | 'features+likelihood' | 'features+embedding' | 'features';

/** Most informed first: the assessor uses the first kind whose inputs it has. */
export const HEAD_KINDS: readonly HeadKind[] = ['features+embedding+likelihood', 'features+likelihood', 'features+embedding', 'features'];

interface LinearHeadFile {
  mean: number[];
  scale: number[];
  clip: number | null;
  weights: number[][];
  bias: number[];
}

interface HeadFile {
  traits: string[];
  featureNames: string[];
  embeddingDim: number | null;
  likelihoodFeatureNames?: string[];
  heads: Partial<Record<HeadKind, LinearHeadFile>>;
}

export interface TraitsHead {
  /** Which heads the file holds, in HEAD_KINDS order; 'features' always. */
  readonly kinds: readonly HeadKind[];
  readonly embeddingDim: number | null;
  /** Raw (unclipped) trait predictions in LANGUAGE_TRAITS order; likelihood in LIKELIHOOD_FEATURE_NAMES order. */
  predict(kind: HeadKind, features: readonly number[], embedding?: readonly number[], likelihood?: readonly number[]): number[];
}

export { LANGUAGE_TRAITS_HEAD_PATH };

function check(kind: HeadKind, h: LinearHeadFile, width: number, file: string): void {
  const fail = (what: string) => new Error(`${path.basename(file)}: head "${kind}" ${what}`);
  if (h.mean.length !== width || h.scale.length !== width) throw fail(`needs mean and scale of length ${width}`);
  if (h.scale.some((s) => !(s > 0))) throw fail('has a non-positive scale');
  if (h.weights.length !== LANGUAGE_TRAITS.length || h.bias.length !== LANGUAGE_TRAITS.length) throw fail(`needs ${LANGUAGE_TRAITS.length} weight rows and biases`);
  if (h.weights.some((w) => w.length !== width)) throw fail(`weights must be ${LANGUAGE_TRAITS.length} x ${width}`);
}

/** The head from its JSON file; throws when the file is missing or does not fit this code's features and traits. */
export function loadTraitsHead(file = LANGUAGE_TRAITS_HEAD_PATH): TraitsHead {
  let head: HeadFile;
  try {
    head = JSON.parse(readFileSync(file, 'utf8')) as HeadFile;
  } catch (error) {
    throw new Error(`cannot read the language-traits head ${file} (train it with training/language/train.py): ${(error as Error).message}`);
  }
  const base = path.basename(file);
  // The order is the model: a renamed or reordered feature would silently shift every weight.
  if (head.featureNames.join() !== LANGUAGE_FEATURE_NAMES.join()) throw new Error(`${base}: its feature names differ from LANGUAGE_FEATURE_NAMES; retrain the head`);
  if (head.traits.join() !== LANGUAGE_TRAITS.join()) throw new Error(`${base}: traits must be ${LANGUAGE_TRAITS.join(', ')}`);
  const nf = LANGUAGE_FEATURE_NAMES.length;
  const featuresHead = head.heads.features;
  if (!featuresHead) throw new Error(`${base}: the features-only head is missing`);
  check('features', featuresHead, nf, file);
  const kinds = HEAD_KINDS.filter((k) => head.heads[k]);
  const usesEmbedding = kinds.some((k) => k.includes('embedding'));
  if (usesEmbedding && !head.embeddingDim) throw new Error(`${base}: embeddingDim is missing`);
  if (kinds.some((k) => k.includes('likelihood')) && head.likelihoodFeatureNames?.join() !== LIKELIHOOD_FEATURE_NAMES.join()) {
    throw new Error(`${base}: its likelihood feature names differ from LIKELIHOOD_FEATURE_NAMES; retrain the head`);
  }
  const width = (k: HeadKind) => nf + (k.includes('embedding') ? head.embeddingDim! : 0) + (k.includes('likelihood') ? LIKELIHOOD_FEATURE_NAMES.length : 0);
  for (const k of kinds) check(k, head.heads[k]!, width(k), file);
  return {
    kinds,
    embeddingDim: usesEmbedding ? head.embeddingDim : null,
    predict(kind, features, embedding, likelihood) {
      const h = head.heads[kind];
      if (!h) throw new Error(`language-traits head "${kind}" is not in ${base}`);
      const x = [...features, ...(kind.includes('embedding') ? (embedding ?? []) : []), ...(kind.includes('likelihood') ? (likelihood ?? []) : [])];
      if (x.length !== h.mean.length) throw new Error(`language-traits head "${kind}" expects ${h.mean.length} inputs; got ${x.length}`);
      const z = x.map((v, i) => {
        const s = (v - h.mean[i]!) / h.scale[i]!;
        return h.clip === null ? s : Math.min(h.clip, Math.max(-h.clip, s));
      });
      return h.weights.map((w, k) => w.reduce((acc, wi, i) => acc + wi * z[i]!, h.bias[k]!));
    },
  };
}
