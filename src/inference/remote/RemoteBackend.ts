import { DomainError, ErrorCode } from '../../errors.js';
import type { Logger } from '../../logger.js';
import type { GenerationPlan } from '../generation/validateGenerateRequest.js';
import { cancelled, timedOut } from '../inferenceErrors.js';
import type { FinishReason, GenerationResult, ModelInfo, ModelState, ModelTask } from '../types.js';
import { readSse } from './readSse.js';
import { StopSequenceFilter } from '../generation/StopSequenceFilter.js';
import { remoteContextOverflow, remoteHttpError, remoteProtocolError, remoteStreamError, remoteUnreachable } from './remoteErrors.js';
import { publicBaseUrl, type RemoteTarget } from './RemoteTarget.js';
import { EmbeddingAnswer, ErrorAnswer, ModelList, StreamEvent } from './wireSchemas.js';

/** Options of {@link RemoteBackend}. */
export interface RemoteBackendOptions {
  /** Our model id (the manifest's), which results and errors name. */
  id: string;
  task: ModelTask;
  target: RemoteTarget;
  contextLength: number | null;
  /** Used when neither the request nor the target sets one. */
  defaultTimeoutMs: number;
  /** Limit of a health ping. Default 5,000 ms. */
  pingTimeoutMs?: number;
  /** Where `apiKeyEnv` is read, at each request (a rotated key is used at once). Default `process.env`. */
  env?: NodeJS.ProcessEnv;
  onStateChange?: (state: ModelState) => void;
  logger?: Logger;
  /**
   * `llama-server`: the server is llama.cpp's, whose legacy /completions takes a JSON schema as `json_schema` (it
   * reads `response_format` only on chat). Default `openai`: strict servers (this engine's own /v1) refuse that key.
   */
  dialect?: 'openai' | 'llama-server';
}

type Health = { state: 'available' } | { state: 'loading' } | { state: 'ready' } | { state: 'failed'; error: string };

/** Where a request is, so a timeout can say what it was waiting for. */
type Phase = 'waiting for the model server' | 'generating';

/**
 * One manifest model served by an OpenAI-compatible server over plain fetch: generation (always streamed from the
 * server, so cancelling closes the connection at once and a timeout keeps the text so far, as local generation does),
 * embeddings and a health ping. Its ModelInfo state follows what the server last did: `ready` after an answer,
 * `failed` (with a reason that names no URL) when it was unreachable or refused.
 */
export class RemoteBackend {
  readonly #options: RemoteBackendOptions;
  readonly #url: URL;
  readonly #inFlight = new Set<AbortController>();
  #health: Health = { state: 'available' };
  #lastUsedAt: Date | null = null;
  #disposed = false;

  constructor(options: RemoteBackendOptions) {
    this.#options = options;
    this.#url = new URL(options.target.baseUrl.replace(/\/*$/, '/'));
  }

  get target(): RemoteTarget {
    return this.#options.target;
  }

  get activeRequests(): number {
    return this.#inFlight.size;
  }

  info(aliases: string[]): ModelInfo {
    const { id, task, target, contextLength } = this.#options;
    return {
      id,
      name: target.model,
      format: 'remote',
      task,
      architecture: null,
      parameterCount: null,
      quantization: null,
      fileSizeBytes: 0,
      contextLength,
      backend: 'remote',
      runtime: 'remote',
      state: this.#health.state,
      memoryBytes: 0,
      path: publicBaseUrl(target.baseUrl),
      sha256: null,
      sourceUri: null,
      aliases,
      error: this.#health.state === 'failed' ? this.#health.error : null,
      lastUsedAt: this.#lastUsedAt,
    };
  }

  /** Asks the server's `/models` whether it serves our model; MODEL_LOAD_FAILED (and state `failed`) if not. */
  async ping(signal?: AbortSignal): Promise<void> {
    this.#setHealth({ state: 'loading' });
    const limit = AbortSignal.timeout(this.#options.pingTimeoutMs ?? 5_000);
    // In flight like a request, so dispose() stops a ping to a hung server instead of waiting for its limit.
    const own = new AbortController();
    this.#inFlight.add(own);
    try {
      const res = await this.#fetch('models', { method: 'GET', signal: AbortSignal.any([limit, own.signal, ...(signal ? [signal] : [])]) });
      const list = ModelList.safeParse(await res.json().catch(() => null));
      if (!list.success) throw remoteProtocolError(this.#options.id, 'its model list is not an OpenAI model list');
      if (!list.data.data.some((m) => m.id === this.#options.target.model)) {
        throw new DomainError(ErrorCode.MODEL_LOAD_FAILED, `The model server behind "${this.#options.id}" does not list model "${this.#options.target.model}"; an operator must fix the manifest.`);
      }
      this.#setHealth({ state: 'ready' });
    } catch (error) {
      const domain = limit.aborted && !signal?.aborted ? new DomainError(ErrorCode.SERVICE_UNAVAILABLE, `The model server behind "${this.#options.id}" did not answer its health check in time.`) : error instanceof DomainError ? error : remoteUnreachable(this.#options.id, error);
      if (signal?.aborted || own.signal.aborted) throw cancelled();
      this.#fail(domain);
      throw new DomainError(ErrorCode.MODEL_LOAD_FAILED, domain.message, { reason: domain.code });
    } finally {
      this.#inFlight.delete(own);
    }
  }

  /**
   * Generates through the server's streamed chat or legacy completions; `onText` gets each piece as it comes.
   * A timeout before the first answer rejects with TIMEOUT; one during generation resolves with the text so far
   * and finishReason `timeout`. Aborting `signal` rejects with CANCELLED and closes the connection (the server stops).
   */
  async generate(plan: GenerationPlan, call: { alias: string | null; signal?: AbortSignal; onText?: (text: string) => void }): Promise<GenerationResult> {
    if (this.#disposed) throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'The inference service is shutting down; retry on another instance.');
    if (call.signal?.aborted) throw cancelled();
    const { id } = this.#options;
    const startedAt = performance.now();
    const timeoutMs = plan.timeoutMs ?? this.#options.target.timeoutMs ?? this.#options.defaultTimeoutMs;
    let phase: Phase = 'waiting for the model server';
    const controller = new AbortController();
    const onAbort = (): void => controller.abort(cancelled());
    call.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = timeoutMs > 0 ? setTimeout(() => controller.abort(timedOut(timeoutMs, phase)), timeoutMs) : null;
    this.#inFlight.add(controller);
    const chat = plan.input.kind === 'chat';
    let text = '';
    let pieces = 0;
    let firstAt: number | null = null;
    let finish: string | null = null;
    let usage: StreamEvent['usage'] = null;
    const stops = new StopSequenceFilter(plan.stop);
    const emit = (piece: string): void => {
      if (piece === '') return;
      text += piece;
      firstAt ??= performance.now();
      call.onText?.(piece);
    };
    try {
      const res = await this.#fetch(chat ? 'chat/completions' : 'completions', { method: 'POST', body: this.#body(plan), signal: controller.signal });
      phase = 'generating';
      if (res.body === null) throw remoteProtocolError(id, 'an empty body');
      for await (const data of readSse(res.body)) {
        if (data.trim() === '[DONE]') break;
        const event = parseEvent(id, data);
        if (event.error) throw remoteStreamError(id, typeof event.error.code === 'string' ? event.error.code : null, event.error.message ?? '');
        const choice = event.choices?.[0];
        const piece = chat ? choice?.delta?.content : choice?.text;
        if (piece) {
          pieces += 1;
          emit(stops.push(piece));
          // Leaving the loop cancels the body: the server sees the connection close and stops its slot.
          if (stops.stopped) {
            finish = 'stopSequence';
            break;
          }
        }
        if (choice?.finish_reason) finish = choice.finish_reason;
        if (event.usage) usage = event.usage;
      }
      emit(stops.flush());
      this.#succeeded();
    } catch (error) {
      if (controller.signal.aborted) {
        const reason: unknown = controller.signal.reason;
        if (reason instanceof DomainError && reason.code === ErrorCode.TIMEOUT && phase === 'generating') {
          finish = 'timeout';
        } else {
          throw reason instanceof DomainError ? reason : cancelled();
        }
      } else {
        throw this.#mapped(error);
      }
    } finally {
      if (timer) clearTimeout(timer);
      call.signal?.removeEventListener('abort', onAbort);
      this.#inFlight.delete(controller);
    }
    const endedAt = performance.now();
    // Servers that send no usage (older ones ignore stream_options): one streamed piece is about one token.
    const completionTokens = usage?.completion_tokens ?? pieces;
    const cachedPromptTokens = usage?.prompt_tokens_details?.cached_tokens;
    const seconds = (endedAt - startedAt) / 1000;
    return {
      text,
      finishReason: toFinishReason(finish),
      usage: {
        promptTokens: usage?.prompt_tokens ?? 0,
        ...(cachedPromptTokens !== undefined ? { cachedPromptTokens } : {}),
        completionTokens,
        timeToFirstTokenMs: firstAt === null ? 0 : round(firstAt - startedAt),
        tokensPerSecond: seconds > 0 ? round(completionTokens / seconds) : 0,
        totalMs: round(endedAt - startedAt),
      },
      modelId: id,
      alias: call.alias,
    };
  }

  /** Sentence embeddings from the server's `/embeddings`, in input order. */
  async embed(texts: string[], signal?: AbortSignal): Promise<number[][]> {
    if (this.#disposed) throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, 'The inference service is shutting down; retry on another instance.');
    const timeoutMs = this.#options.target.timeoutMs ?? this.#options.defaultTimeoutMs;
    const controller = new AbortController();
    const onAbort = (): void => controller.abort(cancelled());
    if (signal?.aborted) throw cancelled();
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer = timeoutMs > 0 ? setTimeout(() => controller.abort(timedOut(timeoutMs, 'waiting for the model server')), timeoutMs) : null;
    this.#inFlight.add(controller);
    try {
      const res = await this.#fetch('embeddings', { method: 'POST', body: JSON.stringify({ model: this.#options.target.model, input: texts, encoding_format: 'float' }), signal: controller.signal });
      const answer = EmbeddingAnswer.safeParse(await res.json().catch(() => null));
      if (!answer.success || answer.data.data.length !== texts.length) throw remoteProtocolError(this.#options.id, `not ${texts.length} embeddings`);
      this.#succeeded();
      return [...answer.data.data].sort((a, b) => a.index - b.index).map((d) => d.embedding);
    } catch (error) {
      if (controller.signal.aborted) {
        const reason: unknown = controller.signal.reason;
        throw reason instanceof DomainError ? reason : cancelled();
      }
      throw this.#mapped(error);
    } finally {
      if (timer) clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      this.#inFlight.delete(controller);
    }
  }

  /** Aborts requests in flight (their servers stop at once). Safe to call twice. */
  dispose(): void {
    this.#disposed = true;
    for (const controller of this.#inFlight) controller.abort(cancelled());
  }

  #body(plan: GenerationPlan): string {
    const input = plan.input.kind === 'chat' ? { messages: plan.input.messages } : { prompt: plan.input.prompt };
    return JSON.stringify({
      model: this.#options.target.model,
      ...input,
      temperature: plan.temperature,
      top_p: plan.topP,
      max_tokens: plan.maxTokens,
      ...(plan.seed !== undefined ? { seed: plan.seed } : {}),
      ...(plan.jsonSchema ? { response_format: { type: 'json_schema', json_schema: { name: 'output', schema: plan.jsonSchema } } } : {}),
      ...(plan.jsonSchema && plan.input.kind === 'prompt' && this.#options.dialect === 'llama-server' ? { json_schema: plan.jsonSchema } : {}),
      stream: true,
      stream_options: { include_usage: true },
    });
  }

  /** fetch with auth; a non-2xx answer becomes our DomainError (the server's text kept as its cause). */
  async #fetch(path: string, init: { method: 'GET' | 'POST'; body?: string; signal: AbortSignal }): Promise<Response> {
    const { id, target } = this.#options;
    const url = new URL(path, this.#url);
    const headers: Record<string, string> = { accept: init.method === 'GET' ? 'application/json' : 'application/json, text/event-stream' };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    // fetch refuses URLs with credentials: user:password@ in the base URL becomes Basic auth.
    if (url.username || url.password) {
      headers.authorization = `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`;
      url.username = '';
      url.password = '';
    }
    if (target.apiKeyEnv !== null) {
      const key = (this.#options.env ?? process.env)[target.apiKeyEnv];
      if (!key) throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, `The API key for the model server behind "${id}" is not set: an operator must set ${target.apiKeyEnv}.`);
      headers.authorization = `Bearer ${key}`;
    }
    let res: Response;
    try {
      res = await fetch(url, { method: init.method, headers, body: init.body, signal: init.signal }).catch((error: unknown) => {
        // A kept-alive connection the server closed as we reused it (cpp-httplib, behind llama-server, does this
        // between requests): nothing was answered, so one retry on a fresh connection is safe.
        if (init.signal.aborted || !closedBeforeAnswer(error)) throw error;
        return fetch(url, { method: init.method, headers, body: init.body, signal: init.signal });
      });
    } catch (error) {
      if (init.signal.aborted) throw error;
      throw remoteUnreachable(id, error);
    }
    if (res.ok) return res;
    const raw = await res.text().catch(() => '');
    let code: string | null = null;
    try {
      const parsed = ErrorAnswer.safeParse(JSON.parse(raw));
      if (parsed.success && typeof parsed.data.error.code === 'string') code = parsed.data.error.code;
      const { type, n_prompt_tokens: promptTokens, n_ctx: contextSize } = parsed.data?.error ?? {};
      if (type === 'exceed_context_size_error' && typeof promptTokens === 'number' && typeof contextSize === 'number') throw remoteContextOverflow(id, promptTokens, contextSize, raw);
    } catch (error) {
      if (error instanceof DomainError) throw error;
      // Not JSON: the status decides.
    }
    throw remoteHttpError(id, res.status, code, raw);
  }

  #mapped(error: unknown): DomainError {
    const domain = error instanceof DomainError ? error : remoteUnreachable(this.#options.id, error);
    // Unreachable, refused credentials or an unknown model: the backend is not usable until an operator or the
    // server acts. Answers about the request itself (bad input, busy) say nothing about its health.
    if (domain.code === ErrorCode.SERVICE_UNAVAILABLE || domain.code === ErrorCode.MODEL_LOAD_FAILED) this.#fail(domain);
    const cause = (domain as Error & { cause?: unknown }).cause;
    this.#options.logger?.warn({ modelId: this.#options.id, code: domain.code, cause: cause instanceof Error ? cause.message : cause === undefined ? undefined : String(cause) }, 'remote model request failed');
    return domain;
  }

  #succeeded(): void {
    this.#lastUsedAt = new Date();
    this.#setHealth({ state: 'ready' });
  }

  #fail(error: DomainError): void {
    this.#setHealth({ state: 'failed', error: error.message });
  }

  #setHealth(health: Health): void {
    const changed = health.state !== this.#health.state;
    this.#health = health;
    if (changed) this.#options.onStateChange?.(health.state);
  }
}

/** fetch's error when the server closed the connection before any answer (undici's UND_ERR_SOCKET). */
function closedBeforeAnswer(error: unknown): boolean {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  return cause?.code === 'UND_ERR_SOCKET';
}

function parseEvent(modelId: string, data: string): StreamEvent {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    throw remoteProtocolError(modelId, 'an event that is not JSON');
  }
  const event = StreamEvent.safeParse(json);
  if (!event.success) throw remoteProtocolError(modelId, 'an event that is not an OpenAI chunk');
  return event.data;
}

function toFinishReason(reason: string | null): FinishReason {
  if (reason === 'timeout') return 'timeout';
  if (reason === 'length') return 'length';
  if (reason === 'stopSequence') return 'stopSequence';
  return 'stop';
}

const round = (n: number): number => Math.round(n * 100) / 100;
