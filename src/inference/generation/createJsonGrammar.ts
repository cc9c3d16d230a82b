import type { GbnfJsonSchema, Llama, LlamaGrammar } from 'node-llama-cpp';
import { badInput } from '../inferenceErrors.js';

const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'null', 'object', 'array']);
const SCHEMA_KEYS = ['type', 'enum', 'const', 'oneOf', 'anyOf', '$ref', 'properties', 'items'];

/**
 * A grammar that forces output to match `schema` (node-llama-cpp's JSON-schema subset). A schema it cannot compile is
 * the caller's mistake: BAD_USER_INPUT naming the problem, never a library error.
 */
export async function createJsonGrammar(llama: Llama, schema: Record<string, unknown>): Promise<LlamaGrammar> {
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
    return await create(schema as unknown as GbnfJsonSchema);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw badInput(`"jsonSchema" is not a schema constrained decoding supports: ${message}`, { field: 'jsonSchema' });
  }
}
