import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** Wrong arguments: the command exits 2 with its usage text. */
export class UsageError extends Error {}

/** The streams and environment a command runs with; tests pass their own, `runIfMain` the process's. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  env: Record<string, string | undefined>;
  /** Base for relative paths. */
  cwd: string;
  /** A TTY to draw progress bars on; without it progress is printed as plain lines. */
  progressTty?: NodeJS.WriteStream;
  signal?: AbortSignal;
}

/**
 * The exit code for an error a command threw, after writing it: 2 with the usage text for wrong arguments (a
 * UsageError, node's parseArgs errors, or what `isUsage` says), 1 with "<name> <command>: message" otherwise.
 */
export function reportCliError(error: unknown, io: Pick<CliIo, 'stderr'>, context: { name: string; command: string | undefined; usage: string; isUsage?: (error: unknown) => boolean }): number {
  const parseError = (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS') === true;
  if (error instanceof UsageError || parseError || context.isUsage?.(error)) {
    io.stderr.write(`${(error as Error).message}\n\n${context.usage}`);
    return 2;
  }
  io.stderr.write(`${context.name} ${context.command}: ${error instanceof Error ? error.message : String(error)}\n`);
  return 1;
}

/** Runs a command when its module is the process's entry point; Ctrl-C aborts its work instead of killing it mid-write. */
export async function runIfMain(moduleUrl: string, run: (argv: string[], io: CliIo) => Promise<number>): Promise<void> {
  // A `bin` is run through a symlink (node_modules/.bin/oet): compare real paths.
  if (process.argv[1] === undefined || moduleUrl !== pathToFileURL(realpathSync(process.argv[1])).href) return;
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  process.exitCode = await run(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    progressTty: process.stderr,
    signal: controller.signal,
  });
}
