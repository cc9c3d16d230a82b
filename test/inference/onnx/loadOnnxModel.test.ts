import { afterAll, beforeAll, test } from '@jest/globals';
import { skipWhen } from '../../support/skipWhen.js';
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DomainError, ErrorCode } from '../../../src/errors.js';
import { loadOnnxModel, type OnnxModel } from '../../../src/inference/onnx/loadOnnxModel.js';
import { hasMiniLm, miniLmDir } from '../../support/paths.js';

const skip = hasMiniLm ? false : `all-MiniLM-L6-v2 int8 not found at ${miniLmDir} (set OET_TEST_MODELS_DIR)`;
const spec = { id: 'all-minilm-l6-v2-int8', path: miniLmDir, task: 'feature-extraction' as const };

const dot = (a: number[], b: number[]) => a.reduce((sum, v, i) => sum + v * b[i]!, 0);
const norm = (a: number[]) => Math.sqrt(dot(a, a));

function isCode(code: ErrorCode) {
  return (error: unknown) => error instanceof DomainError && error.code === code;
}

test('a missing folder is MODEL_NOT_FOUND and says how to install it', async () => {
  const missing = path.join(tmpdir(), 'oet-no-such-model-folder');
  await assert.rejects(loadOnnxModel({ ...spec, path: missing }), (error: unknown) => {
    assert.ok(isCode(ErrorCode.MODEL_NOT_FOUND)(error));
    const message = (error as DomainError).message;
    assert.match(message, /oet-no-such-model-folder/);
    assert.match(message, /npm run models -- pull/);
    assert.match(message, /OET_MODELS_DIR/);
    return true;
  });
});

test('a folder without a graph is MODEL_NOT_FOUND naming the expected files', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'oet-onnx-empty-'));
  try {
    await assert.rejects(loadOnnxModel({ ...spec, path: dir }), (error: unknown) => {
      assert.ok(isCode(ErrorCode.MODEL_NOT_FOUND)(error));
      assert.match((error as Error).message, /onnx\/model_quantized\.onnx/);
      return true;
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('bad options and a text-generation task are rejected before any file is read', async () => {
  await assert.rejects(loadOnnxModel(spec, { maxBatchSize: 0 }), isCode(ErrorCode.BAD_USER_INPUT));
  await assert.rejects(loadOnnxModel(spec, { intraOpThreads: 1.5 }), isCode(ErrorCode.BAD_USER_INPUT));
  await assert.rejects(loadOnnxModel({ ...spec, task: 'text-generation' }), isCode(ErrorCode.BAD_USER_INPUT));
});

skipWhen(skip).test('a corrupt graph is MODEL_LOAD_FAILED, not the library error', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'oet-onnx-corrupt-'));
  try {
    for (const file of ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'special_tokens_map.json', 'vocab.txt']) {
      await copyFile(path.join(miniLmDir, file), path.join(dir, file));
    }
    await mkdir(path.join(dir, 'onnx'));
    await writeFile(path.join(dir, 'onnx/model_quantized.onnx'), 'this is not a protobuf graph');
    await assert.rejects(loadOnnxModel({ ...spec, path: dir }), (error: unknown) => {
      assert.ok(isCode(ErrorCode.MODEL_LOAD_FAILED)(error));
      assert.match((error as Error).message, /model_quantized\.onnx/);
      return true;
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

skipWhen(skip).describe('MiniLM embeddings', () => {
  let model: OnnxModel;
  beforeAll(async () => {
    model = await loadOnnxModel(spec);
  });
  afterAll(() => model?.dispose());

  test('are 384-dimensional unit vectors', async () => {
    const [a, b] = await model.embed(['The patient has chest pain.', '']);
    assert.equal(a!.length, 384);
    assert.ok(Math.abs(norm(a!) - 1) < 1e-5, `norm was ${norm(a!)}`);
    assert.ok(Math.abs(norm(b!) - 1) < 1e-5);
    assert.ok(model.memoryBytes > 22_928_619);
  });

  test('put paraphrases close and unrelated sentences far', async () => {
    const [pain, paraphrase, unrelated] = await model.embed([
      'The patient has chest pain.',
      'Patient complains of pain in the chest.',
      'The train to Edinburgh leaves at noon.',
    ]);
    const close = dot(pain!, paraphrase!);
    const far = dot(pain!, unrelated!);
    assert.ok(close > 0.8, `paraphrase cosine ${close}`);
    assert.ok(close > far + 0.3, `paraphrase ${close} vs unrelated ${far}`);
  });

  test('truncates texts longer than 512 tokens instead of failing', async () => {
    const long = 'chest pain '.repeat(800);
    const [v] = await model.embed([long]);
    assert.equal(v!.length, 384);
  });

  test('gathers concurrent calls into fewer runs with the same vectors', async () => {
    const texts = Array.from({ length: 12 }, (_, i) => `Patient ${i} reports ${'mild '.repeat(i)}shortness of breath.`);
    const single: number[][] = [];
    for (const text of texts) single.push((await model.embed([text]))[0]!);
    const before = model.stats().sessionRuns;
    const gathered = await Promise.all(texts.map((text) => model.embed([text])));
    const runs = model.stats().sessionRuns - before;
    assert.equal(runs, 1, `12 concurrent calls took ${runs} runs`);
    gathered.forEach(([v], i) => {
      const maxDiff = Math.max(...v!.map((x, d) => Math.abs(x - single[i]![d]!)));
      assert.ok(maxDiff < 1e-4, `text ${i} differs by ${maxDiff}`);
    });
  });

  test('splits batches at maxBatchSize', async () => {
    const small = await loadOnnxModel(spec, { maxBatchSize: 4 });
    try {
      await Promise.all(Array.from({ length: 10 }, (_, i) => small.embed([`sentence ${i}`])));
      assert.deepEqual(small.stats(), { sessionRuns: 3, textsRun: 10, largestBatch: 4 });
    } finally {
      await small.dispose();
    }
  });

  test('an aborted call is CANCELLED and its siblings still succeed', async () => {
    const before = model.stats().textsRun;
    const controller = new AbortController();
    const cancelled = model.embed(['to be cancelled'], { signal: controller.signal });
    const kept = model.embed(['kept']);
    controller.abort();
    await assert.rejects(cancelled, isCode(ErrorCode.CANCELLED));
    assert.equal((await kept)[0]!.length, 384);
    assert.equal(model.stats().textsRun - before, 1, 'the aborted text must not reach the graph');
    await assert.rejects(model.embed(['x'], { signal: AbortSignal.abort() }), isCode(ErrorCode.CANCELLED));
  });

  test('classification calls on an encoder are BAD_USER_INPUT', async () => {
    await assert.rejects(model.classify(['x']), isCode(ErrorCode.BAD_USER_INPUT));
    await assert.rejects(model.classifyTokens(['x']), isCode(ErrorCode.BAD_USER_INPUT));
    await assert.rejects(model.embed([42 as unknown as string]), isCode(ErrorCode.BAD_USER_INPUT));
  });
});

skipWhen(skip).test('dispose is safe twice and later calls fail clearly', async () => {
  const model = await loadOnnxModel(spec);
  const pending = model.embed(['in flight when dispose starts']);
  const disposing = model.dispose();
  assert.equal((await pending)[0]!.length, 384);
  await disposing;
  await model.dispose();
  assert.equal(model.disposed, true);
  await assert.rejects(model.embed(['after']), isCode(ErrorCode.SERVICE_UNAVAILABLE));
});
