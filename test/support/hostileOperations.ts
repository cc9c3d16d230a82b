import { SeededRandom } from './seededRandom.js';

/**
 * A seeded generator of malformed and hostile GraphQL operations, over HTTP and over graphql-ws: the same seed gives
 * the same operations, so a failure found by a long run is replayed by its seed and index.
 */

export interface FuzzTokens {
  /** A valid LEARNER token. */
  learner: string;
  expired: string;
  /** Signed with another secret. */
  wrongSecret: string;
  /** A valid signature on a token without `exp`. */
  noExp: string;
}

export interface HttpOperation {
  transport: 'http';
  category: string;
  method: string;
  /** Path and query string. */
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

export interface WsOperation {
  transport: 'ws';
  category: string;
  /** Sent as connection_init's authorization; null sends no connection_init at all. */
  authorization: string | null;
  /** Raw frames after connection_init (strings are text frames, byte arrays binary ones). */
  frames: (string | Uint8Array)[];
}

export type HostileOperation = HttpOperation | WsOperation;

const FIELDS = ['me { id roles }', 'models { id state }', 'modelAliases { name }', 'model(id: "stories260k") { id }', '__typename'];
const GENERATE = 'mutation($input: GenerateInput!) { generate(input: $input) { text } }';
const STREAM = 'subscription($input: GenerateInput!) { generateStream(input: $input) { text done } }';
const ENTITIES = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on ModelInfo { id } } }';

type Body = { json: unknown } | { raw: string | Uint8Array; contentType?: string };
type Build = (r: SeededRandom, t: FuzzTokens) => { body: Body; auth?: string | null; method?: string; path?: string; headers?: Record<string, string> };

const nest = (depth: number, open: string, close: string, inner: string) => open.repeat(depth) + inner + close.repeat(depth);
const hugeNumber = (r: SeededRandom) => r.pick(['1e400', '-1e400', '9'.repeat(r.int(20, 400)), '0x10', '1_000', '.5', '-0', 'NaN', 'Infinity', '1.7976931348623157e309']);

/** A document that is mostly right, cut or corrupted somewhere. */
function brokenDocument(r: SeededRandom): string {
  const valid = `query Q($id: ID!) { model(id: $id) { id state } me { id } }`;
  switch (r.int(0, 6)) {
    case 0:
      return valid.slice(0, r.int(0, valid.length - 1));
    case 1: {
      const at = r.int(0, valid.length);
      return valid.slice(0, at) + r.ascii(r.int(1, 8)) + valid.slice(at);
    }
    case 2:
      return r.ascii(r.int(1, 400));
    case 3:
      return '{'.repeat(r.int(1, 50)) + '}'.repeat(r.int(0, 50));
    case 4:
      return `query { me { id } } ${r.pick(['extra', '}', '"""', '#', '@', '$', '...', '&', '\\u0000'])}`;
    case 5:
      return `"""${r.ascii(r.int(0, 40))}`;
    default:
      return `query ${r.pick(['', '123', '$x', 'query', '"a"'])} { ${r.ascii(r.int(0, 20))} }`;
  }
}

const CATEGORIES: Record<string, Build> = {
  syntax: (r) => ({ body: { json: { query: brokenDocument(r) } } }),

  deepNesting: (r) => {
    const depth = r.pick([20, 200, 2_000, 20_000, 100_000]);
    switch (r.int(0, 3)) {
      case 0:
        return { body: { json: { query: `{ ${nest(depth, 'me { ', ' }', 'id')} }` } } };
      case 1: // a deep list literal in an argument
        return { body: { json: { query: `{ model(id: ${nest(depth, '[', ']', '"x"')}) { id } }` } } };
      case 2: // a deep object literal in a JSON scalar
        return { body: { json: { query: `mutation { generate(input: { prompt: "a", maxTokens: 1, jsonSchema: ${nest(depth, '{a:', '}', '1')} }) { text } }` } } };
      default: { // deep JSON in the variables
        const json = nest(Math.min(depth, 5_000), '{"a":', '}', '1');
        return { body: { raw: `{"query":${JSON.stringify(GENERATE)},"variables":{"input":{"prompt":"a","maxTokens":1,"jsonSchema":${json}}}}` } };
      }
    }
  },

  aliasesFragmentsDirectives: (r) => {
    const n = r.pick([16, 100, 1_000, 10_000]);
    switch (r.int(0, 4)) {
      case 0:
        return { body: { json: { query: `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${r.pick(FIELDS)}`).join(' ')} }` } } };
      case 1: // many fragments spread many times
        return { body: { json: { query: `{ me { ${Array.from({ length: n }, (_, i) => `...F${i % 50}`).join(' ')} } } ${Array.from({ length: 50 }, (_, i) => `fragment F${i} on Me { id }`).join(' ')}` } } };
      case 2: // a fragment cycle
        return { body: { json: { query: '{ me { ...A } } fragment A on Me { id ...B } fragment B on Me { id ...A }' } } };
      case 3:
        return { body: { json: { query: `{ me ${Array.from({ length: n }, () => '@include(if: true)').join(' ')} { id } }` } } };
      default: // fields repeated without aliases (field merging work)
        return { body: { json: { query: `{ ${'me { id } '.repeat(n)} }` } } };
    }
  },

  unknownFieldsArgs: (r) => {
    const query = r.pick([
      `{ ${r.pick(['nope', 'user', 'password', '__proto__', 'constructor', 'prisma'])} }`,
      `{ me { id ${r.pick(['email', 'password', '__proto__', 'toString'])} } }`,
      `{ model(id: "stories260k", ${r.pick(['evil', 'where', '__proto__'])}: 1) { id } }`,
      '{ me @nope { id } }',
      '{ ... on Nope { id } }',
      'query($x: NoSuchType) { me { id } }',
      '{ model { id } }',
    ]);
    return { body: { json: { query } } };
  },

  wrongVariables: (r) => {
    const input = r.pick<unknown>([
      null,
      'a string',
      42,
      [],
      { prompt: 42 },
      { prompt: 'a', maxTokens: 'ten' },
      { prompt: 'a', maxTokens: -5 },
      { prompt: 'a', maxTokens: 2 ** 40 },
      { prompt: 'a', temperature: 'hot' },
      { prompt: 'a', priority: 'URGENT' },
      { prompt: 'a', messages: [{ role: 'ROOT', content: 'x' }] },
      { prompt: 'a', stop: Array.from({ length: 50 }, () => 'x') },
      { prompt: 'a', jsonSchema: 'not an object' },
      JSON.parse('{"prompt":"a","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}') as unknown,
      { model: { $ne: null }, prompt: 'a' },
    ]);
    const variables = r.pick<unknown>([{ input }, input, 'variables', [input], JSON.stringify({ input })]);
    return { body: { json: { query: GENERATE, variables } } };
  },

  hugeValues: (r) => {
    switch (r.int(0, 3)) {
      case 0:
        return { body: { json: { query: `{ model(id: "${'x'.repeat(r.pick([1_000, 100_000, 900_000]))}") { id } }` } } };
      case 1:
        return { body: { json: { query: `mutation { generate(input: { prompt: "a", maxTokens: ${hugeNumber(r)}, temperature: ${hugeNumber(r)} }) { text } }` } } };
      case 2:
        return { body: { json: { query: GENERATE, variables: { input: { model: 'stories260k', prompt: 'p'.repeat(r.pick([10_000, 200_000, 900_000])), maxTokens: 1 } } } } };
      default:
        return { body: { raw: `{"query":"{ me { id } }","variables":{"n":${'9'.repeat(r.int(400, 5_000))}}}` } };
    }
  },

  invalidBodies: (r) => {
    const raw = r.pick<string | Uint8Array>([
      '',
      'null',
      '[]',
      '42',
      '"query"',
      '{',
      '{"query": }',
      '{"query": "{ me { id } }"',
      '{"query": 42}',
      '{"query": ["{ me { id } }"]}',
      '{"query": {"kind": "Document"}}',
      '{"query": null}',
      '\uFEFF{"query":"{ me { id } }"}',
      '{"query":"{ me { id } }","query":"{ models { id } }"}',
      '{"query":"\\ud800"}',
      r.bytes(r.int(1, 200)),
      new Uint8Array([0x7b, 0x22, 0x71, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0xff, 0xfe, 0x22, 0x7d]),
      new TextEncoder().encode(`{"query":"{ model(id: \\"${'\u0000\u0001\u001f'}\\") { id } }"}`),
    ]);
    return { body: { raw } };
  },

  contentTypes: (r) => {
    const contentType = r.pick([
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=xyz',
      'application/graphql',
      'application/json; charset=utf-16',
      'application/json; charset=latin1',
      'application/xml',
      'application/graphql-response+json',
      '',
      '*/*',
      'application/json; boundary=' + 'x'.repeat(5_000),
    ]);
    const raw = r.pick(['{"query":"{ me { id } }"}', 'query={ me { id } }', '--xyz\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"query":"{ me { id } }"}\r\n--xyz--', '{ me { id } }']);
    return { body: { raw, contentType } };
  },

  batchedArrays: (r) => {
    const n = r.pick([1, 2, 100, 5_000]);
    return { body: { json: Array.from({ length: n }, () => ({ query: r.pick(['{ me { id } }', GENERATE, '{ models { id } }']) })) } };
  },

  introspectionAbuse: (r) => {
    const deepType = nest(r.pick([5, 20, 60]), 'ofType { ', ' }', 'name');
    const query = r.pick([
      `{ __schema { types { name fields { name type { ${deepType} } } } } }`,
      `{ ${Array.from({ length: r.pick([5, 50, 500]), }, (_, i) => `s${i}: __schema { types { name fields { name } } }`).join(' ')} }`,
      `{ __type(name: "${'Q'.repeat(r.int(1, 5_000))}") { name } }`,
      '{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }',
      `{ __schema { ${'__typename '.repeat(2_000)} } }`,
    ]);
    return { body: { json: { query } } };
  },

  persistedQueryJunk: (r) => {
    const persistedQuery = r.pick<unknown>([
      { version: 1, sha256Hash: r.ascii(64) },
      { version: 2, sha256Hash: 'ab'.repeat(32) },
      { version: '1', sha256Hash: 'ab'.repeat(32) },
      { version: 1, sha256Hash: 12345 },
      { version: 1 },
      { version: 1, sha256Hash: 'ab'.repeat(100_000) },
      'persisted',
      null,
      [],
    ]);
    const extensions = r.chance(0.15) ? r.pick<unknown>(['x', 42, [], null]) : { persistedQuery };
    return { body: { json: { ...(r.chance(0.5) ? { query: '{ me { id } }' } : {}), extensions } } };
  },

  entitiesJunk: (r) => {
    const rep = () =>
      r.pick<unknown>([
        { __typename: 'ModelInfo', id: 'stories260k' },
        { __typename: 'ModelInfo' },
        { __typename: 'ModelInfo', id: { nested: { deep: 1 } } },
        { __typename: 'ModelInfo', id: 'x'.repeat(10_000) },
        { __typename: 'Query', id: '1' },
        { __typename: '__Schema' },
        { __typename: 42, id: '1' },
        { __typename: '__proto__', id: '1' },
        { __typename: 'Evaluation', id: "1' OR '1'='1" },
        null,
        'ModelInfo',
        [],
      ]);
    const r2 = r.pick<unknown>([Array.from({ length: r.pick([1, 5, 50, 2_000]) }, rep), rep(), 'all', null]);
    return { body: { json: { query: ENTITIES, variables: { r: r2 } } } };
  },

  subscriptionOverHttp: (r) => ({ body: { json: r.chance(0.5) ? { query: STREAM, variables: { input: { prompt: 'a', maxTokens: 1 } } } : { query: 'subscription { evaluationUpdated { id } }' } } }),

  authJunk: (r, t) => {
    const auth = r.pick<string | null>([
      null,
      `Bearer ${t.expired}`,
      `Bearer ${t.wrongSecret}`,
      `Bearer ${t.noExp}`,
      'Bearer ',
      'Bearer',
      'Basic dXNlcjpwYXNz',
      `Bearer ${'x'.repeat(r.pick([10, 5_000]))}`,
      // alg none, unsigned
      `Bearer ${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"sub":"admin","roles":["ADMIN"]}').toString('base64url')}.`,
      `bearer ${t.learner}`,
      `Bearer ${t.learner} extra`,
      `Bearer ${t.learner.slice(0, -4)}AAAA`,
    ]);
    const query = r.pick([
      'mutation { loadModel(id: "stories260k") { id } }',
      'mutation { unloadModel(id: "stories260k") { id } }',
      'mutation { setModelAlias(name: "default", variants: [{ model: "stories260k", weight: 1 }]) { name } }',
      'mutation { submitEvaluation(input: { kind: SPEAKING, submission: "x" }) { id } }',
      '{ auditLog { id } }',
      '{ inferenceStats { queueDepth } }',
      '{ me { id } }',
    ]);
    return { body: { json: { query } }, auth };
  },

  learnerForbidden: (r) => ({
    body: { json: { query: r.pick(['mutation { loadModel(id: "stories260k") { id } }', '{ auditLog { id } }', '{ analytics { operation } }', 'mutation { setModelAlias(name: "x", variants: []) { name } }']) } },
  }),

  getRequests: (r) => {
    const q = r.pick([
      '{ me { id } }',
      'mutation { generate(input: { prompt: "a", maxTokens: 1 }) { text } }',
      brokenDocument(r),
      '',
      'x'.repeat(r.pick([100, 20_000])),
    ]);
    const extra = r.pick(['', '&variables=%7Bbad', '&variables=%5B%5D', '&operationName=Nope', '&extensions=%7B%22persistedQuery%22%3A1%7D', '&query=second']);
    return { method: 'GET', path: `/graphql?query=${encodeURIComponent(q)}${extra}`, body: { raw: '' }, headers: r.chance(0.5) ? { 'apollo-require-preflight': 'true' } : ({} as Record<string, string>) };
  },

  oversized: (r) => {
    const size = r.pick([1_100_000, 3_000_000]);
    return r.chance(0.5) ? { body: { json: { query: `{ me { id } } #${'x'.repeat(size)}` } } } : { body: { raw: 'x'.repeat(size) } };
  },

  operationNameJunk: (r) => ({
    body: {
      json: {
        query: r.pick(['query A { me { id } } query B { models { id } }', 'query A { me { id } }']),
        operationName: r.pick<unknown>(['B2', 'x'.repeat(r.pick([10, 500_000])), 42, null, ['A'], { A: 1 }]),
      },
    },
  }),

  methodsAndPaths: (r) => ({
    method: r.pick(['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'POST']),
    path: r.pick(['/graphql', '/graphql/', '/graphql/../graphql', '/graphql?query=%E0%A4%A', '/%2e%2e/graphql', '/graphql%00']),
    body: { json: { query: '{ me { id } }' } },
  }),
};

/** graphql-ws frames: the protocol bent every way a client can bend it. */
function wsOperation(r: SeededRandom, t: FuzzTokens): WsOperation {
  const sub = (id: string, payload: unknown) => JSON.stringify({ id, type: 'subscribe', payload });
  const stream = (input: unknown) => ({ query: STREAM, variables: { input } });
  const authorization = r.pick<string | null>([`Bearer ${t.learner}`, `Bearer ${t.learner}`, `Bearer ${t.learner}`, `Bearer ${t.expired}`, `Bearer ${t.wrongSecret}`, 'junk', null]);
  const frames: (string | Uint8Array)[] = r.pick<(string | Uint8Array)[]>([
    [r.ascii(r.int(1, 200))],
    [r.bytes(r.int(1, 100))],
    [JSON.stringify({ type: 'nope' })],
    [JSON.stringify({ type: 'subscribe' })],
    [sub('1', { query: 42 })],
    [sub('1', { query: brokenDocument(r) })],
    [sub('1', { query: `{ ${nest(r.pick([50, 5_000, 60_000]), 'me { ', ' }', 'id')} }` })],
    [sub('1', { query: `{ ${Array.from({ length: 1_000 }, (_, i) => `a${i}: __typename`).join(' ')} }` })],
    [sub('1', { query: 'mutation { loadModel(id: "stories260k") { id } }' })],
    [sub('1', stream({ prompt: 'a', maxTokens: 'ten' }))],
    [sub('1', stream({ model: 'no-such-model', prompt: 'a', maxTokens: 2 }))],
    [sub('1', stream({ model: 'stories260k', prompt: 'Once', maxTokens: r.int(1, 4), temperature: 0 }))],
    [sub('1', stream({ model: 'stories260k', prompt: 'Once', maxTokens: -1 }))],
    [sub('1', stream({ model: 'stories260k', prompt: 'p'.repeat(200_000), maxTokens: 1 }))],
    [sub('1', stream({ model: 'stories260k', prompt: 'Once', maxTokens: 2 })), sub('1', stream({ prompt: 'again' }))],
    [sub('1', stream({ model: 'stories260k', prompt: 'Once', maxTokens: 50 })), JSON.stringify({ id: '1', type: 'complete' })],
    [JSON.stringify({ type: 'connection_init' })],
    [JSON.stringify({ type: 'ping', payload: 'x'.repeat(1_000) }), JSON.stringify({ type: 'pong' })],
    [sub('x'.repeat(10_000), { query: '{ me { id } }' })],
    [sub('1', { query: '{ me { id } }', variables: 'nope', operationName: 42, extensions: 'x' })],
    [sub('1', { query: `{ me { id } } #${'x'.repeat(1_100_000)}` })],
    [JSON.stringify({ id: '1', type: 'complete' })],
    [sub('1', { query: 'subscription { evaluationUpdated { id } } subscription B { evaluationUpdated { id } }' })],
    [sub('1', { query: '{ __schema { types { name fields { name } } } }' })],
  ]);
  return { transport: 'ws', category: 'graphqlWs', authorization, frames };
}

const NAMES = Object.keys(CATEGORIES);

/** The `index`-th operation of the run seeded with `seed`: reproducible on its own, without the ones before it. */
export function hostileOperation(seed: number, index: number, tokens: FuzzTokens): HostileOperation {
  const r = new SeededRandom((seed * 1_000_003 + index) >>> 0);
  // About one in six over graphql-ws, the rest over HTTP.
  if (r.chance(1 / 6)) return wsOperation(r, tokens);
  const category = r.pick(NAMES);
  const built = CATEGORIES[category]!(r, tokens);
  const auth = built.auth === undefined ? `Bearer ${tokens.learner}` : built.auth;
  const headers: Record<string, string> = { ...(auth ? { authorization: auth } : {}), ...built.headers };
  let body: string | Uint8Array | undefined;
  if ('json' in built.body) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(built.body.json);
  } else {
    const contentType = built.body.contentType ?? 'application/json';
    if (contentType) headers['content-type'] = contentType;
    body = built.body.raw;
  }
  const method = built.method ?? 'POST';
  if (method === 'GET' || method === 'OPTIONS') body = undefined;
  return { transport: 'http', category, method, path: built.path ?? '/graphql', headers, body };
}
