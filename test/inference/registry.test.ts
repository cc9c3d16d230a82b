import assert from 'node:assert/strict';
import { symlink } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { skipWhen } from '../support/skipWhen.js';
import { DomainError, ErrorCode } from '../../src/errors.js';
import { createInferenceService, type InferenceService } from '../../src/inference/InferenceService.js';
import { hasMiniLm, hasSmolLm2, hasStories260k, sharedModelsDir, stories260kPath } from '../support/paths.js';
import { startService, tempDir, testConfig, writeJson } from './support.js';

skipWhen(!hasStories260k && 'stories260K.gguf is missing').describe('model registry (real GGUF headers)', () => {
  let service: InferenceService;
  beforeAll(async () => {
    service = await startService();
  });
  afterAll(() => service.dispose());

  it('describes stories260K from its header without loading it', () => {
    const info = service.getModel('stories260k');
    assert.ok(info);
    assert.equal(info.format, 'gguf');
    assert.equal(info.task, 'text-generation');
    assert.equal(info.architecture, 'llama');
    assert.ok(info.parameterCount! > 200_000 && info.parameterCount! < 400_000, `parameterCount ${info.parameterCount}`);
    assert.equal(info.contextLength, 2048);
    assert.equal(info.quantization, 'F32');
    assert.ok(info.fileSizeBytes > 1_000_000);
    assert.equal(info.backend, 'cpu');
    assert.equal(info.state, 'available');
    assert.equal(info.memoryBytes, 0);
    assert.deepEqual(info.aliases, ['tiny']);
    assert.equal(info.path, stories260kPath);
    assert.match(info.sha256 ?? '', /^[0-9a-f]{64}$/);
  });

  skipWhen(!hasSmolLm2 || !hasMiniLm).it('reads SmolLM2 quantization and context and the ONNX folder', () => {
    const smol = service.getModel('smollm2-135m-instruct')!;
    assert.equal(smol.quantization, 'Q4_1');
    assert.equal(smol.contextLength, 8192);
    assert.ok(smol.parameterCount! > 100e6 && smol.parameterCount! < 170e6);
    const mini = service.getModel('embedder')!;
    assert.equal(mini.id, 'all-minilm-l6-v2-int8');
    assert.equal(mini.format, 'onnx');
    assert.equal(mini.quantization, 'int8');
    assert.equal(mini.architecture, 'bert');
  });

  it('resolves aliases, and answers undefined for unknown names', () => {
    assert.equal(service.getModel('tiny')?.id, 'stories260k');
    assert.equal(service.getModel('no-such-model'), undefined);
    assert.ok(service.listAliases().some((a) => a.name === 'default'));
  });

  it('names scanned files not in the manifest after the lower-cased file name', async () => {
    const tmp = await tempDir();
    try {
      await symlink(stories260kPath, path.join(tmp.dir, 'Tiny-Stories.GGUF'));
      const s = createInferenceService({ modelsDirs: [tmp.dir], manifestPath: path.join(tmp.dir, 'none.json'), config: testConfig() });
      try {
        const ids = (await s.refresh()).map((m) => m.id);
        assert.deepEqual(ids, ['tiny-stories']);
      } finally {
        await s.dispose();
      }
    } finally {
      await tmp.remove();
    }
  });

  it('hides manifest models whose file is missing, and says how to get them', async () => {
    const tmp = await tempDir();
    const manifestPath = path.join(tmp.dir, 'manifest.json');
    await writeJson(manifestPath, {
      models: [
        { id: 'ghost', file: 'ghost/ghost.gguf', format: 'gguf', task: 'text-generation', sourceUri: 'hf://acme/ghost/ghost.gguf' },
        { id: 'stories260k', file: 'stories260K/stories260K.gguf', format: 'gguf', task: 'text-generation' },
      ],
    });
    const s = createInferenceService({ modelsDirs: [tmp.dir, sharedModelsDir], manifestPath, config: testConfig() });
    try {
      const ids = (await s.refresh()).map((m) => m.id);
      // Expected from the files on disk, not from the answer: a model the registry fails to list must fail here.
      const expected = ['stories260k', ...(hasSmolLm2 ? ['smollm2-135m-instruct.q4_1'] : []), ...(hasMiniLm ? ['all-minilm-l6-v2-int8'] : [])];
      expect([...ids].sort()).toEqual(expected.sort());
      assert.ok(!ids.includes('ghost'));
      const expectNotFound = (e: unknown): boolean => {
        assert.ok(e instanceof DomainError);
        assert.equal(e.code, ErrorCode.MODEL_NOT_FOUND);
        assert.match(e.message, /ghost\/ghost\.gguf/);
        assert.match(e.message, /npm run models -- pull hf:\/\/acme\/ghost\/ghost\.gguf/);
        return true;
      };
      assert.throws(() => s.getModel('ghost'), expectNotFound);
      await assert.rejects(s.loadModel('ghost'), expectNotFound);
      await assert.rejects(s.generate({ model: 'ghost', prompt: 'x' }), expectNotFound);
      await assert.rejects(s.loadModel('nothing-here'), (e: unknown) => (e as DomainError).code === ErrorCode.MODEL_NOT_FOUND);
    } finally {
      await s.dispose();
      await tmp.remove();
    }
  });
});
