import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, it } from '@jest/globals';
import { repoRoot } from '../support/paths.js';

/** `npm start`'s entry point in a child process, as an operator runs it; resolves with its exit code and output. */
function runMain(env: Record<string, string>, timeoutMs: number): Promise<{ code: number | null; output: string; ms: number }> {
  const started = Date.now();
  const child = spawn(process.execPath, [path.join(repoRoot, 'dist/src/main.js')], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve) => child.on('exit', (code) => { clearTimeout(timer); resolve({ code, output, ms: Date.now() - started }); }));
}

async function listen(onSocket: (s: Socket) => void): Promise<{ server: Server; port: number }> {
  const server = createServer(onSocket);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as { port: number }).port };
}

describe('PostgreSQL unreachable at start', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'oet-db-start-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const env = (databaseUrl: string) => ({ DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', OET_DATA_DIR: dir, OET_DEV_JWT_FILE: path.join(dir, 'jwt'), OET_DEV_KEY_FILE: path.join(dir, 'key'), NODE_ENV: 'development' });

  it('a server that accepts connections but never answers: bounded retries, a message naming DATABASE_URL, exit 3', async () => {
    const sockets: Socket[] = [];
    const { server, port } = await listen((s) => sockets.push(s));
    try {
      const run = await runMain(env(`postgresql://postgres:secret@127.0.0.1:${port}/test?connect_timeout=1`), 60_000);
      assert.equal(run.code, 3, run.output);
      assert.match(run.output, /DATABASE_URL=postgresql:\/\/postgres:\*+@127\.0\.0\.1:\d+\/test/);
      assert.match(run.output, /3 attempts/);
      assert.doesNotMatch(run.output, /secret/, 'the password is never printed');
      assert.doesNotMatch(run.output, /^\s+at /m, 'no stack trace');
      assert.ok(sockets.length >= 3, `connection attempts: ${sockets.length}`);
    } finally {
      for (const s of sockets) s.destroy();
      server.close();
    }
  });

  it('a port nobody listens on: the same clear exit', async () => {
    const { server, port } = await listen(() => undefined);
    await new Promise((resolve) => server.close(resolve));
    const run = await runMain(env(`postgresql://postgres@127.0.0.1:${port}/test`), 60_000);
    assert.equal(run.code, 3, run.output);
    assert.match(run.output, /could not be reached while migrating/);
    assert.doesNotMatch(run.output, /^\s+at /m);
  });
});
