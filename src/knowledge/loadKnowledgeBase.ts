import { findPackDefinition, PACK_CATALOG } from './packs/packCatalog.js';
import { buildPack, inDependencyOrder, packStatus, type PackLocations } from './packs/buildPacks.js';
import { readLock, readPack } from './packs/packFiles.js';
import type { CompiledPack } from './packs/packTypes.js';
import { KnowledgeBase } from './KnowledgeBase.js';
import type { EmbedTexts } from './icd10/Icd10Coder.js';

export interface LoadKnowledgeOptions {
  locations: PackLocations;
  /** Opt-in packs to load (OET_PACKS), built from the data dir when missing or stale. */
  optIn: readonly string[];
  embed?: EmbedTexts;
  /** Told about packs built at start-up. */
  onBuild?: (id: string, ms: number) => void;
  signal?: AbortSignal;
}

/** A setting or source problem that keeps the knowledge base from starting; the message says how to fix it. */
export class KnowledgeStartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KnowledgeStartupError';
  }
}

/**
 * Loads every shipped pack (a newer edition imported on this machine takes precedence), the licensed packs the
 * user imported, and the opt-in packs named in OET_PACKS — building those from OET_DATA_DIR when missing or stale.
 */
export async function loadKnowledgeBase(options: LoadKnowledgeOptions): Promise<KnowledgeBase> {
  const { locations } = options;
  for (const id of options.optIn) {
    const definition = findPackDefinition(id);
    if (!definition || definition.distribution !== 'opt-in') {
      const optional = PACK_CATALOG.filter((d) => d.distribution === 'opt-in').map((d) => d.id);
      throw new KnowledgeStartupError(`OET_PACKS names "${id}", which is not an opt-in pack (opt-in packs: ${optional.join(', ')}).`);
    }
  }
  for (const definition of inDependencyOrder([...options.optIn])) {
    if ((await packStatus(definition, locations)) === 'ready') continue;
    const started = performance.now();
    try {
      await buildPack(definition, locations, { signal: options.signal });
    } catch (error) {
      throw new KnowledgeStartupError(`OET_PACKS asks for "${definition.id}", but it could not be built from OET_DATA_DIR: ${(error as Error).message}`);
    }
    options.onBuild?.(definition.id, performance.now() - started);
  }
  const userLock = await readLock(locations.userDir);
  const shippedLock = await readLock(locations.shippedDir);
  const packs: CompiledPack[] = [];
  for (const definition of PACK_CATALOG) {
    if (definition.distribution === 'opt-in' && !options.optIn.includes(definition.id)) continue;
    const inUser = userLock[definition.id];
    if (inUser) packs.push(await readPack(locations.userDir, definition.id, inUser));
    else if (shippedLock[definition.id]) packs.push(await readPack(locations.shippedDir, definition.id, shippedLock[definition.id]));
    else throw new KnowledgeStartupError(`the shipped pack "${definition.id}" is missing: run "npm run packs -- build ${definition.id}" with OET_DATA_DIR set, or restore knowledge/packs from the repository.`);
  }
  for (const [id, entry] of Object.entries(userLock)) {
    if (!findPackDefinition(id)) packs.push(await readPack(locations.userDir, id, entry));
  }
  return new KnowledgeBase(packs, { embed: options.embed });
}
