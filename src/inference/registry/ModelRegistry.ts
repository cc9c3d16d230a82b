import { stat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { readManifest, type ManifestEntry, type RemoteManifestEntry } from '../manifest.js';
import { publicBaseUrl } from '../remote/RemoteTarget.js';
import { badInput, modelNotFound } from '../inferenceErrors.js';
import type { AliasInfo, AliasVariant } from '../types.js';
import { describeGguf } from './describeGguf.js';
import { describeOnnx } from './describeOnnx.js';
import type { ModelRecord } from './ModelRecord.js';
import { pickVariant, primaryVariant } from './pickVariant.js';
import { scanModelDirs, type ScannedModel } from './scanModelDirs.js';

/** Options of {@link ModelRegistry}. */
export interface ModelRegistryOptions {
  /** Directories searched in order; a manifest `file` resolves against the first that has it. */
  modelsDirs: readonly string[];
  /** Path of models/manifest.json; a missing file is an empty manifest. */
  manifestPath: string;
}

/** A resolved request target: the model to serve and the alias it came through (null for a plain id). */
export interface ResolvedTarget {
  record: ModelRecord;
  alias: string | null;
}

/**
 * What models exist and what aliases point where. Manifest entries win over scanned files (same path); scanned
 * files not in the manifest get their lower-cased file name as id. Aliases set at runtime (`setAlias`) override the
 * manifest's and survive `refresh()`.
 */
export class ModelRegistry {
  readonly #options: ModelRegistryOptions;
  #records = new Map<string, ModelRecord>();
  #manifestAliases = new Map<string, AliasVariant[]>();
  readonly #runtimeAliases = new Map<string, AliasVariant[]>();

  constructor(options: ModelRegistryOptions) {
    this.#options = options;
  }

  async refresh(): Promise<void> {
    const manifest = await readManifest(this.#options.manifestPath);
    const scanned = await scanModelDirs(this.#options.modelsDirs);
    const records = new Map<string, ModelRecord>();
    const claimed = new Set<string>();
    for (const entry of manifest.models) {
      const record = await this.#fromManifest(entry);
      records.set(record.id, record);
      if (record.missingFile === null) claimed.add(record.path);
    }
    for (const entry of manifest.remoteModels) records.set(entry.id, fromRemote(entry));
    for (const found of scanned) {
      if (claimed.has(found.path)) continue;
      const id = idFromPath(found.path);
      if (records.has(id)) continue;
      records.set(id, await fromScan(id, found));
      claimed.add(found.path);
    }
    this.#records = records;
    this.#manifestAliases = new Map(Object.entries(manifest.aliases).map(([k, v]) => [k, v.map((x) => ({ ...x }))]));
  }

  /** Models whose files exist. */
  list(): ModelRecord[] {
    return [...this.#records.values()].filter((r) => r.missingFile === null);
  }

  /** By id, including manifest entries whose file is missing. */
  find(id: string): ModelRecord | undefined {
    return this.#records.get(id);
  }

  /** By id; throws MODEL_NOT_FOUND for unknown ids and, with a pull hint, for missing files. */
  require(id: string): ModelRecord {
    const record = this.#records.get(id);
    if (record === undefined) throw modelNotFound(id);
    if (record.missingFile !== null) {
      const pull = record.sourceUri ? `npm run models -- pull ${record.sourceUri}` : 'copy it there';
      throw modelNotFound(
        id,
        `Model "${id}" is in the manifest but its file "${record.missingFile}" is in none of the model directories (${this.#options.modelsDirs.join(', ')}). Get it with \`${pull}\`.`,
      );
    }
    return record;
  }

  aliasVariants(name: string): AliasVariant[] | undefined {
    return this.#runtimeAliases.get(name) ?? this.#manifestAliases.get(name);
  }

  listAliases(): AliasInfo[] {
    const names = new Set([...this.#manifestAliases.keys(), ...this.#runtimeAliases.keys()]);
    return [...names].sort().map((name) => ({ name, variants: this.aliasVariants(name)!.map((v) => ({ ...v })) }));
  }

  aliasesOf(modelId: string): string[] {
    return this.listAliases()
      .filter((a) => a.variants.some((v) => v.modelId === modelId))
      .map((a) => a.name);
  }

  /** Validates and stores an alias; returns the model ids the alias pointed at before. */
  setAlias(name: string, variants: readonly AliasVariant[]): { info: AliasInfo; previous: string[] } {
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) {
      throw badInput(`An alias name is letters, digits, ".", "_" and "-"; got "${name}".`);
    }
    if (variants.length === 0) throw badInput(`Alias "${name}" needs at least one variant; got none.`);
    for (const v of variants) {
      if (!Number.isFinite(v.weight) || v.weight <= 0) {
        throw badInput(`Variant weights are positive numbers; "${v.modelId}" has weight ${v.weight}.`);
      }
      this.require(v.modelId);
    }
    const previous = (this.aliasVariants(name) ?? []).map((v) => v.modelId);
    const copy = variants.map((v) => ({ modelId: v.modelId, weight: v.weight }));
    this.#runtimeAliases.set(name, copy);
    return { info: { name, variants: copy.map((v) => ({ ...v })) }, previous };
  }

  /** A model id wins over an alias of the same name; an alias picks a variant by weight. */
  resolve(idOrAlias: string, random: () => number): ResolvedTarget {
    if (this.#records.has(idOrAlias)) return { record: this.require(idOrAlias), alias: null };
    const variants = this.aliasVariants(idOrAlias);
    if (variants === undefined) throw modelNotFound(idOrAlias);
    return { record: this.require(pickVariant(variants, random).modelId), alias: idOrAlias };
  }

  /** Like resolve, but an alias gives its highest-weight variant (no randomness); undefined when unknown. */
  resolvePrimary(idOrAlias: string): ResolvedTarget | undefined {
    if (this.#records.has(idOrAlias)) return { record: this.require(idOrAlias), alias: null };
    const variants = this.aliasVariants(idOrAlias);
    if (variants === undefined) return undefined;
    return { record: this.require(primaryVariant(variants).modelId), alias: idOrAlias };
  }

  async #fromManifest(entry: ManifestEntry): Promise<ModelRecord> {
    for (const dir of this.#options.modelsDirs) {
      const full = path.resolve(dir, entry.file);
      const found = await probe(full, entry.format);
      if (found === undefined) continue;
      const record = await fromScan(entry.id, found);
      return { ...record, task: entry.task, sha256: entry.sha256, sourceUri: entry.sourceUri };
    }
    return {
      id: entry.id,
      name: entry.id,
      format: entry.format,
      task: entry.task,
      path: path.resolve(this.#options.modelsDirs[0] ?? '.', entry.file),
      onnxFile: null,
      fileSizeBytes: 0,
      architecture: null,
      parameterCount: null,
      quantization: null,
      contextLength: null,
      sha256: entry.sha256,
      sourceUri: entry.sourceUri,
      missingFile: entry.file,
      headerError: null,
    };
  }
}

/** The manifest `file` as found on disk: a .gguf file, or an ONNX folder (or the .onnx file itself). */
async function probe(full: string, format: 'gguf' | 'onnx'): Promise<ScannedModel | undefined> {
  const info = await stat(full).catch(() => undefined);
  if (info === undefined) return undefined;
  if (format === 'gguf') return info.isFile() ? { format, path: full } : undefined;
  if (info.isFile()) return { format, path: path.dirname(full), onnxFile: full };
  const scanned = await scanModelDirs([full]);
  const own = scanned.find((s) => s.format === 'onnx' && s.path === full);
  if (own !== undefined) return own;
  // A bare folder with model.onnx but no config: still usable.
  const files = await readdir(full).catch(() => [] as string[]);
  const onnx = files.find((f) => f.endsWith('.onnx'));
  return onnx === undefined ? undefined : { format, path: full, onnxFile: path.join(full, onnx) };
}

async function fromScan(id: string, found: ScannedModel): Promise<ModelRecord> {
  if (found.format === 'gguf') {
    const [size, d] = await Promise.all([stat(found.path).then((s) => s.size), describeGguf(found.path)]);
    return {
      id,
      name: path.basename(found.path),
      format: 'gguf',
      task: 'text-generation',
      path: found.path,
      onnxFile: null,
      fileSizeBytes: size,
      architecture: d.architecture,
      parameterCount: d.parameterCount,
      quantization: d.quantization,
      contextLength: d.contextLength,
      sha256: null,
      sourceUri: null,
      missingFile: null,
      headerError: d.error,
    };
  }
  const [size, d] = await Promise.all([stat(found.onnxFile).then((s) => s.size), describeOnnx(found.path, found.onnxFile)]);
  return {
    id,
    name: path.basename(found.path),
    format: 'onnx',
    task: 'feature-extraction',
    path: found.path,
    onnxFile: found.onnxFile,
    fileSizeBytes: size,
    architecture: d.architecture,
    parameterCount: null,
    quantization: d.quantization,
    contextLength: d.contextLength,
    sha256: null,
    sourceUri: null,
    missingFile: null,
    headerError: null,
  };
}

function fromRemote(entry: RemoteManifestEntry): ModelRecord {
  return {
    id: entry.id,
    name: entry.remote.model,
    format: 'remote',
    task: entry.task,
    path: publicBaseUrl(entry.remote.baseUrl),
    onnxFile: null,
    fileSizeBytes: 0,
    architecture: null,
    parameterCount: null,
    quantization: null,
    contextLength: entry.contextLength,
    sha256: null,
    sourceUri: null,
    missingFile: null,
    headerError: null,
    remote: { ...entry.remote },
  };
}

/** `…/SmolLM2-135M.Q4_1.gguf` → `smollm2-135m.q4_1`; an ONNX folder → its lower-cased name. */
export function idFromPath(p: string): string {
  const base = path.basename(p).replace(/\.gguf$/i, '');
  return base.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+/, '') || 'model';
}
