import type { Response } from 'express';
import { ErrorCode, isDomainError } from '../errors.js';

/**
 * `Retry-After` (seconds) for a RATE_LIMITED answer; call it with any error before sending the error status. HTTP
 * clients and proxies read the header; GraphQL clients read `extensions.retryAfterSeconds`.
 */
export function setRetryAfter(res: Response, error: unknown): void {
  if (!isDomainError(error) || error.code !== ErrorCode.RATE_LIMITED) return;
  const seconds = error.details.retryAfterSeconds;
  if (typeof seconds === 'number' && Number.isFinite(seconds)) res.setHeader('Retry-After', String(Math.max(1, Math.ceil(seconds))));
}
