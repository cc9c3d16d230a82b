/**
 * verifyClaim's held-out figures through the product path (the TypeScript tokenizer and the int8 graph served by the
 * inference core's ONNX engine, batched as the server batches): HealthVer rows of the topics training/claim kept out
 * (training/claim/heldout_claims.json; grouped by topic, so no claim or evidence pool is on both sides).
 *
 *   npm run eval:claims        (needs $OET_DATA_DIR/healthver, default ../shared/data)
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { loadOnnxModel } from '../src/inference/onnx/loadOnnxModel.js';
import { projectRoot } from '../src/knowledge/packs/locations.js';
import { CLAIM_LABELS } from '../src/safety/claims/verifyClaim.js';

const root = projectRoot();
const dataDir = path.resolve(process.env.OET_DATA_DIR ?? path.join(root, '../shared/data'));
const heldout = JSON.parse(await readFile(path.join(root, 'training/claim/heldout_claims.json'), 'utf8')) as { row_ids: string[] };
const ids = new Set(heldout.row_ids);
const rows = (parse(await readFile(path.join(dataDir, 'healthver/healthver_dev.csv'), 'utf8'), { columns: true }) as { id: string; evidence: string; claim: string; label: string }[]).filter((r) => ids.has(r.id));
const model = await loadOnnxModel({ id: 'claim-verifier', path: path.join(root, 'models/claim-verifier'), task: 'text-classification' });
const started = performance.now();
const scores = await model.classifyPairs(rows.map((r) => [r.claim, r.evidence] as const));
const ms = (performance.now() - started) / rows.length;
await model.dispose();

const gold = rows.map((r) => r.label.toUpperCase());
const predicted = scores.map((s) => CLAIM_LABELS.reduce((a, b) => ((s[b] ?? 0) > (s[a] ?? 0) ? b : a)));
console.log(`claim verifier on ${rows.length} held-out HealthVer pairs (${ids.size} row ids), ${ms.toFixed(1)} ms a pair\n`);
console.log('| label | support | precision | recall | F1 |');
console.log('|---|---:|---:|---:|---:|');
let f1Sum = 0;
for (const label of CLAIM_LABELS) {
  const tp = predicted.filter((p, i) => p === label && gold[i] === label).length;
  const fp = predicted.filter((p, i) => p === label && gold[i] !== label).length;
  const fn = predicted.filter((p, i) => p !== label && gold[i] === label).length;
  const precision = tp / (tp + fp || 1);
  const recall = tp / (tp + fn || 1);
  const f1 = (2 * precision * recall) / (precision + recall || 1);
  f1Sum += f1;
  console.log(`| ${label} | ${tp + fn} | ${(100 * precision).toFixed(1)} | ${(100 * recall).toFixed(1)} | ${(100 * f1).toFixed(1)} |`);
}
const accuracy = predicted.filter((p, i) => p === gold[i]).length / rows.length;
console.log(`\nmacro-F1 ${((100 * f1Sum) / CLAIM_LABELS.length).toFixed(1)} (aim 65), accuracy ${(100 * accuracy).toFixed(1)} %; always NEUTRAL: accuracy ${((100 * gold.filter((g) => g === 'NEUTRAL').length) / rows.length).toFixed(1)} %`);
