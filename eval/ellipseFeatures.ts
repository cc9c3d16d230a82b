/**
 * Features and essay embeddings for the ELLIPSE calibration set (../shared/data/ellipse, CC BY-NC-SA 4.0,
 * non-commercial), one JSON line per essay, for training/language/train.py. The same TypeScript that serves
 * (languageFeatures, embedText) computes them, so training and serving cannot drift apart.
 *
 *   npx tsc -p tsconfig.json && node dist/eval/ellipseFeatures.js /tmp/ellipse-features.jsonl [--csv FILE]
 *
 * Embeddings need all-MiniLM-L6-v2 int8 under $OET_MODELS_DIR (default ../shared/models); without it the lines
 * carry `embedding: null` and only the features-only head can be trained.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { loadOnnxModel } from '../src/inference/onnx/loadOnnxModel.js';
import { projectRoot } from '../src/projectRoot.js';
import { embedText } from '../src/evaluation/language/embedText.js';
import { LANGUAGE_FEATURE_NAMES, languageFeatures } from '../src/evaluation/language/languageFeatures.js';

const args = process.argv.slice(2);
const out = args[0];
if (!out || out.startsWith('--')) throw new Error('usage: node dist/eval/ellipseFeatures.js OUT.jsonl [--csv FILE]');
const csv = args.includes('--csv') ? args[args.indexOf('--csv') + 1]! : path.join(projectRoot(), '../shared/data/ellipse/ellipse_calibration.csv');

const SCORES = ['Overall', 'Cohesion', 'Syntax', 'Vocabulary', 'Phraseology', 'Grammar', 'Conventions'] as const;
const rows = parse(readFileSync(csv), { columns: true, skip_empty_lines: true }) as Record<string, string>[];

const embedderDir = path.join(process.env.OET_MODELS_DIR ?? path.join(projectRoot(), '../shared/models'), 'all-minilm-l6-v2-int8');
const embedder = existsSync(embedderDir) ? await loadOnnxModel({ id: 'embedder', path: embedderDir, task: 'feature-extraction' }) : null;
if (!embedder) console.warn(`no embedder at ${embedderDir}: features only`);

const lines: string[] = [];
let featureMs = 0;
const started = performance.now();
for (const [i, row] of rows.entries()) {
  const text = row.full_text!;
  const t = performance.now();
  const features = languageFeatures(text);
  featureMs += performance.now() - t;
  const embedding = embedder ? await embedText(text, (texts) => embedder.embed(texts)) : null;
  const scores = Object.fromEntries(SCORES.map((s) => [s.toLowerCase(), Number(row[s])]));
  lines.push(JSON.stringify({ id: row.text_id_kaggle, ...scores, features: Object.fromEntries(LANGUAGE_FEATURE_NAMES.map((n) => [n, features[n]])), embedding }));
  if ((i + 1) % 100 === 0) console.log(`${i + 1}/${rows.length}`);
}
writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`${rows.length} essays -> ${out}; features ${(featureMs / rows.length).toFixed(2)} ms/essay (incl. dictionary load), total ${((performance.now() - started) / 1000).toFixed(1)} s`);
await embedder?.dispose();
