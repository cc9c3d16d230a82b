import { format, stripVTControlCharacters } from 'node:util';
import type { GbnfJsonSchema, Llama, LlamaGrammar } from 'node-llama-cpp';
import type { Logger } from '../../logger.js';
import { badInput } from '../inferenceErrors.js';

const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'null', 'object', 'array']);
const SCHEMA_KEYS = ['type', 'enum', 'const', 'oneOf', 'anyOf', '$ref', 'properties', 'items'];

/**
 * A grammar that forces output to match `schema` (node-llama-cpp's JSON-schema subset). A schema it cannot compile is
 * the caller's mistake: BAD_USER_INPUT naming the problem, never a library error.
 */
export async function createJsonGrammar(llama: Llama, schema: Record<string, unknown>, logger?: Logger): Promise<LlamaGrammar> {
  if (!SCHEMA_KEYS.some((k) => k in schema)) {
    throw badInput(`"jsonSchema" must have one of ${SCHEMA_KEYS.join(', ')}; got keys [${Object.keys(schema).join(', ')}].`, {
      field: 'jsonSchema',
    });
  }
  const type = schema.type;
  const types = Array.isArray(type) ? type : type === undefined ? [] : [type];
  const bad = types.find((t) => typeof t !== 'string' || !JSON_TYPES.has(t));
  if (bad !== undefined) {
    throw badInput(`"jsonSchema.type" must be one of ${[...JSON_TYPES].join(', ')}; got ${JSON.stringify(bad)}.`, { field: 'jsonSchema' });
  }
  try {
    // The schema is untyped user JSON; node-llama-cpp's generic type cannot describe it statically.
    const create = llama.createGrammarForJsonSchema.bind(llama) as (s: GbnfJsonSchema) => Promise<LlamaGrammar>;
    return await withConsoleWarningsLogged(() => create(schema as unknown as GbnfJsonSchema), logger);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw badInput(`"jsonSchema" is not a schema constrained decoding supports: ${message}`, { field: 'jsonSchema' });
  }
}

/**
 * node-llama-cpp's JSON-schema-to-GBNF conversion reports what it relaxes (a `$ref` it cannot resolve becomes "any",
 * a maxLength below minLength becomes minLength) through console.warn: plain text beside the JSON logs, with no hook
 * (getLlama's `logger` carries only llama.cpp's native messages, see llamaRuntime.ts). The conversion runs
 * synchronously inside the call that creates the grammar, so console.warn is redirected for exactly that call: no
 * other code can run in between, and a concurrent request's warnings are never taken.
 */
function withConsoleWarningsLogged<T>(call: () => T, logger: Logger | undefined): T {
  const original = console.warn;
  console.warn = (...args: unknown[]) => {
    const warning = stripVTControlCharacters(format(...args)).replace(/^\s*\[node-llama-cpp\]\s*/, '').trim();
    logger?.warn({ warning: warning.slice(0, 500) }, 'JSON schema relaxed for constrained decoding');
  };
  try {
    return call();
  } finally {
    console.warn = original;
  }
}
