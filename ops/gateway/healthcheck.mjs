// Docker HEALTHCHECK for the gateway (no curl in the slim image): a `{ __typename }` query through the composed
// supergraph. Apollo's CSRF prevention wants a preflight header on GET queries.
const port = process.env.PORT || 4000;
fetch(`http://127.0.0.1:${port}/graphql?query=%7B__typename%7D`, { headers: { 'apollo-require-preflight': 'true' }, signal: AbortSignal.timeout(4000) })
  .then(async (res) => process.exit(res.ok && (await res.json()).data?.__typename === 'Query' ? 0 : 1))
  .catch(() => process.exit(1));
