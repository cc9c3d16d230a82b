import type { Request, Response } from 'express';
import type { EngineServices } from '../../../app/EngineServices.js';
import type { TokenVerifier } from '../../../auth/createTokenVerifier.js';
import { modelNotFound } from '../../../inference/inferenceErrors.js';
import type { InferenceEngine, ModelTask } from '../../../inference/types.js';
import { admitUser } from '../../requestContext.js';
import { sendOpenAIError } from './openaiErrors.js';

/** The tasks the /v1 endpoints serve: generation (chat, completions) and embeddings. */
const SERVED: ReadonlySet<ModelTask> = new Set(['text-generation', 'feature-extraction']);

/** `created` is a model's creation time at OpenAI; here, when this server started (files carry no such date). */
const startedAt = Math.floor(Date.now() / 1000);

const entry = (id: string) => ({ id, object: 'model', created: startedAt, owned_by: 'oet-engine' });

/** Model ids and aliases usable through /v1 (an alias counts when its main variant serves one of those tasks). */
function servedIds(inference: InferenceEngine): string[] {
  const models = inference.listModels().filter((m) => SERVED.has(m.task));
  const ids = new Set(models.map((m) => m.id));
  const aliases = inference.listAliases().filter((a) => {
    const main = [...a.variants].sort((x, y) => y.weight - x.weight)[0];
    return main !== undefined && ids.has(main.modelId);
  });
  return [...models.map((m) => m.id), ...aliases.map((a) => a.name).filter((n) => !ids.has(n))];
}

/** `GET /v1/models` and `GET /v1/models/:model`: any signed-in user, like the GraphQL `models` query. */
export function modelsHandlers(services: EngineServices, verify: TokenVerifier) {
  const { logger, inference } = services;
  return {
    list: async (req: Request, res: Response): Promise<void> => {
      try {
        await admitUser(verify, services.rateLimits, req.header('authorization'), 'general');
        res.json({ object: 'list', data: servedIds(inference).map(entry) });
      } catch (error) {
        sendOpenAIError(res, error, logger);
      }
    },
    retrieve: async (req: Request, res: Response): Promise<void> => {
      try {
        await admitUser(verify, services.rateLimits, req.header('authorization'), 'general');
        const id = String(req.params.model);
        if (!servedIds(inference).includes(id)) throw modelNotFound(id);
        res.json(entry(id));
      } catch (error) {
        sendOpenAIError(res, error, logger);
      }
    },
  };
}
