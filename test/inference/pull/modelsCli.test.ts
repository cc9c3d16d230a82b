import { test } from '@jest/globals';
import { skipWhen } from '../../support/skipWhen.js';
import { afterThisTest } from '../../support/afterThisTest.js';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runModelsCli, type ModelsCliIo } from '../../../src/cli/models.js';
import { readManifest, writeManifest } from '../../../src/inference/manifest.js';
import { loadOnnxModel } from '../../../src/inference/onnx/loadOnnxModel.js';
import { hasMiniLm, hasStories260k, miniLmDir, stories260kPath } from '../../support/paths.js';
import { serveFiles } from './serveFile.js';

const SHA = '270cba1bd5109f42d03350f60406024560464db173c0e387d91f0426d3bd256d';

/** A fresh project-like folder: its own models dir and manifest, with captured output. */
async function sandbox(extraEnv: Record<string, string> = {}) {
  const root = await mkdtemp(path.join(tmpdir(), 'oet-models-cli-'));
  const out: string[] = [];
  const err: string[] = [];
  const io: ModelsCliIo = {
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s) },
    env: { OET_MODELS_DIR: path.join(root, 'models'), OET_MODEL_MANIFEST: path.join(root, 'models/manifest.json'), ...extraEnv },
    cwd: root,
  };
  const run = async (...argv: string[]) => {
    out.length = 0;
    err.length = 0;
    const code = await runModelsCli(argv, io);
    return { code, stdout: out.join(''), stderr: err.join('') };
  };
  return { root, io, run, manifestPath: path.join(root, 'models/manifest.json'), cleanup: () => rm(root, { recursive: true, force: true }) };
}

test('usage errors exit 2 with the usage text', async () => {
  const box = await sandbox();
  try {
    const misuses = [
      [],
      ['frobnicate'],
      ['pull'],
      ['pull', 'a', 'b'],
      ['pull', 'x.gguf', '--bogus'],
      ['pull', 'ftp://h/x.gguf'],
      ['pull', 'https://h/x.bin'],
      ['pull', 'https://h/x.gguf', '--sha256', 'zz'],
      ['pull', 'https://h/x.gguf', '--task', 'poetry'],
      ['rm'],
      ['list', 'extra'],
    ];
    for (const argv of misuses) {
      const { code, stderr } = await box.run(...argv);
      assert.equal(code, 2, `argv ${JSON.stringify(argv)} gave ${code}: ${stderr}`);
      assert.match(stderr, /Usage: npm run models/);
    }
    assert.equal((await box.run('help')).code, 0);
  } finally {
    await box.cleanup();
  }
});

test('rm of an unknown id fails with exit 1', async () => {
  const box = await sandbox();
  try {
    const { code, stderr } = await box.run('rm', 'nope');
    assert.equal(code, 1);
    assert.match(stderr, /No model "nope"/);
  } finally {
    await box.cleanup();
  }
});

test('rm never deletes a file outside the own model dir', async () => {
  const box = await sandbox();
  try {
    const outside = path.join(box.root, 'precious.gguf');
    await writeFile(outside, 'keep me');
    await mkdir(path.join(box.root, 'models'), { recursive: true });
    await writeManifest(box.manifestPath, {
      models: [{ id: 'escape', file: '../precious.gguf', format: 'gguf', task: 'text-generation', sha256: null, sourceUri: null, description: '' }],
      aliases: {},
    });
    const { code, stderr } = await box.run('rm', 'escape');
    assert.equal(code, 0);
    assert.match(stderr, /Not deleting/);
    assert.equal(await readFile(outside, 'utf8'), 'keep me');
    assert.deepEqual((await readManifest(box.manifestPath)).models, []);
  } finally {
    await box.cleanup();
  }
});

test('rm never deletes from a first model dir outside the project', async () => {
  const box = await sandbox();
  const elsewhere = await mkdtemp(path.join(tmpdir(), 'oet-shared-models-'));
  try {
    await writeFile(path.join(elsewhere, 'shared.gguf'), 'shared');
    box.io.env.OET_MODELS_DIR = elsewhere;
    await mkdir(path.join(box.root, 'models'), { recursive: true });
    await writeManifest(box.manifestPath, {
      models: [{ id: 'shared', file: 'shared.gguf', format: 'gguf', task: 'text-generation', sha256: null, sourceUri: null, description: '' }],
      aliases: {},
    });
    const { code, stderr } = await box.run('rm', 'shared');
    assert.equal(code, 0);
    assert.match(stderr, /Not deleting/);
    assert.ok(existsSync(path.join(elsewhere, 'shared.gguf')));
  } finally {
    await box.cleanup();
    await rm(elsewhere, { recursive: true, force: true });
  }
});

skipWhen(hasStories260k ? false : `no ${stories260kPath}`).test('pull, list and rm a GGUF model', async () => {
  const server = await serveFiles({ '/m/stories260K.gguf': stories260kPath });
  const box = await sandbox();
  afterThisTest(async () => {
    await server.close();
    await box.cleanup();
  });
  const uri = `${server.url}/m/stories260K.gguf`;

  const pulled = await box.run('pull', uri, '--id', 'tiny-test', '--sha256', SHA.toUpperCase());
  assert.equal(pulled.code, 0, pulled.stderr);
  assert.match(pulled.stdout, /100%/);
  assert.match(pulled.stdout, /verified/);
  const file = path.join(box.root, 'models/stories260K.gguf');
  assert.ok(existsSync(file));
  const entry = (await readManifest(box.manifestPath)).models.find((m) => m.id === 'tiny-test');
  assert.deepEqual(entry, {
    id: 'tiny-test',
    file: 'stories260K.gguf',
    format: 'gguf',
    task: 'text-generation',
    sha256: SHA,
    sourceUri: uri,
    description: '',
  });

  const listed = await box.run('list');
  assert.equal(listed.code, 0);
  assert.match(listed.stdout, /tiny-test\s+gguf\s+text-generation\s+\S+ \S+\s+present/);

  // `pull <id>` re-uses the recorded source and checksum.
  const again = await box.run('pull', 'tiny-test');
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /\(verified\)/);

  const removed = await box.run('rm', 'tiny-test');
  assert.equal(removed.code, 0);
  assert.equal(existsSync(file), false);
  assert.deepEqual((await readManifest(box.manifestPath)).models, []);

  const missing = await box.run('pull', `${server.url}/m/absent.gguf`);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /404/);
});

skipWhen(hasMiniLm ? false : `no ${miniLmDir}`).test('pull an ONNX graph by hf:// fills a loadable folder', async () => {
  const base = '/Xenova/all-MiniLM-L6-v2/resolve/main';
  const files: Record<string, string> = { [`${base}/onnx/model_quantized.onnx`]: path.join(miniLmDir, 'onnx/model_quantized.onnx') };
  for (const f of ['config.json', 'tokenizer.json', 'tokenizer_config.json', 'vocab.txt']) files[`${base}/${f}`] = path.join(miniLmDir, f);
  const server = await serveFiles(files); // special_tokens_map.json is left out: optional sidecars may be missing
  const box = await sandbox({ HF_ENDPOINT: server.url });
  afterThisTest(async () => {
    await server.close();
    await box.cleanup();
  });

  const { code, stderr } = await box.run('pull', 'hf://Xenova/all-MiniLM-L6-v2/onnx/model_quantized.onnx', '--sha256', '8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6');
  assert.equal(code, 0, stderr);
  const entry = (await readManifest(box.manifestPath)).models[0]!;
  assert.equal(entry.id, 'all-minilm-l6-v2');
  assert.equal(entry.format, 'onnx');
  assert.equal(entry.task, 'feature-extraction');
  assert.match((await box.run('list')).stdout, /all-minilm-l6-v2\s+onnx\s+feature-extraction\s+21\.9 MB\s+present/);

  const model = await loadOnnxModel({ id: entry.id, path: path.join(box.root, 'models', entry.file), task: entry.task });
  try {
    assert.equal((await model.embed(['pulled and loaded']))[0]!.length, 384);
  } finally {
    await model.dispose();
  }
});
