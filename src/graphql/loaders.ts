import DataLoader from 'dataloader';
import type { AccessScope } from '../auth/viewer.js';
import type { EngineServices } from '../app/EngineServices.js';
import type { ScopeArg } from '../app/ports.js';
import type { Loaders } from './context.js';

/**
 * One loader per entity, bound to the viewer's scope: a record the viewer may not see loads as null, exactly like
 * one that does not exist, so ids never leak. Batch functions return results aligned with the keys.
 */
export function createLoaders(services: EngineServices, scope: AccessScope): Loaders {
  const { stores, inference } = services;
  const visible = <T>(load: (ids: string[], scope: ScopeArg) => Promise<(T | null)[]>) =>
    new DataLoader<string, T | null>(async (ids) => (scope.kind === 'none' ? ids.map(() => null) : load([...ids], scope)));
  return {
    evaluation: visible((ids, s) => stores.evaluations.findByIds(ids, s)),
    medicalEntity: visible((ids, s) => stores.medicalEntities.findByIds(ids, s)),
    safetyReport: visible((ids, s) => stores.safetyReports.findByIds(ids, s)),
    // A manifest model whose file is missing throws MODEL_NOT_FOUND: that key fails, the others still load.
    modelInfo: new DataLoader(async (ids) =>
      ids.map((id) => {
        try {
          return inference.getModel(id) ?? null;
        } catch (error) {
          return error as Error;
        }
      }),
    ),
  };
}
