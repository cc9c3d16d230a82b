import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import assert from 'node:assert/strict';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { ApolloGateway, IntrospectAndCompose, RemoteGraphQLDataSource } from '@apollo/gateway';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { gql } from 'graphql-tag';
import { startTestEngine, type TestEngine } from '../support/startTestEngine.js';
import { postGraphQL } from '../support/graphqlClient.js';
import { roleTokens } from '../support/tokens.js';

/**
 * A second, tiny subgraph as another team would write it: it owns `Review`s and points at our `Evaluation` entity,
 * so the gateway must fetch evaluations from us through `_entities`.
 */
function startReviewsSubgraph(evaluationId: () => string) {
  const typeDefs = gql`
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
    type Evaluation @key(fields: "id", resolvable: false) { id: ID! }
    type Review { note: String!, evaluation: Evaluation! }
    type Query { latestReview: Review }
  `;
  const resolvers = { Query: { latestReview: () => ({ note: 'Well structured', evaluation: { __typename: 'Evaluation', id: evaluationId() } }) } };
  return new ApolloServer({ schema: buildSubgraphSchema({ typeDefs, resolvers }) });
}

describe('federation through a real Apollo Gateway', () => {
  let engine: TestEngine;
  let reviews: ApolloServer;
  let gateway: ApolloServer;
  let gatewayUrl: string;
  let evaluationId = '';
  let tokens: Awaited<ReturnType<typeof roleTokens>>;

  beforeAll(async () => {
    tokens = await roleTokens();
    engine = await startTestEngine();
    const created = await postGraphQL<{ submitEvaluation: { id: string } }>(engine.graphqlUrl, 'mutation { submitEvaluation(input: { kind: WRITING, submission: "Dear Dr Patel, I am writing to refer Mr Jones." }) { id } }', { token: tokens.LEARNER });
    evaluationId = created.data!.submitEvaluation.id;
    reviews = startReviewsSubgraph(() => evaluationId);
    const { url: reviewsUrl } = await startStandaloneServer(reviews, { listen: { port: 0 } });
    const gw = new ApolloGateway({
      supergraphSdl: new IntrospectAndCompose({ subgraphs: [{ name: 'engine', url: engine.graphqlUrl }, { name: 'reviews', url: reviewsUrl }] }),
      // Forward the caller's token to every subgraph, as a production gateway does.
      buildService: ({ url }) =>
        new RemoteGraphQLDataSource({
          url,
          willSendRequest({ request, context }) {
            const auth = (context as { authorization?: string }).authorization;
            if (auth) request.http?.headers.set('authorization', auth);
          },
        }),
    });
    gateway = new ApolloServer({ gateway: gw });
    const started = await startStandaloneServer(gateway, { listen: { port: 0 }, context: async ({ req }) => ({ authorization: req.headers.authorization }) });
    gatewayUrl = started.url;
  });
  afterAll(async () => {
    await gateway?.stop();
    await reviews?.stop();
    await engine?.stop();
  });

  it('composes (our _service stays readable under deny-by-default) and resolves Evaluation via _entities', async () => {
    const res = await postGraphQL<{ latestReview: { note: string; evaluation: { id: string; kind: string; status: string; ownerId: string } } }>(
      gatewayUrl,
      '{ latestReview { note evaluation { id kind status ownerId } } }',
      { token: tokens.LEARNER },
    );
    assert.deepEqual(res.errors, undefined);
    expect(res.data?.latestReview.evaluation).toEqual({ id: evaluationId, kind: 'WRITING', status: 'PENDING', ownerId: 'learner-1' });
  });

  it('applies record scope to _entities: another learner gets no evaluation, an assessor of the cohort does', async () => {
    const other = await postGraphQL<{ latestReview: { evaluation: unknown } | null }>(gatewayUrl, '{ latestReview { evaluation { id ownerId } } }', { token: tokens.LEARNER2 });
    // The entity is non-null in the review's schema, so the null propagates: the point is that no data leaked.
    assert.equal(JSON.stringify(other.data ?? {}).includes('learner-1'), false);
    const assessor = await postGraphQL<{ latestReview: { evaluation: { ownerId: string } } }>(gatewayUrl, '{ latestReview { evaluation { ownerId } } }', { token: tokens.ASSESSOR });
    assert.equal(assessor.data?.latestReview.evaluation.ownerId, 'learner-1');
  });

  it('refuses anonymous entity lookups with UNAUTHENTICATED through the gateway', async () => {
    const res = await postGraphQL(gatewayUrl, '{ latestReview { evaluation { id kind } } }');
    assert.ok(res.errors?.some((e) => e.extensions?.code === 'UNAUTHENTICATED'), JSON.stringify(res.errors));
  });

  it('exposes ModelInfo as an entity other subgraphs can reference', async () => {
    const res = await postGraphQL<{ model: { id: string; architecture: string } }>(gatewayUrl, '{ model(id: "stories260k") { id architecture } }', { token: tokens.ADMIN });
    expect(res.data?.model).toEqual({ id: 'stories260k', architecture: 'llama' });
  });
});
