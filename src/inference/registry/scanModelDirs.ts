import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** A model file or folder found on disk. */
export type ScannedModel =
  | { format: 'gguf'; path: string }
  /** `path` is the folder; `onnxFile` the weights file inside it. */
  | { format: 'onnx'; path: string; onnxFile: string };

/** Deepest folder level searched below each model directory (the directory itself is level 0). */
export const MAX_SCAN_DEPTH = 3;

/**
 * Finds `*.gguf` files and ONNX model folders (a folder with `onnx/*.onnx` or `*.onnx` beside config.json or
 * tokenizer.json) under each directory, at most {@link MAX_SCAN_DEPTH} levels deep. Missing or unreadable
 * directories are skipped: a typo in OET_MODELS_DIR must not stop the service.
 */
export async function scanModelDirs(dirs: readonly string[]): Promise<ScannedModel[]> {
  const found: ScannedModel[] = [];
  const seen = new Set<string>();
  for (const dir of dirs) await walk(path.resolve(dir), 0, found, seen);
  return found;
}

async function walk(dir: string, depth: number, found: ScannedModel[], seen: Set<string>): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  const names = new Set(entries.map((e) => e.name));
  // Symlinked models (a shared store linked into a models dir) count as what they point at.
  const kinds = await Promise.all(entries.map((e) => kindOf(dir, e)));
  const onnx = await findOnnxFile(dir, entries.filter((_, i) => kinds[i] === 'file').map((e) => e.name), names);
  if (onnx !== undefined && !seen.has(dir)) {
    seen.add(dir);
    found.push({ format: 'onnx', path: dir, onnxFile: onnx });
  }
  for (const [i, entry] of entries.entries()) {
    const full = path.join(dir, entry.name);
    if (kinds[i] === 'file' && entry.name.toLowerCase().endsWith('.gguf') && !seen.has(full)) {
      seen.add(full);
      found.push({ format: 'gguf', path: full });
    } else if (kinds[i] === 'dir' && depth < MAX_SCAN_DEPTH && !entry.name.startsWith('.') && entry.name !== 'onnx') {
      await walk(full, depth + 1, found, seen);
    }
  }
}

async function kindOf(dir: string, entry: Dirent): Promise<'file' | 'dir' | 'other'> {
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'dir';
  if (!entry.isSymbolicLink()) return 'other';
  const target = await stat(path.join(dir, entry.name)).catch(() => undefined);
  return target?.isFile() ? 'file' : target?.isDirectory() ? 'dir' : 'other';
}

async function findOnnxFile(dir: string, files: string[], names: Set<string>): Promise<string | undefined> {
  if (!names.has('config.json') && !names.has('tokenizer.json')) return undefined;
  const direct = pickOnnx(files);
  if (direct !== undefined) return path.join(dir, direct);
  if (!names.has('onnx')) return undefined;
  try {
    const inner = await readdir(path.join(dir, 'onnx'));
    const picked = pickOnnx(inner);
    if (picked === undefined) return undefined;
    const full = path.join(dir, 'onnx', picked);
    return (await stat(full)).isFile() ? full : undefined;
  } catch {
    return undefined;
  }
}

/** Prefers the quantized export when a folder holds several (it is what the manifest ships). */
function pickOnnx(files: string[]): string | undefined {
  const onnx = files.filter((f) => f.endsWith('.onnx')).sort();
  return onnx.find((f) => /quant|int8/i.test(f)) ?? onnx[0];
}
