import path from 'node:path';
import { projectRoot } from '../../projectRoot.js';
import type { PackLocations } from './buildPacks.js';

export { projectRoot };

export interface PackLocationSettings {
  /** OET_DATA_DIR: official source files. */
  dataDir: string;
  /** OET_PACKS_DIR: packs built on this machine. */
  packsDir: string;
}

/** Shipped packs and curated sources live in the repository; the data dir and the user's packs are configured. */
export function packLocations(settings: PackLocationSettings): PackLocations {
  const root = projectRoot();
  return {
    shippedDir: path.join(root, 'knowledge/packs'),
    curatedDir: path.join(root, 'knowledge/curated'),
    dataDir: path.resolve(settings.dataDir),
    userDir: path.resolve(settings.packsDir),
  };
}
