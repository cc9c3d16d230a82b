import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { reportCliError, runIfMain, UsageError, type CliIo } from './cliRunner.js';
import { DomainError, ErrorCode } from '../errors.js';
import { readManifest, removeEntry, upsertEntry, writeManifest, type ManifestEntry } from '../inference/manifest.js';
import { ONNX_CANDIDATES } from '../inference/onnx/resolveOnnxFiles.js';
import { pullModel, type PullProgress } from '../inference/pull/pullModel.js';
import { pullOnnxFolder } from '../inference/pull/pullOnnxFolder.js';
import type { ModelTask } from '../inference/types.js';

/**
 * Where the CLI reads and writes; tests pass their own. `env` gives OET_MODELS_DIR (default ./models),
 * OET_MODEL_MANIFEST (default ./models/manifest.json) and HF_ENDPOINT.
 */
export interface ModelsCliIo extends CliIo {
  fetchImpl?: typeof fetch;
}

const USAGE = `Usage: npm run models -- <command>
  list                                   manifest models, their size and whether a model dir holds them
  pull <uri|id> [--id ID] [--sha256 HEX] [--task TASK]
                                         download (https://, http://, hf://owner/repo/path) into the first
                                         model dir and record it in the manifest; resumes partial downloads
  rm <id>                                delete the model from the first model dir and the manifest
Environment: OET_MODELS_DIR (dirs separated by "${path.delimiter}", default ./models),
             OET_MODEL_MANIFEST (default ./models/manifest.json), HF_ENDPOINT (default https://huggingface.co)
`;

const TASKS: readonly ModelTask[] = [
  'text-generation',
  'feature-extraction',
  'token-classification',
  'text-classification',
];


function settings(io: ModelsCliIo) {
  const dirs = (io.env.OET_MODELS_DIR ?? './models').split(path.delimiter).filter(Boolean);
  return {
    modelsDirs: (dirs.length > 0 ? dirs : ['./models']).map((d) => path.resolve(io.cwd, d)),
    manifestPath: path.resolve(io.cwd, io.env.OET_MODEL_MANIFEST ?? './models/manifest.json'),
  };
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** Size of a manifest entry's weights in `dir`: the .gguf file, or the graph of an ONNX folder; null if absent. */
async function weightsSize(dir: string, entry: ManifestEntry): Promise<number | null> {
  const target = path.join(dir, entry.file);
  const candidates = entry.format === 'onnx' ? ONNX_CANDIDATES.map((c) => path.join(target, c)) : [target];
  for (const candidate of candidates) {
    const s = await stat(candidate).catch(() => null);
    if (s?.isFile()) return s.size;
  }
  return null;
}

async function list(io: ModelsCliIo): Promise<number> {
  const { modelsDirs, manifestPath } = settings(io);
  const manifest = await readManifest(manifestPath);
  const rows: string[][] = [['ID', 'FORMAT', 'TASK', 'SIZE', 'STATUS']];
  for (const entry of manifest.models) {
    let found: { dir: string; size: number } | null = null;
    for (const dir of modelsDirs) {
      const size = await weightsSize(dir, entry);
      if (size !== null) {
        found = { dir, size };
        break;
      }
    }
    rows.push([
      entry.id,
      entry.format,
      entry.task,
      found ? formatBytes(found.size) : '-',
      found ? `present (${path.join(found.dir, entry.file)})` : 'missing',
    ]);
  }
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const row of rows) io.stdout.write(`${row.map((cell, c) => cell.padEnd(widths[c]!)).join('  ').trimEnd()}\n`);
  io.stdout.write(`\nmanifest: ${manifestPath}\nmodel dirs: ${modelsDirs.join(', ')}\n`);
  return 0;
}

/** A manifest-safe id from a name: lower-case, unsupported characters → "-". */
function toId(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+/, '') || 'model';
}

/** Default id: the file name without extension; for ONNX graphs (all called model*.onnx) the repo or folder name. */
function defaultId(uri: string, format: ManifestEntry['format']): string {
  const parts = uri.split('/').filter(Boolean);
  const file = parts.at(-1) ?? '';
  if (format === 'gguf') return toId(file.replace(/\.gguf$/i, ''));
  const folderParts = parts.slice(0, -1).filter((p) => p !== 'onnx');
  const repo = uri.startsWith('hf://') ? parts[2] : folderParts.at(-1);
  return toId((repo ?? file).split('@')[0]!);
}

/** Progress on a TTY as a bar; otherwise a plain line each 10% (or each 8 MiB when the size is unknown). */
function progressReporter(io: ModelsCliIo, label: string): { update(p: PullProgress): void; stop(): void } {
  if (io.progressTty?.isTTY) {
    const bar = new cliProgress.SingleBar(
      { stream: io.progressTty, format: `${label} [{bar}] {percentage}% | {value}/{total} bytes`, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(p) {
        if (!started) bar.start(p.totalBytes ?? 0, p.receivedBytes);
        started = true;
        if (p.totalBytes !== null) bar.setTotal(p.totalBytes);
        bar.update(p.receivedBytes);
      },
      stop: () => bar.stop(),
    };
  }
  let lastStep = -1;
  return {
    update(p) {
      const step = p.totalBytes ? Math.floor((p.receivedBytes / p.totalBytes) * 10) : Math.floor(p.receivedBytes / (8 << 20));
      if (step === lastStep) return;
      lastStep = step;
      const of = p.totalBytes ? ` of ${formatBytes(p.totalBytes)} (${step * 10}%)` : '';
      io.stdout.write(`${label}: ${formatBytes(p.receivedBytes)}${of}\n`);
    },
    stop: () => undefined,
  };
}

async function pull(args: string[], io: ModelsCliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { id: { type: 'string' }, sha256: { type: 'string' }, task: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) throw new UsageError(`pull takes one <uri> or manifest id; got ${positionals.length}.`);
  const { modelsDirs, manifestPath } = settings(io);
  const manifest = await readManifest(manifestPath);
  // `pull <id>` re-fetches a manifest entry from its recorded source, checked against its recorded checksum.
  const known = manifest.models.find((m) => m.id === positionals[0]);
  const uri = known?.sourceUri ?? positionals[0]!;
  if (!/^(https?|hf):\/\//.test(uri)) {
    throw new UsageError(`"${uri}" is neither a URI (https://, http://, hf://) nor a manifest id with a sourceUri.`);
  }
  const name = uri.split('/').pop() ?? '';
  const format: ManifestEntry['format'] | null = /\.gguf$/i.test(name) ? 'gguf' : /\.onnx$/i.test(name) ? 'onnx' : null;
  if (format === null) throw new UsageError(`Cannot tell the format of "${name}": pull a .gguf file or an .onnx graph.`);
  if (values.task !== undefined && !TASKS.includes(values.task as ModelTask)) {
    throw new UsageError(`--task must be one of ${TASKS.join(', ')}; got "${values.task}".`);
  }
  if (values.sha256 !== undefined && !/^[0-9a-fA-F]{64}$/.test(values.sha256)) {
    throw new UsageError(`--sha256 must be 64 hex digits; got "${values.sha256}".`);
  }
  const id = values.id ?? known?.id ?? defaultId(uri, format);
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(id)) throw new UsageError(`--id "${id}" must be lower-case letters, digits, ".", "_" and "-".`);
  const previous = manifest.models.find((m) => m.id === id);
  const defaultTask: ModelTask = format === 'gguf' ? 'text-generation' : 'feature-extraction';
  const task = (values.task as ModelTask | undefined) ?? previous?.task ?? defaultTask;
  // A recorded checksum is only trusted for the same source; a new URI without --sha256 is reported unverified.
  const recorded = previous?.sourceUri === uri ? (previous.sha256 ?? undefined) : undefined;
  const sha256 = values.sha256?.toLowerCase() ?? recorded;
  const file = previous?.file ?? (format === 'gguf' ? name : id);
  const target = path.join(modelsDirs[0]!, file);

  const progress = progressReporter(io, id);
  const common = {
    uri,
    onProgress: (p: PullProgress) => progress.update(p),
    ...(sha256 ? { sha256 } : {}),
    ...(io.signal ? { signal: io.signal } : {}),
    ...(io.fetchImpl ? { fetchImpl: io.fetchImpl } : {}),
    ...(io.env.HF_ENDPOINT ? { hfEndpoint: io.env.HF_ENDPOINT } : {}),
  };
  let result;
  try {
    result =
      format === 'gguf'
        ? await pullModel({ ...common, destinationPath: target })
        : await pullOnnxFolder({ ...common, folder: target });
  } finally {
    progress.stop();
  }
  const entry: ManifestEntry = {
    id,
    file,
    format,
    task,
    sha256: result.sha256,
    sourceUri: uri,
    description: previous?.description ?? '',
  };
  await mkdir(path.dirname(manifestPath), { recursive: true });
  await writeManifest(manifestPath, upsertEntry(manifest, entry));
  const how = result.resumed ? 'resumed and verified' : sha256 ? 'verified' : 'not verified: no --sha256 given';
  io.stdout.write(`${id}: ${formatBytes(result.bytes)} at ${result.path}, sha256 ${result.sha256} (${how})\n`);
  return 0;
}

/** True when `child` is strictly below `parent` (no "..", not the folder itself). */
function isInside(parent: string, child: string): boolean {
  const relative = path.relative(path.resolve(parent), path.resolve(child));
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

async function remove(args: string[], io: ModelsCliIo): Promise<number> {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
  if (positionals.length !== 1) throw new UsageError(`rm takes one model id; got ${positionals.length}.`);
  const id = positionals[0]!;
  const { modelsDirs, manifestPath } = settings(io);
  const manifest = await readManifest(manifestPath);
  const entry = manifest.models.find((m) => m.id === id);
  if (!entry) {
    io.stderr.write(`No model "${id}" in ${manifestPath}; \`models list\` shows the ids.\n`);
    return 1;
  }
  const ownDir = modelsDirs[0]!;
  const target = path.resolve(ownDir, entry.file);
  // Only the project's own model dir is ours to clean: shared or user folders (later in OET_MODELS_DIR, or a first
  // dir pointing outside the project such as ../shared/models) and manifest paths climbing out with ".." must
  // never lose files because an entry was removed.
  if (!isInside(ownDir, target) || !isInside(io.cwd, ownDir)) {
    io.stderr.write(
      `Not deleting ${target}: only files under the project's model dir (${ownDir}, inside ${io.cwd}) are ` +
        'deleted. Removing the manifest entry only.\n',
    );
  } else if (await stat(target).catch(() => null)) {
    await rm(target, { recursive: entry.format === 'onnx' });
    io.stdout.write(`Deleted ${target}\n`);
  } else {
    io.stdout.write(`No file at ${target}; removing the manifest entry only.\n`);
  }
  await rm(`${target}.partial`, { force: true });
  await writeManifest(manifestPath, removeEntry(manifest, id));
  io.stdout.write(`Removed "${id}" from ${manifestPath}\n`);
  return 0;
}

/** Runs one `models` command; returns the exit code (0 ok, 1 failure, 2 usage). Never calls process.exit. */
export async function runModelsCli(argv: string[], io: ModelsCliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'list':
        if (rest.length > 0) throw new UsageError('list takes no arguments.');
        return await list(io);
      case 'pull':
        return await pull(rest, io);
      case 'rm':
        return await remove(rest, io);
      case 'help':
      case '--help':
      case '-h':
        io.stdout.write(USAGE);
        return 0;
      default:
        throw new UsageError(command === undefined ? 'No command given.' : `Unknown command "${command}".`);
    }
  } catch (error) {
    const isUsage = (e: unknown) => e instanceof DomainError && e.code === ErrorCode.BAD_USER_INPUT;
    return reportCliError(error, io, { name: 'models', command, usage: USAGE, isUsage });
  }
}

// Ctrl-C stops a download cleanly (the partial file stays for a resume) instead of killing it mid-write.
await runIfMain(import.meta.url, runModelsCli);
