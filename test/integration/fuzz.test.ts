import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startEngineProcess, type EngineProcess } from '../support/engineProcess.js';
import { fuzzTokens, runFuzz } from '../support/fuzzRunner.js';
import { collect, wsClient } from '../support/graphqlClient.js';
import { hostileOperation } from '../support/hostileOperations.js';

/** A short, seeded run of bench/fuzz.bench.ts: hostile operations against the service in a child process. */
describe('hostile and malformed GraphQL operations', () => {
  let engine: EngineProcess;
  beforeAll(async () => {
    engine = await startEngineProcess();
  });
  afterAll(() => engine.stop());

  it('the generator is reproducible from seed and index', () => {
    const tokens = { learner: 'l', expired: 'e', wrongSecret: 'w', noExp: 'n' };
    expect(JSON.stringify(hostileOperation(7, 123, tokens))).toBe(JSON.stringify(hostileOperation(7, 123, tokens)));
    expect(JSON.stringify(hostileOperation(7, 123, tokens))).not.toBe(JSON.stringify(hostileOperation(7, 124, tokens)));
  });

  // Defects the fuzzer found, each pinned on its own.
  const post = async (body: string, path = '/graphql', method = 'POST') => {
    const { learner } = await fuzzTokens();
    const res = await fetch(engine.url + path, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${learner}` }, ...(method === 'GET' ? {} : { body }) });
    return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as { errors?: { message: string; extensions?: { code?: string } }[] } };
  };
  const deepList = (depth: number) => `{ model(id: ${'['.repeat(depth)}"x"${']'.repeat(depth)}) { id } }`;

  it('a deeply nested document is QUERY_TOO_COMPLEX in words of ours, never V8\'s "Maximum call stack size exceeded"', async () => {
    for (const depth of [3_000, 20_000]) {
      const res = await post(JSON.stringify({ query: deepList(depth) }));
      expect(res.status).toBe(400);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
      expect(res.body.errors?.[0]?.message).not.toMatch(/call stack/);
    }
    const client = wsClient(engine.wsUrl, (await fuzzTokens()).learner);
    try {
      const sub = collect(client, `{ ${'me { '.repeat(5_000)}id${' }'.repeat(5_000)} }`);
      await sub.waitFor(1);
      const error = (sub.errors.flat() as { message?: string; extensions?: { code?: string } }[])[0]!;
      expect(error.extensions?.code).toBe('QUERY_TOO_COMPLEX');
      expect(error.message).not.toMatch(/call stack/);
    } finally {
      await client.dispose();
    }
  });

  it('a persistedQuery of an unsupported version is BAD_REQUEST, not INTERNAL_SERVER_ERROR', async () => {
    for (const persistedQuery of ['persisted', [], { version: 2, sha256Hash: 'ab'.repeat(32) }]) {
      const res = await post(JSON.stringify({ query: '{ me { id } }', extensions: { persistedQuery } }));
      expect([res.status, res.body.errors?.[0]?.extensions?.code]).toEqual([400, 'BAD_REQUEST']);
    }
  });

  it('an unknown path is a JSON NOT_FOUND, and a request line too long for the HTTP parser a JSON 431', async () => {
    const missing = await post('{}', '/graphql%00', 'PATCH');
    expect([missing.status, missing.type?.split(';')[0], missing.body.errors?.[0]?.extensions?.code]).toEqual([404, 'application/json', 'NOT_FOUND']);
    const long = await post('', `/graphql?query=${'x'.repeat(40_000)}`, 'GET');
    expect([long.status, long.body.errors?.[0]?.extensions?.code]).toEqual([431, 'INPUT_TOO_LARGE']);
  });

  it('400 operations (seed 14): no 5xx, every error coded, no stack, path or library text; the process up, its log JSON', async () => {
    const report = await runFuzz(engine.url, { seed: 14, operations: 400, concurrency: 4 });
    expect(report.violations).toEqual([]);
    // The run reached the server's answers, not only connection failures.
    expect(Object.keys(report.outcomes).some((k) => k.startsWith('http 400'))).toBe(true);
    expect(Object.keys(report.outcomes).some((k) => k.startsWith('ws '))).toBe(true);
    expect((await fetch(`${engine.url}/health`)).status).toBe(200);
    expect(engine.child.exitCode).toBe(null);
    expect(engine.nonJsonLines()).toEqual([]);
  });
});
