import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { reportCliError, runIfMain, UsageError, type CliIo } from './cliRunner.js';
import { PACK_CATALOG, findPackDefinition } from '../knowledge/packs/packCatalog.js';
import { buildPack, inDependencyOrder, packStatus, type PackLocations } from '../knowledge/packs/buildPacks.js';
import { importLicensedPack } from '../knowledge/packs/importLicensed.js';
import { licensedImporters } from '../knowledge/importers/index.js';
import { packLocations } from '../knowledge/packs/locations.js';
import { readLock, readPack } from '../knowledge/packs/packFiles.js';
import type { CompiledPack } from '../knowledge/packs/packTypes.js';

/** Where the CLI reads and writes; tests pass their own. `env` gives OET_DATA_DIR (default ./data) and OET_PACKS_DIR (default ./data/packs). */
export interface PacksCliIo extends CliIo {
  /** Override the shipped-pack and curated folders (tests build into a temp dir, never into the repository). */
  locations?: Partial<PackLocations>;
}

const USAGE = `Usage: npm run packs -- <command>
  list                         every pack: distribution, licence, edition, rows, status
  build [ID…] [--all]          compile packs from their sources (default: the shipped packs)
                               shipped packs are written to knowledge/packs, others to OET_PACKS_DIR
  import <ID> <FILE…>          compile a pack from files you supply: a newer edition of a shipped pack, an
                               opt-in pack, or a licensed terminology (rxnorm, snomed, loinc, umls)
  verify                       check every compiled pack against its checksum and format
Environment: OET_DATA_DIR (official source files, default ./data), OET_PACKS_DIR (default ./data/packs)
`;


function locationsOf(io: PacksCliIo): PackLocations {
  const defaults = packLocations({
    dataDir: path.resolve(io.cwd, io.env.OET_DATA_DIR ?? './data'),
    packsDir: path.resolve(io.cwd, io.env.OET_PACKS_DIR ?? './data/packs'),
  });
  return { ...defaults, ...io.locations };
}

function table(io: PacksCliIo, rows: string[][]): void {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  for (const row of rows) io.stdout.write(`${row.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd()}\n`);
}

function describeRows(pack: CompiledPack): string {
  return Object.entries(pack.rows).map(([k, v]) => `${k} ${v.toLocaleString('en-GB')}`).join(', ');
}

async function installed(locations: PackLocations, id: string): Promise<CompiledPack | undefined> {
  for (const dir of [locations.userDir, locations.shippedDir]) {
    const entry = (await readLock(dir))[id];
    if (entry) return readPack(dir, id, entry);
  }
  return undefined;
}

async function list(io: PacksCliIo): Promise<number> {
  const locations = locationsOf(io);
  const rows = [['ID', 'DISTRIBUTION', 'COMMERCIAL', 'EDITION', 'STATUS', 'ROWS', 'LICENCE']];
  const ids = [...PACK_CATALOG.map((d) => d.id), ...Object.keys(licensedImporters)];
  for (const id of ids) {
    const definition = findPackDefinition(id);
    const pack = await installed(locations, id).catch(() => undefined);
    const status = definition ? await packStatus(definition, locations) : pack ? 'ready' : 'missing';
    rows.push([
      id,
      definition?.distribution ?? 'licensed',
      (definition?.commercialUse ?? pack?.commercialUse ?? false) ? 'yes' : 'no',
      pack?.edition ?? '-',
      status,
      pack ? describeRows(pack) : '-',
      definition?.licence ?? licensedImporters[id as keyof typeof licensedImporters]?.licence ?? '',
    ]);
  }
  table(io, rows);
  io.stdout.write(`\nshipped packs: ${locations.shippedDir}\nmachine packs: ${locations.userDir}\nsource data: ${locations.dataDir}\n`);
  return 0;
}

/** A bar per pack on a TTY; plain "building X … done" lines otherwise. */
function progress(io: PacksCliIo, total: number) {
  if (io.progressTty?.isTTY) {
    const bar = new cliProgress.SingleBar({ stream: io.progressTty, format: 'packs [{bar}] {value}/{total} | {pack}', hideCursor: true }, cliProgress.Presets.shades_classic);
    bar.start(total, 0, { pack: '' });
    return { begin: (id: string) => bar.update({ pack: id }), end: (done: number) => bar.update(done), stop: () => bar.stop() };
  }
  return { begin: (id: string) => io.stderr.write(`building ${id} …\n`), end: () => undefined, stop: () => undefined };
}

async function build(args: string[], io: PacksCliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { all: { type: 'boolean' } }, allowPositionals: true });
  const ids = values.all ? PACK_CATALOG.map((d) => d.id) : positionals.length > 0 ? positionals : PACK_CATALOG.filter((d) => d.distribution === 'shipped').map((d) => d.id);
  const definitions = inDependencyOrder(ids);
  const locations = locationsOf(io);
  const built = new Map<string, CompiledPack>();
  const bar = progress(io, definitions.length);
  const started = performance.now();
  const lines: string[] = [];
  try {
    for (const [i, definition] of definitions.entries()) {
      bar.begin(definition.id);
      const t0 = performance.now();
      const { pack, lock, dir } = await buildPack(definition, locations, { built, signal: io.signal });
      lines.push(`${definition.id}: ${describeRows(pack)} (${((performance.now() - t0) / 1000).toFixed(1)} s, ${(lock.bytes / 1024).toFixed(0)} KiB → ${path.relative(io.cwd, dir) || '.'})`);
      bar.end(i + 1);
    }
  } finally {
    bar.stop();
  }
  for (const line of lines) io.stdout.write(`${line}\n`);
  io.stdout.write(`built ${definitions.length} pack(s) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return 0;
}

async function importCommand(args: string[], io: PacksCliIo): Promise<number> {
  const [id, ...files] = args;
  if (!id || files.length === 0) throw new UsageError('import needs a pack id and at least one file.');
  const locations = locationsOf(io);
  const paths = files.map((f) => path.resolve(io.cwd, f));
  const t0 = performance.now();
  let pack: CompiledPack;
  if (id in licensedImporters) {
    pack = await importLicensedPack(licensedImporters[id as keyof typeof licensedImporters], paths, locations, {
      signal: io.signal,
      onProgress: (lines) => io.stderr.write(`${id}: ${lines.toLocaleString('en-GB')} lines\r`),
    });
  } else {
    const definition = findPackDefinition(id);
    if (!definition) throw new UsageError(`No pack "${id}". Packs: ${[...PACK_CATALOG.map((d) => d.id), ...Object.keys(licensedImporters)].join(', ')}.`);
    ({ pack } = await buildPack(definition, locations, { files: paths, toUserDir: true, signal: io.signal }));
  }
  io.stdout.write(`${id}: ${describeRows(pack)} (${((performance.now() - t0) / 1000).toFixed(1)} s) → ${path.relative(io.cwd, locations.userDir) || '.'}\n`);
  return 0;
}

async function verify(io: PacksCliIo): Promise<number> {
  const locations = locationsOf(io);
  let failures = 0;
  for (const dir of [locations.shippedDir, locations.userDir]) {
    for (const [id, entry] of Object.entries(await readLock(dir))) {
      try {
        const pack = await readPack(dir, id, entry);
        io.stdout.write(`ok      ${id} (${pack.edition}; ${entry.sha256.slice(0, 12)})\n`);
      } catch (error) {
        failures++;
        io.stdout.write(`FAILED  ${id}: ${(error as Error).message}\n`);
      }
    }
  }
  return failures === 0 ? 0 : 1;
}

/** Runs one `packs` command; returns the exit code (0 ok, 1 failed, 2 wrong usage). */
export async function runPacksCli(argv: string[], io: PacksCliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'list':
        return await list(io);
      case 'build':
        return await build(rest, io);
      case 'import':
        return await importCommand(rest, io);
      case 'verify':
        return await verify(io);
      case 'help':
      case '--help':
      case '-h':
        io.stdout.write(USAGE);
        return 0;
      default:
        throw new UsageError(command === undefined ? 'No command given.' : `Unknown command "${command}".`);
    }
  } catch (error) {
    return reportCliError(error, io, { name: 'packs', command, usage: USAGE });
  }
}

await runIfMain(import.meta.url, runPacksCli);
