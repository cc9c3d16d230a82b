import path from 'node:path';
import type { z } from 'zod';
import { SourceFormatError } from '../packs/packTypes.js';
import { readJsonSource } from './readTable.js';

/** Reads and validates one of our curated JSON files; a problem names the file and the JSON path of the bad entry. */
export async function readCurated<T extends z.ZodType>(file: string, schema: T, signal?: AbortSignal): Promise<z.infer<T>> {
  const raw = await readJsonSource(file, signal);
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SourceFormatError(path.basename(file), undefined, `at ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}

/** A curated reference to something a pack must resolve; an unresolvable one stops the build with its JSON path. */
export function unresolved(file: string, where: string, what: string): SourceFormatError {
  return new SourceFormatError(path.basename(file), undefined, `at ${where}: ${what}`);
}
