/**
 * Language-model likelihood features of the ELLIPSE calibration essays (../shared/data/ellipse, CC BY-NC-SA 4.0,
 * non-commercial), one JSON line per essay {id, likelihood}, for training/language/train.py --likelihood. The serving
 * code (llamaTokenLogprobs, likelihoodFeatures) computes them.
 *
 *   npx tsc -p tsconfig.json && node dist/eval/ellipseLikelihood.js /tmp/ellipse-likelihood.jsonl [--csv FILE] [--threads 2] [--limit N]
 *
 * Needs SmolLM2-135M-Instruct Q4_1 under $OET_MODELS_DIR (default ../shared/models). CPU only.
 */
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { getLlama, LlamaLogLevel } from 'node-llama-cpp';
import { projectRoot } from '../src/projectRoot.js';
import { LIKELIHOOD_FEATURE_NAMES, LIKELIHOOD_MAX_TOKENS, likelihoodFeaturesOf } from '../src/evaluation/language/likelihoodFeatures.js';
import { llamaTokenLogprobs } from '../src/inference/generation/tokenLogprobs.js';

const args = process.argv.slice(2);
const out = args[0];
if (!out || out.startsWith('--')) throw new Error('usage: node dist/eval/ellipseLikelihood.js OUT.jsonl [--csv FILE] [--threads N] [--limit N]');
const opt = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const csv = opt('--csv') ?? path.join(projectRoot(), '../shared/data/ellipse/ellipse_calibration.csv');
const threads = Number(opt('--threads') ?? 2);
const rows = (parse(readFileSync(csv), { columns: true, skip_empty_lines: true }) as Record<string, string>[]).slice(0, Number(opt('--limit') ?? Infinity));

const modelFile = path.join(process.env.OET_MODELS_DIR ?? path.join(projectRoot(), '../shared/models'), 'smollm2-135m-instruct/SmolLM2-135M-Instruct.Q4_1.gguf');
if (!existsSync(modelFile)) throw new Error(`no LM at ${modelFile}`);
const llama = await getLlama({ build: 'never', gpu: false, logLevel: LlamaLogLevel.warn });
const model = await llama.loadModel({ modelPath: modelFile, gpuLayers: 0 });
const context = await model.createContext({ contextSize: LIKELIHOOD_MAX_TOKENS + 16, batchSize: LIKELIHOOD_MAX_TOKENS + 16, threads });
const scorer = llamaTokenLogprobs(model, context.getSequence());

// Resumable: rows already written are skipped. Rows are keyed by their CSV position: some text_id_kaggle values were
// mangled to floats ("1.99E+11") and repeat.
const done = new Set(existsSync(out) ? readFileSync(out, 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { row: number }).row) : []);
if (done.size === 0) writeFileSync(out, '');
let ms = 0;
let tokens = 0;
let n = 0;
for (const [i, row] of rows.entries()) {
  const id = row.text_id_kaggle!;
  if (done.has(i)) continue;
  const t = performance.now();
  const scored = await scorer(row.full_text!);
  ms += performance.now() - t;
  tokens += scored?.length ?? 0;
  n += 1;
  const f = likelihoodFeaturesOf(scored ?? []);
  appendFileSync(out, `${JSON.stringify({ row: i, id, tokens: scored?.length ?? 0, likelihood: Object.fromEntries(LIKELIHOOD_FEATURE_NAMES.map((k) => [k, f[k]])) })}\n`);
  if ((i + 1) % 50 === 0) console.log(`${i + 1}/${rows.length}: ${(ms / n).toFixed(0)} ms/essay, ${(tokens / n).toFixed(0)} tokens/essay`);
}
console.log(`${n} essays -> ${out}; ${(ms / Math.max(n, 1)).toFixed(0)} ms/essay (${threads} threads), ${(tokens / Math.max(n, 1)).toFixed(0)} tokens/essay`);
await context.dispose();
await model.dispose();
await llama.dispose();
