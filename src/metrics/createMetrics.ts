import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { InferenceObserver } from '../inference/types.js';

/** Prometheus metrics, one registry per server instance (tests run several in one process). */
export interface EngineMetrics {
  readonly registry: Registry;
  readonly observer: InferenceObserver;
  readonly graphqlRequests: Counter<'operation_type' | 'outcome'>;
  /** Errors answered, by their public code (`extensions.code`): what dashboards and alerts group on. */
  readonly errors: Counter<'code'>;
  readonly httpRequestDuration: Histogram<'route' | 'method' | 'status'>;
  /** evaluateWriting / evaluateSpeaking wall time, by kind (WRITING, SPEAKING) and outcome. */
  readonly evaluationDuration: Histogram<'kind' | 'outcome'>;
  /** Events that could not be published (Redis down): subscribers on other replicas missed them. */
  readonly eventsUndelivered: Counter<'topic'>;
}

export function createMetrics(): EngineMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labels = ['model', 'alias'] as const; // model = the variant that served; alias = what was asked for
  const tokens = new Counter({ name: 'oet_llm_tokens_generated_total', help: 'Completion tokens generated', labelNames: labels, registers: [registry] });
  const promptTokens = new Counter({ name: 'oet_llm_prompt_tokens_total', help: 'Prompt tokens evaluated', labelNames: labels, registers: [registry] });
  const requests = new Counter({ name: 'oet_llm_requests_total', help: 'Generation requests by finish reason', labelNames: [...labels, 'finish_reason'], registers: [registry] });
  const tokensPerSecond = new Histogram({
    name: 'oet_llm_tokens_per_second', help: 'Decode speed per request', labelNames: labels, registers: [registry],
    buckets: [1, 5, 10, 25, 50, 100, 200, 500, 1000, 2500, 5000],
  });
  const ttft = new Histogram({
    name: 'oet_llm_time_to_first_token_seconds', help: 'Time to first token', labelNames: labels, registers: [registry],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  });
  const queueDepth = new Gauge({ name: 'oet_llm_queue_depth', help: 'Requests waiting for a sequence', labelNames: ['model'], registers: [registry] });
  const activeSequences = new Gauge({ name: 'oet_llm_active_sequences', help: 'Sequences generating', labelNames: ['model'], registers: [registry] });
  const modelState = new Gauge({ name: 'oet_model_ready', help: '1 while a model is loaded and ready', labelNames: ['model'], registers: [registry] });
  const modelRuntime = new Gauge({
    name: 'oet_model_runtime', help: '1 while a model is ready, labelled with what runs it (node-llama-cpp, llama-server, onnxruntime, remote)',
    labelNames: ['model', 'runtime'], registers: [registry],
  });
  const graphqlRequests = new Counter({ name: 'oet_graphql_requests_total', help: 'GraphQL operations', labelNames: ['operation_type', 'outcome'], registers: [registry] });
  const errors = new Counter({ name: 'oet_errors_total', help: 'Errors answered to clients, by code', labelNames: ['code'], registers: [registry] });
  const httpRequestDuration = new Histogram({
    name: 'oet_http_request_duration_seconds', help: 'HTTP request duration', labelNames: ['route', 'method', 'status'], registers: [registry],
  });

  const evaluationDuration = new Histogram({
    name: 'oet_evaluation_duration_seconds', help: 'OET evaluation wall time', labelNames: ['kind', 'outcome'], registers: [registry],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 15, 60],
  });

  const eventsUndelivered = new Counter({ name: 'oet_events_undelivered_total', help: 'Events not published (pub/sub transport down)', labelNames: ['topic'], registers: [registry] });

  const observer: InferenceObserver = {
    onGeneration({ modelId, alias, usage, finishReason }) {
      const l = { model: modelId, alias: alias ?? '' };
      tokens.inc(l, usage.completionTokens);
      promptTokens.inc(l, usage.promptTokens);
      requests.inc({ ...l, finish_reason: finishReason });
      if (usage.completionTokens > 0) {
        tokensPerSecond.observe(l, usage.tokensPerSecond);
        ttft.observe(l, usage.timeToFirstTokenMs / 1000);
      }
    },
    onQueueChange({ modelId, queueDepth: depth, activeSequences: active }) {
      queueDepth.set({ model: modelId }, depth);
      activeSequences.set({ model: modelId }, active);
    },
    onModelStateChange({ modelId, state, runtime }) {
      modelState.set({ model: modelId }, state === 'ready' ? 1 : 0);
      if (runtime !== undefined) modelRuntime.set({ model: modelId, runtime }, state === 'ready' ? 1 : 0);
    },
  };
  return { registry, observer, graphqlRequests, errors, httpRequestDuration, evaluationDuration, eventsUndelivered };
}
