import { it } from '@jest/globals';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { generate, loadCodegenConfig } from '@graphql-codegen/cli';

it('schema/generated is what `npm run codegen` makes from the committed SDL and operations', async () => {
  const { config } = await loadCodegenConfig({ configFilePath: 'codegen.yml' });
  const outputs = await generate({ ...config, silent: true }, false);
  assert.ok(outputs.length >= 2);
  for (const output of outputs) {
    assert.equal(output.content, await readFile(output.filename, 'utf8'), `${output.filename} is stale: run npm run codegen`);
  }
});
