import { createHash } from 'node:crypto';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { DomainError, ErrorCode } from '../../errors.js';
import { hashFileInto } from './hashFile.js';
import { httpError } from './httpError.js';
import { DEFAULT_HF_ENDPOINT, resolveModelUri } from './resolveModelUri.js';

export interface PullProgress {
  receivedBytes: number;
  /** Null when the server sends no length. */
  totalBytes: number | null;
}

export interface PullModelOptions {
  /** `https://…`, `http://…` or `hf://owner/repo/path/in/repo`. */
  uri: string;
  /** Final file path; the download goes to `<destinationPath>.partial` until verified. */
  destinationPath: string;
  /** Expected lower-case hex sha256; no check when omitted (the result still reports the digest). */
  sha256?: string;
  /** Aborting stops the transfer with CANCELLED and keeps the partial file for a later resume. */
  signal?: AbortSignal;
  /** Called as bytes arrive; `receivedBytes` counts resumed bytes too. */
  onProgress?: (progress: PullProgress) => void;
  /** Default: the global `fetch`. */
  fetchImpl?: typeof fetch;
  /** Base for `hf://` URIs. Default `https://huggingface.co`. */
  hfEndpoint?: string;
}

export interface PullResult {
  path: string;
  sha256: string;
  bytes: number;
  /** True when bytes from an earlier partial download were kept. */
  resumed: boolean;
}

const sizeOf = async (file: string): Promise<number> => (await stat(file).catch(() => null))?.size ?? 0;

/** `Content-Range: bytes 100-199/200` → { start: 100, total: 200 } (total null for `*`). */
function parseContentRange(header: string | null): { start: number; total: number | null } | null {
  const match = /^bytes (\d+)-\d+\/(\d+|\*)$/.exec(header?.trim() ?? '');
  if (!match) return null;
  return { start: Number(match[1]), total: match[2] === '*' ? null : Number(match[2]) };
}

function cancelled(uri: string): DomainError {
  return new DomainError(ErrorCode.CANCELLED, `Download of ${uri} was cancelled; run it again to resume.`, { uri });
}

async function request(url: URL, offset: number, options: PullModelOptions): Promise<Response> {
  const fetchImpl = options.fetchImpl ?? fetch;
  try {
    return await fetchImpl(url, {
      headers: offset > 0 ? { range: `bytes=${offset}-` } : {},
      signal: options.signal ?? null,
      redirect: 'follow',
    });
  } catch (error) {
    if (options.signal?.aborted) throw cancelled(options.uri);
    throw new DomainError(
      ErrorCode.SERVICE_UNAVAILABLE,
      `Could not reach ${url.host} to download ${options.uri}: ${(error as Error).message}. Check the network or proxy.`,
      { uri: options.uri },
    );
  }
}

/**
 * Downloads a model file with resume and checksum. Bytes stream to `<dest>.partial` (never buffered whole); when a
 * partial exists the request asks for the rest with `Range`. A 206 from the right offset appends; a 200 means the
 * server ignored the range, so the partial is overwritten from zero; a 416 means the partial already holds the
 * whole file. The digest always covers the whole file, resumed bytes included, and only a verified file is renamed
 * into place (atomically), so a reader never sees half a model. A mismatch deletes the partial: resuming bad bytes
 * would fail forever.
 */
export async function pullModel(options: PullModelOptions): Promise<PullResult> {
  const expected = options.sha256?.toLowerCase();
  if (expected !== undefined && !/^[0-9a-f]{64}$/.test(expected)) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, `sha256 must be 64 hex digits; got "${options.sha256}".`);
  }
  const url = resolveModelUri(options.uri, options.hfEndpoint ?? DEFAULT_HF_ENDPOINT);
  const destination = path.resolve(options.destinationPath);
  const partial = `${destination}.partial`;
  await mkdir(path.dirname(destination), { recursive: true });
  if (options.signal?.aborted) throw cancelled(options.uri);

  let offset = await sizeOf(partial);
  let response = await request(url, offset, options);
  const hash = createHash('sha256');
  let resumed = false;
  let complete = false;
  let totalBytes: number | null = null;

  if (response.status === 416 && offset > 0) {
    await response.body?.cancel();
    complete = true;
    resumed = true;
  } else if (response.status === 206 && offset > 0) {
    const range = parseContentRange(response.headers.get('content-range'));
    if (range?.start === offset) {
      resumed = true;
      totalBytes = range.total;
    } else {
      // A range we did not ask for: safer to start over than to splice mismatched bytes.
      await response.body?.cancel();
      offset = 0;
      response = await request(url, 0, options);
    }
  } else if (offset > 0 && response.ok) {
    offset = 0; // 200: the server ignored Range and sends the whole file.
  }
  if (!complete && !response.ok) {
    await response.body?.cancel();
    throw httpError(response.status, response.statusText, url);
  }

  if (resumed) await hashFileInto(hash, partial);
  let receivedBytes = offset;
  if (!complete) {
    const length = Number(response.headers.get('content-length'));
    totalBytes ??= Number.isFinite(length) && response.headers.has('content-length') ? offset + length : null;
    if (!response.body) throw new DomainError(ErrorCode.SERVICE_UNAVAILABLE, `${url.host} sent no body for ${options.uri}.`);
    options.onProgress?.({ receivedBytes, totalBytes });
    // Each chunk is on disk before it is counted: what progress reported is what an abort leaves for a resume.
    const file = await open(partial, resumed ? 'a' : 'w');
    try {
      for await (const chunk of Readable.fromWeb(response.body as WebReadableStream<Uint8Array>)) {
        const bytes = chunk as Buffer;
        await file.write(bytes);
        hash.update(bytes);
        receivedBytes += bytes.length;
        options.onProgress?.({ receivedBytes, totalBytes });
        if (options.signal?.aborted) break;
      }
    } catch (error) {
      if (options.signal?.aborted) throw cancelled(options.uri);
      throw new DomainError(
        ErrorCode.SERVICE_UNAVAILABLE,
        `Download of ${options.uri} broke off after ${receivedBytes} bytes (${(error as Error).message}); run it again to resume.`,
        { uri: options.uri, receivedBytes },
      );
    } finally {
      await file.close();
    }
    if (options.signal?.aborted) throw cancelled(options.uri);
  }

  const actual = hash.digest('hex');
  const bytes = await sizeOf(partial);
  if (expected !== undefined && actual !== expected) {
    await unlink(partial).catch(() => undefined);
    throw new DomainError(
      ErrorCode.MODEL_LOAD_FAILED,
      `Checksum mismatch for ${options.uri}: expected sha256 ${expected}, got ${actual}. The partial file was deleted; ` +
        'check the URI and the expected checksum, then pull again.',
      { expected, actual, uri: options.uri },
    );
  }
  await rename(partial, destination);
  return { path: destination, sha256: actual, bytes, resumed };
}
