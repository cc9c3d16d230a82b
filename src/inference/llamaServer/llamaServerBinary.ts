import { accessSync, constants, existsSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Where `npm run llama-server:build` (bench/peers/llamacpp/build.sh) keeps its builds: OET_PEERS_CACHE or ~/.cache/oet-peers. */
export const llamaCppCache = (env: NodeJS.ProcessEnv = process.env): string => env.OET_PEERS_CACHE ?? path.join(os.homedir(), '.cache', 'oet-peers');

/**
 * The llama-server executable: OET_LLAMA_SERVER_BIN when set (it must exist), else the newest build in the cache.
 * Undefined when there is none: the llama-server runtime cannot start without it.
 */
export function findLlamaServerBinary(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const configured = env.OET_LLAMA_SERVER_BIN;
  if (configured !== undefined && configured !== '') return isExecutable(configured) ? path.resolve(configured) : undefined;
  const builds = path.join(llamaCppCache(env), 'build');
  if (!existsSync(builds)) return undefined;
  return readdirSync(builds)
    .map((name) => path.join(builds, name, 'bin', 'llama-server'))
    .filter(isExecutable)
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
