import type { Viewer } from '../auth/viewer.js';
import { ErrorCode, isDomainError } from '../errors.js';
import type { GenerationChunk, GenerationResult } from '../inference/types.js';
import { auditEntryFor } from './audit.js';
import type { EngineServices } from './EngineServices.js';
import { recordGeneration } from './recordGeneration.js';

/**
 * A streamed generation with its bookkeeping, for every API that streams (graphql-ws, REST NDJSON): the generation
 * record when it completes, and one audit entry however it ends. A consumer that stops early is audited as CANCELLED.
 */
export async function* recordedStream(
  services: EngineServices,
  viewer: Viewer,
  operation: string,
  chunks: AsyncIterable<GenerationChunk>,
): AsyncGenerator<GenerationChunk> {
  const started = performance.now();
  let outcome: { result?: GenerationResult; errorCode?: string } = { errorCode: ErrorCode.CANCELLED };
  try {
    for await (const chunk of chunks) {
      if (chunk.done && chunk.result) {
        outcome = { result: chunk.result };
        // Not awaited: the client's last chunk must not wait for a database write (the record logs its own failure).
        void recordGeneration(services, viewer, chunk.result);
      }
      yield chunk;
    }
  } catch (error) {
    outcome = { errorCode: isDomainError(error) ? error.code : ErrorCode.INTERNAL_SERVER_ERROR };
    throw error;
  } finally {
    const { result, errorCode } = outcome;
    void services.stores.auditLog.record(
      auditEntryFor(viewer, operation, { started, ai: true, outcome: result ? 'SUCCESS' : 'FAILURE', modelId: result?.modelId ?? null, errorCode }),
    );
  }
}
