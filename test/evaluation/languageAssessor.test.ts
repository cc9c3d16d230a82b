import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from '@jest/globals';
import { skipWhen } from '../support/skipWhen.js';
import { LanguageAssessor } from '../../src/evaluation/language/LanguageAssessor.js';
import { chunkText, embedText } from '../../src/evaluation/language/embedText.js';
import { LANGUAGE_FEATURE_NAMES, languageFeatures } from '../../src/evaluation/language/languageFeatures.js';
import { LANGUAGE_TRAITS_HEAD_PATH, loadTraitsHead, type HeadKind } from '../../src/evaluation/language/traitsHead.js';
import { LIKELIHOOD_FEATURE_NAMES } from '../../src/evaluation/language/likelihoodFeatures.js';
import { loadOnnxModel } from '../../src/inference/onnx/loadOnnxModel.js';
import { LANGUAGE_TRAITS } from '../../src/evaluation/types.js';
import { hasMiniLm, miniLmDir, repoRoot } from '../support/paths.js';

const GOOD = `Many people believe that technology has made our lives easier. However, it has also changed the way we communicate with one another. For example, teenagers often send messages instead of talking face to face, and some of them find it difficult to hold a conversation.

In my opinion, schools should therefore teach students how to use their phones responsibly. Moreover, families could agree on times when nobody uses a screen. In conclusion, technology is useful, but we must make sure that it does not replace real relationships.`;

const BAD = `many people believe that technology have made our live more easier.however it have also change the way we communicate with one another for example teenagers often send messages instead of talking face to face and some of them find it dificult to hold a conversation.

in my opinion schools should to teach students how to use their phones responsably. Moreover familys could agree on times when nobody use a screen.in conclusion technology is usefull,but we must make sure that it dont replace real relationships.`;

test('features: fixed names in order, deterministic, finite', () => {
  const a = languageFeatures(GOOD);
  assert.deepEqual(Object.keys(a), [...LANGUAGE_FEATURE_NAMES]);
  assert.deepEqual(languageFeatures(GOOD), a);
  for (const n of LANGUAGE_FEATURE_NAMES) assert.ok(Number.isFinite(a[n]), n);
  const empty = languageFeatures('');
  for (const n of LANGUAGE_FEATURE_NAMES) assert.ok(Number.isFinite(empty[n]), `empty ${n}`);
});

test('features respond to the errors they measure', () => {
  const good = languageFeatures(GOOD);
  const bad = languageFeatures(BAD);
  assert.equal(good.misspelled_ratio, 0);
  assert.ok(bad.misspelled_ratio > 0.03, `misspelled ${bad.misspelled_ratio}`);
  assert.ok(bad.lower_sentence_start_ratio > good.lower_sentence_start_ratio);
  assert.ok(bad.missing_space_per100 > good.missing_space_per100);
  assert.ok(bad.learner_error_per100 > good.learner_error_per100);
  assert.ok(bad.comma_per_sentence < good.comma_per_sentence);
  assert.ok(good.advanced_connective_per_sentence > 0);
  assert.equal(languageFeatures('I think i am right and i know it.').lower_i_per100 > 0, true);
  assert.equal(languageFeatures('I think I am right.').lower_i_per100, 0);
  assert.ok(languageFeatures('The the dog ran.').repeated_word_per100 > 0);
  assert.equal(languageFeatures('Generic_Name went to STUDENT_NAME school.').misspelled_ratio, 0, 'placeholders are not misspellings');
  assert.ok(languageFeatures('Colour and color are both fine. Recieve is not.').misspelled_ratio > 0);
  assert.equal(languageFeatures('Colour and color are both fine.').misspelled_ratio, 0, 'en-GB or en-US spelling passes');
});

test('features: a 400-word essay takes well under 10 ms once the dictionaries are loaded', () => {
  const essay = Array.from({ length: 5 }, () => `${GOOD} ${BAD}`).join('\n\n');
  languageFeatures(essay);
  const t = performance.now();
  for (let i = 0; i < 10; i += 1) languageFeatures(`${essay} ${i}`);
  const ms = (performance.now() - t) / 10;
  assert.ok(ms < 10 * (essay.split(/\s+/).length / 400), `${ms.toFixed(2)} ms`);
});

test('chunks stay within the encoder window and cover the text', () => {
  const long = Array.from({ length: 40 }, (_, i) => `This is sentence number ${i} of a long essay about schools.`).join(' ');
  const chunks = chunkText(long);
  assert.ok(chunks.length > 1);
  assert.ok(chunks.every((c) => c.words <= 200));
  assert.equal(chunks.reduce((n, c) => n + c.words, 0), 40 * 11);
});

test('embedText: word-weighted, normalised, null without an encoder', async () => {
  const v = await embedText(GOOD, async (texts) => texts.map((_, i) => [1, i]));
  assert.ok(v && Math.abs(Math.hypot(...v) - 1) < 1e-12);
  assert.equal(await embedText(GOOD, async () => null), null);
});

test('head parity: TypeScript reproduces the Python predictions', () => {
  const fixture = JSON.parse(readFileSync(path.join(repoRoot, 'test/fixtures/language-traits-parity.json'), 'utf8')) as {
    features: Record<string, number>;
    embedding: number[] | null;
    likelihood?: Record<string, number>;
    predictions: Partial<Record<HeadKind, Record<string, number>>>;
  }[];
  const head = loadTraitsHead();
  assert.ok(fixture.length >= 5);
  for (const item of fixture) {
    const features = LANGUAGE_FEATURE_NAMES.map((n) => item.features[n]!);
    for (const kind of head.kinds) {
      const expected = item.predictions[kind]!;
      const likelihood = item.likelihood ? LIKELIHOOD_FEATURE_NAMES.map((n) => item.likelihood![n]!) : undefined;
      const got = head.predict(kind, features, item.embedding ?? undefined, likelihood);
      LANGUAGE_TRAITS.forEach((t, k) => assert.ok(Math.abs(got[k]! - expected[t]!) < 1e-6, `${kind} ${t}: ${got[k]} vs ${expected[t]}`));
    }
  }
});

test('head.json that does not fit the code is refused', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'oet-lang-'));
  try {
    const head = JSON.parse(readFileSync(LANGUAGE_TRAITS_HEAD_PATH, 'utf8')) as { featureNames: string[] };
    head.featureNames = [...head.featureNames].reverse();
    writeFileSync(path.join(dir, 'head.json'), JSON.stringify(head));
    assert.throws(() => loadTraitsHead(path.join(dir, 'head.json')), /feature names/);
    assert.throws(() => loadTraitsHead(path.join(dir, 'absent.json')), /cannot read/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('assessor uses a likelihood head only with a logprobs scorer, else falls back as before', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'oet-lang-'));
  try {
    const file = JSON.parse(readFileSync(LANGUAGE_TRAITS_HEAD_PATH, 'utf8')) as {
      heads: Record<string, { mean: number[]; scale: number[]; clip: number | null; weights: number[][]; bias: number[] }>;
      likelihoodFeatureNames?: string[];
    };
    const base = file.heads.features!;
    const nl = LIKELIHOOD_FEATURE_NAMES.length;
    // features head plus a likelihood block whose only weight reads lm_mean: +1 per nat on every trait.
    const lmMean = LIKELIHOOD_FEATURE_NAMES.indexOf('lm_mean');
    file.heads['features+likelihood'] = {
      mean: [...base.mean, ...new Array<number>(nl).fill(0)], scale: [...base.scale, ...new Array<number>(nl).fill(1)], clip: null,
      weights: base.weights.map((w) => [...w, ...Array.from({ length: nl }, (_, i) => (i === lmMean ? 1 : 0))]), bias: base.bias,
    };
    file.likelihoodFeatureNames = [...LIKELIHOOD_FEATURE_NAMES];
    const headPath = path.join(dir, 'head.json');
    writeFileSync(headPath, JSON.stringify(file));
    const head = loadTraitsHead(headPath);
    assert.ok(head.kinds.includes('features+likelihood') && head.kinds.at(-1) === 'features');
    const plain = await new LanguageAssessor({ head }).assess(GOOD);
    assert.equal(plain.head, 'features');
    const none = await new LanguageAssessor({ head, logprobs: async () => null }).assess(GOOD);
    assert.deepEqual(none, plain);
    const scored = await new LanguageAssessor({ head, logprobs: async () => [{ piece: 'x', logprob: -0.5 }] }).assess(GOOD);
    assert.equal(scored.head, 'features+likelihood');
    assert.ok(scored.grammar <= plain.grammar && (scored.grammar < plain.grammar || plain.grammar === 1));
    file.likelihoodFeatureNames = [...LIKELIHOOD_FEATURE_NAMES].reverse();
    writeFileSync(headPath, JSON.stringify(file));
    assert.throws(() => loadTraitsHead(headPath), /likelihood feature names/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('assessor (features only): clear errors, range, labels, abort', async () => {
  const assessor = new LanguageAssessor({ embed: async () => null });
  await assert.rejects(assessor.assess('  \n '), /empty/);
  const r = await assessor.assess(GOOD);
  assert.equal(r.head, 'features');
  assert.equal(r.commercialUse, false);
  for (const t of LANGUAGE_TRAITS) assert.ok(r[t] >= 1 && r[t] <= 5 && Math.round(r[t] * 100) === r[t] * 100, `${t} ${r[t]}`);
  await assert.rejects(assessor.assess(GOOD, AbortSignal.abort()), { name: 'AbortError' });
  const bad = await assessor.assess(BAD);
  assert.ok(r.grammar > bad.grammar, `grammar ${r.grammar} vs ${bad.grammar}`);
  assert.ok(r.conventions > bad.conventions, `conventions ${r.conventions} vs ${bad.conventions}`);
});

skipWhen(!hasMiniLm && 'all-MiniLM is missing').test('assessor with the real embedder: well-written beats error-ridden', async () => {
  const model = await loadOnnxModel({ id: 'embedder', path: miniLmDir, task: 'feature-extraction' });
  try {
    const assessor = new LanguageAssessor({ embed: (texts, signal) => model.embed(texts, { signal }) });
    const good = await assessor.assess(GOOD);
    const bad = await assessor.assess(BAD);
    assert.equal(good.head, 'features+embedding');
    assert.ok(good.grammar > bad.grammar, `grammar ${good.grammar} vs ${bad.grammar}`);
    assert.ok(good.conventions > bad.conventions, `conventions ${good.conventions} vs ${bad.conventions}`);
  } finally {
    await model.dispose();
  }
});
