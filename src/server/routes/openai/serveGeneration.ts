import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import type { z } from 'zod';
import { auditEntryFor } from '../../../app/audit.js';
import type { EngineServices } from '../../../app/EngineServices.js';
import { guardRequest, guardResult, guardStream } from '../../../app/guardrails.js';
import { cacheScopeOf } from '../../../app/cacheScope.js';
import { recordedStream } from '../../../app/recordedStream.js';
import { recordGeneration } from '../../../app/recordGeneration.js';
import type { TokenVerifier } from '../../../auth/createTokenVerifier.js';
import { ErrorCode, isDomainError } from '../../../errors.js';
import type { GenerateRequest } from '../../../inference/types.js';
import { abortOnClose, admitUser } from '../../requestContext.js';
import { sendOpenAIError, toOpenAIError } from './openaiErrors.js';
import { parseBody } from './parseBody.js';
import { SseWriter } from './sseWriter.js';
import type { ResponseMeta, ResponseShape } from './toOpenAIResponse.js';

/** What both generation endpoints' bodies have in common. */
interface GenerationBody {
  model: string;
  stream?: boolean | null;
  stream_options?: { include_usage?: boolean } | null;
}

/** One generation endpoint: its body, its audit name, its mapping and its answer's shape. */
export interface GenerationEndpoint<B extends GenerationBody> {
  /** Audit log operation, e.g. `openai.chat.completions`. */
  operation: string;
  schema: z.ZodType<B>;
  /** Said in the 400 message of a body that does not parse. */
  expected: string;
  toRequest(body: B): GenerateRequest;
  shape: ResponseShape;
}

/**
 * The request path of chat and legacy completions, as the REST route runs it: bearer token, body and text limits,
 * prompt guardrail, generation (whole or streamed as SSE) with the output guardrail, generation record, one audit
 * entry however it ends. The client closing the connection aborts the generation and frees its sequence.
 */
export function generationHandler<B extends GenerationBody>(services: EngineServices, verify: TokenVerifier, endpoint: GenerationEndpoint<B>) {
  const { logger } = services;
  return async (req: Request, res: Response): Promise<void> => {
    const started = performance.now();
    let viewer;
    try {
      viewer = await admitUser(verify, services.rateLimits, req.header('authorization'), 'ai');
    } catch (error) {
      return sendOpenAIError(res, error, logger);
    }
    const abort = abortOnClose(res);
    let body: B;
    let request: GenerateRequest;
    try {
      body = parseBody(endpoint.schema, req.body, services.config.limits.maxTextChars, endpoint.expected);
      request = await guardRequest(services, viewer, endpoint.toRequest(body), abort.signal);
    } catch (error) {
      void services.stores.auditLog.record(
        auditEntryFor(viewer, endpoint.operation, { started, ai: true, outcome: 'FAILURE', errorCode: isDomainError(error) ? error.code : ErrorCode.INTERNAL_SERVER_ERROR }),
      );
      return sendOpenAIError(res, error, logger);
    }
    const meta: ResponseMeta = { id: `${endpoint.shape.idPrefix}-${randomUUID().replaceAll('-', '')}`, created: Math.floor(Date.now() / 1000), model: body.model };

    if (body.stream !== true) {
      try {
        const generated = await services.inference.generate(request, { signal: abort.signal, cacheScope: cacheScopeOf(viewer) });
        await recordGeneration(services, viewer, generated);
        const result = guardResult(services, viewer, generated);
        void services.stores.auditLog.record(auditEntryFor(viewer, endpoint.operation, { started, outcome: 'SUCCESS', ai: true, modelId: result.modelId }));
        res.json(endpoint.shape.whole(meta, result));
      } catch (error) {
        void services.stores.auditLog.record(
          auditEntryFor(viewer, endpoint.operation, { started, ai: true, outcome: 'FAILURE', errorCode: isDomainError(error) ? error.code : ErrorCode.INTERNAL_SERVER_ERROR }),
        );
        sendOpenAIError(res, error, logger);
      }
      return;
    }

    const sse = new SseWriter(res);
    const includeUsage = body.stream_options?.include_usage === true;
    const { shape } = endpoint;
    let first = true;
    try {
      const chunks = guardStream(services, viewer, request, services.inference.generateStream(request, { signal: abort.signal, cacheScope: cacheScopeOf(viewer) }), () => abort.abort());
      for await (const chunk of recordedStream(services, viewer, endpoint.operation, chunks)) {
        // Leaving the loop ends the engine's stream, which aborts the generation.
        if (!sse.open) break;
        if (chunk.done && chunk.result) {
          // A chat stream always opens with the assistant's role, even when nothing was generated.
          if (first) sse.send(shape.delta(meta, '', true, includeUsage));
          sse.send(shape.end(meta, chunk.result, includeUsage));
          if (includeUsage) sse.send(shape.usage(meta, chunk.result));
        } else if (chunk.text !== '') {
          sse.send(shape.delta(meta, chunk.text, first, includeUsage));
          first = false;
        }
      }
      sse.done();
    } catch (error) {
      // recordedStream has audited it. Before the first event the status can still say it; later it is an error event.
      if (!sse.started) return sendOpenAIError(res, error, logger);
      sse.send(toOpenAIError(error, logger).body);
      sse.end();
    }
  };
}
