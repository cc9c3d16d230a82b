import { boundedForLog } from './boundedForLog.js';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import { GraphQLError, type ExecutionResult, type GraphQLSchema } from 'graphql';
import type { EngineServices } from '../app/EngineServices.js';
import type { TokenVerifier } from '../auth/createTokenVerifier.js';
import { DomainError, ErrorCode } from '../errors.js';
import type { GraphQLContext } from '../graphql/context.js';
import { formatEngineError } from '../graphql/formatError.js';
import { createArmor, PARSE_OPTIONS } from './createArmor.js';
import { answerParserErrorsAsJson, jsonNotFound } from './jsonEdges.js';
import { createSubscriptionDrain } from './subscriptionDrain.js';
import { subscriptionDocuments } from './subscriptionDocuments.js';
import { createRequestContext, toContextError, viewerFromHeader } from './requestContext.js';
import { healthRoutes } from './routes/health.js';
import { metricsRoute } from './routes/metrics.js';
import { generateRoute } from './routes/generate.js';
import { openaiRoutes } from './routes/openai/openaiRoutes.js';
import { pagesRoutes } from './routes/pages.js';

export interface EngineServerOptions {
  services: EngineServices;
  schema: GraphQLSchema;
  verifyToken: TokenVerifier;
  /** Port to listen on; 0 picks a free one (tests). */
  port: number;
  /** Default 0.0.0.0. */
  host?: string;
}

export type EngineServerState =
  | { phase: 'created' }
  | { phase: 'listening'; url: string; port: number }
  | { phase: 'stopping' }
  | { phase: 'stopped' };

export interface EngineServer {
  readonly state: EngineServerState;
  /** http://host:port — GraphQL at /graphql (HTTP and graphql-ws). */
  start(): Promise<{ url: string; port: number }>;
  /** Stops accepting, lets in-flight requests finish, closes WebSockets. Safe to call twice. */
  stop(): Promise<void>;
}

/** HTTP and WebSocket on one port: Apollo Server over express, graphql-ws on the same server, health, metrics, REST. */
export function createEngineServer(options: EngineServerOptions): EngineServer {
  const { services, schema, verifyToken } = options;
  const { logger, config } = services;
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  answerParserErrorsAsJson(httpServer);
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: config.limits.maxBodyBytes });
  // Protocol errors on a socket (a message over maxPayload, bad framing) are the client's: ws has already closed the
  // socket with the right code (1009, 1002). Logged as JSON here instead of graphql-ws's console.error with a stack.
  wsServer.on('connection', (socket) => {
    const emit = socket.emit.bind(socket) as (event: string | symbol, ...args: unknown[]) => boolean;
    socket.emit = ((event: string | symbol, ...args: unknown[]) => {
      if (event !== 'error') return emit(event, ...args);
      const error = args[0] as { message?: string; code?: string } | undefined;
      logger.warn({ err: error?.message, code: error?.code }, 'websocket protocol error; connection closed');
      return true;
    }) as typeof socket.emit;
  });
  const armor = createArmor(config.limits);
  const logInternal = (error: unknown) => logger.error({ err: boundedForLog(error instanceof Error ? (error.stack ?? error.message) : String(error)) }, 'internal error hidden from client');

  const subscriptionDrain = createSubscriptionDrain();
  const documentOf = subscriptionDocuments(schema, armor.validationRules);
  const wsCleanup = useServer<Record<string, unknown>, { viewerContext?: GraphQLContext }>(
    {
      schema,
      validate: undefined,
      // The token goes in connection_init: { authorization: "Bearer …" }. No valid token, no connection (4403).
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const header = (params.authorization ?? params.Authorization) as string | undefined;
        try {
          const viewer = await viewerFromHeader(verifyToken, header);
          if (viewer.kind !== 'user') return false;
          ctx.extra.viewerContext = createRequestContext(services, viewer);
          subscriptionDrain.opened(ctx);
          // The connection lives no longer than its token: closed at expiry (4401), so streams and ADMIN operations
          // stop with it; the client reconnects with a fresh token.
          if (viewer.expiresAt !== undefined) {
            const socket = (ctx.extra as unknown as { socket: { close(code: number, reason: string): void; once(event: 'close', listener: () => void): void } }).socket;
            const timer = setTimeout(() => socket.close(4401, 'Token expired'), Math.max(0, viewer.expiresAt - Date.now()));
            timer.unref();
            socket.once('close', () => clearTimeout(timer));
          }
          return true;
        } catch {
          return false;
        }
      },
      onClose: (ctx) => subscriptionDrain.closed(ctx),
      // Each operation gets fresh loaders; the viewer is the connection's.
      context: (ctx) => createRequestContext(services, (ctx.extra.viewerContext as GraphQLContext).viewer),
      // Same parse and validation rules as HTTP (graphql-armor's limits included), so WebSocket clients get the same codes.
      onSubscribe: (ctx, _id, payload) => {
        if (subscriptionDrain.draining) {
          return [new GraphQLError('The server is shutting down; reconnect and subscribe again.', { extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } })];
        }
        const viewer = (ctx.extra.viewerContext as GraphQLContext | undefined)?.viewer;
        if (viewer?.kind === 'user' && viewer.expiresAt !== undefined && viewer.expiresAt <= Date.now()) {
          return [new GraphQLError('The token has expired; reconnect with a fresh one.', { extensions: { code: ErrorCode.UNAUTHENTICATED } })];
        }
        const document = documentOf(payload.query);
        if (Array.isArray(document)) return document;
        // Execution arguments: graphql-ws then neither parses nor validates again; it adds the context itself.
        return { schema, document, variableValues: payload.variables, operationName: payload.operationName };
      },
      onNext: (_ctx, _id, _payload, _args, result) => formatResult(result as ExecutionResult, logInternal),
      // An error thrown by the source stream part-way (a guardrail's SAFETY_BLOCKED, a timeout) ends the subscription
      // with an `error` message: it gets the same codes as every other error.
      onError: (_ctx, _id, _payload, errors) =>
        errors.map((e) => {
          // graphql-ws wraps the thrown error without a path, which Apollo's unwrapping needs: unwrap it here.
          const f = formatEngineError(e.toJSON(), e.originalError ?? e, logInternal);
          return new GraphQLError(f.message, { path: f.path, extensions: f.extensions });
        }),
    },
    wsServer,
  );
  // The WebSocket server re-emits the HTTP server's errors (a port in use), which start() already reports: graphql-ws's
  // listener would print them with a stack outside the JSON log.
  wsServer.removeAllListeners('error');
  wsServer.on('error', (error: Error) => logger.debug({ err: error.message }, 'websocket server error'));

  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    logger,
    validationRules: armor.validationRules,
    parseOptions: PARSE_OPTIONS,
    allowBatchedHttpRequests: false,
    // main.ts owns SIGINT/SIGTERM: Apollo's own handler stops it and re-sends the signal, which killed the process
    // before in-flight streams, generation records and audit rows were finished (exit by signal, never 0).
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    formatError: (formatted, error) => formatEngineError(formatted, error, logInternal),
    plugins: [
      // graphql-armor is built against Apollo's CommonJS typings; the plugin objects are the same at run time.
      ...(armor.plugins as unknown as ApolloServerPlugin<GraphQLContext>[]),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      { async serverWillStart() { return { async drainServer() { await wsCleanup.dispose(); } }; } },
      {
        async requestDidStart() {
          return {
            // Subscriptions stream over graphql-ws; over HTTP they would run once with no event and fail inside.
            async didResolveOperation({ operation }) {
              if (operation?.operation === 'subscription') {
                throw new GraphQLError('Subscriptions are served over graphql-ws (protocol graphql-transport-ws) at /graphql, not over HTTP POST.', {
                  extensions: { code: ErrorCode.BAD_REQUEST, http: { status: 400 } },
                });
              }
            },
            async willSendResponse({ response, operation }) {
              const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
              // No token answers like a bad one: 401 when nothing but UNAUTHENTICATED came back.
              const data = response.body.kind === 'single' ? response.body.singleResult.data : undefined;
              if (errors.length > 0 && (data === null || data === undefined) && errors.every((e) => e.extensions?.code === ErrorCode.UNAUTHENTICATED)) response.http.status = 401;
              services.metrics.graphqlRequests.inc({ operation_type: operation?.operation ?? 'unknown', outcome: errors.length ? 'error' : 'ok' });
              for (const e of errors) services.metrics.errors.inc({ code: typeof e.extensions?.code === 'string' ? e.extensions.code : 'UNKNOWN' });
            },
          };
        },
      },
    ],
  });

  let state: EngineServerState = { phase: 'created' };
  let stopping: Promise<void> | undefined;

  return {
    get state() {
      return state;
    },
    async start() {
      if (state.phase !== 'created') throw new Error(`start() called in phase ${state.phase}`);
      await apollo.start();
      app.use(healthRoutes(services));
      app.use(metricsRoute(services));
      app.use(pagesRoutes());
      // OpenAI-compatible API (parses its own bodies, answers errors in OpenAI's shape).
      app.use('/v1', openaiRoutes(services, verifyToken));
      app.use(express.json({ limit: config.limits.maxBodyBytes }));
      app.use(generateRoute(services, verifyToken));
      app.use(
        '/graphql',
        expressMiddleware(apollo, {
          context: async ({ req, res }) => {
            try {
              // A client that disconnects before the answer aborts the request's work (its sequence is freed at once).
              const controller = new AbortController();
              res.once('close', () => {
                if (!res.writableFinished) controller.abort(new DomainError(ErrorCode.CANCELLED, 'The client closed the connection before the answer.'));
              });
              return createRequestContext(services, await viewerFromHeader(verifyToken, req.header('authorization')), controller.signal);
            } catch (error) {
              throw toContextError(error);
            }
          },
        }),
      );
      app.use(jsonNotFound());
      app.use(jsonErrorHandler(logInternal));
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
      });
      const port = (httpServer.address() as AddressInfo).port;
      const url = `http://127.0.0.1:${port}`;
      state = { phase: 'listening', url, port };
      logger.info({ port }, 'OET AI Engine listening (GraphQL and graphql-ws at /graphql)');
      return { url, port };
    },
    stop() {
      stopping ??= (async () => {
        if (state.phase === 'created') {
          state = { phase: 'stopped' };
          return;
        }
        state = { phase: 'stopping' };
        // graphql-ws streams finish before Apollo's drain, which ends every socket without an HTTP request in flight
        // (an upgraded WebSocket has none) at once: a SIGTERM cut each stream before its final chunk. New connections
        // are refused meanwhile; the grace period is the HTTP drain's (10 s).
        httpServer.close();
        const cut = await subscriptionDrain.drain(10_000);
        if (cut > 0) logger.warn({ subscriptions: cut }, 'shutdown grace period over; closing graphql-ws streams still running');
        await apollo.stop();
        wsServer.close();
        state = { phase: 'stopped' };
      })();
      return stopping;
    },
  };
}

function formatResult(result: ExecutionResult, logInternal: (e: unknown) => void): ExecutionResult {
  if (!result.errors?.length) return result;
  return {
    ...result,
    errors: result.errors.map((e) => {
      const f = formatEngineError(e.toJSON(), e, logInternal);
      return new GraphQLError(f.message, { path: f.path, extensions: f.extensions });
    }),
  };
}

/** Body-parser failures (malformed JSON, oversize bodies) as GraphQL-shaped errors with stable codes. */
function jsonErrorHandler(logInternal: (e: unknown) => void) {
  return (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const e = error as { type?: string; status?: number; message?: string };
    if (e.type === 'entity.parse.failed') {
      return res.status(400).json({ errors: [{ message: 'The request body is not valid JSON.', extensions: { code: ErrorCode.BAD_REQUEST } }] });
    }
    if (e.type === 'entity.too.large') {
      return res.status(413).json({ errors: [{ message: 'The request body is larger than this server accepts.', extensions: { code: ErrorCode.INPUT_TOO_LARGE } }] });
    }
    if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
      return res.status(e.status).json({ errors: [{ message: e.message ?? 'Bad request', extensions: { code: ErrorCode.BAD_REQUEST } }] });
    }
    logInternal(error);
    return res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] });
  };
}

