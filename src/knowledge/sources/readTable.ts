import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CsvError, parse } from 'csv-parse/sync';
import { SourceFormatError } from '../packs/packTypes.js';

/** One data row of a delimited file: cells by column name, and the 1-based line it started on (for errors). */
export interface TableRow {
  line: number;
  get(column: string): string;
}

export interface ReadTableOptions {
  delimiter: ',' | '\t';
  /** Columns that must be in the header; a file without them is rejected on line 1. */
  required: readonly string[];
  signal?: AbortSignal;
  /**
   * A free-text column that may itself contain the delimiter unquoted (Drugs@FDA's `Form` holds a stray tab on a few
   * rows): surplus cells are joined back into it instead of rejecting the row.
   */
  mergeSurplusInto?: string;
}

/**
 * Reads a whole CSV or TSV file with a header row (csv-parse), checking its columns and the cell count of every row.
 * Errors name the file (never its directory) and the line, so a user can open the file and fix it.
 */
export async function readTable(filePath: string, options: ReadTableOptions): Promise<TableRow[]> {
  const file = path.basename(filePath);
  const content = await readSource(filePath, options.signal);
  if (content.includes('\u0000')) throw new SourceFormatError(file, undefined, 'this is a binary file, not delimited text');
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(content, {
      delimiter: options.delimiter,
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      quote: options.delimiter === ',' ? '"' : false,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    if (error instanceof CsvError) {
      const line = typeof error.lines === 'number' ? error.lines : undefined;
      throw new SourceFormatError(file, line, error.message.replace(/^Invalid [^:]*: /, ''));
    }
    throw error;
  }
  const header = records.shift();
  if (!header) throw new SourceFormatError(file, 1, 'the file is empty: expected a header row');
  const index = new Map(header.record.map((name, i) => [name.trim(), i]));
  const missing = options.required.filter((column) => !index.has(column));
  if (missing.length > 0) {
    throw new SourceFormatError(file, 1, `the header lacks ${missing.map((c) => `"${c}"`).join(', ')} (found ${header.record.slice(0, 8).join(', ')})`);
  }
  const width = header.record.length;
  const mergeAt = options.mergeSurplusInto === undefined ? undefined : index.get(options.mergeSurplusInto);
  return records.map(({ record: raw, info }) => {
    const record = mergeAt !== undefined && raw.length > width ? mergeSurplus(raw, mergeAt, raw.length - width, options.delimiter) : raw;
    if (record.length !== width) {
      throw new SourceFormatError(file, info.lines, `expected ${width} fields as in the header, found ${record.length}`);
    }
    return {
      line: info.lines,
      get(column: string): string {
        const i = index.get(column);
        if (i === undefined) throw new Error(`readTable: column "${column}" was not declared as required`);
        return record[i] ?? '';
      },
    };
  });
}

/** Reads a source file, turning a missing or unreadable file into a SourceFormatError that names it. */
export async function readSource(filePath: string, signal?: AbortSignal): Promise<string> {
  try {
    return await readFile(filePath, { encoding: 'utf8', signal });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new SourceFormatError(path.basename(filePath), undefined, 'the file does not exist');
    if (code === 'EISDIR') throw new SourceFormatError(path.basename(filePath), undefined, 'this is a folder, not a file');
    throw error;
  }
}

/** Reads a curated JSON source, naming the file on a syntax error. */
export async function readJsonSource(filePath: string, signal?: AbortSignal): Promise<unknown> {
  const text = await readSource(filePath, signal);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const match = /position (\d+)/.exec((error as Error).message);
    const line = match ? text.slice(0, Number(match[1])).split('\n').length : undefined;
    throw new SourceFormatError(path.basename(filePath), line, `not valid JSON (${(error as Error).message})`);
  }
}

function mergeSurplus(record: string[], at: number, surplus: number, delimiter: string): string[] {
  return [...record.slice(0, at), record.slice(at, at + surplus + 1).join(delimiter), ...record.slice(at + surplus + 1)];
}
