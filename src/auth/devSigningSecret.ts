import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.js';
import { defaultDevKeyFile } from '../persistence/encryption/resolveKeyring.js';

/**
 * A first run that works: with no JWT setting, a loopback bind and no NODE_ENV=production, the service signs and
 * verifies tokens with a local development secret (HS256) that it generates once, mode 0600, beside the development
 * encryption key; `oet token` prints a token for it. Anywhere else, no secret is made up.
 */
export const DEV_JWT_FILE_NAME = 'dev-jwt.secret';

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

/** Why the development secret may not be used here, or null when it may. */
export function devSecretRefusal(config: Pick<Config, 'host' | 'auth' | 'encryption'>): string | null {
  if (config.encryption.production) return 'NODE_ENV is production';
  if (!isLoopback(config.host)) return `the service binds ${config.host}, beyond loopback`;
  if (config.auth.jwtSecret || config.auth.jwtPublicKey || config.auth.jwksUrl) return 'JWT settings are configured: sign tokens with your own key or identity provider';
  return null;
}

export function devSecretFile(config: Pick<Config, 'auth' | 'databaseUrl' | 'dataDir'>): string {
  return config.auth.devSecretFile ?? path.join(path.dirname(defaultDevKeyFile(config.databaseUrl, config.dataDir)), DEV_JWT_FILE_NAME);
}

/** The secret, generated on first use (two processes at once keep the first one written). */
export function readOrCreateDevSecret(file: string): { secret: string; created: boolean } {
  mkdirSync(path.dirname(file), { recursive: true });
  let created = false;
  try {
    writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
    created = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new Error(`Could not create the development JWT secret ${file}: ${(error as Error).message}. Set JWT_SECRET, or OET_DEV_JWT_FILE to a writable path.`);
  }
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < 32) throw new Error(`The development JWT secret ${file} is damaged: delete it to generate a new one.`);
  return { secret, created };
}
