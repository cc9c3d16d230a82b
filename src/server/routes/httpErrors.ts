import { DomainError, ErrorCode, withoutPaths } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { boundedForLog } from '../boundedForLog.js';

/** HTTP status of each error code, for every REST-style API (the seed's REST route, the OpenAI-compatible /v1). */
const STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.SAFETY_BLOCKED]: 422,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.INPUT_TOO_LARGE]: 413,
  [ErrorCode.CONTEXT_OVERFLOW]: 400,
  [ErrorCode.MODEL_NOT_FOUND]: 404,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.QUEUE_FULL]: 429,
  [ErrorCode.TIMEOUT]: 504,
  [ErrorCode.MODEL_LOAD_FAILED]: 503,
  [ErrorCode.INSUFFICIENT_MEMORY]: 503,
  [ErrorCode.MODEL_BUSY]: 503,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.BAD_REQUEST]: 400,
  [ErrorCode.QUERY_TOO_COMPLEX]: 400,
  // nginx's "client closed request": only a client still listening (a proxy, a log) ever sees it.
  [ErrorCode.CANCELLED]: 499,
};

export function httpStatusOf(code: string): number {
  return STATUS[code as ErrorCode] ?? 500;
}

/** What a client may read of an error: a DomainError's code and path-free message, anything else as internal (logged). */
export function publicError(error: unknown, logger: Logger, what = 'REST request failed'): { code: ErrorCode; message: string } {
  if (error instanceof DomainError) return { code: error.code, message: withoutPaths(error.message) };
  logger.error({ err: boundedForLog(error instanceof Error ? (error.stack ?? error.message) : String(error)) }, what);
  return { code: ErrorCode.INTERNAL_SERVER_ERROR, message: 'Internal server error' };
}
