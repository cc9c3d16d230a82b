import type { InferenceSession, Tensor } from 'onnxruntime-node';
import { DomainError, ErrorCode } from '../../errors.js';
import type { CallOptions, ModelTask } from '../types.js';
import { abortable } from '../abortable.js';
import { alignTokenOffsets } from './alignTokenOffsets.js';
import { createOnnxSession } from './createOnnxSession.js';
import { createTextBatcher, type TextBatcher } from './createTextBatcher.js';
import { loadLocalTokenizer, type LocalTokenizer } from './loadLocalTokenizer.js';
import { meanPoolNormalize } from './meanPoolNormalize.js';
import { readModelConfig, type ModelConfig } from './readModelConfig.js';
import { resolveOnnxFiles } from './resolveOnnxFiles.js';
import { argmax, softmax } from './softmax.js';
import { toFeeds } from './toFeeds.js';

export interface OnnxModelOptions {
  /**
   * onnxruntime intra-op threads. Default 1. Measured on the 2-core target (MiniLM int8, 32 x 32 tokens): with the
   * machine idle, 2 threads ran a batch in ~150 ms against ~265 ms; with other work on the CPU, 2 threads fell to
   * ~430-490 ms and end-to-end gathered embedding gave 163-178 texts/s against 197 with 1. The engine shares the
   * CPU with llama.cpp and request handling, so 1 is the default that never collapses; raise it on idle hosts.
   */
  intraOpThreads?: number;
  /** Most texts in one `session.run`. Default 32. */
  maxBatchSize?: number;
}

import type { TokenLabel } from '../types.js';
export type { TokenLabel };

export interface TextLabel {
  label: string;
  score: number;
}

/** Counters that show how calls were gathered into runs. */
export interface OnnxModelStats {
  /** `session.run` calls made. */
  sessionRuns: number;
  /** Texts that went through those runs. */
  textsRun: number;
  /** Most texts seen in one run. */
  largestBatch: number;
}

export interface OnnxModel {
  readonly id: string;
  readonly task: ModelTask;
  /** Estimated bytes while loaded: see {@link ONNX_MEMORY_WEIGHT_FACTOR}. */
  readonly memoryBytes: number;
  /** Sentence vectors (mean pooled, L2-normalised); `feature-extraction` models only. */
  embed(texts: string[], options?: CallOptions): Promise<number[][]>;
  /** Label per text (softmax over logits, names from config.json id2label); `text-classification` models only. */
  classify(texts: string[], options?: CallOptions): Promise<TextLabel[]>;
  /** Probability of every label per sentence pair (claim, evidence); `text-classification` models only. */
  classifyPairs(pairs: readonly (readonly [string, string])[], options?: CallOptions): Promise<Record<string, number>[]>;
  /** Label per non-special token with character offsets; `token-classification` models only. */
  classifyTokens(texts: string[], options?: CallOptions): Promise<TokenLabel[][]>;
  stats(): OnnxModelStats;
  /** Lets calls already made finish, then releases the session; later calls fail. Safe to call twice. */
  dispose(): Promise<void>;
  readonly disposed: boolean;
}

/**
 * Memory attributed to a loaded model: {@link ONNX_MEMORY_WEIGHT_FACTOR} x the graph file (onnxruntime keeps the
 * weights plus pre-packed/optimised copies) + {@link ONNX_MEMORY_OVERHEAD_BYTES} (tokenizer vocab as JS objects,
 * the CPU arena for activations). Measured on all-MiniLM-L6-v2 int8 (22.9 MB graph): RSS grew ~116 MB for a second
 * loaded instance and ~183 MB after a 32-text batch and a 512-token run; the formula gives ~184 MB.
 */
export const ONNX_MEMORY_WEIGHT_FACTOR = 2;
export const ONNX_MEMORY_OVERHEAD_BYTES = 140 * 1024 * 1024;

interface RunOutput {
  outputs: InferenceSession.ReturnType;
  /** The padded batch as fed: needed to pool and to map logits back to tokens. */
  mask: number[][];
  ids: number[][];
}

/** Joins a sentence pair into one batcher key; a NUL never occurs in checked text. */
const PAIR_SEPARATOR = '\u0000';

const ONNX_TASKS: readonly ModelTask[] = ['feature-extraction', 'token-classification', 'text-classification'];

function getValidPositiveInt(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new DomainError(
      ErrorCode.BAD_USER_INPUT,
      `OnnxModelOptions.${name} must be a positive integer; got ${String(value)}.`,
      { option: name },
    );
  }
  return value;
}

function validTexts(texts: unknown): string[] {
  if (!Array.isArray(texts) || texts.some((t) => typeof t !== 'string')) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, 'texts must be an array of strings.');
  }
  return texts as string[];
}

function float32(tensor: Tensor | undefined, name: string): { data: Float32Array; dims: readonly number[] } {
  if (!tensor || !(tensor.data instanceof Float32Array)) {
    const message = `The ONNX graph output "${name}" is missing or not float32.`;
    throw new DomainError(ErrorCode.INTERNAL_SERVER_ERROR, message);
  }
  return { data: tensor.data, dims: tensor.dims };
}

/** Loads a Xenova-layout ONNX folder: graph session, local tokenizer and a batcher per capability. */
export async function loadOnnxModel(
  spec: { id: string; path: string; task: ModelTask },
  options: OnnxModelOptions = {},
): Promise<OnnxModel> {
  const intraOpThreads = getValidPositiveInt('intraOpThreads', options.intraOpThreads, 1);
  const maxBatchSize = getValidPositiveInt('maxBatchSize', options.maxBatchSize, 32);
  if (!ONNX_TASKS.includes(spec.task)) {
    throw new DomainError(
      ErrorCode.BAD_USER_INPUT,
      `ONNX model "${spec.id}" has task ${spec.task}; ONNX folders serve ${ONNX_TASKS.join(', ')}. ` +
        'Use a GGUF file for text generation.',
      { id: spec.id, task: spec.task },
    );
  }
  const files = await resolveOnnxFiles(spec.path);
  const config = await readModelConfig(files.configPath);
  const tokenizer = await loadLocalTokenizer(files.folder, config.maxPositionEmbeddings);
  const session = await createOnnxSession(files.onnxPath, intraOpThreads);
  const memoryBytes = files.onnxBytes * ONNX_MEMORY_WEIGHT_FACTOR + ONNX_MEMORY_OVERHEAD_BYTES;
  return new LoadedOnnxModel(spec.id, spec.task, memoryBytes, session, tokenizer, config, maxBatchSize);
}

class LoadedOnnxModel implements OnnxModel {
  private readonly counters: OnnxModelStats = { sessionRuns: 0, textsRun: 0, largestBatch: 0 };
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly embedder: TextBatcher<number[]>;
  private readonly classifier: TextBatcher<TextLabel>;
  private readonly tokenClassifier: TextBatcher<TokenLabel[]>;
  private readonly pairClassifier: TextBatcher<Record<string, number>>;
  private disposing: Promise<void> | null = null;

  constructor(
    readonly id: string,
    readonly task: ModelTask,
    readonly memoryBytes: number,
    private readonly session: InferenceSession,
    private readonly tokenizer: LocalTokenizer,
    private readonly config: ModelConfig,
    maxBatchSize: number,
  ) {
    this.embedder = createTextBatcher((texts) => this.runEmbed(texts), maxBatchSize);
    this.classifier = createTextBatcher((texts) => this.runClassify(texts), maxBatchSize);
    this.tokenClassifier = createTextBatcher((texts) => this.runClassifyTokens(texts), maxBatchSize);
    this.pairClassifier = createTextBatcher((keys) => this.runClassifyPairs(keys), maxBatchSize);
  }

  get disposed(): boolean {
    return this.disposing !== null;
  }

  stats(): OnnxModelStats {
    return { ...this.counters };
  }

  embed(texts: string[], options?: CallOptions): Promise<number[][]> {
    return this.call('feature-extraction', this.embedder, texts, options);
  }

  classify(texts: string[], options?: CallOptions): Promise<TextLabel[]> {
    return this.call('text-classification', this.classifier, texts, options);
  }

  classifyTokens(texts: string[], options?: CallOptions): Promise<TokenLabel[][]> {
    return this.call('token-classification', this.tokenClassifier, texts, options);
  }

  classifyPairs(pairs: readonly (readonly [string, string])[], options?: CallOptions): Promise<Record<string, number>[]> {
    if (!Array.isArray(pairs) || pairs.some((p) => !Array.isArray(p) || p.length !== 2 || typeof p[0] !== 'string' || typeof p[1] !== 'string')) {
      throw new DomainError(ErrorCode.BAD_USER_INPUT, 'pairs must be an array of [text, text] pairs.');
    }
    // The batcher gathers strings: a pair travels as one key, split again in the run.
    return this.call('text-classification', this.pairClassifier, pairs.map(([a, b]) => `${a}${PAIR_SEPARATOR}${b}`), options);
  }

  dispose(): Promise<void> {
    // Releasing a session while a run uses it crashes the native side, so calls accepted before `dispose` (queued
    // or running) finish first; calls made after it are refused.
    this.disposing ??= Promise.allSettled([...this.inFlight]).then(() => this.session.release());
    return this.disposing;
  }

  private async call<R>(task: ModelTask, batcher: TextBatcher<R>, texts: string[], options?: CallOptions): Promise<R[]> {
    const { id } = this;
    if (this.disposed) {
      throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, `ONNX model "${id}" was disposed; load it again.`, { id });
    }
    if (this.task !== task) {
      const message = `Model "${id}" is a ${this.task} model; this call needs a ${task} model.`;
      throw new DomainError(ErrorCode.BAD_USER_INPUT, message, { id, task: this.task });
    }
    const valid = validTexts(texts);
    const signal = options?.signal;
    const work = Promise.all(valid.map((text) => batcher.load(text, signal)));
    this.inFlight.add(work);
    const forget = () => this.inFlight.delete(work);
    work.then(forget, forget);
    return abortable(work, signal, `The ${task} call on "${this.id}"`);
  }

  /** One padded run, counted in stats. */
  private async run(texts: string[]): Promise<RunOutput> {
    const batch = this.tokenizer.encode(texts);
    this.counters.sessionRuns += 1;
    this.counters.textsRun += texts.length;
    this.counters.largestBatch = Math.max(this.counters.largestBatch, texts.length);
    const outputs = await this.session.run(toFeeds(batch, this.session.inputNames));
    return { outputs, mask: batch.attentionMask, ids: batch.inputIds };
  }

  private outputName(preferred: string): string {
    const names = this.session.outputNames;
    return names.includes(preferred) ? preferred : names[0]!;
  }

  private async runEmbed(texts: string[]): Promise<number[][]> {
    const { outputs, mask } = await this.run(texts);
    const name = this.outputName('last_hidden_state');
    const { data, dims } = float32(outputs[name], name);
    if (dims.length !== 3) {
      const shape = `[${dims.join(', ')}]`;
      const message = `Output "${name}" of "${this.id}" has shape ${shape}; expected [batch, sequence, hidden].`;
      throw new DomainError(ErrorCode.MODEL_LOAD_FAILED, message);
    }
    return meanPoolNormalize(data, dims, mask);
  }

  private label(index: number): string {
    return this.config.labels[index] ?? `LABEL_${index}`;
  }

  private async runClassify(texts: string[]): Promise<TextLabel[]> {
    const { outputs } = await this.run(texts);
    const { data, dims } = float32(outputs[this.outputName('logits')], 'logits');
    const width = dims[dims.length - 1]!;
    return texts.map((_, b) => {
      const best = argmax(softmax(data, b * width, width));
      return { label: this.label(best.index), score: best.value };
    });
  }

  private async runClassifyPairs(keys: string[]): Promise<Record<string, number>[]> {
    const split = keys.map((k) => k.split(PAIR_SEPARATOR) as [string, string]);
    const batch = this.tokenizer.encodePairs(split.map((p) => p[0]), split.map((p) => p[1]));
    this.counters.sessionRuns += 1;
    this.counters.textsRun += keys.length;
    this.counters.largestBatch = Math.max(this.counters.largestBatch, keys.length);
    const outputs = await this.session.run(toFeeds(batch, this.session.inputNames));
    const { data, dims } = float32(outputs[this.outputName('logits')], 'logits');
    const width = dims[dims.length - 1]!;
    return keys.map((_, b) => Object.fromEntries(softmax(data, b * width, width).map((p, i) => [this.label(i), p])));
  }

  private async runClassifyTokens(texts: string[]): Promise<TokenLabel[][]> {
    const { outputs, mask, ids } = await this.run(texts);
    const { data, dims } = float32(outputs[this.outputName('logits')], 'logits');
    const [, sequence, width] = dims as [number, number, number];
    return texts.map((text, b) => {
      const kept: { token: string; probabilities: number[] }[] = [];
      for (let t = 0; t < sequence; t += 1) {
        const id = ids[b]![t]!;
        if (mask[b]![t] === 0 || this.tokenizer.isSpecial(id)) continue;
        const probabilities = softmax(data, (b * sequence + t) * width, width);
        kept.push({ token: this.tokenizer.tokenOf(id), probabilities });
      }
      const spans = alignTokenOffsets(text, kept.map((k) => k.token));
      return kept.map((k, i) => {
        const best = argmax(k.probabilities);
        return { token: k.token, label: this.label(best.index), score: best.value, ...spans[i]! };
      });
    });
  }
}
