import express, { Router } from 'express';
import type { EngineServices } from '../../../app/EngineServices.js';
import type { TokenVerifier } from '../../../auth/createTokenVerifier.js';
import { embeddingsHandler } from './embeddings.js';
import { modelsHandlers } from './models.js';
import { openAIErrorHandler, unknownEndpoint } from './openaiErrors.js';
import { ChatCompletionBody, CompletionBody } from './schemas.js';
import { generationHandler } from './serveGeneration.js';
import { chatShape, textShape } from './toOpenAIResponse.js';
import { chatToGenerateRequest, completionToGenerateRequest } from './toGenerateRequest.js';

/**
 * The OpenAI-compatible API, mounted at `/v1`: what llama-server, vLLM and Ollama offer, so OpenAI client code works
 * against the engine unchanged. Same bearer tokens, limits, guardrails, generation records and audit as GraphQL and
 * REST; errors in OpenAI's shape with our ErrorCode as `code`.
 */
export function openaiRoutes(services: EngineServices, verify: TokenVerifier): Router {
  const router = Router();
  // Its own body parser, so malformed JSON is answered in OpenAI's error shape.
  router.use(express.json({ limit: services.config.limits.maxBodyBytes }));
  const models = modelsHandlers(services, verify);
  router.get('/models', models.list);
  router.get('/models/:model', models.retrieve);
  router.post(
    '/chat/completions',
    generationHandler(services, verify, {
      operation: 'openai.chat.completions',
      schema: ChatCompletionBody,
      expected: '{model, messages: [{role, content}], temperature?, top_p?, max_tokens?, stop?, seed?, response_format?, stream?}',
      toRequest: chatToGenerateRequest,
      shape: chatShape,
    }),
  );
  router.post(
    '/completions',
    generationHandler(services, verify, {
      operation: 'openai.completions',
      schema: CompletionBody,
      expected: '{model, prompt: string, temperature?, top_p?, max_tokens?, stop?, seed?, stream?}',
      toRequest: completionToGenerateRequest,
      shape: textShape,
    }),
  );
  router.post('/embeddings', embeddingsHandler(services, verify));
  router.use(unknownEndpoint(services.logger));
  router.use(openAIErrorHandler(services.logger));
  return router;
}
