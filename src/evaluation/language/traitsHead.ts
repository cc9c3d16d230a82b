import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../projectRoot.js';
import { LANGUAGE_TRAITS } from '../types.js';
import { LANGUAGE_FEATURE_NAMES } from './languageFeatures.js';

/**
 * The trained ELLIPSE trait head (models/language-traits, training/language): per head, a ridge regression
 * y = W . clip((x - mean) / scale) + b from the language features (and the essay embedding) to the six traits.
 * Trained on CC BY-NC-SA 4.0 data: its outputs are for non-commercial use only.
 */
export type HeadKind = 'features+embedding' | 'features';

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
  heads: Partial<Record<HeadKind, LinearHeadFile>>;
}

export interface TraitsHead {
  /** Which heads the file holds; 'features' always. */
  readonly kinds: readonly HeadKind[];
  readonly embeddingDim: number | null;
  /** Raw (unclipped) trait predictions in LANGUAGE_TRAITS order. */
  predict(kind: HeadKind, features: readonly number[], embedding?: readonly number[]): number[];
}

export const LANGUAGE_TRAITS_HEAD_PATH = path.join(projectRoot(), 'models/language-traits/head.json');

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
  const both = head.heads['features+embedding'];
  if (both) {
    if (!head.embeddingDim) throw new Error(`${base}: embeddingDim is missing`);
    check('features+embedding', both, nf + head.embeddingDim, file);
  }
  return {
    kinds: both ? ['features+embedding', 'features'] : ['features'],
    embeddingDim: both ? head.embeddingDim : null,
    predict(kind, features, embedding) {
      const h = kind === 'features' ? featuresHead : both;
      if (!h) throw new Error(`language-traits head "${kind}" is not in ${base}`);
      const x = kind === 'features' ? features : [...features, ...(embedding ?? [])];
      if (x.length !== h.mean.length) throw new Error(`language-traits head "${kind}" expects ${h.mean.length} inputs; got ${x.length}`);
      const z = x.map((v, i) => {
        const s = (v - h.mean[i]!) / h.scale[i]!;
        return h.clip === null ? s : Math.min(h.clip, Math.max(-h.clip, s));
      });
      return h.weights.map((w, k) => w.reduce((acc, wi, i) => acc + wi * z[i]!, h.bias[k]!));
    },
  };
}
