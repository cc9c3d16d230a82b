import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PackLocations } from './buildPacks.js';

/** The project folder (where package.json is), found from this module so it works from src/ and from dist/. */
export function projectRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the project folder (no package.json above the knowledge module)');
    dir = parent;
  }
  return dir;
}

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
