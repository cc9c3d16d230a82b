import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createClient } from 'graphql-ws';
import { SignJWT } from 'jose';
import WebSocket from 'ws';

export interface StreamTiming {
  /** From sending the subscription on an open, acknowledged connection to the first chunk with text. */
  ttftMs: number;
  /** Opening the WebSocket and `connection_init` (the JWT checked): paid once per connection, not per request. */
  connectMs: number;
  tokens: number;
  /** From the first chunk to the last. */
  decodeMs: number;
  totalMs: number;
  /** From the final usage, when the server reports it. */
  promptTokens?: number;
  /** Prompt tokens the server reused from its prefix cache instead of evaluating them again. */
  cachedPromptTokens?: number;
}

export function signBenchToken(secret: string): Promise<string> {
  return new SignJWT({ roles: ['SERVICE'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('bench').setExpirationTime('1h').sign(new TextEncoder().encode(secret));
}

/**
 * One generateStream subscription on its own connection, timed as a client sees it. The connection is opened and
 * acknowledged first (as an app keeps its WebSocket open), so TTFT compares with an HTTP request's.
 */
export async function streamOverGraphQL(wsUrl: string, token: string, input: Record<string, unknown>): Promise<StreamTiming> {
  const opened = performance.now();
  let connected!: () => void;
  const ready = new Promise<void>((resolve) => (connected = resolve));
  const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0, lazy: false, on: { connected: () => connected() } });
  try {
    await ready;
    const start = performance.now();
    let first = 0;
    let tokens = 0;
    let usage: { promptTokens: number; cachedPromptTokens: number | null } | null = null;
    const query = 'subscription($input: GenerateInput!) { generateStream(input: $input) { text done usage { completionTokens promptTokens cachedPromptTokens } } }';
    for await (const result of client.iterate<{ generateStream: { text: string; done: boolean; usage: { completionTokens: number; promptTokens: number; cachedPromptTokens: number | null } | null } }>({ query, variables: { input } })) {
      if (result.errors) throw new Error(JSON.stringify(result.errors));
      const chunk = result.data!.generateStream;
      if (first === 0 && chunk.text) first = performance.now();
      if (chunk.done) {
        tokens = chunk.usage?.completionTokens ?? 0;
        usage = chunk.usage;
      }
    }
    const end = performance.now();
    return {
      ttftMs: first - start,
      connectMs: start - opened,
      tokens,
      decodeMs: end - first,
      totalMs: end - start,
      ...(usage ? { promptTokens: usage.promptTokens } : {}),
      ...(usage?.cachedPromptTokens != null ? { cachedPromptTokens: usage.cachedPromptTokens } : {}),
    };
  } finally {
    await client.dispose();
  }
}

/** Runs `concurrent` streams from a separate client process (see streamClient.ts). */
export async function streamFromClientProcess(
  wsUrl: string,
  token: string,
  input: Record<string, unknown>,
  concurrent: number,
): Promise<{ timings: StreamTiming[]; wallMs: number }> {
  const script = fileURLToPath(new URL('./streamClient.js', import.meta.url));
  const { stdout } = await promisify(execFile)(process.execPath, [script, wsUrl, token, JSON.stringify(input), String(concurrent)]);
  return JSON.parse(stdout) as { timings: StreamTiming[]; wallMs: number };
}
