import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { EngineServices } from '../app/EngineServices.js';
import type { EngineServer, EngineServerState } from './createEngineServer.js';
import { healthRoutes } from './routes/health.js';
import { metricsRoute } from './routes/metrics.js';

/** The worker role's HTTP: /health, /ready and /metrics only; no GraphQL, no REST (its work comes from the queues). */
export function createWorkerServer(options: { services: EngineServices; port: number; host?: string }): EngineServer {
  const { services } = options;
  const app = express();
  app.disable('x-powered-by');
  app.use(healthRoutes(services));
  app.use(metricsRoute(services));
  const httpServer = http.createServer(app);
  let state: EngineServerState = { phase: 'created' };
  let stopping: Promise<void> | undefined;
  return {
    get state() {
      return state;
    },
    async start() {
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
      });
      const port = (httpServer.address() as AddressInfo).port;
      const url = `http://127.0.0.1:${port}`;
      state = { phase: 'listening', url, port };
      services.logger.info({ port }, 'OET AI Engine worker listening (/health, /ready, /metrics)');
      return { url, port };
    },
    stop() {
      stopping ??= (async () => {
        state = { phase: 'stopping' };
        const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
        httpServer.closeAllConnections();
        await closed;
        state = { phase: 'stopped' };
      })();
      return stopping;
    },
  };
}
