/**
 * Drain benchmark: start the engine (a child process), open N token streams (half graphql-ws generateStream, half
 * REST /api/v1/llm/generate with stream: true), send SIGTERM once each has its first token, and measure the time to
 * exit, the exit status, and how each stream ended: its final chunk (done) and a clean completion, or cut.
 *
 *   npx tsc -p tsconfig.json && node dist/bench/drain.bench.js [streams] [maxTokens]
 */
import os from 'node:os';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startEngineProcess } from '../test/support/engineProcess.js';
import { signToken } from '../test/support/tokens.js';

const streams = Number(process.argv[2] ?? 8);
const maxTokens = Number(process.argv[3] ?? 200);
const STREAM = 'subscription($input: GenerateInput!) { generateStream(input: $input) { text done } }';

type Ending = { kind: 'ws' | 'rest'; final: boolean; how: string };

function wsStream(wsUrl: string, token: string, firstToken: () => void): Promise<Ending> {
  const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
  return new Promise<Ending>((resolve) => {
    let final = false;
    let first = false;
    client.subscribe<{ generateStream: { text: string; done: boolean } }>(
      { query: STREAM, variables: { input: { model: 'stories260k', prompt: 'Once upon a time', maxTokens, temperature: 0 } } },
      {
        next: (value) => {
          if (!first) {
            first = true;
            firstToken();
          }
          if (value.data?.generateStream.done) final = true;
        },
        error: (error) => {
          const how = Array.isArray(error) ? `error ${(error as { extensions?: { code?: string } }[])[0]?.extensions?.code}` : `close ${(error as { code?: number }).code}`;
          if (!first) firstToken();
          resolve({ kind: 'ws', final, how });
        },
        complete: () => resolve({ kind: 'ws', final, how: 'complete' }),
      },
    );
  }).finally(() => void client.dispose());
}

async function restStream(url: string, token: string, firstToken: () => void): Promise<Ending> {
  try {
    const res = await fetch(`${url}/api/v1/llm/generate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ model: 'stories260k', prompt: 'Once upon a time', max_tokens: maxTokens, temperature: 0, stream: true }),
    });
    const reader = res.body!.getReader();
    let body = '';
    let first = false;
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      body += new TextDecoder().decode(r.value);
      if (!first) {
        first = true;
        firstToken();
      }
    }
    if (!first) firstToken();
    const last = JSON.parse(body.trim().split('\n').at(-1) ?? '{}') as { done?: boolean; error?: { code?: string } };
    return { kind: 'rest', final: last.done === true, how: last.done ? 'final line' : `last line ${JSON.stringify(last).slice(0, 80)}` };
  } catch (error) {
    firstToken();
    return { kind: 'rest', final: false, how: `cut (${(error as Error).message})` };
  }
}

async function main() {
  console.log(`# OET AI Engine SIGTERM drain — ${new Date().toISOString()}`);
  console.log(`machine: ${os.cpus()[0]?.model ?? 'cpu'} × ${os.availableParallelism()} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}, node ${process.version}`);
  console.log(`${streams} streams (half graphql-ws, half REST), up to ${maxTokens} tokens each, stories260k, SIGTERM once every stream has its first token\n`);
  const engine = await startEngineProcess();
  const token = await signToken({ sub: 'drain-learner', roles: ['LEARNER'] });
  let started = 0;
  let allStarted!: () => void;
  const ready = new Promise<void>((resolve) => (allStarted = resolve));
  const onFirst = () => {
    if (++started === streams) allStarted();
  };
  const endings = Promise.all(Array.from({ length: streams }, (_, i) => (i % 2 === 0 ? wsStream(engine.wsUrl, token, onFirst) : restStream(engine.url, token, onFirst))));
  await ready;
  const signalled = performance.now();
  const exitP = engine.stop('SIGTERM').then((exit) => ({ ...exit, ms: performance.now() - signalled }));
  const results = await endings;
  const exit = await exitP;
  console.log(`SIGTERM → exit in ${exit.ms.toFixed(0)} ms, exit ${exit.code ?? exit.signal}`);
  for (const kind of ['ws', 'rest'] as const) {
    const of = results.filter((r) => r.kind === kind);
    const hows = new Map<string, number>();
    for (const r of of) hows.set(`${r.final ? 'final chunk, ' : 'no final chunk, '}${r.how}`, (hows.get(`${r.final ? 'final chunk, ' : 'no final chunk, '}${r.how}`) ?? 0) + 1);
    console.log(`${kind}: ${of.filter((r) => r.final).length}/${of.length} ended with their final chunk — ${[...hows].map(([h, n]) => `${n}× ${h}`).join('; ')}`);
  }
  console.log(`log: ${engine.output().includes('"signal":"SIGTERM"') ? 'shutdown logged' : 'no shutdown line'}, non-JSON lines ${engine.nonJsonLines().length}`);
  if (exit.code !== 0 || results.some((r) => !r.final)) process.exitCode = 1;
}

await main();
