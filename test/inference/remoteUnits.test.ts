import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readManifest, removeEntry, writeManifest } from '../../src/inference/manifest.js';
import { readSse } from '../../src/inference/remote/readSse.js';
import { publicBaseUrl } from '../../src/inference/remote/RemoteTarget.js';
import { remoteHttpError, remoteStreamError } from '../../src/inference/remote/remoteErrors.js';
import { StopSequenceFilter } from '../../src/inference/generation/StopSequenceFilter.js';

function streamOf(parts: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const part of parts) controller.enqueue(encoder.encode(part));
      controller.close();
    },
  });
}

async function collect(parts: string[]): Promise<string[]> {
  const out: string[] = [];
  for await (const data of readSse(streamOf(parts))) out.push(data);
  return out;
}

describe('readSse', () => {
  it('yields each event\'s data however the bytes are split, with CRLF, comments and multi-line data', async () => {
    const text = ': keep-alive\r\ndata: {"a":1}\r\n\r\nevent: message\ndata: line one\ndata: line two\nid: 7\n\ndata:{"b":2}\n\ndata: x\r\ndata: y\r\n\r\ndata: [DONE]\n\n';
    const whole = await collect([text]);
    expect(whole).toEqual(['{"a":1}', 'line one\nline two', '{"b":2}', 'x\ny', '[DONE]']);
    // One byte at a time: events must not depend on chunk boundaries.
    expect(await collect([...text])).toEqual(whole);
  });

  it('yields a last event that has no blank line after it', async () => {
    expect(await collect(['data: {"x":1}\n\ndata: tail'])).toEqual(['{"x":1}', 'tail']);
  });
});

describe('StopSequenceFilter', () => {
  const run = (stops: string[], pieces: string[]) => {
    const filter = new StopSequenceFilter(stops);
    const emitted = pieces.map((p) => filter.push(p));
    return { emitted, tail: filter.flush(), stopped: filter.stopped };
  };

  it('cuts before a stop sequence split across pieces, holding back only what could start one', () => {
    const { emitted, tail, stopped } = run(['\n\nQ:'], ['The dose', ' is 5 mg.\n', '\nQ', ': next', ' more']);
    expect(emitted).toEqual(['The dose', ' is 5 mg.', '', '', '']);
    expect(stopped).toBe(true);
    expect(tail).toBe('');
  });

  it('emits a held-back tail that turned out not to be a stop, and flushes it at the end', () => {
    expect(run(['END'], ['the E', 'ND', 'x']).emitted.join('')).toBe('the ');
    const partial = run(['END'], ['go E', 'N']);
    expect(partial.emitted).toEqual(['go ', '']);
    expect(partial.stopped).toBe(false);
    expect(partial.tail).toBe('EN');
    expect(run(['END'], ['E', 'x', 'EN', 'Dy']).emitted.join('')).toBe('Ex');
  });

  it('stops at the earliest of several stops, and ignores empty ones', () => {
    const { emitted, stopped } = run(['', 'b', 'abc'], ['xxab', 'c']);
    expect(emitted.join('')).toBe('xxa');
    expect(stopped).toBe(true);
    expect(run([''], ['anything']).emitted).toEqual(['anything']);
  });
});

describe('publicBaseUrl', () => {
  it('drops credentials, query and trailing slash', () => {
    expect(publicBaseUrl('http://user:secret@gpu-box:8080/v1/?key=abc')).toBe('http://gpu-box:8080/v1');
    expect(publicBaseUrl('not a url')).toBe('(invalid URL)');
  });
});

describe('manifest remoteModels', () => {
  const withManifest = async (content: unknown, run: (file: string) => Promise<void>) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'oet-manifest-'));
    const file = path.join(dir, 'manifest.json');
    writeFileSync(file, JSON.stringify(content));
    try {
      await run(file);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const local = { id: 'tiny-file', file: 'tiny.gguf', format: 'gguf', task: 'text-generation' };

  it('reads remote entries with defaults, and writes them back only when there are some', async () => {
    await withManifest({ models: [local], remoteModels: [{ id: 'gpu-smollm', remote: { baseUrl: 'http://gpu-box:8080/v1', model: 'smollm2' } }] }, async (file) => {
      const manifest = await readManifest(file);
      expect(manifest.remoteModels).toEqual([{ id: 'gpu-smollm', task: 'text-generation', remote: { baseUrl: 'http://gpu-box:8080/v1', model: 'smollm2', apiKeyEnv: null, timeoutMs: null }, contextLength: null, description: '' }]);
      // Removing a local model keeps the remote ones.
      await writeManifest(file, removeEntry(manifest, 'tiny-file'));
      expect((await readManifest(file)).remoteModels.map((r) => r.id)).toEqual(['gpu-smollm']);
      await writeManifest(file, { ...manifest, remoteModels: [] });
      expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')) as object)).toEqual(['models', 'aliases']);
    });
  });

  it('rejects a bad base URL, a key given in place of its variable name, and an id used twice', async () => {
    await withManifest({ remoteModels: [{ id: 'x', remote: { baseUrl: 'ftp://box/v1', model: 'm' } }] }, async (file) => {
      await expect(readManifest(file)).rejects.toThrow(/remoteModels\.0\.remote\.baseUrl/);
    });
    await withManifest({ remoteModels: [{ id: 'x', remote: { baseUrl: 'http://box/v1', model: 'm', apiKeyEnv: 'sk-live 123' } }] }, async (file) => {
      await expect(readManifest(file)).rejects.toThrow(/apiKeyEnv/);
    });
    await withManifest({ models: [{ ...local, id: 'same' }], remoteModels: [{ id: 'same', remote: { baseUrl: 'http://box/v1', model: 'm' } }] }, async (file) => {
      await expect(readManifest(file)).rejects.toThrow(/"same" twice/);
    });
  });
});

describe('remote errors', () => {
  const secret = 'at /srv/llama/ggml.c:1234 with key sk-123';
  it('map HTTP answers to our codes without the server\'s text, keeping codes another engine sent', () => {
    const cases: [number, string | null, string][] = [
      [400, 'CONTEXT_OVERFLOW', 'CONTEXT_OVERFLOW'],
      [422, 'SAFETY_BLOCKED', 'SAFETY_BLOCKED'],
      [400, null, 'BAD_USER_INPUT'],
      [401, 'UNAUTHENTICATED', 'SERVICE_UNAVAILABLE'],
      [404, 'MODEL_NOT_FOUND', 'MODEL_LOAD_FAILED'],
      [429, null, 'QUEUE_FULL'],
      [500, 'INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE'],
    ];
    for (const [status, remoteCode, code] of cases) {
      const error = remoteHttpError('gpu', status, remoteCode, secret);
      expect({ status, code: error.code }).toEqual({ status, code });
      expect(error.message).not.toMatch(/ggml|sk-123|\/srv/);
    }
  });

  it('map an error event part-way through a stream by its code, or as the server failing', () => {
    expect(remoteStreamError('gpu', 'SAFETY_BLOCKED', secret)).toMatchObject({ code: 'SAFETY_BLOCKED' });
    const other = remoteStreamError('gpu', null, secret);
    expect(other.code).toBe('SERVICE_UNAVAILABLE');
    expect(other.message).not.toMatch(/ggml|sk-123/);
  });
});
