import WebSocket from 'ws';
import { hostileOperation, type FuzzTokens, type HttpOperation, type WsOperation } from './hostileOperations.js';
import { signToken } from './tokens.js';

export interface Violation {
  index: number;
  category: string;
  problem: string;
  /** The start of the answer, to read the failure without replaying it. */
  excerpt: string;
}

export interface FuzzReport {
  /** Operations sent. */
  operations: number;
  /** "http 400 BAD_REQUEST", "ws close 4400", "ws error BAD_USER_INPUT"… → count. */
  outcomes: Record<string, number>;
  violations: Violation[];
}

const STACK = /\n\s+at \S|\bat (?:async )?[\w$.<>]+ \((?:\/|file:|node:)/;
const PATH = /\/work\/|\/home\/|\/tmp\/|\/usr\/|node_modules|dist\/|file:\/\/|\.(?:ts|js|mjs|cjs):\d+/;
const INTERNALS =
  /Cannot read propert|is not a function|is not iterable|undefined is not|Maximum call stack|TypeError|ReferenceError|RangeError|Prisma|SQLITE_|ECONNREFUSED|EPIPE|node-llama-cpp|llama_|onnxruntime|in JSON at position|" is not valid JSON|Unexpected end of JSON input|Bad control character/;

/** What no answer may contain: a stack frame, a server path, a library's own error text. */
export function leaks(text: string): string | undefined {
  if (STACK.test(text)) return 'stack trace';
  const path = PATH.exec(text);
  if (path) return `path (${path[0]})`;
  const internal = INTERNALS.exec(text);
  if (internal) return `library text (${internal[0]})`;
  return undefined;
}

type ErrorList = { extensions?: { code?: unknown } }[];
const codesOf = (errors: ErrorList) => errors.map((e) => (typeof e?.extensions?.code === 'string' ? e.extensions.code : 'NO_CODE'));

/** The answer contract for one HTTP answer: status, shape, codes and no leaks. */
export function checkHttpAnswer(status: number, text: string): { key: string; problems: string[] } {
  const problems: string[] = [];
  if (status >= 500) problems.push(`status ${status}`);
  const leak = leaks(text);
  if (leak) problems.push(leak);
  if (status === 204 && text === '') return { key: `http ${status}`, problems };
  let body: { data?: unknown; errors?: ErrorList } | undefined;
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    problems.push('body is not JSON');
    return { key: `http ${status} not-json`, problems };
  }
  const errors = Array.isArray(body?.errors) ? body.errors : undefined;
  if (status >= 400 && !errors?.length) problems.push(`status ${status} without errors`);
  if (status < 400 && !errors?.length && (body === null || typeof body !== 'object' || !('data' in body))) problems.push('neither data nor errors');
  const codes = errors ? codesOf(errors) : [];
  if (codes.includes('NO_CODE')) problems.push('an error without extensions.code');
  if (codes.includes('INTERNAL_SERVER_ERROR')) problems.push('INTERNAL_SERVER_ERROR for a client mistake');
  return { key: `http ${status} ${[...new Set(codes)].join(',') || 'ok'}`, problems };
}

/** Bodies larger than this exceed the engine's default 1 MiB limit. */
const OVER_ANY_LIMIT = 1_048_576;

async function runHttp(baseUrl: string, op: HttpOperation, timeoutMs: number, retried = false): Promise<{ key: string; problems: string[]; excerpt: string }> {
  try {
    const res = await fetch(baseUrl + op.path, { method: op.method, headers: op.headers, body: op.body, signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text();
    const checked = checkHttpAnswer(res.status, text);
    return { ...checked, key: retried ? `${checked.key} (after a reset)` : checked.key, excerpt: text.slice(0, 300) };
  } catch (error) {
    const e = error as Error & { cause?: { code?: string } };
    const code = e.cause?.code ?? e.name;
    const closed = code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE';
    // A server may answer 413 and close while a body over its limit is still being sent: the client then sees the
    // broken connection rather than the answer. That is a refusal, not a failure.
    if (closed && (op.body?.length ?? 0) > OVER_ANY_LIMIT) return { key: 'http closed while an oversized body was sent', problems: [], excerpt: code };
    // A reused keep-alive socket the server closed meanwhile resets (on a loaded machine the client's own stalls cause
    // it): sent once more on a fresh connection. An operation that itself breaks the connection fails twice.
    if (closed && !retried) return runHttp(baseUrl, { ...op, headers: { ...op.headers, connection: 'close' } }, timeoutMs, true);
    return { key: `http failed ${e.cause?.code ?? e.name}`, problems: [`no answer (${e.cause?.code ?? e.name})`], excerpt: e.message.slice(0, 300) };
  }
}

/** One raw graphql-transport-ws session: connection_init, the frames, then every message until the server is done. */
function runWs(wsUrl: string, op: WsOperation, timeoutMs: number): Promise<{ key: string; problems: string[]; excerpt: string }> {
  return new Promise((resolve) => {
    const problems: string[] = [];
    const seen: string[] = [];
    let excerpt = '';
    const ws = new WebSocket(wsUrl, 'graphql-transport-ws');
    const subscribed = new Set<string>();
    const finished = new Set<string>();
    let settled = false;
    const finish = (close: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      ws.removeAllListeners();
      ws.on('error', () => undefined);
      ws.terminate();
      resolve({ key: `ws ${close} ${[...new Set(seen)].join(',') || '-'}`, problems, excerpt });
    };
    const timer = setTimeout(() => {
      if (subscribed.size > finished.size) problems.push(`a subscription unanswered after ${timeoutMs} ms`);
      finish('open');
    }, timeoutMs);
    const sendFrames = () => {
      for (const frame of op.frames) {
        try {
          const parsed = typeof frame === 'string' ? (JSON.parse(frame) as { id?: unknown; type?: unknown }) : undefined;
          if (parsed?.type === 'subscribe' && typeof parsed.id === 'string') subscribed.add(parsed.id);
          // A client's own complete ends that subscription: the server sends nothing more for it.
          if (parsed?.type === 'complete' && typeof parsed.id === 'string') finished.add(parsed.id);
        } catch {
          // not JSON: sent as it is
        }
        ws.send(frame);
      }
      // Nothing to wait for: give the server a moment to close or answer, then end.
      if (subscribed.size === 0 || [...subscribed].every((id) => finished.has(id))) setTimeout(() => finish('open'), 300);
    };
    ws.on('open', () => {
      if (op.authorization === null) sendFrames();
      else ws.send(JSON.stringify({ type: 'connection_init', payload: { authorization: op.authorization } }));
    });
    ws.on('message', (data) => {
      const text = data.toString();
      if (!excerpt) excerpt = text.slice(0, 300);
      const leak = leaks(text);
      if (leak) problems.push(leak);
      let message: { id?: string; type?: string; payload?: unknown };
      try {
        message = JSON.parse(text) as typeof message;
      } catch {
        problems.push('a message that is not JSON');
        return;
      }
      if (message.type === 'connection_ack') return sendFrames();
      if (message.type === 'error') {
        const errors = Array.isArray(message.payload) ? (message.payload as ErrorList) : [];
        const codes = codesOf(errors);
        if (codes.length === 0 || codes.includes('NO_CODE')) problems.push('an error message without extensions.code');
        if (codes.includes('INTERNAL_SERVER_ERROR')) problems.push('INTERNAL_SERVER_ERROR for a client mistake');
        seen.push(...codes.map((c) => `error:${c}`));
        if (message.id) finished.add(message.id);
      } else if (message.type === 'next') {
        const errors = (message.payload as { errors?: ErrorList } | undefined)?.errors;
        if (errors) {
          const codes = codesOf(errors);
          if (codes.includes('NO_CODE')) problems.push('a result error without extensions.code');
          if (codes.includes('INTERNAL_SERVER_ERROR')) problems.push('INTERNAL_SERVER_ERROR for a client mistake');
          seen.push(...codes.map((c) => `next:${c}`));
        }
      } else if (message.type === 'complete') {
        if (message.id) finished.add(message.id);
      }
      if (subscribed.size > 0 && [...subscribed].every((id) => finished.has(id))) finish('done');
    });
    ws.on('close', (code, reason) => {
      // 1011 and 4500 are the WebSocket's 500s; 1006 means the server dropped the socket without a close frame.
      if (code === 1011 || code === 4500 || code === 1006) problems.push(`close ${code}`);
      const leak = leaks(reason.toString());
      if (leak) problems.push(`close reason: ${leak}`);
      if (!excerpt) excerpt = `close ${code} ${reason.toString().slice(0, 200)}`;
      finish(`close ${code}`);
    });
    ws.on('error', (error) => {
      problems.push(`socket error ${error.message.slice(0, 80)}`);
      finish('error');
    });
  });
}

export interface FuzzOptions {
  seed: number;
  operations: number;
  /** Operations in flight at once. Default 8. */
  concurrency?: number;
  timeoutMs?: number;
  /** Only operations of these categories are sent (the others are skipped, so indexes stay those of the full run). */
  categories?: string[];
  /** Called every `progressEvery` operations. */
  onProgress?: (done: number) => void;
}

/** The tokens the generator needs, signed with the test secret (and one with another). */
export async function fuzzTokens(): Promise<FuzzTokens> {
  return {
    learner: await signToken({ sub: 'fuzz-learner', roles: ['LEARNER'], cohorts: ['cohort-a'] }),
    expired: await signToken({ sub: 'fuzz-expired', roles: ['ADMIN'], expiresIn: -60 }),
    wrongSecret: await signToken({ sub: 'fuzz-forged', roles: ['ADMIN'], secret: 'another-secret-that-is-long-enough-0123456789' }),
    noExp: await signNoExp(),
  };
}

async function signNoExp(): Promise<string> {
  const { SignJWT } = await import('jose');
  const { TEST_JWT_SECRET } = await import('./tokens.js');
  return new SignJWT({ roles: ['ADMIN'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('fuzz-noexp').setIssuedAt().sign(new TextEncoder().encode(TEST_JWT_SECRET));
}

/** Sends `operations` hostile operations from `seed` to a running engine and checks every answer. */
export async function runFuzz(baseUrl: string, options: FuzzOptions): Promise<FuzzReport> {
  const tokens = await fuzzTokens();
  const wsUrl = `${baseUrl.replace('http', 'ws')}/graphql`;
  const report: FuzzReport = { operations: 0, outcomes: {}, violations: [] };
  // Generous: the first generate loads its model, which on a loaded 2-core machine took over 20 s.
  const timeoutMs = options.timeoutMs ?? 60_000;
  let next = 0;
  let done = 0;
  const worker = async () => {
    for (let index = next++; index < options.operations; index = next++) {
      const op = hostileOperation(options.seed, index, tokens);
      if (options.categories && !options.categories.includes(op.category)) continue;
      report.operations++;
      const result = op.transport === 'http' ? await runHttp(baseUrl, op, timeoutMs) : await runWs(wsUrl, op, timeoutMs);
      report.outcomes[result.key] = (report.outcomes[result.key] ?? 0) + 1;
      for (const problem of new Set(result.problems)) report.violations.push({ index, category: op.category, problem, excerpt: result.excerpt });
      if (++done % 500 === 0) options.onProgress?.(done);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 8 }, worker));
  return report;
}
