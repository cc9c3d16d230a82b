import { GraphQLJSONObject, GraphQLSafeInt } from 'graphql-scalars';

/** Counts that can exceed 2^31 (parameters, bytes) but stay exact in a double. */
export const SafeInt = GraphQLSafeInt;
/** A JSON object (JSON schemas for constrained output). */
export const JSONObject = GraphQLJSONObject;
