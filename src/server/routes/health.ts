import { Router } from 'express';
import type { EngineServices } from '../../app/EngineServices.js';
import { withoutPaths } from '../../knowledge/KnowledgeProvider.js';

/** `/health`: the process answers. `/ready`: the database, pub/sub and model registry can serve requests. */
export function healthRoutes(services: EngineServices): Router {
  const router = Router();
  const startedAt = Date.now();
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok', uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) });
  });
  router.get('/ready', async (_req, res) => {
    const [database, pubsub] = await Promise.all([
      check(() => services.pingDatabase()),
      check(() => services.events.ping()),
    ]);
    const models = services.inference.listModels();
    const stats = services.inference.stats();
    const modelsCheck = {
      ok: models.length > 0,
      configured: models.length,
      ready: models.filter((m) => m.state === 'ready').map((m) => m.id),
      failed: models.filter((m) => m.state === 'failed').map((m) => m.id),
      // The project's own recognisers always ship; an instance without an LLM still serves everything else.
      textGeneration: models.some((m) => m.task === 'text-generation'),
      backend: stats.backend,
      // Started with the first GGUF model, not at start-up: said here so that `backend: cpu` is not read as detected.
      ...(stats.runtime === undefined ? {} : { runtime: stats.runtime }),
      // What runs GGUF generation (OET_GGUF_RUNTIME); with llama-server, `runtime` above is only for token scoring.
      ggufRuntime: services.config.inference.ggufRuntime ?? 'node-llama-cpp',
      ...(models.length === 0 ? { error: `no model files found in ${services.config.modelsDirs.join(', ')}` } : {}),
    };
    const knowledge = knowledgeCheck(services);
    const ok = database.ok && pubsub.ok && modelsCheck.ok && knowledge.ok;
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'not ready', checks: { database, pubsub: { ...pubsub, transport: services.events.transport }, models: modelsCheck, knowledge } });
  });
  return router;
}

/** Knowledge packs load in the background at start: loading (or not yet asked for) is fine, a failed load is not. */
function knowledgeCheck(services: EngineServices): { ok: boolean; status: string; loadMs?: number; error?: string } {
  const state = services.knowledge.state;
  switch (state.status) {
    case 'ready':
      return { ok: true, status: 'ready', loadMs: Math.round(state.loadMs) };
    case 'failed':
      return { ok: false, status: 'failed', error: withoutPaths(state.message) };
    case 'loading':
    case 'idle':
      return { ok: true, status: state.status };
  }
}

async function check(probe: () => Promise<void>): Promise<{ ok: boolean; error?: string }> {
  try {
    await probe();
    return { ok: true };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}
