import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import WebSocket from 'ws';
import { repoRoot } from '../support/paths.js';

/** The service as an operator starts it (dist/src/main.js), with its standard output and error captured. */
function startMain(dir: string, env: Record<string, string> = {}): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [path.join(repoRoot, 'dist/src/main.js')], {
    env: { ...process.env, DATABASE_URL: `file:${path.join(dir, 'engine.db')}`, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', OET_DEV_JWT_FILE: path.join(dir, 'jwt'), OET_DEV_KEY_FILE: path.join(dir, 'key'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  return { child, output: () => output, exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))) };
}

const nonJsonLines = (output: string) => output.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('{'));

describe('operator-facing failures print one clear line, never a raw stack', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'oet-operator-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a port already in use: exit 4 naming the address', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const run = startMain(dir, { PORT: String(port) });
      assert.equal(await run.exited, 4, run.output());
      expect(nonJsonLines(run.output())).toEqual([`Cannot listen on 127.0.0.1:${port}: the port is already in use. Set PORT (and HOST) to a free one.`]);
    } finally {
      blocker.close();
    }
  });

  it('a 2 MB graphql-ws message closes that socket with 1009 and is logged as JSON', async () => {
    const run = startMain(dir);
    try {
      const url = await new Promise<string>((resolve) => {
        const poll = setInterval(() => {
          const m = /"url":"http:\/\/(127\.0\.0\.1:\d+)\/graphql"/.exec(run.output());
          if (m) {
            clearInterval(poll);
            resolve(m[1]!);
          }
        }, 50);
      });
      const socket = new WebSocket(`ws://${url}/graphql`, 'graphql-transport-ws');
      const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
      socket.on('error', () => undefined);
      await new Promise((resolve) => socket.on('open', resolve));
      socket.send('x'.repeat(2_000_000));
      assert.equal(await closed, 1009);
      await new Promise((r) => setTimeout(r, 300));
      expect(nonJsonLines(run.output())).toEqual([]);
      assert.match(run.output(), /"msg":"websocket protocol error; connection closed"/);
      const health = await fetch(`http://${url}/health`);
      assert.equal(health.status, 200, 'the service is still up');
    } finally {
      run.child.kill('SIGTERM');
      assert.equal(await run.exited, 0);
    }
  });
});
