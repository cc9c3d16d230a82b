import { Router } from 'express';
import type { EngineServices } from '../../app/EngineServices.js';

/** Prometheus exposition of the engine's registry. */
export function metricsRoute(services: EngineServices): Router {
  const router = Router();
  router.get('/metrics', async (_req, res) => {
    res.type(services.metrics.registry.contentType).send(await services.metrics.registry.metrics());
  });
  return router;
}
