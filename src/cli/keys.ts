import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { reportCliError, runIfMain, UsageError, type CliIo } from './cliRunner.js';
import { openDatabase, type Database } from '../persistence/database.js';
import { redactDatabaseUrl } from '../persistence/databaseUrl.js';
import { migrateDatabase } from '../persistence/migrate.js';
import { EncryptionKeyError } from '../persistence/encryption/EncryptionKeyError.js';
import { FieldCipher } from '../persistence/encryption/FieldCipher.js';
import { checkEncryptionKeys } from '../persistence/encryption/keyCheck.js';
import { generateKeyEntry, KeyringFormatError } from '../persistence/encryption/Keyring.js';
import { resolveKeyring } from '../persistence/encryption/resolveKeyring.js';
import { keyStatus, rotateKeys, type KeyStatusReport, type RotationReport } from '../persistence/encryption/rotateKeys.js';

const USAGE = `Usage: npm run keys -- <command>
  generate [--id ID]           print a new random key entry, <keyId>:<base64 of 32 bytes>
                               (put it FIRST in OET_ENCRYPTION_KEYS to make it the active key)
  status [--json]              stored values per key id and plaintext values, per encrypted column
  rotate [--batch-size N]      re-encrypt every value not under the active key (older keys, plaintext from
                               before encryption) to the active key, in batches; safe to interrupt and rerun
Environment: DATABASE_URL, OET_ENCRYPTION_KEYS (active key first), NODE_ENV, OET_DEV_KEY_FILE — as the service.
Exit codes: 0 done; 1 failed (values that cannot be decrypted, interrupted, database errors);
            2 wrong usage or configuration (malformed or wrong key, no key in production).
`;

function generate(args: string[], io: CliIo): number {
  const { values } = parseArgs({ args, options: { id: { type: 'string' } } });
  let entry: string;
  try {
    entry = generateKeyEntry(values.id);
  } catch (error) {
    if (error instanceof KeyringFormatError) throw new UsageError(error.message);
    throw error;
  }
  io.stdout.write(`${entry}\n`);
  io.stderr.write('A new key. Keep it in your secret store. To rotate: put it first in OET_ENCRYPTION_KEYS, keep the old keys after it, restart, then run "npm run keys -- rotate".\n');
  return 0;
}

/** The database and cipher the service would use (same key resolution, same start-up check), migrated first. */
async function open(io: CliIo): Promise<{ config: Config; db: Database; cipher: FieldCipher }> {
  const config = loadConfig(io.env);
  const { keyring } = resolveKeyring(config.encryption, { databaseUrl: config.databaseUrl, dataDir: config.dataDir }, {
    warn: (details, message) => io.stderr.write(`warning: ${message}${typeof details.keyFile === 'string' ? ` (${details.keyFile})` : ''}\n`),
  });
  await migrateDatabase(config.databaseUrl);
  const db = await openDatabase(config.databaseUrl);
  return { config, db, cipher: new FieldCipher(keyring) };
}

async function status(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' } } });
  const { config, db, cipher } = await open(io);
  try {
    const report = await keyStatus(db.prisma, cipher);
    if (values.json) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else printStatus(io, report, redactDatabaseUrl(config.databaseUrl));
    return 0;
  } finally {
    await db.close();
  }
}

function printStatus(io: CliIo, report: KeyStatusReport, database: string): void {
  const unconfigured = Object.keys(report.totals.byKeyId).filter((id) => !report.configuredKeyIds.includes(id));
  const keyIds = [...report.configuredKeyIds, ...unconfigured];
  io.stdout.write(`database: ${database}\nactive key: ${report.activeKeyId}; configured: ${report.configuredKeyIds.join(', ')}; registered here: ${report.registeredKeyIds.join(', ') || '-'}\n\n`);
  const rows = [['COLUMN', 'VALUES', 'PLAINTEXT', ...keyIds.map((id) => (unconfigured.includes(id) ? `${id} (NOT CONFIGURED)` : id))]];
  for (const c of report.columns) rows.push([c.column, String(c.total), String(c.plaintext), ...keyIds.map((id) => String(c.byKeyId[id] ?? 0))]);
  rows.push(['total', String(report.totals.total), String(report.totals.plaintext), ...keyIds.map((id) => String(report.totals.byKeyId[id] ?? 0))]);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const row of rows) io.stdout.write(`${row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()}\n`);
  const behind = report.totals.total - (report.totals.byKeyId[report.activeKeyId] ?? 0);
  io.stdout.write(
    behind === 0
      ? `\nevery value is under the active key ${report.activeKeyId}: keys other than it may be removed from OET_ENCRYPTION_KEYS.\n`
      : `\n${behind} value(s) not under the active key: run "npm run keys -- rotate".\n`,
  );
}

async function rotate(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { 'batch-size': { type: 'string' } } });
  const batchSize = values['batch-size'] === undefined ? undefined : Number(values['batch-size']);
  if (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000)) {
    throw new UsageError(`--batch-size must be an integer from 1 to 10000, got "${values['batch-size']}".`);
  }
  const { db, cipher } = await open(io);
  try {
    // The same check as at service start: a wrong key must not be discovered one row at a time.
    const check = await checkEncryptionKeys(db.prisma, cipher);
    for (const missing of check.missingKeys) {
      io.stderr.write(`warning: ${missing.values} value(s) are under key id "${missing.keyId}", which is not configured: they will be reported, not rotated.\n`);
    }
    const started = performance.now();
    const report = await rotateKeys(db.prisma, cipher, {
      batchSize,
      signal: io.signal,
      onBatch: (p) => io.stderr.write(`rotating: ${p.rowsScanned} rows read, ${p.reencrypted} re-encrypted, ${p.encrypted} plaintext encrypted, ${p.failed.length} failed\n`),
    });
    printRotation(io, report, (performance.now() - started) / 1000);
    return report.failed.length === 0 && !report.interrupted ? 0 : 1;
  } finally {
    await db.close();
  }
}

function printRotation(io: CliIo, report: RotationReport, seconds: number): void {
  io.stdout.write(
    `active key: ${report.activeKeyId}\n` +
      `rows read: ${report.rowsScanned}\nre-encrypted from older keys: ${report.reencrypted}\nplaintext encrypted: ${report.encrypted}\n` +
      `changed meanwhile (left for the next run): ${report.skipped}\nfailed: ${report.failed.length}\n` +
      `retired key ids (no value uses them; they may be removed from OET_ENCRYPTION_KEYS): ${report.retiredKeyIds.join(', ') || '-'}\n` +
      `time: ${seconds.toFixed(1)} s\n`,
  );
  for (const f of report.failed.slice(0, 50)) io.stdout.write(`FAILED  ${f.column} row ${f.rowId}: ${f.reason}\n`);
  if (report.failed.length > 50) io.stdout.write(`… and ${report.failed.length - 50} more\n`);
  if (report.interrupted) io.stdout.write('interrupted: run "npm run keys -- rotate" again to continue where it stopped.\n');
}

/** Runs one `keys` command; returns the exit code (0 done, 1 failed, 2 wrong usage or configuration). */
export async function runKeysCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'generate':
        return generate(rest, io);
      case 'status':
        return await status(rest, io);
      case 'rotate':
        return await rotate(rest, io);
      case 'help':
      case '--help':
      case '-h':
        io.stdout.write(USAGE);
        return 0;
      default:
        throw new UsageError(command === undefined ? 'No command given.' : `Unknown command "${command}".`);
    }
  } catch (error) {
    // Configuration the operator must fix: the message says what, without usage text.
    if (error instanceof ConfigError || error instanceof EncryptionKeyError) {
      io.stderr.write(`keys ${command}: ${(error as Error).message}\n`);
      return 2;
    }
    return reportCliError(error, io, { name: 'keys', command, usage: USAGE });
  }
}

await runIfMain(import.meta.url, runKeysCli);
