import { describe, expect, it } from '@jest/globals';
import { buildSchema, GraphQLError, type ValidationRule } from 'graphql';
import { subscriptionDocuments } from '../../src/server/subscriptionDocuments.js';

const schema = buildSchema('type Query { ok: Boolean } type Subscription { tick(n: Int!): Int }');

describe('subscriptionDocuments (graphql-ws parse and validation)', () => {
  it('validates a query string once, then answers the same document from memory', () => {
    let validations = 0;
    const counting: ValidationRule = () => {
      validations += 1;
      return {};
    };
    const documentOf = subscriptionDocuments(schema, [counting]);
    const query = 'subscription($n: Int!) { tick(n: $n) }';
    const first = documentOf(query);
    const second = documentOf(query);
    expect(Array.isArray(first)).toBe(false);
    expect(second).toBe(first);
    expect(validations).toBe(1);
    documentOf('subscription { tick(n: 2) }');
    expect(validations).toBe(2);
  });

  it('answers parse and validation failures with their codes every time, and never caches them', () => {
    const documentOf = subscriptionDocuments(schema, []);
    for (let i = 0; i < 2; i += 1) {
      const unparsable = documentOf('subscription { tick(');
      const invalid = documentOf('subscription { nope }');
      expect(Array.isArray(unparsable) && unparsable[0]).toBeInstanceOf(GraphQLError);
      expect((unparsable as GraphQLError[])[0]!.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
      expect((invalid as GraphQLError[])[0]!.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    }
  });

  it('refuses a document past the parser\'s token limit as QUERY_TOO_COMPLEX', () => {
    const documentOf = subscriptionDocuments(schema, []);
    const deep = `subscription { tick(n: 1) ${'@a '.repeat(3_000)}}`;
    const errors = documentOf(deep) as GraphQLError[];
    expect(errors[0]!.extensions.code).toBe('QUERY_TOO_COMPLEX');
  });
});
