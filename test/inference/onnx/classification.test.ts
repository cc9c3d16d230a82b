import { skipWhen } from '../../support/skipWhen.js';
import { afterThisTest } from '../../support/afterThisTest.js';
import assert from 'node:assert/strict';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DomainError, ErrorCode } from '../../../src/errors.js';
import { loadOnnxModel } from '../../../src/inference/onnx/loadOnnxModel.js';
import { hasMiniLm, miniLmDir } from '../../support/paths.js';
import { tinyClassifierGraph } from './tinyOnnxGraph.js';

/**
 * The classification paths through real onnxruntime sessions: a hand-built graph whose logits are a per-token
 * lookup table, behind MiniLM's real tokenizer. No trained classifier exists here; this pins the plumbing (label
 * names from id2label, softmax scores, special tokens skipped, character offsets, graphs without token_type_ids).
 */
const skip = hasMiniLm ? false : `MiniLM tokenizer not found at ${miniLmDir} (set OET_TEST_MODELS_DIR)`;
const LABELS = 3;

async function classifierFolder(kind: 'token' | 'text', id2label: string[], rows: Record<string, number[]>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `oet-onnx-${kind}-`));
  for (const file of ['tokenizer.json', 'tokenizer_config.json', 'special_tokens_map.json', 'vocab.txt']) {
    await copyFile(path.join(miniLmDir, file), path.join(dir, file));
  }
  const vocab = (await readFile(path.join(miniLmDir, 'vocab.txt'), 'utf8')).split('\n');
  const table = new Float32Array(vocab.length * LABELS);
  for (const [token, logits] of Object.entries(rows)) {
    const id = vocab.indexOf(token);
    assert.ok(id >= 0, `${token} is not in the vocabulary`);
    table.set(logits, id * LABELS);
  }
  const config = { model_type: 'bert', max_position_embeddings: 512, id2label: Object.fromEntries(id2label.map((l, i) => [String(i), l])) };
  await writeFile(path.join(dir, 'config.json'), JSON.stringify(config));
  await mkdir(path.join(dir, 'onnx'));
  await writeFile(path.join(dir, 'onnx/model.onnx'), tinyClassifierGraph(table, vocab.length, LABELS, kind));
  return dir;
}

skipWhen(skip).test('classifyTokens labels tokens with scores and character offsets', async () => {
  const drug = [0, 3, 0];
  const symptom = [0, 0, 3];
  const dir = await classifierFolder('token', ['O', 'B-DRUG', 'B-SYMPTOM'], {
    para: drug,
    '##ce': drug,
    '##tam': drug,
    '##ol': drug,
    pain: symptom,
  });
  const model = await loadOnnxModel({ id: 'tiny-ner', path: dir, task: 'token-classification' });
  afterThisTest(async () => {
    await model.dispose();
    await rm(dir, { recursive: true, force: true });
  });

  const text = 'Give Paracetamol for PAIN, then pain relief.';
  const [tokens, second] = await model.classifyTokens([text, 'Café pain']);
  assert.deepEqual(
    tokens!.map((tk) => tk.token),
    ['give', 'para', '##ce', '##tam', '##ol', 'for', 'pain', ',', 'then', 'pain', 'relief', '.'],
    '[CLS], [SEP] and padding are not reported',
  );
  const strong = Math.exp(3) / (Math.exp(3) + 2);
  const para = tokens![1]!;
  assert.equal(para.label, 'B-DRUG');
  assert.ok(Math.abs(para.score - strong) < 1e-6);
  assert.equal(text.slice(para.start!, tokens![4]!.end!), 'Paracetamol');
  assert.deepEqual([tokens![6]!.label, text.slice(tokens![6]!.start!, tokens![6]!.end!)], ['B-SYMPTOM', 'PAIN']);
  assert.equal(tokens![9]!.start, text.lastIndexOf('pain'), 'a repeated word maps to its own occurrence');
  assert.equal(tokens![0]!.label, 'O');
  assert.ok(Math.abs(tokens![0]!.score - 1 / 3) < 1e-6, 'zero logits give a uniform softmax');
  assert.deepEqual(
    second!.map((tk) => [tk.token, tk.start, tk.end]),
    [['cafe', 0, 4], ['pain', 5, 9]],
    'accent-stripped tokens still map onto the original text',
  );

  await assert.rejects(model.embed(['x']), (e: unknown) => e instanceof DomainError && e.code === ErrorCode.BAD_USER_INPUT);
});

skipWhen(skip).test('classify gives one label per text from id2label', async () => {
  const dir = await classifierFolder('text', ['NEUTRAL', 'URGENT', 'ROUTINE'], { urgent: [0, 30, 0], routine: [0, 0, 30] });
  const model = await loadOnnxModel({ id: 'tiny-cls', path: dir, task: 'text-classification' });
  afterThisTest(async () => {
    await model.dispose();
    await rm(dir, { recursive: true, force: true });
  });
  const [urgent, routine] = await Promise.all([model.classify(['This is urgent.']), model.classify(['A routine review next week.'])]);
  assert.equal(urgent![0]!.label, 'URGENT');
  assert.equal(routine![0]!.label, 'ROUTINE');
  assert.ok(urgent![0]!.score > 0.9);
  assert.equal(model.stats().sessionRuns, 1, 'concurrent classify calls share a run');
  const [neutral] = await model.classify(['hello']);
  assert.deepEqual(neutral!.label, 'NEUTRAL');
  assert.ok(Math.abs(neutral!.score - 1 / 3) < 1e-6);
});
