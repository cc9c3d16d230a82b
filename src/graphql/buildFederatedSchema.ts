import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { ErrorCode } from '../errors.js';
import { gql } from 'graphql-tag';
import { buildSchema, createResolversMap, type BuildSchemaOptions } from 'type-graphql';

/** Federation v2 directives this subgraph uses. */
const FEDERATION_LINK = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])';

/**
 * type-graphql classes → an Apollo Federation v2 subgraph schema. type-graphql prints the `@key` directives; the
 * subgraph library adds `_service`, `_entities` and `_Entity`; reference resolvers are merged into the map.
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck'>,
  referenceResolvers: GraphQLResolverMap<unknown>,
): Promise<GraphQLSchema> {
  const schema = await buildSchema({ ...options, skipCheck: true });
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [typeName, reference] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...(reference as object) } as GraphQLResolverMap<unknown>[string];
  }
  const subgraph = buildSubgraphSchema({
    typeDefs: gql`
      ${FEDERATION_LINK}
      ${printSchemaWithDirectives(schema)}
    `,
    resolvers,
  });
  guardEntityRepresentations(subgraph, new Set(Object.keys(referenceResolvers)));
  return subgraph;
}

/** Why a representation cannot be resolved, or null when it can be looked up. */
function representationProblem(rep: unknown, entityTypes: ReadonlySet<string>): string | null {
  if (typeof rep !== 'object' || rep === null) return 'An entity representation must be an object with __typename and id.';
  const { __typename: typename, id } = rep as Record<string, unknown>;
  if (typeof typename !== 'string' || !entityTypes.has(typename)) return `Unknown entity type ${JSON.stringify(String(typename)).slice(0, 80)}: this subgraph resolves ${[...entityTypes].join(', ')}.`;
  if (typeof id !== 'string' || id === '') return `A ${typename} representation needs a non-empty string id.`;
  return null;
}

/**
 * `_entities` answers each representation on its own: a malformed one (unknown __typename, missing or non-string id)
 * becomes a BAD_USER_INPUT error at its position and the valid ones beside it still resolve. The federation
 * library would otherwise fail the whole list with an internal error.
 */
function guardEntityRepresentations(schema: GraphQLSchema, entityTypes: ReadonlySet<string>): void {
  const field = schema.getQueryType()?.getFields()['_entities'];
  const resolve = field?.resolve;
  if (!field || !resolve) return;
  field.resolve = async (source, args: { representations: unknown[] }, context, info) => {
    const problems = args.representations.map((rep) => representationProblem(rep, entityTypes));
    const valid = args.representations.filter((_, i) => problems[i] === null);
    const resolved = valid.length === 0 ? [] : ((await resolve(source, { ...args, representations: valid }, context, info)) as unknown[]);
    let next = 0;
    return problems.map((problem) => (problem === null ? resolved[next++] : new GraphQLError(problem, { extensions: { code: ErrorCode.BAD_USER_INPUT } })));
  };
}
