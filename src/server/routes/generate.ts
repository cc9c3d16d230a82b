import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { EngineServices } from '../../app/EngineServices.js';
import { auditEntryFor } from '../../app/audit.js';
import { recordGeneration } from '../../app/recordGeneration.js';
import { recordedStream } from '../../app/recordedStream.js';
import { guardRequest, guardResult, guardStream } from '../../app/guardrails.js';
import { cacheScopeOf } from '../../app/cacheScope.js';
import type { TokenVerifier } from '../../auth/createTokenVerifier.js';
import { BadUserInputError, ErrorCode, isDomainError } from '../../errors.js';
import { assertTextLimits } from '../../graphql/middleware/limitTextInputs.js';
import type { GenerateRequest, GenerationResult } from '../../inference/types.js';
import { abortOnClose, admitUser } from '../requestContext.js';
import { httpStatusOf, publicError } from './httpErrors.js';
import { setRetryAfter } from '../retryAfter.js';

/** The seed's REST body (snake_case, as its clients send it). */
const GenerateBody = z
  .object({
    prompt: z.string().optional(),
    messages: z.array(z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string() })).optional(),
    model: z.string().optional(),
    temperature: z.number().optional(),
    top_p: z.number().optional(),
    max_tokens: z.number().int().optional(),
    stop: z.array(z.string()).optional(),
    seed: z.number().int().optional(),
    json_schema: z.record(z.string(), z.unknown()).optional(),
    stream: z.boolean().default(false),
  })
  .strict();

/**
 * `POST /api/v1/llm/generate`: the same engine and auth as GraphQL. With `"stream": true` the answer is NDJSON, one
 * `{text, done}` object a line, the last with the usage (as Ollama streams); closing the connection aborts it.
 */
export function generateRoute(services: EngineServices, verify: TokenVerifier): Router {
  const router = Router();
  router.post('/api/v1/llm/generate', async (req: Request, res: Response) => {
    const started = performance.now();
    let viewer;
    try {
      viewer = await admitUser(verify, services.rateLimits, req.header('authorization'), 'ai');
    } catch (error) {
      return sendError(res, error, services);
    }
    const abort = abortOnClose(res);
    const failed = (error: unknown) =>
      void services.stores.auditLog.record(
        auditEntryFor(viewer, 'rest.generate', { started, ai: true, outcome: 'FAILURE', errorCode: isDomainError(error) ? error.code : ErrorCode.INTERNAL_SERVER_ERROR }),
      );
    let request: ReturnType<typeof parseBody>;
    try {
      request = parseBody(req.body, services.config.limits.maxTextChars);
      request = { ...request, generate: await guardRequest(services, viewer, request.generate, abort.signal) };
    } catch (error) {
      failed(error);
      return sendError(res, error, services);
    }
    if (!request.stream) {
      try {
        const generated = await services.inference.generate(request.generate, { signal: abort.signal, cacheScope: cacheScopeOf(viewer) });
        await recordGeneration(services, viewer, generated);
        const result = guardResult(services, viewer, generated);
        void services.stores.auditLog.record(auditEntryFor(viewer, 'rest.generate', { started, outcome: 'SUCCESS', ai: true, modelId: result.modelId }));
        return res.json({ text: result.text, finish_reason: result.finishReason, model: result.modelId, alias: result.alias, usage: snakeUsage(result) });
      } catch (error) {
        failed(error);
        return sendError(res, error, services);
      }
    }
    res.status(200).type('application/x-ndjson');
    try {
      const chunks = guardStream(services, viewer, request.generate, services.inference.generateStream(request.generate, { signal: abort.signal, cacheScope: cacheScopeOf(viewer) }), () => abort.abort());
      for await (const chunk of recordedStream(services, viewer, 'rest.generate', chunks)) {
        const line = chunk.done && chunk.result
          ? { text: '', done: true, finish_reason: chunk.result.finishReason, model: chunk.result.modelId, usage: snakeUsage(chunk.result) }
          : { text: chunk.text, done: false };
        res.write(`${JSON.stringify(line)}\n`);
      }
    } catch (error) {
      // recordedStream has audited it. Before the first line the status can still say it; mid-stream the error
      // travels as the last line.
      if (!res.headersSent) return sendError(res, error, services);
      res.write(`${JSON.stringify({ done: true, error: publicError(error, services.logger, 'REST generate failed') })}\n`);
    }
    return res.end();
  });
  return router;
}

function parseBody(body: unknown, maxTextChars: number): { generate: GenerateRequest; stream: boolean } {
  const parsed = GenerateBody.safeParse(body ?? {});
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
    throw new BadUserInputError(`Invalid request body: ${problems}. Expected {prompt | messages, model?, temperature?, max_tokens?, stream?}.`);
  }
  const b = parsed.data;
  assertTextLimits(b, maxTextChars, 'body');
  return {
    stream: b.stream,
    generate: {
      prompt: b.prompt,
      messages: b.messages,
      model: b.model,
      temperature: b.temperature,
      topP: b.top_p,
      maxTokens: b.max_tokens,
      stop: b.stop,
      seed: b.seed,
      jsonSchema: b.json_schema,
    },
  };
}

function snakeUsage(result: GenerationResult) {
  const u = result.usage;
  return {
    prompt_tokens: u.promptTokens,
    cached_prompt_tokens: u.cachedPromptTokens ?? null,
    cached: u.cached === true,
    completion_tokens: u.completionTokens,
    time_to_first_token_ms: u.timeToFirstTokenMs,
    tokens_per_second: u.tokensPerSecond,
    total_ms: u.totalMs,
  };
}

function sendError(res: Response, error: unknown, services: EngineServices) {
  const body = publicError(error, services.logger, 'REST generate failed');
  setRetryAfter(res, error);
  return res.status(httpStatusOf(body.code)).json({ error: body });
}
