import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { postGraphQL } from '../support/graphqlClient.js';
import { startEngineProcess, type EngineProcess } from '../support/engineProcess.js';
import { signToken } from '../support/tokens.js';
import { createTestDatabase, type TestDatabase } from '../persistence/support/testDatabases.js';
import { openDatabase } from '../../src/persistence/database.js';

const SUBMIT = 'mutation ($s: String!) { submitEvaluation(input: { kind: WRITING, submission: $s }) { id } }';
const READ = 'query ($id: ID!) { evaluation(id: $id) { id submission } }';
const WRITERS = 4;
const KILL_AFTER = 60;

/**
 * Writers send submitEvaluation without pause; once KILL_AFTER have been acknowledged the engine gets SIGKILL with
 * writes still in flight. Every acknowledged id (and its text) must be there after a restart on the same database,
 * and every acknowledged mutation must have its audit row.
 */
async function writeUntilKilled(engine: EngineProcess, token: string): Promise<Map<string, string>> {
  const acknowledged = new Map<string, string>();
  let killed = false;
  const writer = async (w: number) => {
    for (let i = 0; !killed; i++) {
      const text = `Dear Dr Ward, letter ${w}-${i}.`;
      try {
        const res = await postGraphQL<{ submitEvaluation: { id: string } }>(`${engine.url}/graphql`, SUBMIT, { token, variables: { s: text } });
        const id = res.data?.submitEvaluation.id;
        if (id) acknowledged.set(id, text);
        else if (!killed) throw new Error(`write refused before the kill: ${JSON.stringify(res.errors)}`);
      } catch (error) {
        if (!killed) throw error;
      }
      if (!killed && acknowledged.size >= KILL_AFTER) {
        killed = true;
        engine.child.kill('SIGKILL');
      }
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
  expect((await engine.exited).signal).toBe('SIGKILL');
  return acknowledged;
}

async function checkAfterRestart(engine: EngineProcess, token: string, admin: string, acknowledged: Map<string, string>): Promise<void> {
  expect((await fetch(`${engine.url}/ready`)).status).toBe(200);
  const ids = [...acknowledged.keys()];
  const found: { id: string; submission: string }[] = [];
  for (let i = 0; i < ids.length; i += 8) {
    const batch = await Promise.all(ids.slice(i, i + 8).map((id) => postGraphQL<{ evaluation: { id: string; submission: string } | null }>(`${engine.url}/graphql`, READ, { token, variables: { id } })));
    for (const r of batch) if (r.data?.evaluation) found.push(r.data.evaluation);
  }
  expect(found).toEqual(ids.map((id) => ({ id, submission: acknowledged.get(id) })));
  const stats = await postGraphQL<{ analytics: { operation: string; success: number }[] }>(`${engine.url}/graphql`, '{ analytics { operation success } }', { token: admin });
  const audited = stats.data?.analytics.find((s) => s.operation === 'submitEvaluation')?.success ?? 0;
  expect(audited).toBeGreaterThanOrEqual(acknowledged.size);
}

async function stopEngine(engine: EngineProcess | undefined): Promise<void> {
  if (!engine || engine.child.exitCode !== null || engine.child.signalCode !== null) return;
  engine.child.kill('SIGTERM');
  await engine.exited;
}

describe('kill -9 during writes', () => {
  const env = { OET_RATE_LIMIT_GENERAL_PER_MINUTE: '0' };
  let running: EngineProcess | undefined;
  afterAll(() => stopEngine(running));

  it('SQLite: every acknowledged write is there after a restart, and the file passes integrity_check', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'oet-kill9-'));
    try {
      const file = path.join(dir, 'engine.db');
      const token = await signToken({ sub: 'kill9-sqlite', roles: ['LEARNER'] });
      const admin = await signToken({ sub: 'kill9-admin', roles: ['ADMIN'] });
      running = await startEngineProcess({ ...env, DATABASE_URL: `file:${file}`, OET_DATA_DIR: dir });
      const acknowledged = await writeUntilKilled(running, token);
      expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER);

      // Checked before anything reopens the file through the engine.
      const sqlite = await openDatabase(`file:${file}`);
      try {
        expect(await sqlite.prisma.$queryRawUnsafe('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      } finally {
        await sqlite.close();
      }
      running = await startEngineProcess({ ...env, DATABASE_URL: `file:${file}`, OET_DATA_DIR: dir });
      await checkAfterRestart(running, token, admin, acknowledged);
      await stopEngine(running);
      expect((await running.exited).code).toBe(0);
    } finally {
      await stopEngine(running);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('PostgreSQL: every acknowledged write is there after a restart', async () => {
    let db: TestDatabase | undefined;
    try {
      db = await createTestDatabase('postgresql', 'kill9');
      const token = await signToken({ sub: 'kill9-pg', roles: ['LEARNER'] });
      const admin = await signToken({ sub: 'kill9-admin', roles: ['ADMIN'] });
      running = await startEngineProcess({ ...env, DATABASE_URL: db.url });
      const acknowledged = await writeUntilKilled(running, token);
      expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER);
      running = await startEngineProcess({ ...env, DATABASE_URL: db.url });
      await checkAfterRestart(running, token, admin, acknowledged);
      await stopEngine(running);
      expect((await running.exited).code).toBe(0);
    } finally {
      await stopEngine(running);
      await db?.drop();
    }
  }, 120_000);
});
