import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ErrorCode, isDomainError, withoutPaths } from '../errors.js';

const PUBLIC_CODES = new Set<string>(Object.values(ErrorCode));

/**
 * Apollo's own request errors that are the client's mistake, under our codes: an unknown or missing operationName,
 * persisted queries unknown, unsupported or not matching their hash. Their messages name nothing internal.
 */
const APOLLO_CODES: Record<string, ErrorCode> = {
  OPERATION_RESOLUTION_FAILURE: ErrorCode.BAD_REQUEST,
  PERSISTED_QUERY_NOT_FOUND: ErrorCode.PERSISTED_QUERY_NOT_FOUND,
  PERSISTED_QUERY_NOT_SUPPORTED: ErrorCode.BAD_REQUEST,
};
const MAX_MESSAGE = 300;
const CODELESS_PERSISTED_QUERY_ERRORS = new Set(['provided sha does not match query', 'Unsupported persisted query version']);

/** Marks a GraphQLError raised by our validation rules so its code survives Apollo's re-wrapping. */
export function limitError(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, oetCode: ErrorCode.QUERY_TOO_COMPLEX } });
}

/**
 * The edge where internal errors become the public contract: a DomainError keeps its code, message and details;
 * Apollo's own request errors keep theirs; anything else is an INTERNAL_SERVER_ERROR without internals. `onInternal`
 * sees what was hidden so it can be logged.
 */
export function formatEngineError(
  formatted: GraphQLFormattedError,
  error: unknown,
  onInternal?: (error: unknown) => void,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  if (isDomainError(original)) {
    // An unexpected failure wrapped as a domain error: the client reads its summary, operators get the cause.
    if (original.code === ErrorCode.INTERNAL_SERVER_ERROR) onInternal?.((original as Error & { cause?: unknown }).cause ?? original);
    return { ...base, message: withoutPaths(original.message), extensions: { ...original.details, code: original.code } };
  }
  const limit = formatted.extensions?.code === ErrorCode.GRAPHQL_PARSE_FAILED ? parseLimitMessage(error, formatted.message) : undefined;
  if (limit) return { ...base, message: limit, extensions: { code: ErrorCode.QUERY_TOO_COMPLEX } };
  const rejected = findOetCode(error);
  if (rejected) return { ...base, extensions: { code: rejected } };
  // Apollo raises the hash mismatch and an unsupported persistedQuery version with no code of its own (they were then
  // normalised to INTERNAL_SERVER_ERROR and logged as internal errors).
  const code = CODELESS_PERSISTED_QUERY_ERRORS.has(formatted.message) ? 'PERSISTED_QUERY_NOT_SUPPORTED' : formatted.extensions?.code;
  // Variable coercion ("Variable \"$input\" got invalid value …"): Apollo's HTTP path calls it BAD_USER_INPUT; over
  // graphql-ws it arrives with no code at all.
  if (/^Variable "\$[^"]+" (got invalid value|of required type|of non-null type)/.test(formatted.message) && !isDomainError(original)) {
    return { ...base, extensions: { code: ErrorCode.BAD_USER_INPUT } };
  }
  if (typeof code === 'string' && APOLLO_CODES[code]) {
    // "Unknown operation named …" echoes the client's operationName: bounded, so a 900 KB name is not sent back.
    const message = formatted.message.length > MAX_MESSAGE ? `${formatted.message.slice(0, MAX_MESSAGE)}…` : formatted.message;
    return { ...base, message, extensions: { code: APOLLO_CODES[code] } };
  }
  if (typeof code === 'string' && PUBLIC_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
    return { ...base, extensions: { code } };
  }
  onInternal?.(original);
  return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}

/**
 * A parse stopped by a size limit is QUERY_TOO_COMPLEX, like the depth and alias limits, not a syntax error: the
 * token limit (PARSE_OPTIONS), or the stack — graphql-js parses recursively, and a deeply nested document can overflow
 * it before the token limit stops it (the depth varies with how far V8 has optimised the parser). The client reads
 * our words, never V8's "Maximum call stack size exceeded". Undefined for an ordinary syntax error.
 */
export function parseLimitMessage(error: unknown, message: string): string | undefined {
  if (overflowedTheStack(error)) return 'The document is nested too deeply to parse; send fewer levels.';
  const tokens = /^Syntax Error: Document contains more th(?:an|at) (\d+) tokens/.exec(message);
  if (tokens) return `The document has more than ${tokens[1]} tokens; split it into smaller operations.`;
  return undefined;
}

function overflowedTheStack(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    if (current instanceof RangeError) return true;
    current = (current as { originalError?: unknown }).originalError;
  }
  return false;
}

function findOetCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof GraphQLError; depth++) {
    const code = current.extensions?.oetCode;
    if (typeof code === 'string') return code;
    current = current.originalError;
  }
  return undefined;
}
