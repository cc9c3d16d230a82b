import { it } from '@jest/globals';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { generate, loadCodegenConfig } from '@graphql-codegen/cli';

/**
 * Codegen imports the plugins of both outputs at once. Under Jest those import()s link overlapping module graphs in
 * node:vm concurrently and one fails with "request for './optimize.js' is not in cache" (nodejs/node#33216), so
 * the plugins are imported one after the other; what is generated and compared is unchanged.
 */
let loading: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(name: string): Promise<T> {
  const next = loading.then(() => import(name) as Promise<T>);
  loading = next.catch(() => undefined);
  return next;
}

it('schema/generated is what `npm run codegen` makes from the committed SDL and operations', async () => {
  const { config } = await loadCodegenConfig({ configFilePath: 'codegen.yml' });
  const outputs = await generate({ ...config, silent: true, pluginLoader: oneAtATime }, false);
  assert.ok(outputs.length >= 2);
  for (const output of outputs) {
    assert.equal(output.content, await readFile(output.filename, 'utf8'), `${output.filename} is stale: run npm run codegen`);
  }
});
