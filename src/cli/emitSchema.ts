import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { printSubgraphSchema } from '@apollo/subgraph';
import { createEngineSchema } from '../graphql/createEngineSchema.js';

/** Writes the subgraph SDL the code defines to schema/subgraph.graphql (committed; a test fails on drift). */
export async function printEngineSdl(): Promise<string> {
  const schema = await createEngineSchema({ maxTextChars: 1 });
  return `${printSubgraphSchema(schema).trim()}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const target = path.resolve('schema/subgraph.graphql');
  await writeFile(target, await printEngineSdl());
  console.log(`wrote ${target}`);
}
