import { readFile, writeFile, rename } from 'node:fs/promises';
import { z } from 'zod';

/**
 * `models/manifest.json`: the models this service knows by id, where each comes from and its checksum. Files are
 * looked up relative to each configured model directory in turn; weights are never committed.
 */
const ManifestEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'ids are lower-case letters, digits, ".", "_" and "-"'),
  /** Path relative to a model directory: a .gguf file, or an ONNX model folder. */
  file: z.string().min(1),
  format: z.enum(['gguf', 'onnx']),
  task: z.enum(['text-generation', 'feature-extraction', 'token-classification', 'text-classification']),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).nullable().default(null),
  /** `https://…` or `hf://owner/repo/path/in/repo`. */
  sourceUri: z.string().nullable().default(null),
  description: z.string().default(''),
});

/**
 * A model served by an OpenAI-compatible server (llama-server, vLLM, Ollama, another OET engine) instead of a local
 * file. Its id works everywhere a local id does: requests, aliases, A/B variants, ModelInfo.
 */
const RemoteEntrySchema = z
  .object({
    id: ManifestEntrySchema.shape.id,
    task: z.enum(['text-generation', 'feature-extraction']).default('text-generation'),
    remote: z
      .object({
        /** The server's OpenAI base URL, `/v1` included: `http://gpu-box:8080/v1`. */
        baseUrl: z.url({ protocol: /^https?$/ }),
        /** The model name the server lists at `/v1/models`. */
        model: z.string().min(1),
        /** Environment variable holding the bearer token for that server (never the token itself). */
        apiKeyEnv: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name').nullable().default(null),
        /** Per-request limit in ms; default OET_REQUEST_TIMEOUT_MS. */
        timeoutMs: z.number().int().positive().nullable().default(null),
      })
      .strict(),
    contextLength: z.number().int().positive().nullable().default(null),
    description: z.string().default(''),
  })
  .strict();

const ManifestSchema = z.object({
  models: z.array(ManifestEntrySchema).default([]),
  remoteModels: z.array(RemoteEntrySchema).default([]),
  aliases: z
    .record(z.string(), z.array(z.object({ modelId: z.string(), weight: z.number().positive() })).min(1))
    .default({}),
});

export type ManifestEntry = z.infer<typeof ManifestEntrySchema>;
export type RemoteManifestEntry = z.infer<typeof RemoteEntrySchema>;
export type Manifest = z.infer<typeof ManifestSchema>;

export const emptyManifest = (): Manifest => ({ models: [], remoteModels: [], aliases: {} });

/** Reads and validates a manifest; a missing file is an empty manifest. */
export async function readManifest(manifestPath: string): Promise<Manifest> {
  let raw: string;
  try {
    raw = await readFile(manifestPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyManifest();
    throw error;
  }
  const parsed = ManifestSchema.safeParse(JSON.parse(raw));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Model manifest ${manifestPath} is invalid: ${problems}`);
  }
  const ids = new Set<string>();
  for (const entry of [...parsed.data.models, ...parsed.data.remoteModels]) {
    if (ids.has(entry.id)) throw new Error(`Model manifest ${manifestPath} lists "${entry.id}" twice`);
    ids.add(entry.id);
  }
  return parsed.data;
}

/** Writes atomically (temp file + rename) so a crash never leaves half a manifest. */
export async function writeManifest(manifestPath: string, manifest: Omit<Manifest, 'remoteModels'> & { remoteModels?: RemoteManifestEntry[] }): Promise<void> {
  const tmp = `${manifestPath}.${process.pid}.tmp`;
  // A manifest without remote models is written as it was before they existed.
  const { remoteModels, ...local } = manifest;
  await writeFile(tmp, `${JSON.stringify(remoteModels?.length ? manifest : local, null, 2)}\n`);
  await rename(tmp, manifestPath);
}

/** Adds or replaces the entry with the same id. */
export function upsertEntry(manifest: Manifest, entry: ManifestEntry): Manifest {
  return { ...manifest, models: [...manifest.models.filter((m) => m.id !== entry.id), entry] };
}

/** Removes an entry and any alias variants that point at it (aliases left empty are removed). */
export function removeEntry(manifest: Manifest, id: string): Manifest {
  const aliases: Manifest['aliases'] = {};
  for (const [name, variants] of Object.entries(manifest.aliases)) {
    const kept = variants.filter((v) => v.modelId !== id);
    if (kept.length > 0) aliases[name] = kept;
  }
  return { ...manifest, models: manifest.models.filter((m) => m.id !== id), aliases };
}
