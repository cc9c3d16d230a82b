import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { startTestEngine } from '../support/startTestEngine.js';
import { firstErrorCode, postGraphQL } from '../support/graphqlClient.js';
import { repoRoot } from '../support/paths.js';

const BIN = path.join(repoRoot, 'dist/src/cli/oet.js');

function oetToken(databaseUrl: string, extraEnv: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const env: Record<string, string | undefined> = { ...process.env, DATABASE_URL: databaseUrl, NO_COLOR: '1', ...extraEnv };
  delete env.JWT_SECRET;
  delete env.NODE_ENV;
  const r = spawnSync(process.execPath, [BIN, 'token', '--role', 'ADMIN', '--sub', 'first-user'], { env, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout.trim(), stderr: r.stderr };
}

describe('a first run with nothing configured', () => {
  test('on loopback the engine makes a development secret and `oet token` signs a token it accepts', async () => {
    const t = await startTestEngine({ JWT_SECRET: '' });
    try {
      const token = oetToken(t.databaseUrl);
      assert.equal(token.status, 0, token.stderr);
      const me = await postGraphQL<{ me: { id: string; roles: string[] } }>(t.graphqlUrl, '{ me { id roles } }', { token: token.stdout });
      assert.equal(me.errors, undefined, JSON.stringify(me.errors));
      expect(me.data!.me).toEqual({ id: 'first-user', roles: ['ADMIN'] });
      // A token signed with anything else is still refused.
      const forged = await postGraphQL(t.graphqlUrl, '{ me { id } }', { token: `${token.stdout.slice(0, -4)}AAAA` });
      assert.equal(firstErrorCode(forged), 'UNAUTHENTICATED');
    } finally {
      await t.stop();
    }
  });

  test('bound beyond loopback no secret is made up, and `oet token` refuses', async () => {
    const t = await startTestEngine({ JWT_SECRET: '', HOST: '0.0.0.0' });
    try {
      const token = oetToken(t.databaseUrl, { HOST: '0.0.0.0' });
      assert.equal(token.status, 1);
      assert.match(token.stderr, /beyond loopback/);
      const loopbackToken = oetToken(t.databaseUrl);
      const me = await postGraphQL(t.graphqlUrl, '{ me { id } }', { token: loopbackToken.stdout });
      assert.equal(firstErrorCode(me), 'UNAUTHENTICATED');
    } finally {
      await t.stop();
    }
  });
});
