import type { NextFunction, Request, Response } from 'express';
import { DomainError, ErrorCode } from '../../../errors.js';
import type { Logger } from '../../../logger.js';
import { httpStatusOf, publicError } from '../httpErrors.js';
import { setRetryAfter } from '../../retryAfter.js';

/** OpenAI's error body: `type` is its coarse class, `code` our stable ErrorCode, `param` the offending field if known. */
export interface OpenAIErrorBody {
  error: { message: string; type: string; code: string; param: string | null };
}

function typeOf(status: number): string {
  if (status === 401) return 'authentication_error';
  if (status === 403) return 'permission_error';
  if (status === 404) return 'not_found_error';
  if (status === 429) return 'rate_limit_error';
  if (status >= 500) return 'server_error';
  return 'invalid_request_error';
}

export function toOpenAIError(error: unknown, logger: Logger): { status: number; body: OpenAIErrorBody } {
  const { code, message } = publicError(error, logger, 'OpenAI-compatible request failed');
  const status = httpStatusOf(code);
  const field = error instanceof DomainError ? error.details.field : undefined;
  return { status, body: { error: { message, type: typeOf(status), code, param: typeof field === 'string' ? field : null } } };
}

export function sendOpenAIError(res: Response, error: unknown, logger: Logger): void {
  const { status, body } = toOpenAIError(error, logger);
  setRetryAfter(res, error);
  res.status(status).json(body);
}

/** Body-parser failures and unknown /v1 paths, in OpenAI's shape (the GraphQL handler would answer in its own). */
export function openAIErrorHandler(logger: Logger) {
  return (error: unknown, _req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) return next(error);
    const e = error as { type?: string; status?: number; message?: string };
    if (e.type === 'entity.parse.failed') return sendOpenAIError(res, new DomainError(ErrorCode.BAD_REQUEST, 'The request body is not valid JSON.'), logger);
    if (e.type === 'entity.too.large') return sendOpenAIError(res, new DomainError(ErrorCode.INPUT_TOO_LARGE, 'The request body is larger than this server accepts.'), logger);
    if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) return sendOpenAIError(res, new DomainError(ErrorCode.BAD_REQUEST, 'The request could not be read.'), logger);
    sendOpenAIError(res, error, logger);
  };
}

export function unknownEndpoint(logger: Logger) {
  return (req: Request, res: Response): void =>
    sendOpenAIError(res, new DomainError(ErrorCode.NOT_FOUND, `This server has no ${req.method} /v1${req.path}. It serves GET /v1/models, POST /v1/chat/completions, POST /v1/completions and POST /v1/embeddings.`), logger);
}
