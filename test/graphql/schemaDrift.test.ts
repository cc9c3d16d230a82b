import { it } from '@jest/globals';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { printEngineSdl } from '../../src/cli/emitSchema.js';

it('the committed schema/subgraph.graphql is what the code emits (run `npm run schema:emit` after changing types)', async () => {
  const committed = await readFile('schema/subgraph.graphql', 'utf8');
  assert.equal(await printEngineSdl(), committed);
});

it('the subgraph declares the federation entities with @key', async () => {
  const sdl = await printEngineSdl();
  for (const entity of ['Evaluation', 'MedicalEntity', 'DrugInteraction', 'SafetyReport', 'ModelInfo']) {
    assert.match(sdl, new RegExp(`type ${entity}\\s+@key\\(fields: "id"\\)`), `${entity} should be an entity`);
  }
});
