import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { PackDefinition } from './PackDefinition.js';
import { findPackDefinition } from './packCatalog.js';
import { readLock, readPack, sha256, writePack, type LockEntry } from './packFiles.js';
import { PACK_FORMAT, SourceFormatError, type CompiledPack, type PackBody, type PackSourceFile } from './packTypes.js';

/** Where packs are read from and written to. */
export interface PackLocations {
  /** Compiled packs that ship in the repository (knowledge/packs). */
  shippedDir: string;
  /** Packs built on this machine: opt-in packs, imports, rebuilt editions (OET_PACKS_DIR, default ./data/packs). */
  userDir: string;
  /** Official source files (OET_DATA_DIR). */
  dataDir: string;
  /** Our curated sources (knowledge/curated). */
  curatedDir: string;
}

export interface BuildOptions {
  /** Source files given by the user (`packs import`); default: the definition's own sources. */
  files?: string[];
  /** Write to the user dir even for a shipped pack (an import of a newer edition). */
  toUserDir?: boolean;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
  /** Packs compiled earlier in the same run, by id, so dependents use the fresh build. */
  built?: Map<string, CompiledPack>;
}

export interface BuildResult {
  pack: CompiledPack;
  lock: LockEntry;
  dir: string;
}

export function defaultSourcePaths(definition: PackDefinition, locations: PackLocations): string[] {
  return definition.sources.map((s) => path.join(s.root === 'data' ? locations.dataDir : locations.curatedDir, s.file));
}

/** The folder a pack's compiled file belongs in: shipped packs in the repository, everything else on this machine. */
export function targetDir(definition: PackDefinition, locations: PackLocations, toUserDir = false): string {
  return definition.distribution === 'shipped' && !toUserDir ? locations.shippedDir : locations.userDir;
}

/**
 * Compiles one pack from its sources and writes it atomically: a source that fails to parse throws a
 * SourceFormatError (file and line) before anything is written, so the previous compiled pack stays intact.
 */
export async function buildPack(definition: PackDefinition, locations: PackLocations, options: BuildOptions = {}): Promise<BuildResult> {
  const files = options.files ?? defaultSourcePaths(definition, locations);
  if (files.length !== definition.sources.length) {
    throw new SourceFormatError(definition.id, undefined, `expects ${definition.sources.length} file(s) (${definition.sources.map((s) => path.basename(s.file)).join(', ')}), got ${files.length}`);
  }
  const sources = await Promise.all(files.map(describeSource));
  const dependencies = new Map<string, PackBody>();
  for (const dependency of definition.dependsOn) dependencies.set(dependency, (await loadDependency(dependency, locations, options.built)).body);
  const output = await definition.build({ files, dependencies, signal: options.signal, onProgress: options.onProgress });
  options.signal?.throwIfAborted();
  const pack: CompiledPack = {
    format: PACK_FORMAT,
    id: definition.id,
    name: definition.name,
    edition: output.edition,
    licence: definition.licence,
    commercialUse: definition.commercialUse,
    ...(definition.attribution ? { attribution: definition.attribution } : {}),
    sources,
    rows: output.rows,
    builtAt: 'deterministic',
    body: output.body,
  };
  const dir = targetDir(definition, locations, options.toUserDir);
  const lock = await writePack(dir, pack);
  options.built?.set(definition.id, pack);
  return { pack, lock, dir };
}

async function describeSource(file: string): Promise<PackSourceFile> {
  try {
    const data = await readFile(file);
    return { file: path.basename(file), sha256: sha256(data), bytes: data.length };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new SourceFormatError(path.basename(file), undefined, 'the file does not exist (check OET_DATA_DIR)');
    if (code === 'EISDIR') throw new SourceFormatError(path.basename(file), undefined, 'this is a folder, not a file');
    throw error;
  }
}

/** A dependency's compiled body: this run's build, else the user's build, else the shipped one. */
async function loadDependency(id: string, locations: PackLocations, built?: Map<string, CompiledPack>): Promise<CompiledPack> {
  const fresh = built?.get(id);
  if (fresh) return fresh;
  const userLock = await readLock(locations.userDir);
  if (userLock[id]) return readPack(locations.userDir, id, userLock[id]);
  return readPack(locations.shippedDir, id, (await readLock(locations.shippedDir))[id]);
}

/**
 * Whether a pack must be (re)built: never built, built from other source bytes, or of an older format.
 * Sources that cannot be read count as "not stale" when a build exists (a shipped pack needs no data dir).
 */
export async function packStatus(definition: PackDefinition, locations: PackLocations): Promise<'ready' | 'missing' | 'stale'> {
  const dirs = definition.distribution === 'shipped' ? [locations.userDir, locations.shippedDir] : [locations.userDir];
  for (const dir of dirs) {
    const entry = (await readLock(dir))[definition.id];
    if (!entry) continue;
    if (entry.format !== PACK_FORMAT) return 'stale';
    if (dir === locations.userDir && definition.distribution === 'shipped') return 'ready';
    for (const [i, file] of defaultSourcePaths(definition, locations).entries()) {
      const exists = await stat(file).then(() => true, () => false);
      if (!exists) continue;
      if (sha256(await readFile(file)) !== entry.sources[i]?.sha256) return 'stale';
    }
    return 'ready';
  }
  return 'missing';
}

/** Packs in dependency order: each id after the ids it depends on (unknown ids are an error). */
export function inDependencyOrder(ids: readonly string[]): PackDefinition[] {
  const ordered: PackDefinition[] = [];
  const visit = (id: string, trail: string[]) => {
    const definition = findPackDefinition(id);
    if (!definition) throw new SourceFormatError(id, undefined, 'no pack has this id (see "packs list")');
    if (ordered.includes(definition)) return;
    if (trail.includes(id)) throw new Error(`pack dependency cycle: ${[...trail, id].join(' → ')}`);
    for (const dependency of definition.dependsOn) if (ids.includes(dependency)) visit(dependency, [...trail, id]);
    ordered.push(definition);
  };
  for (const id of ids) visit(id, []);
  return ordered;
}
