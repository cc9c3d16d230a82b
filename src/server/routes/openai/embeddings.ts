import type { Request, Response } from 'express';
import { auditEntryFor } from '../../../app/audit.js';
import type { EngineServices } from '../../../app/EngineServices.js';
import type { TokenVerifier } from '../../../auth/createTokenVerifier.js';
import { BadUserInputError, ErrorCode, isDomainError } from '../../../errors.js';
import { MAX_EMBED_TEXTS } from '../../../app/embedLimits.js';
import { abortOnClose, admitUser } from '../../requestContext.js';
import { sendOpenAIError } from './openaiErrors.js';
import { parseBody } from './parseBody.js';
import { EmbeddingBody } from './schemas.js';

const OPERATION = 'openai.embeddings';

/**
 * `POST /v1/embeddings` over the engine's ONNX sentence encoders. `encoding_format: "base64"` (what the openai
 * client asks for by default) is the float32 little-endian bytes of each vector. `dimensions` cannot shorten a
 * vector: it must be the model's own size. Token counts are not measured here, so usage reads 0.
 */
export function embeddingsHandler(services: EngineServices, verify: TokenVerifier) {
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
    try {
      const body = parseBody(EmbeddingBody, req.body, services.config.limits.maxTextChars, '{model, input: string | string[], encoding_format?, dimensions?}');
      const texts = toTexts(body.input);
      const vectors = await services.inference.embed({ model: body.model, texts }, { signal: abort.signal });
      const size = vectors[0]?.length ?? 0;
      if (body.dimensions !== undefined && body.dimensions !== size) {
        throw new BadUserInputError(`"dimensions" must be ${size} for model "${body.model}" (its vectors cannot be shortened); got ${body.dimensions}.`, { field: 'dimensions' });
      }
      const modelId = services.inference.getModel(body.model)?.id ?? body.model;
      void services.stores.auditLog.record(auditEntryFor(viewer, OPERATION, { started, outcome: 'SUCCESS', ai: true, modelId }));
      res.json({
        object: 'list',
        data: vectors.map((v, index) => ({ object: 'embedding', index, embedding: body.encoding_format === 'base64' ? toBase64(v) : v })),
        model: modelId,
        usage: { prompt_tokens: 0, total_tokens: 0 },
      });
    } catch (error) {
      void services.stores.auditLog.record(
        auditEntryFor(viewer, OPERATION, { started, ai: true, outcome: 'FAILURE', errorCode: isDomainError(error) ? error.code : ErrorCode.INTERNAL_SERVER_ERROR }),
      );
      sendOpenAIError(res, error, logger);
    }
  };
}

function toTexts(input: EmbeddingBody['input']): string[] {
  const texts = typeof input === 'string' ? [input] : input;
  if (texts.some((t) => typeof t !== 'string')) throw new BadUserInputError('"input" as token ids is not supported by this server: send text.', { field: 'input' });
  if (texts.length === 0 || texts.length > MAX_EMBED_TEXTS) throw new BadUserInputError(`"input" must hold 1–${MAX_EMBED_TEXTS} texts; got ${texts.length}.`, { field: 'input' });
  return texts as string[];
}

const toBase64 = (vector: number[]): string => Buffer.from(new Float32Array(vector).buffer).toString('base64');
