/**
 * Child process for bench/apollo.bench.ts: the same @apollo/server and @as-integrations/express5 as the engine,
 * with a trivial schema and nothing else (no auth, armor, shield, metrics or audit), listening on PORT/HOST.
 */
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';

const apollo = new ApolloServer({
  typeDefs: 'type Model { id: ID! } type Query { hello: String models: [Model!]! }',
  resolvers: { Query: { hello: () => 'world', models: () => [{ id: 'a' }, { id: 'b' }, { id: 'c' }] } },
});
await apollo.start();
const app = express();
app.get(['/health', '/ready'], (_req, res) => void res.json({ status: 'ok' }));
app.use('/graphql', express.json(), expressMiddleware(apollo));
app.listen(Number(process.env.PORT), process.env.HOST ?? '127.0.0.1');
