import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, test } from '@jest/globals';
import { repoRoot } from '../support/paths.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'oet-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('oet serve starts the engine with the environment and stops with exit 0 on SIGTERM', async () => {
  const child = spawn(process.execPath, [path.join(repoRoot, 'dist/src/cli/oet.js'), 'serve'], {
    env: { ...process.env, DATABASE_URL: `file:${path.join(dir, 'engine.db')}`, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', OET_DEV_JWT_FILE: path.join(dir, 'jwt'), OET_DEV_KEY_FILE: path.join(dir, 'key') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      log += c.toString();
      const m = /"url":"(http:\/\/127\.0\.0\.1:\d+)\/graphql"/.exec(log);
      if (m) resolve(m[1]!);
    });
    child.stderr!.on('data', (c: Buffer) => (log += c.toString()));
    child.once('exit', () => reject(new Error(`exited before listening:\n${log}`)));
  });
  const health = await fetch(`${url}/health`);
  assert.equal(health.status, 200);
  child.kill('SIGTERM');
  assert.equal(await exited, 0, log.slice(-1000));
});
