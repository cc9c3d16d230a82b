/**
 * The error contract. `ErrorCode` values are what clients match on (`extensions.code`); the classes below are
 * internal and become GraphQLErrors at the edge (see src/graphql/formatError.ts). Messages say what was expected,
 * what came, and how to fix it. Nothing here knows about GraphQL.
 */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  /** Malformed HTTP request: unparseable JSON body, missing query. */
  BAD_REQUEST = 'BAD_REQUEST',
  GRAPHQL_PARSE_FAILED = 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED',
  /** An automatic persisted query's hash is unknown: send the query with it once (the client's APQ link retries). */
  PERSISTED_QUERY_NOT_FOUND = 'PERSISTED_QUERY_NOT_FOUND',
  INPUT_TOO_LARGE = 'INPUT_TOO_LARGE',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  MODEL_NOT_FOUND = 'MODEL_NOT_FOUND',
  MODEL_LOAD_FAILED = 'MODEL_LOAD_FAILED',
  MODEL_BUSY = 'MODEL_BUSY',
  INSUFFICIENT_MEMORY = 'INSUFFICIENT_MEMORY',
  CONTEXT_OVERFLOW = 'CONTEXT_OVERFLOW',
  QUEUE_FULL = 'QUEUE_FULL',
  TIMEOUT = 'TIMEOUT',
  CANCELLED = 'CANCELLED',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
  /** The safety policy blocked a prompt or a model's output (harmful content); `details.categories` says which. */
  SAFETY_BLOCKED = 'SAFETY_BLOCKED',
}

/** Base for every error a client may see. `details` must hold no secrets and no user text. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }
}

export class BadUserInputError extends DomainError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(ErrorCode.BAD_USER_INPUT, message, details);
  }
}

export class InputTooLargeError extends DomainError {
  constructor(field: string, limit: number, actual: number) {
    super(
      ErrorCode.INPUT_TOO_LARGE,
      `${field} is ${actual} characters; at most ${limit} are accepted. Shorten it or split it into several requests.`,
      { field, limit, actual },
    );
  }
}

export class TooManyItemsError extends DomainError {
  constructor(field: string, limit: number, actual: number) {
    super(
      ErrorCode.INPUT_TOO_LARGE,
      `${field} has ${actual} items; at most ${limit} are accepted in one request. Split the list into several requests.`,
      { field, limit, actual },
    );
  }
}

export class NotFoundError extends DomainError {
  constructor(kind: string, id: string) {
    super(ErrorCode.NOT_FOUND, `No ${kind} with id "${id}" exists, or you may not see it.`, { kind, id });
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'A valid bearer token is required: send "Authorization: Bearer <JWT>".') {
    super(ErrorCode.UNAUTHENTICATED, message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'Your roles do not allow this operation.') {
    super(ErrorCode.FORBIDDEN, message);
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

/** Clients never see server paths: an absolute path in a message is cut to its last segment (operators' logs keep it). */
export function withoutPaths(message: string): string {
  return message.replace(/(?:[A-Za-z]:)?(?:[\\/][^\s\\/:'"]+){2,}/g, (p) => p.split(/[\\/]/).pop() ?? '');
}
