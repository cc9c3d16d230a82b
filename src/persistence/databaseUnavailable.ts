import { DomainError, ErrorCode } from '../errors.js';
import type { PrismaStoreClient } from './prismaClients.js';

/**
 * The database did not answer (down, restarting, network cut). Clients get SERVICE_UNAVAILABLE (REST 503) and may
 * retry; the driver's text (host, port, Prisma's invocation) stays in `cause`, for operators. A write cut off after
 * its COMMIT was sent may have been stored all the same: hence retries with an idempotency key.
 */
export class DatabaseUnavailableError extends DomainError {
  constructor(cause: unknown) {
    super(ErrorCode.SERVICE_UNAVAILABLE, 'The database is not reachable right now. Retry in a few seconds (with the same idempotencyKey, where the operation takes one).');
    this.cause = cause;
  }
}

// Prisma's codes for a server that cannot be reached, closed the connection, or timed out, and (with driver
// adapters) the adapter's kinds, which reach us as these codes or as their messages.
const UNREACHABLE_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1011', 'P1017', 'P2024']);
const UNREACHABLE_TEXT = /Can't reach database server|Server has closed the connection|Connection terminated|connection (?:is )?closed|ECONNREFUSED|ECONNRESET|ETIMEDOUT|timeout exceeded when trying to connect|Timed out fetching a new connection|DatabaseNotReachable|ConnectionClosed|SocketTimeout/i;

/** True for failures of the connection itself, never for the query's own errors (constraint, validation). */
export function isDatabaseUnreachable(error: unknown): boolean {
  if (error instanceof DomainError || !(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && UNREACHABLE_CODES.has(code)) return true;
  if (error.name === 'PrismaClientInitializationError') return true;
  if (typeof code === 'string' && /^P2\d{3}$/.test(code)) return false;
  return UNREACHABLE_TEXT.test(error.message);
}

/** Rethrows connection failures as DatabaseUnavailableError, anything else as it came. */
export function unavailableOr(error: unknown): never {
  throw isDatabaseUnreachable(error) ? new DatabaseUnavailableError(error) : error;
}

/**
 * The same client with every model operation and raw query mapped through `unavailableOr`, so that each store
 * answers SERVICE_UNAVAILABLE during an outage without a try/catch of its own. The pg pool drops broken connections
 * and opens new ones on demand, so the same client serves again once the server is back.
 */
export function withUnavailableErrors(prisma: PrismaStoreClient): PrismaStoreClient {
  const extended = prisma.$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (error) {
          return unavailableOr(error);
        }
      },
    },
  });
  // Same delegates and methods; only the nominal type differs (as between the two generated clients).
  return extended as unknown as PrismaStoreClient;
}
