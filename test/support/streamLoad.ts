import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { SeededRandom } from './seededRandom.js';

export interface StreamLoadOptions {
  /** Streams kept open at once; each slot resubscribes as soon as its stream ends. */
  streams: number;
  durationMs: number;
  seed: number;
  model: string;
  /** Share of streams the client unsubscribes from (graphql-ws complete) part-way. Default 0. */
  cancelShare?: number;
  /** Share of streams whose socket the client drops without a close frame part-way. Default 0. */
  dropShare?: number;
  /** maxTokens is drawn from this range. Default [16, 96]. */
  maxTokens?: [number, number];
}

export interface StreamLoadReport {
  started: number;
  completed: number;
  cancelled: number;
  dropped: number;
  /** Error code (or close code) → count. */
  errors: Record<string, number>;
  /** Completion tokens of completed streams plus the chunks cancelled ones received before leaving. */
  tokens: number;
  ttftMs: number[];
  wallMs: number;
}

const STREAM = 'subscription($input: GenerateInput!) { generateStream(input: $input) { text done usage { completionTokens } } }';
type Chunk = { generateStream: { text: string; done: boolean; usage: { completionTokens: number } | null } };

/**
 * Keeps `streams` generateStream subscriptions open for `durationMs`, each slot on its own graphql-ws connection,
 * resubscribing as each stream ends; some are cancelled or dropped part-way, drawn from the seed. Returns when every
 * stream has ended.
 */
export async function runStreamLoad(wsUrl: string, token: string, options: StreamLoadOptions): Promise<StreamLoadReport> {
  const report: StreamLoadReport = { started: 0, completed: 0, cancelled: 0, dropped: 0, errors: {}, tokens: 0, ttftMs: [], wallMs: 0 };
  const start = performance.now();
  const deadline = start + options.durationMs;
  const [minTokens, maxTokens] = options.maxTokens ?? [16, 96];
  const connect = () => createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0, lazy: true });

  const slot = async (index: number) => {
    const r = new SeededRandom(options.seed * 7_919 + index);
    let client: Client = connect();
    while (performance.now() < deadline) {
      const leave = r.chance(options.cancelShare ?? 0) ? 'cancel' : r.chance(options.dropShare ?? 0) ? 'drop' : undefined;
      const leaveAfter = r.int(1, 8);
      const input = { model: options.model, prompt: r.pick(['Once upon a time', 'The little dog', 'A girl named Lily', 'One day']), maxTokens: r.int(minTokens, maxTokens), temperature: r.pick([0, 0.7, 1]), seed: r.int(0, 1_000_000) };
      report.started++;
      const opened = performance.now();
      const outcome = await new Promise<'completed' | 'cancelled' | 'dropped' | string>((resolve) => {
        let chunks = 0;
        let first = false;
        const unsubscribe = client.subscribe<Chunk>(
          { query: STREAM, variables: { input } },
          {
            next: (value) => {
              if (value.errors?.length) return;
              const chunk = value.data?.generateStream;
              if (!chunk) return;
              if (!first && chunk.text) {
                first = true;
                report.ttftMs.push(performance.now() - opened);
              }
              chunks++;
              if (chunk.done) {
                report.tokens += chunk.usage?.completionTokens ?? 0;
                return;
              }
              if (leave && chunks >= leaveAfter) {
                report.tokens += chunks;
                if (leave === 'cancel') {
                  unsubscribe();
                  resolve('cancelled');
                } else {
                  client.terminate();
                  resolve('dropped');
                }
              }
            },
            error: (error) => {
              // graphql-ws hands an `error` message's GraphQL errors as an array, a closed socket as its close event.
              if (Array.isArray(error)) resolve(`error:${String((error as { extensions?: { code?: string } }[])[0]?.extensions?.code ?? 'NO_CODE')}`);
              else resolve(`socket:${String((error as { code?: unknown }).code ?? 'unknown')}`);
            },
            complete: () => resolve('completed'),
          },
        );
      });
      if (outcome === 'completed') report.completed++;
      else if (outcome === 'cancelled') report.cancelled++;
      else if (outcome === 'dropped') {
        report.dropped++;
        client = connect();
      } else {
        report.errors[outcome] = (report.errors[outcome] ?? 0) + 1;
        // A socket-level failure leaves the client unusable: start afresh.
        if (outcome.startsWith('socket:')) client = connect();
      }
    }
    await client.dispose();
  };
  await Promise.all(Array.from({ length: options.streams }, (_, i) => slot(i)));
  report.wallMs = performance.now() - start;
  return report;
}

export interface InferenceStatsSnapshot {
  queueDepth: number;
  activeSequences: number;
}

/** inferenceStats through GraphQL (needs an ADMIN or SERVICE token). */
export async function inferenceStats(graphqlUrl: string, token: string): Promise<InferenceStatsSnapshot> {
  const res = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ inferenceStats { queueDepth activeSequences } }' }),
  });
  const body = (await res.json()) as { data?: { inferenceStats: InferenceStatsSnapshot }; errors?: unknown };
  if (!body.data) throw new Error(`inferenceStats: ${JSON.stringify(body.errors)}`);
  return body.data.inferenceStats;
}

/**
 * Polls until no sequence is active and nothing waits, or `timeoutMs` passes; returns the last snapshot. A cancelled
 * stream frees its sequence asynchronously, so a moment of grace is allowed; a leaked sequence never comes back.
 */
export async function settledStats(graphqlUrl: string, token: string, timeoutMs = 10_000): Promise<InferenceStatsSnapshot & { waitedMs: number }> {
  const start = performance.now();
  for (;;) {
    const stats = await inferenceStats(graphqlUrl, token);
    const waitedMs = performance.now() - start;
    if ((stats.activeSequences === 0 && stats.queueDepth === 0) || waitedMs > timeoutMs) return { ...stats, waitedMs };
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const percentile = (values: number[], p: number): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
