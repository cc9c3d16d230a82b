import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, it } from '@jest/globals';
import { skipWhen } from '../support/skipWhen.js';
import { hasStories260k, repoRoot, sharedModelsDir } from '../support/paths.js';
import { signToken, TEST_JWT_SECRET } from '../support/tokens.js';
import { startEngineProcess } from '../support/engineProcess.js';
import { collect, wsClient } from '../support/graphqlClient.js';

skipWhen(!hasStories260k && 'stories260K is missing').describe('SIGTERM', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'oet-sigterm-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lets an in-flight stream finish, then exits 0', async () => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'dist/src/main.js')], {
      env: { ...process.env, DATABASE_URL: `file:${path.join(dir, 'engine.db')}`, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', JWT_SECRET: TEST_JWT_SECRET, OET_MODELS_DIR: sharedModelsDir, OET_DEV_KEY_FILE: path.join(dir, 'key') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        log += c.toString();
        const m = /"url":"(http:\/\/127\.0\.0\.1:\d+)\/graphql"/.exec(log);
        if (m) resolve(m[1]!);
      });
      child.stderr.on('data', (c: Buffer) => (log += c.toString()));
      child.once('exit', () => reject(new Error(`exited before listening:\n${log}`)));
    });
    const token = await signToken({ sub: 'learner-sig', roles: ['LEARNER'] });
    const res = await fetch(`${url}/api/v1/llm/generate`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ model: 'tiny', prompt: 'Once upon a time', max_tokens: 200, temperature: 0, stream: true }) });
    assert.equal(res.status, 200);
    const reader = res.body!.getReader();
    const first = await reader.read();
    assert.ok(!first.done);
    child.kill('SIGTERM');
    let body = new TextDecoder().decode(first.value);
    for (let r = await reader.read(); !r.done; r = await reader.read()) body += new TextDecoder().decode(r.value);
    const lines = body.trim().split('\n').map((l) => JSON.parse(l) as { done?: boolean; error?: unknown });
    assert.equal(lines.at(-1)?.done, true, `the stream ended with its final line: ${body.slice(-300)}`);
    assert.equal(await exited, 0, log.slice(-1500));
    assert.match(log, /"signal":"SIGTERM"/);
  });

  it('lets an in-flight graphql-ws stream end with its final chunk and completion (it was cut with 1001), then exits 0', async () => {
    const engine = await startEngineProcess();
    const client = wsClient(engine.wsUrl, await signToken({ sub: 'learner-sig', roles: ['LEARNER'] }));
    try {
      const stream = collect<{ generateStream: { text: string; done: boolean } }>(client, 'subscription($input: GenerateInput!) { generateStream(input: $input) { text done } }', {
        input: { model: 'tiny', prompt: 'Once upon a time', maxTokens: 200, temperature: 0 },
      });
      await stream.waitFor(1, 60_000);
      const exit = engine.stop('SIGTERM');
      await stream.waitFor(100_000, 60_000);
      assert.equal(stream.values.at(-1)?.generateStream.done, true, `the stream ended with its final chunk: ${JSON.stringify(stream.errors)}`);
      assert.equal(stream.completed, true);
      assert.deepEqual(stream.errors, []);
      assert.equal((await exit).code, 0, engine.output().slice(-1500));
    } finally {
      await client.dispose();
      await engine.stop();
    }
  });
});
