import { DomainError, ErrorCode } from '../../errors.js';

/**
 * A remote server's failures as our DomainErrors. Clients read the code and a message of ours; the server's own text
 * (and its URL, which may carry credentials) goes only to the `cause`, which operators' logs show.
 */

/** Codes another OET engine (or a server using them) may answer that mean the same here. */
const PASSED_THROUGH = new Set<string>([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.CONTEXT_OVERFLOW,
  ErrorCode.INPUT_TOO_LARGE,
  ErrorCode.QUEUE_FULL,
  ErrorCode.SAFETY_BLOCKED,
  ErrorCode.TIMEOUT,
  ErrorCode.RATE_LIMITED,
]);

const withCause = (error: DomainError, cause: unknown): DomainError => {
  Object.defineProperty(error, 'cause', { value: cause, enumerable: false });
  return error;
};

/** An error event in the middle of a stream (the status was 200 by then): by its code, or SERVICE_UNAVAILABLE. */
export function remoteStreamError(modelId: string, remoteCode: string | null, remoteText: string): DomainError {
  const cause = new Error(`error event: ${remoteText.slice(0, 500)}`);
  if (remoteCode !== null && PASSED_THROUGH.has(remoteCode)) {
    return withCause(new DomainError(remoteCode as ErrorCode, `The model server behind "${modelId}" stopped the generation (${remoteCode}).`), cause);
  }
  return withCause(new DomainError(ErrorCode.SERVICE_UNAVAILABLE, `The model server behind "${modelId}" failed part-way through the generation; retry later.`), cause);
}

/** An HTTP error answer from the server; `remoteCode` is the `error.code` of its body when it had one. */
export function remoteHttpError(modelId: string, status: number, remoteCode: string | null, remoteText: string): DomainError {
  const server = `The model server behind "${modelId}"`;
  const cause = new Error(`HTTP ${status}: ${remoteText.slice(0, 500)}`);
  if (remoteCode !== null && PASSED_THROUGH.has(remoteCode)) {
    return withCause(new DomainError(remoteCode as ErrorCode, `${server} refused the request (${remoteCode}, HTTP ${status}).`, { remoteStatus: status }), cause);
  }
  if (status === 401 || status === 403) {
    return withCause(new DomainError(ErrorCode.SERVICE_UNAVAILABLE, `${server} refused this engine's credentials (HTTP ${status}); an operator must fix its API key.`, { remoteStatus: status }), cause);
  }
  if (status === 404) {
    return withCause(new DomainError(ErrorCode.MODEL_LOAD_FAILED, `${server} does not serve the model it is configured with (HTTP 404); an operator must fix the manifest.`, { remoteStatus: status }), cause);
  }
  if (status === 413) return withCause(new DomainError(ErrorCode.INPUT_TOO_LARGE, `${server} refused the request as too large (HTTP 413).`, { remoteStatus: status }), cause);
  if (status === 429) return withCause(new DomainError(ErrorCode.QUEUE_FULL, `${server} is busy (HTTP 429); retry later.`, { remoteStatus: status }), cause);
  if (status >= 400 && status < 500) {
    return withCause(new DomainError(ErrorCode.BAD_USER_INPUT, `${server} rejected the request as invalid (HTTP ${status}); a parameter may exceed what it accepts.`, { remoteStatus: status }), cause);
  }
  return withCause(new DomainError(ErrorCode.SERVICE_UNAVAILABLE, `${server} failed (HTTP ${status}); retry later.`, { remoteStatus: status }), cause);
}

/** llama-server's `exceed_context_size_error`: the same CONTEXT_OVERFLOW, words and numbers as a local model's. */
export function remoteContextOverflow(modelId: string, promptTokens: number, contextSize: number, remoteText: string): DomainError {
  return withCause(
    new DomainError(
      ErrorCode.CONTEXT_OVERFLOW,
      `The prompt is ${promptTokens} tokens; with at least 1 token to generate it needs ${promptTokens + 1}, but model "${modelId}" holds ${contextSize} tokens per request. Shorten the prompt.`,
      { promptTokens, contextSize },
    ),
    new Error(`HTTP 400: ${remoteText.slice(0, 500)}`),
  );
}

/** fetch's network failures (refused, unknown host, reset) as SERVICE_UNAVAILABLE, with the reason in words. */
export function remoteUnreachable(modelId: string, error: unknown): DomainError {
  const code = networkCode(error);
  const why = code === 'ECONNREFUSED' ? 'connection refused' : code === 'ENOTFOUND' || code === 'EAI_AGAIN' ? 'host not found' : code === 'ECONNRESET' ? 'connection reset' : code ? code : 'network error';
  return withCause(new DomainError(ErrorCode.SERVICE_UNAVAILABLE, `The model server behind "${modelId}" is unreachable (${why}); retry later.`), error);
}

/** An answer that is not what an OpenAI-compatible server sends. */
export function remoteProtocolError(modelId: string, what: string): DomainError {
  return new DomainError(ErrorCode.SERVICE_UNAVAILABLE, `The model server behind "${modelId}" sent an answer this engine cannot read (${what}).`);
}

/** The errno code (ECONNREFUSED…) of fetch's error or its causes. Duck-typed: fetch's errors may come from another realm. */
function networkCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    const { code, cause } = current as { code?: unknown; cause?: unknown };
    if (typeof code === 'string') return code;
    current = cause;
  }
  return undefined;
}
