import { DomainError, ErrorCode } from '../errors.js';

/**
 * Small constructors for the inference error codes, so every call site words them the same way. Library errors
 * (llama.cpp, onnxruntime) never leave the engine: they are wrapped here with the original message kept in `cause`.
 */
export const modelNotFound = (idOrAlias: string, hint = ''): DomainError =>
  new DomainError(
    ErrorCode.MODEL_NOT_FOUND,
    `No model or alias "${idOrAlias}" is known.${hint ? ` ${hint}` : ' List them with the models query or `npm run models -- list`.'}`,
    { model: idOrAlias },
  );

export const badInput = (message: string, details: Record<string, unknown> = {}): DomainError =>
  new DomainError(ErrorCode.BAD_USER_INPUT, message, details);

/** `what` names the work (e.g. "The ONNX request"); without it the generic caller-cancelled wording is used. */
export const cancelled = (what?: string): DomainError =>
  new DomainError(
    ErrorCode.CANCELLED,
    what ? `${what} was cancelled by its AbortSignal.` : 'The request was cancelled by its caller before it finished.',
  );

export const timedOut = (timeoutMs: number, where: string): DomainError =>
  new DomainError(
    ErrorCode.TIMEOUT,
    `The request did not finish within ${timeoutMs} ms (it was still ${where}). Retry later, raise timeoutMs, or use a smaller maxTokens.`,
    { timeoutMs },
  );

/**
 * Keeps DomainErrors as they are; anything else becomes `code` with `prefix` as its message. The library's own text
 * (llama.cpp, onnxruntime: internals, paths) stays out of what clients read: it is the error's `cause`, which the
 * engine logs for operators.
 */
export function asDomainError(error: unknown, code: ErrorCode, prefix: string): DomainError {
  if (error instanceof DomainError) return error;
  const domain = new DomainError(code, `${prefix}.`);
  Object.defineProperty(domain, 'cause', { value: error, enumerable: false });
  return domain;
}

/** The library text behind a wrapped error, for logs. */
export function causeOf(error: DomainError): string | undefined {
  const cause: unknown = (error as Error & { cause?: unknown }).cause;
  return cause === undefined ? undefined : cause instanceof Error ? cause.message : String(cause);
}
