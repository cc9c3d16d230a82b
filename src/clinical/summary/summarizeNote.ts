import type { InferenceEngine } from '../../inference/types.js';
import type { ClinicalAnalyzer } from '../ClinicalAnalyzer.js';
import { abstractiveSummary, type AbstractiveSummary } from './abstractiveSummary.js';
import { extractiveSummary, type ExtractiveSummary } from './extractiveSummary.js';

export interface ClinicalSummary {
  extractive: ExtractiveSummary;
  /** Present when an instruction model is loaded and one was asked for. */
  abstractive: AbstractiveSummary | null;
  /** Why there is no abstractive summary, when there is none. */
  abstractiveSkipped: string | null;
}

export interface SummarizeOptions {
  /** Ask the instruction model too (when one is available). Default true. */
  abstractive?: boolean;
  /** The text-generation model or alias. Default: the `default` alias. */
  model?: string;
  /** Most tokens the model may write. Default 256. */
  maxTokens?: number;
  signal?: AbortSignal;
}

/** The extractive summary always; the abstractive one from the instruction model when it can be had. */
export async function summarizeNote(text: string, analyzer: ClinicalAnalyzer, inference: InferenceEngine | undefined, options: SummarizeOptions = {}): Promise<ClinicalSummary> {
  const analysis = await analyzer.analyze(text, { signal: options.signal });
  const extractive = extractiveSummary(text, analysis);
  if (options.abstractive === false) return { extractive, abstractive: null, abstractiveSkipped: 'not requested' };
  const model = options.model ?? 'default';
  if (!inference || !hasTextModel(inference, model)) return { extractive, abstractive: null, abstractiveSkipped: `no instruction model "${model}" is available` };
  const abstractive = await abstractiveSummary(text, analysis, analyzer, inference, { model, maxTokens: options.maxTokens, signal: options.signal });
  return { extractive, abstractive, abstractiveSkipped: null };
}

function hasTextModel(inference: InferenceEngine, model: string): boolean {
  try {
    return inference.getModel(model)?.task === 'text-generation';
  } catch {
    return false;
  }
}
