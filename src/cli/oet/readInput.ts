import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CliIo } from '../cliRunner.js';

/** A file's text, or standard input for `-` or no file; a missing or unreadable file is a clear one-line error. */
export async function readInput(file: string | undefined, io: CliIo, stdin: () => Promise<string>): Promise<string> {
  if (file === undefined || file === '-') return stdin();
  try {
    return await readFile(path.resolve(io.cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `${file}: no such file` : code === 'EISDIR' ? `${file} is a directory` : `${file}: cannot be read (${code ?? 'error'})`);
  }
}

/** All of standard input as UTF-8. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
