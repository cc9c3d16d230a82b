import { GraphQLError, parse, specifiedRules, validate, type DocumentNode, type GraphQLSchema, type ValidationRule } from 'graphql';
import { LRUCache } from 'lru-cache';
import { ErrorCode } from '../errors.js';
import { parseLimitMessage } from '../graphql/formatError.js';
import { PARSE_OPTIONS } from './createArmor.js';

/**
 * Parses and validates graphql-ws operations with the same rules as HTTP (graphql-armor's limits included), so
 * WebSocket clients get the same codes, and remembers documents that passed: an app subscribes with the same few
 * query strings again and again, and parsing plus validating one cost about a millisecond of each subscription's
 * time to first token. Validation depends only on the document and the schema, so a cached pass stays a pass.
 */
export function subscriptionDocuments(schema: GraphQLSchema, rules: readonly ValidationRule[], maxEntries = 500): (query: string) => DocumentNode | GraphQLError[] {
  const valid = new LRUCache<string, DocumentNode>({ max: maxEntries });
  const allRules = [...specifiedRules, ...rules];
  return (query) => {
    const known = valid.get(query);
    if (known !== undefined) return known;
    let document: DocumentNode;
    try {
      document = parse(query, PARSE_OPTIONS);
    } catch (error) {
      const limit = parseLimitMessage(error, (error as Error).message);
      return [new GraphQLError(limit ?? (error as Error).message, { extensions: { code: limit ? ErrorCode.QUERY_TOO_COMPLEX : ErrorCode.GRAPHQL_PARSE_FAILED } })];
    }
    const errors = validate(schema, document, allRules);
    if (errors.length > 0) return errors.map((e) => new GraphQLError(e.message, { extensions: { code: e.extensions?.oetCode ?? ErrorCode.GRAPHQL_VALIDATION_FAILED } }));
    valid.set(query, document);
    return document;
  };
}
