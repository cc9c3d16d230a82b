import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ValidationContext } from 'graphql';
import type { LimitsConfig } from '../config.js';
import { limitError } from '../graphql/formatError.js';

/**
 * Bounds the parser: graphql-js parses recursively, and a document nested ~1,500 levels deep (`[[[…` or `{a:{a:…`)
 * overflowed the stack ("Maximum call stack size exceeded" reached the client). 2,000 tokens stop it at 1,000 levels;
 * the largest operation the engine ships has 379 tokens, the full introspection query under 200.
 */
export const PARSE_OPTIONS = { maxTokens: 2_000 } as const;

/**
 * Depth, cost, alias, directive and token limits from graphql-armor. Rejections are reported as QUERY_TOO_COMPLEX
 * through the validation context instead of being thrown, so they stay ordinary 400 responses.
 */
export function createArmor(limits: LimitsConfig) {
  // graphql-armor prefixes its messages with "Syntax Error:" although the query parsed; the prefix misleads clients.
  const onReject = [
    (ctx: ValidationContext | null, error: Error) => ctx?.reportError(limitError(error.message.replace(/^Syntax Error:\s*/, ''))),
  ];
  const common = { onReject, propagateOnRejection: false };
  return new ApolloArmor({
    maxDepth: { n: limits.maxDepth, ...common, exposeLimits: true, ignoreIntrospection: true },
    costLimit: { maxCost: limits.maxCost, ...common, exposeLimits: true, ignoreIntrospection: true },
    // graphql-armor lets `__typename` aliases through by default: 1,000 of them still cost a response each.
    maxAliases: { n: limits.maxAliases, ...common, exposeLimits: true, allowList: [] },
    maxDirectives: { n: 20, ...common, exposeLimits: true },
    // Off: its parser hook turns ordinary syntax errors into 500s; the body-size limit bounds documents instead.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  }).protect();
}
