import { it } from '@jest/globals';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, validate } from 'graphql';
import { createEngineSchema } from '../../src/graphql/createEngineSchema.js';

it('every example operation in schema/operations validates against the schema the code builds', async () => {
  const schema = await createEngineSchema({ maxTextChars: 100 });
  const dir = 'schema/operations';
  const files = (await readdir(dir)).filter((f) => f.endsWith('.graphql'));
  assert.ok(files.length >= 4);
  for (const file of files) {
    const errors = validate(schema, parse(await readFile(path.join(dir, file), 'utf8')));
    assert.deepEqual(errors.map((e) => e.message), [], file);
  }
});
