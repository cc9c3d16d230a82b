import type { LicensedImporter } from '../importers/index.js';
import type { PackLocations } from './buildPacks.js';
import { writePack } from './packFiles.js';
import { PACK_FORMAT, type CompiledPack } from './packTypes.js';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';

/**
 * Compiles a licensed terminology the user brings (RxNorm, SNOMED CT, LOINC, UMLS) into the user's pack folder.
 * Nothing of it is ever written into the repository.
 */
export async function importLicensedPack(
  importer: LicensedImporter,
  files: string[],
  locations: PackLocations,
  options: { signal?: AbortSignal; onProgress?: (lines: number) => void } = {},
): Promise<CompiledPack> {
  const { body, edition, rows } = await importer.importFiles(files, options);
  // Licensed releases run to gigabytes (MRCONSO.RRF): checksum them as streams, never whole in memory.
  const sources = await Promise.all(files.map(async (file) => ({ file: path.basename(file), ...(await hashFile(file, options.signal)) })));
  const pack: CompiledPack = {
    format: PACK_FORMAT,
    id: importer.id,
    name: importer.name,
    edition,
    licence: importer.licence,
    commercialUse: false,
    sources,
    rows,
    builtAt: 'deterministic',
    body,
  };
  await writePack(locations.userDir, pack);
  return pack;
}

async function hashFile(file: string, signal?: AbortSignal): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file, { signal })) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}
