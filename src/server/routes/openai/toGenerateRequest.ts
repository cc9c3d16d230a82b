import { BadUserInputError } from '../../../errors.js';
import type { ChatMessage, GenerateRequest } from '../../../inference/types.js';
import type { ChatCompletionBody, ChatMessageBody, CompletionBody } from './schemas.js';

/**
 * OpenAI request bodies → our GenerateRequest. Parameters with an equivalent are mapped; the ones this engine cannot
 * honour are rejected by name (400 with `param`), never silently dropped. `user` is accepted and not used: the bearer
 * token already names the caller.
 */

const unsupported = (param: string, why: string): BadUserInputError =>
  new BadUserInputError(`"${param}" is not supported by this server: ${why}`, { field: param });

/** Fields common to chat and completions. */
function mapSampling(body: ChatCompletionBody | CompletionBody): Omit<GenerateRequest, 'prompt' | 'messages'> {
  if (body.n !== undefined && body.n !== null && body.n !== 1) throw unsupported('n', `one choice per request (n = 1); got ${body.n}. Send several requests instead.`);
  if (body.frequency_penalty) throw unsupported('frequency_penalty', 'leave it unset or 0.');
  if (body.presence_penalty) throw unsupported('presence_penalty', 'leave it unset or 0.');
  if (body.logit_bias && Object.keys(body.logit_bias).length > 0) throw unsupported('logit_bias', 'token biases are not applied.');
  if (body.logprobs !== undefined && body.logprobs !== null && body.logprobs !== false && body.logprobs !== 0) throw unsupported('logprobs', 'log-probabilities are not returned.');
  if (body.top_logprobs !== undefined && body.top_logprobs !== null) throw unsupported('top_logprobs', 'log-probabilities are not returned.');
  const stop = body.stop === undefined || body.stop === null ? undefined : typeof body.stop === 'string' ? [body.stop] : body.stop;
  return {
    model: body.model,
    temperature: body.temperature ?? undefined,
    topP: body.top_p ?? undefined,
    maxTokens: ('max_completion_tokens' in body ? body.max_completion_tokens : undefined) ?? body.max_tokens ?? undefined,
    stop,
    seed: body.seed ?? undefined,
  };
}

export function chatToGenerateRequest(body: ChatCompletionBody): GenerateRequest {
  const present = (v: unknown) => v !== undefined && v !== null;
  if ((Array.isArray(body.tools) && body.tools.length > 0) || (present(body.tools) && !Array.isArray(body.tools))) throw unsupported('tools', 'no tool or function calling.');
  if (present(body.functions)) throw unsupported('functions', 'no tool or function calling.');
  for (const name of ['tool_choice', 'function_call'] as const) {
    const v = body[name];
    if (present(v) && v !== 'none' && v !== 'auto') throw unsupported(name, 'no tool or function calling.');
  }
  if (body.store === true) throw unsupported('store', 'completions are not stored for later retrieval.');
  if (present(body.modalities) && JSON.stringify(body.modalities) !== '["text"]') throw unsupported('modalities', 'text output only.');
  for (const name of ['audio', 'prediction', 'reasoning_effort', 'web_search_options'] as const) {
    if (present(body[name])) throw unsupported(name, 'the local models have no such feature.');
  }
  let jsonSchema: Record<string, unknown> | undefined;
  const format = body.response_format;
  if (format?.type === 'json_object') throw unsupported('response_format', 'type "json_object" has no schema to constrain decoding; send type "json_schema" with json_schema.schema.');
  if (format?.type === 'json_schema') {
    if (format.json_schema.schema === undefined) throw new BadUserInputError('"response_format.json_schema.schema" is required: the JSON schema the output must match.', { field: 'response_format.json_schema.schema' });
    jsonSchema = format.json_schema.schema;
  }
  return { ...mapSampling(body), messages: body.messages.map(toChatMessage), ...(jsonSchema ? { jsonSchema } : {}) };
}

export function completionToGenerateRequest(body: CompletionBody): GenerateRequest {
  if (body.echo) throw unsupported('echo', 'the prompt is not repeated in the answer.');
  if (body.suffix !== undefined && body.suffix !== null && body.suffix !== '') throw unsupported('suffix', 'no fill-in-the-middle.');
  if (body.best_of !== undefined && body.best_of !== null && body.best_of !== 1) throw unsupported('best_of', `one candidate per request; got ${body.best_of}.`);
  const prompt = body.prompt;
  let text: string;
  if (typeof prompt === 'string') text = prompt;
  else if (prompt.length === 1 && typeof prompt[0] === 'string') text = prompt[0];
  else if (prompt.every((p) => typeof p === 'string')) throw unsupported('prompt', `one prompt per request; got ${prompt.length}. Send several requests instead.`);
  else throw unsupported('prompt', 'token-id prompts; send the prompt as text.');
  return { ...mapSampling(body), prompt: text };
}

function toChatMessage(message: ChatMessageBody, index: number): ChatMessage {
  const param = `messages.${index}`;
  if (message.role === 'tool' || message.role === 'function') throw unsupported(`${param}.role`, `no tool or function calling, so no "${message.role}" messages.`);
  if (message.tool_calls !== undefined && message.tool_calls !== null) throw unsupported(`${param}.tool_calls`, 'no tool or function calling.');
  const role = message.role === 'developer' ? 'system' : message.role;
  const content = message.content;
  if (content === undefined || content === null) {
    if (role === 'assistant') return { role, content: '' };
    throw new BadUserInputError(`"${param}.content" is required for a ${message.role} message.`, { field: `${param}.content` });
  }
  if (typeof content === 'string') return { role, content };
  const texts = content.map((part, j) => {
    if (part.type !== 'text' || typeof part.text !== 'string') throw unsupported(`${param}.content.${j}`, `text content parts only; got type "${part.type}".`);
    return part.text;
  });
  return { role, content: texts.join('\n') };
}
