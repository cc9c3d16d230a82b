import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; [k: string]: unknown }; path?: (string | number)[] }[];
}

/** POSTs an operation over real HTTP. */
export async function postGraphQL<T = Record<string, unknown>>(
  url: string,
  query: string,
  options: { variables?: Record<string, unknown>; token?: string; headers?: Record<string, string> } = {},
): Promise<GraphQLResponse<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables: options.variables }),
  });
  const body = (await res.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { status: res.status, ...body };
}

export function firstErrorCode(response: { errors?: { extensions?: { code?: string } }[] }): string | undefined {
  return response.errors?.[0]?.extensions?.code;
}

/** A graphql-ws client; `token` goes in connection_init as the Authorization value. */
export function wsClient(url: string, token?: string): Client {
  return createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
  });
}

export interface Collected<T> {
  values: T[];
  errors: unknown[];
  completed: boolean;
  /** Resolves when `count` values arrived (or the stream ended or failed). */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  unsubscribe(): void;
}

/** Subscribes and collects every value, so a test can wait for the n-th. */
export function collect<T>(client: Client, query: string, variables?: Record<string, unknown>): Collected<T> {
  const state = { values: [] as T[], errors: [] as unknown[], completed: false };
  const waiters: (() => void)[] = [];
  const wake = () => waiters.splice(0).forEach((w) => w());
  const unsubscribe = client.subscribe<T>(
    { query, variables },
    {
      next: (value) => {
        if (value.errors) state.errors.push(...value.errors);
        if (value.data) state.values.push(value.data as T);
        wake();
      },
      error: (error) => {
        state.errors.push(error);
        wake();
      },
      complete: () => {
        state.completed = true;
        wake();
      },
    },
  );
  return {
    get values() {
      return state.values;
    },
    get errors() {
      return state.errors;
    },
    get completed() {
      return state.completed;
    },
    unsubscribe,
    waitFor(count, timeoutMs = 10_000) {
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${count} values (got ${state.values.length})`)), timeoutMs);
        const check = () => {
          if (state.values.length >= count || state.completed || state.errors.length > 0) {
            clearTimeout(timer);
            resolve();
          } else waiters.push(check);
        };
        check();
      });
    },
  };
}
