import { afterAll, beforeAll, test } from '@jest/globals';
import { skipWhen } from '../../support/skipWhen.js';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DomainError, ErrorCode } from '../../../src/errors.js';
import { pullModel, type PullProgress } from '../../../src/inference/pull/pullModel.js';
import { resolveModelUri } from '../../../src/inference/pull/resolveModelUri.js';
import { hasStories260k, stories260kPath } from '../../support/paths.js';
import { serveFiles, type FileServer } from './serveFile.js';

const SHA = '270cba1bd5109f42d03350f60406024560464db173c0e387d91f0426d3bd256d';
const skip = hasStories260k ? false : `stories260K.gguf not found at ${stories260kPath} (set OET_TEST_MODELS_DIR)`;
const isCode = (code: ErrorCode) => (error: unknown) => error instanceof DomainError && error.code === code;

test('resolveModelUri maps hf:// to the resolve URL and rejects other schemes', () => {
  assert.equal(
    resolveModelUri('hf://ggml-org/models/tinyllamas/stories260K.gguf').href,
    'https://huggingface.co/ggml-org/models/resolve/main/tinyllamas/stories260K.gguf',
  );
  assert.equal(
    resolveModelUri('hf://owner/repo@v1.0/a b.gguf', 'http://127.0.0.1:9/').href,
    'http://127.0.0.1:9/owner/repo/resolve/v1.0/a%20b.gguf',
  );
  assert.equal(resolveModelUri('https://example.org/x.gguf').href, 'https://example.org/x.gguf');
  assert.throws(() => resolveModelUri('ftp://example.org/x'), isCode(ErrorCode.BAD_USER_INPUT));
  assert.throws(() => resolveModelUri('hf://only-owner/repo'), isCode(ErrorCode.BAD_USER_INPUT));
  assert.throws(() => resolveModelUri('not a uri'), isCode(ErrorCode.BAD_USER_INPUT));
});

skipWhen(skip).describe('pullModel over loopback HTTP', () => {
  let server: FileServer;
  let dir: string;
  let uri: string;
  let original: Buffer;
  beforeAll(async () => {
    server = await serveFiles({ '/m/stories260K.gguf': stories260kPath });
    dir = await mkdtemp(path.join(tmpdir(), 'oet-pull-'));
    uri = `${server.url}/m/stories260K.gguf`;
    original = await readFile(stories260kPath);
  });
  afterAll(async () => {
    await server?.close();
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });
  const fresh = (name: string) => path.join(dir, name);
  const reset = () => {
    server.requests.length = 0;
    server.options.ignoreRange = false;
    server.options.slowChunkBytes = undefined;
  };

  test('downloads, verifies and renames into place', async () => {
    reset();
    const progress: PullProgress[] = [];
    const dest = fresh('full.gguf');
    const result = await pullModel({ uri, destinationPath: dest, sha256: SHA, onProgress: (p) => progress.push(p) });
    assert.deepEqual(result, { path: dest, sha256: SHA, bytes: original.length, resumed: false });
    assert.ok((await readFile(dest)).equals(original));
    assert.equal(existsSync(`${dest}.partial`), false);
    assert.equal(server.requests[0]!.range, undefined);
    assert.deepEqual(progress.at(-1), { receivedBytes: original.length, totalBytes: original.length });
  });

  test('resumes a partial download with a Range request', async () => {
    reset();
    const dest = fresh('resume.gguf');
    const half = Math.floor(original.length / 2);
    await writeFile(`${dest}.partial`, original.subarray(0, half));
    const progress: PullProgress[] = [];
    const result = await pullModel({ uri, destinationPath: dest, sha256: SHA, onProgress: (p) => progress.push(p) });
    assert.equal(server.requests[0]!.range, `bytes=${half}-`);
    assert.equal(result.resumed, true);
    assert.equal(result.sha256, SHA);
    assert.equal(result.bytes, original.length);
    assert.equal(progress[0]!.receivedBytes, half);
    assert.ok((await readFile(dest)).equals(original));
  });

  test('restarts cleanly when the server ignores Range (200)', async () => {
    reset();
    server.options.ignoreRange = true;
    const dest = fresh('ignored-range.gguf');
    await writeFile(`${dest}.partial`, original.subarray(0, 1000));
    const result = await pullModel({ uri, destinationPath: dest, sha256: SHA });
    assert.equal(server.requests[0]!.range, 'bytes=1000-');
    assert.equal(result.resumed, false);
    assert.equal(result.bytes, original.length);
    assert.ok((await readFile(dest)).equals(original));
  });

  test('a complete partial (416) is verified and kept', async () => {
    reset();
    const dest = fresh('complete.gguf');
    await writeFile(`${dest}.partial`, original);
    const result = await pullModel({ uri, destinationPath: dest, sha256: SHA });
    assert.equal(result.resumed, true);
    assert.equal(result.sha256, SHA);
    assert.ok(existsSync(dest));
  });

  test('a checksum mismatch deletes the partial and leaves no file', async () => {
    reset();
    const dest = fresh('mismatch.gguf');
    const wrong = '0'.repeat(64);
    await assert.rejects(pullModel({ uri, destinationPath: dest, sha256: wrong }), (error: unknown) => {
      assert.ok(isCode(ErrorCode.MODEL_LOAD_FAILED)(error));
      assert.deepEqual((error as DomainError).details, { expected: wrong, actual: SHA, uri });
      assert.match((error as Error).message, /Checksum mismatch/);
      return true;
    });
    assert.equal(existsSync(dest), false);
    assert.equal(existsSync(`${dest}.partial`), false);
  });

  test('a 404 is MODEL_NOT_FOUND naming the status and URL', async () => {
    reset();
    const dest = fresh('missing.gguf');
    await assert.rejects(pullModel({ uri: `${server.url}/nope.gguf`, destinationPath: dest }), (error: unknown) => {
      assert.ok(isCode(ErrorCode.MODEL_NOT_FOUND)(error));
      assert.match((error as Error).message, /404/);
      assert.match((error as Error).message, /nope\.gguf/);
      return true;
    });
    assert.equal(existsSync(dest), false);
  });

  test('a bad sha256 argument is BAD_USER_INPUT before any request', async () => {
    reset();
    await assert.rejects(pullModel({ uri, destinationPath: fresh('x.gguf'), sha256: 'abc' }), isCode(ErrorCode.BAD_USER_INPUT));
    assert.equal(server.requests.length, 0);
  });

  test('abort stops the transfer with CANCELLED and keeps the partial for resume', async () => {
    reset();
    server.options.slowChunkBytes = 64 * 1024;
    const dest = fresh('aborted.gguf');
    const controller = new AbortController();
    const pulling = pullModel({
      uri,
      destinationPath: dest,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.receivedBytes >= 128 * 1024) controller.abort();
      },
    });
    await assert.rejects(pulling, isCode(ErrorCode.CANCELLED));
    assert.equal(existsSync(dest), false);
    const kept = (await stat(`${dest}.partial`)).size;
    assert.ok(kept > 0 && kept < original.length, `partial holds ${kept} bytes`);

    server.options.slowChunkBytes = undefined;
    const result = await pullModel({ uri, destinationPath: dest, sha256: SHA });
    assert.equal(result.resumed, true);
    assert.equal(server.requests.at(-1)!.range, `bytes=${kept}-`);
  });

  test('an already-aborted signal makes no request', async () => {
    reset();
    await assert.rejects(pullModel({ uri, destinationPath: fresh('y.gguf'), signal: AbortSignal.abort() }), isCode(ErrorCode.CANCELLED));
    assert.equal(server.requests.length, 0);
  });

  test('an unreachable host is SERVICE_UNAVAILABLE', async () => {
    const closed = await serveFiles({});
    await closed.close();
    await assert.rejects(pullModel({ uri: `${closed.url}/x.gguf`, destinationPath: fresh('z.gguf') }), isCode(ErrorCode.SERVICE_UNAVAILABLE));
  });
});
