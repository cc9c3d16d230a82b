/**
 * Streaming line input for the licensed-terminology importers, and the few helpers they all share. Release files
 * run to gigabytes (MRCONSO.RRF is ~15 GB), so they are read one line at a time, never whole; the reader also
 * honours cancellation and reports progress, so each importer only parses lines.
 */
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { types } from 'node:util';
import { SourceFormatError } from '../packs/packTypes.js';

export interface NumberedLine {
  /** The line without its terminator (LF or CRLF: RF2 files use CRLF) and, on line 1, without a UTF-8 BOM. */
  text: string;
  /** 1-based, as SourceFormatError reports it. */
  number: number;
}

export interface ReadLinesOptions {
  signal?: AbortSignal;
  progress?: LineProgress;
}

/** Counts lines across all files of one import and reports every `every` lines, so callers see one running total. */
export class LineProgress {
  #lines = 0;
  readonly #onProgress: ((linesRead: number) => void) | undefined;
  readonly #every: number;

  constructor(onProgress: ((linesRead: number) => void) | undefined, every = 10_000) {
    this.#onProgress = onProgress;
    this.#every = every;
  }

  tick(): void {
    this.#lines += 1;
    if (this.#onProgress !== undefined && this.#lines % this.#every === 0) this.#onProgress(this.#lines);
  }

  /** A last report for the lines since the previous one. */
  finish(): void {
    if (this.#onProgress !== undefined && this.#lines % this.#every !== 0) this.#onProgress(this.#lines);
  }
}

/** Yields a file's lines in order. A file that cannot be opened is a SourceFormatError without a line number. */
export async function* readLines(file: string, options: ReadLinesOptions = {}): AsyncGenerator<NumberedLine> {
  const { signal, progress } = options;
  signal?.throwIfAborted();
  const handle = await openReadable(file);
  const stream = handle.createReadStream({ encoding: 'utf8' });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let number = 0;
  try {
    for await (const text of lines) {
      // Checked per line: a cheap property read, and an abort then stops within one line of arriving.
      signal?.throwIfAborted();
      number += 1;
      progress?.tick();
      yield { text: number === 1 ? stripBom(text) : text, number };
    }
  } finally {
    lines.close();
    stream.destroy();
  }
}

/**
 * One RRF line at a time (`a|b|…|`: every field, the last included, ends in '|'), split by recording where each
 * field ends rather than allocating all of them: importers read a handful of a row's 16–18 fields, and on a
 * multi-gigabyte file the unused substrings were most of the garbage-collection time.
 */
export class RrfFields {
  readonly #file: string;
  readonly #count: number;
  readonly #ends: Int32Array;
  #text = '';

  /** `file` is the basename errors name; `count` how many fields every line must have. */
  constructor(file: string, count: number) {
    this.#file = file;
    this.#count = count;
    this.#ends = new Int32Array(count);
  }

  /** Points at a new line; a SourceFormatError unless it has exactly `count` '|'-terminated fields. */
  parse(text: string, line: number): this {
    let end = -1;
    for (let i = 0; i < this.#count; i += 1) {
      end = text.indexOf('|', end + 1);
      if (end === -1) break;
      this.#ends[i] = end;
    }
    if (end === -1 || end !== text.length - 1) throw this.#malformed(text, line);
    this.#text = text;
    return this;
  }

  /** Field `index` (0-based) of the current line. A substring of the line: `detach` it before keeping it. */
  field(index: number): string {
    return this.#text.slice(index === 0 ? 0 : this.#ends[index - 1] + 1, this.#ends[index]);
  }

  #malformed(text: string, line: number): SourceFormatError {
    const parts = text.split('|');
    const found = parts.at(-1) === '' ? parts.length - 1 : parts.length;
    const problem =
      found === this.#count
        ? `expected the line to end with '|' after its ${this.#count} fields`
        : `expected ${this.#count} |-separated fields, found ${found}`;
    return new SourceFormatError(this.#file, line, problem);
  }
}

/**
 * A copy of a string that shares no memory with the line it was cut from. V8 makes substrings (and strings built
 * from them) point into their parent, and readline's lines point into 64 KiB read chunks: keeping one name would
 * keep its whole chunk, i.e. the whole release file, alive. Everything a pack keeps goes through here.
 */
export function detach(text: string): string {
  return (' ' + text).slice(1);
}

/** Release directory and file names the user gave, without the directories above them (never shown to clients). */
export function pathSegments(file: string): string[] {
  return path.resolve(file).split(path.sep).filter((segment) => segment !== '');
}

async function openReadable(file: string): Promise<FileHandle> {
  const name = path.basename(file);
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    // The system message names the full path, which must not reach clients: describe the code instead.
    throw new SourceFormatError(name, undefined, describeOpenError(error));
  }
  const stats = await handle.stat();
  if (!stats.isFile()) {
    await handle.close();
    throw new SourceFormatError(name, undefined, 'not a regular file');
  }
  return handle;
}

function describeOpenError(error: unknown): string {
  // isNativeError, not instanceof: fs errors may come from another realm (a Jest sandbox, a vm context).
  const code = types.isNativeError(error) && 'code' in error ? String(error.code) : 'unknown error';
  switch (code) {
    case 'ENOENT':
      return 'file not found';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, expected a file';
    default:
      return `cannot open the file (${code})`;
  }
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * Sorts the given paths into the roles an importer reads, by basename. `roleOf` answers 'ignored' for other files
 * of the same release (so a user may pass a whole release folder's files) and undefined for anything else, which is
 * refused: a misnamed file silently skipped would yield a pack quietly missing its data.
 */
export function assignFiles<Role extends string>(
  paths: readonly string[],
  roleOf: (basename: string) => Role | 'ignored' | undefined,
  expected: string,
): { files: Map<Role, string[]>; ignored: number } {
  const files = new Map<Role, string[]>();
  let ignored = 0;
  for (const file of paths) {
    const name = path.basename(file);
    const role = roleOf(name);
    if (role === undefined) throw new SourceFormatError(name, undefined, `not a file this importer reads; expected ${expected}`);
    if (role === 'ignored') {
      ignored += 1;
      continue;
    }
    files.set(role, [...(files.get(role) ?? []), file]);
  }
  return { files, ignored };
}

/** The file given for a role, if any; `name` is how the error names it when it was given more than once. */
export function atMostOneFile(files: readonly string[] | undefined, name: string): string | undefined {
  if (files !== undefined && files.length > 1) throw new SourceFormatError(name, undefined, `given ${files.length} times; pass it once`);
  return files?.[0];
}

/** The file given for a role, which the import needs; `missing` says where the user finds it. */
export function oneFile(files: readonly string[] | undefined, name: string, missing: string): string {
  const file = atMostOneFile(files, name);
  if (file === undefined) throw new SourceFormatError(name, undefined, `missing: ${missing}`);
  return file;
}

/**
 * Other names for a concept: trimmed, non-empty, distinct ignoring case, without the preferred name, in input
 * order, at most `cap` of them (some UMLS concepts carry hundreds of strings).
 */
export function distinctNames(name: string, candidates: Iterable<string>, cap = Number.POSITIVE_INFINITY): string[] {
  const seen = new Set([name.toLowerCase()]);
  const names: string[] = [];
  for (const candidate of candidates) {
    if (names.length >= cap) break;
    const trimmed = candidate.trim();
    const key = trimmed.toLowerCase();
    if (trimmed === '' || seen.has(key)) continue;
    seen.add(key);
    names.push(detach(trimmed));
  }
  return names;
}
