// A small Apollo Gateway in front of the engine's subgraph (and any others), for compose.yaml and local set-ups.
// Production deployments usually run Apollo Router or a managed supergraph instead; this one composes at start-up
// with IntrospectAndCompose, re-polls the subgraphs, and forwards the caller's Authorization header, which the
// engine checks itself.
//
// Environment:
//   SUBGRAPHS                 comma-separated name=url pairs (required), e.g. engine=http://api:8080/graphql
//   PORT                      default 4000
//   HOST                      default 127.0.0.1 (0.0.0.0 in the image)
//   GATEWAY_POLL_INTERVAL_MS  re-compose interval; 0 turns polling off (default 30000)
//   GATEWAY_START_ATTEMPTS    composition attempts at start while subgraphs come up, 2 s apart (default 15)
import { pathToFileURL } from 'node:url';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { ApolloGateway, IntrospectAndCompose, RemoteGraphQLDataSource } from '@apollo/gateway';

/** `name=url,name=url` → [{ name, url }]; a malformed entry stops the start with a message naming it. */
export function parseSubgraphs(value) {
  const entries = (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  if (entries.length === 0) throw new Error('SUBGRAPHS is empty: set it to name=url pairs, e.g. engine=http://api:8080/graphql');
  return entries.map((entry) => {
    const at = entry.indexOf('=');
    const name = entry.slice(0, at).trim();
    const url = entry.slice(at + 1).trim();
    if (at <= 0 || !/^https?:\/\//.test(url)) throw new Error(`SUBGRAPHS entry "${entry}" is not name=http(s)://host:port/path`);
    return { name, url };
  });
}

function intFrom(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

function log(level, msg, fields = {}) {
  process.stdout.write(`${JSON.stringify({ level, time: Date.now(), name: 'oet-gateway', msg, ...fields })}\n`);
}

/** Starts the gateway; resolves with its URL and a stop function. */
export async function startGateway({ subgraphs, port, host, pollIntervalMs, startAttempts }) {
  // The subgraphs may still be starting (compose waits for their health checks, a bare `docker run` does not). A
  // server whose start failed cannot be started again, so each attempt builds a new gateway and server.
  for (let attempt = 1; ; attempt++) {
    const server = new ApolloServer({ gateway: createGateway(subgraphs, pollIntervalMs) });
    try {
      const { url } = await startStandaloneServer(server, {
        listen: { port, host },
        context: async ({ req }) => ({ authorization: req.headers.authorization }),
      });
      return { url, stop: () => server.stop() };
    } catch (error) {
      await server.stop().catch(() => undefined);
      if (attempt >= startAttempts) throw error;
      log(40, 'composition failed; retrying', { attempt, reason: error instanceof Error ? error.message : String(error) });
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
}

function createGateway(subgraphs, pollIntervalMs) {
  return new ApolloGateway({
    supergraphSdl: new IntrospectAndCompose({ subgraphs, ...(pollIntervalMs > 0 ? { pollIntervalInMs: pollIntervalMs } : {}) }),
    // Forward the caller's token to every subgraph: the engine authorises each request itself.
    buildService: ({ url }) =>
      new RemoteGraphQLDataSource({
        url,
        willSendRequest({ request, context }) {
          if (context.authorization) request.http?.headers.set('authorization', context.authorization);
        },
      }),
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const { url } = await startGateway({
      subgraphs: parseSubgraphs(process.env.SUBGRAPHS),
      port: intFrom('PORT', 4000),
      host: process.env.HOST || '127.0.0.1',
      pollIntervalMs: intFrom('GATEWAY_POLL_INTERVAL_MS', 30_000),
      startAttempts: Math.max(1, intFrom('GATEWAY_START_ATTEMPTS', 15)),
    });
    log(30, 'gateway started', { url });
  } catch (error) {
    log(60, 'gateway failed to start', { reason: error instanceof Error ? error.message : String(error) });
    process.exit(1);
  }
}
