import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { PACK_FORMAT, type CompiledPack } from './packTypes.js';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** `<dir>/<id>.pack.json.gz`: one file per compiled pack. */
export function packPath(dir: string, id: string): string {
  return path.join(dir, `${id}.pack.json.gz`);
}

const LOCK_FILE = 'packs.lock.json';

/** What the lock file records per pack: enough to verify the artifact and to tell whether its sources changed. */
export interface LockEntry {
  sha256: string;
  bytes: number;
  format: number;
  edition: string;
  sources: { file: string; sha256: string }[];
}

export type PackLock = Record<string, LockEntry>;

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Writes a compiled pack atomically (temp file, then rename) and records its checksum in the folder's lock file.
 * The JSON carries no timestamp and gzip writes none, so the same sources always give the same bytes.
 */
export async function writePack(dir: string, pack: CompiledPack): Promise<LockEntry> {
  await mkdir(dir, { recursive: true });
  const data = await gzipAsync(Buffer.from(JSON.stringify(pack)), { level: 9 });
  const target = packPath(dir, pack.id);
  const temp = `${target}.${process.pid}.tmp`;
  try {
    await writeFile(temp, data);
    await rename(temp, target);
  } finally {
    await rm(temp, { force: true });
  }
  const entry: LockEntry = { sha256: sha256(data), bytes: data.length, format: pack.format, edition: pack.edition, sources: pack.sources.map(({ file, sha256: s }) => ({ file, sha256: s })) };
  const lock = await readLock(dir);
  lock[pack.id] = entry;
  const sorted = Object.fromEntries(Object.entries(lock).sort(([a], [b]) => a.localeCompare(b)));
  await writeFile(path.join(dir, `${LOCK_FILE}.tmp`), `${JSON.stringify(sorted, null, 2)}\n`);
  await rename(path.join(dir, `${LOCK_FILE}.tmp`), path.join(dir, LOCK_FILE));
  return entry;
}

export async function readLock(dir: string): Promise<PackLock> {
  try {
    return JSON.parse(await readFile(path.join(dir, LOCK_FILE), 'utf8')) as PackLock;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new PackFileError(`${LOCK_FILE} is not valid JSON: ${(error as Error).message}`);
  }
}

/** A compiled pack that is missing, corrupt, of another format, or whose bytes differ from the lock. */
export class PackFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PackFileError';
  }
}

/** Reads a compiled pack, checking its checksum against the lock when the lock knows it. */
export async function readPack(dir: string, id: string, expected?: LockEntry): Promise<CompiledPack> {
  let data: Buffer;
  try {
    data = await readFile(packPath(dir, id));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new PackFileError(`pack "${id}" is not built`);
    throw error;
  }
  if (expected && sha256(data) !== expected.sha256) throw new PackFileError(`pack "${id}" does not match its checksum in ${LOCK_FILE}: rebuild it with "packs build ${id}"`);
  let pack: CompiledPack;
  try {
    pack = JSON.parse((await gunzipAsync(data)).toString('utf8')) as CompiledPack;
  } catch {
    throw new PackFileError(`pack "${id}" is corrupt (not gzip'd JSON): rebuild it with "packs build ${id}"`);
  }
  if (pack.format !== PACK_FORMAT) throw new PackFileError(`pack "${id}" has format ${pack.format}; this engine reads format ${PACK_FORMAT}: rebuild it`);
  if (pack.id !== id) throw new PackFileError(`file for pack "${id}" holds pack "${pack.id}"`);
  return pack;
}
