/**
 * Clinical text analysis speed: start-up, characters per second of the full pipeline (sections, dictionary
 * recogniser, ConText, medication details, allergies, ICD-10-CM coding) with and without the trained recogniser,
 * p50/p99 for a 2,000-character note — beside medspaCy (blank English + PyRuSH + ConText, no NER) on the same text
 * in the same run, when its virtual environment is there (MEDSPACY_PYTHON, default /tmp/peers-venv/bin/python;
 * set up as bench/peers/medspacy_context.py says).
 *
 *   npm run bench:clinical
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ClinicalAnalyzer } from '../src/clinical/ClinicalAnalyzer.js';
import { createInferenceService } from '../src/inference/InferenceService.js';
import { loadKnowledgeBase } from '../src/knowledge/loadKnowledgeBase.js';
import { packLocations, projectRoot } from '../src/knowledge/packs/locations.js';

const root = projectRoot();
const python = process.env.MEDSPACY_PYTHON ?? '/tmp/peers-venv/bin/python';

// A realistic case note (OET style), about 2,000 characters.
const NOTE = `Patient: Mrs Helen Carter, 72-year-old retired teacher.
Presenting complaint: 4 days of increasing shortness of breath, productive cough with green sputum and fever. Denies chest pain or haemoptysis. No recent travel.
History of presenting complaint: Symptoms began after a viral illness. Reduced exercise tolerance, now breathless walking 20 metres. Possible ankle swelling. No orthopnoea.
PMHx: COPD (diagnosed 2015), T2DM, HTN, atrial fibrillation, previous MI in 2012, osteoarthritis of both knees.
Medications:
- salbutamol 2 puffs inh prn
- tiotropium 18 mcg inh od
- metformin 500 mg PO bd
- ramipril 5 mg od
- bisoprolol 2.5 mg od
- apixaban 5 mg bd
- atorvastatin 40 mg nocte
- paracetamol 1 g qds prn for knee pain
Allergies: penicillin (rash), codeine (vomiting).
Social history: Lives alone, ex-smoker (40 pack years, stopped 2010). Drinks 10 units of alcohol a week. Daughter visits daily.
Family history: mother had breast cancer; father died of a stroke at 70.
On examination: T 38.4, HR 104 irregular, BP 138/82, RR 26, SpO2 88% on air. Coarse crackles right base, widespread wheeze. Mild pitting oedema both ankles.
Results: CRP 142, WCC 15.8, eGFR 48. CXR: right lower lobe consolidation, no effusion. ECG: AF, rate 100, no acute ST changes.
Impression: infective exacerbation of COPD with right lower lobe pneumonia. ? early heart failure.
Plan: start doxycycline 200 mg on day 1 then 100 mg od for 5/7, prednisolone 30 mg od for 5/7, controlled oxygen to target 88-92%. Nebulised salbutamol 5 mg qds. Hold metformin while acutely unwell. Check BNP, repeat U&E tomorrow. Refer to respiratory team. If symptoms worsen or confusion develops, escalate to the medical registrar. Discharge planning with the community COPD team and daughter. Safety-net advice given: return if chest pain, coughing up blood or new confusion.`;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function timeRuns(analyzer: ClinicalAnalyzer, text: string, useModel: boolean, minMs = 3000): Promise<number[]> {
  await analyzer.analyze(text, { useModel });
  const times: number[] = [];
  const started = performance.now();
  while (performance.now() - started < minMs || times.length < 20) {
    const t = performance.now();
    await analyzer.analyze(text, { useModel });
    times.push(performance.now() - t);
    if (times.length >= 500) break;
  }
  return times;
}

async function main(): Promise<void> {
  console.log(`# clinical bench — ${os.cpus()[0]?.model ?? 'cpu'} × ${os.availableParallelism()}, Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(2)}; note ${NOTE.length} characters\n`);
  const t0 = performance.now();
  const knowledge = await loadKnowledgeBase({ locations: packLocations({ dataDir: path.join(root, '../shared/data'), packsDir: path.join(root, 'data/packs') }), optIn: [] });
  const t1 = performance.now();
  const inference = createInferenceService({
    modelsDirs: [path.join(root, 'models')],
    manifestPath: path.join(root, 'models/manifest.json'),
    config: { memoryBudgetBytes: undefined, threads: 2, parallelSequences: 1, maxQueue: 64, requestTimeoutMs: 600_000, keepAliveMs: 0, gpu: 'cpu', streamIntervalMs: 50 },
  });
  await inference.refresh();
  const hasModel = inference.listModels().some((m) => m.id === 'clinical-ner');
  const analyzer = new ClinicalAnalyzer(knowledge, { classifyTokens: hasModel ? (texts, signal) => inference.classifyTokens({ model: 'clinical-ner', texts }, { signal }) : undefined });
  const t2 = performance.now();
  console.log(`start-up: knowledge packs ${((t1 - t0) / 1000).toFixed(2)} s, clinical dictionary ${((t2 - t1) / 1000).toFixed(2)} s\n`);

  const long = `${NOTE}\n`.repeat(20);
  const rows: string[][] = [];
  const ours = new Map<string, number>();
  for (const useModel of hasModel ? [false, true] : [false]) {
    const label = useModel ? 'engine, dictionary + trained recogniser' : 'engine, dictionary recogniser';
    const note = await timeRuns(analyzer, NOTE, useModel);
    const big = await timeRuns(analyzer, long, useModel, 4000);
    const cps = long.length / (percentile(big, 50) / 1000);
    ours.set(label, NOTE.length / (percentile(note, 50) / 1000));
    rows.push([label, `${Math.round(NOTE.length / (percentile(note, 50) / 1000)).toLocaleString('en-GB')}`, `${Math.round(cps).toLocaleString('en-GB')}`, percentile(note, 50).toFixed(2), percentile(note, 99).toFixed(2)]);
  }
  let peer: { chars_per_s: number; median_s: number } | undefined;
  if (existsSync(python)) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'oet-bench-clinical-'));
    try {
      writeFileSync(path.join(dir, 'note.txt'), NOTE);
      peer = JSON.parse(execFileSync(python, ['bench/peers/medspacy_context.py', '--time-text', path.join(dir, 'note.txt')], { encoding: 'utf8' })) as { chars_per_s: number; median_s: number };
      rows.push(['medspaCy 1.3.1 (blank en + PyRuSH + ConText, no NER), 1 core', Math.round(peer.chars_per_s).toLocaleString('en-GB'), '–', (peer.median_s * 1000).toFixed(2), '–']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log('| pipeline | chars/s (2k note) | chars/s (40k text) | p50 ms (2k note) | p99 ms (2k note) |');
  console.log('|---|---:|---:|---:|---:|');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  if (peer) for (const [label, cps] of ours) console.log(`\n${label} ÷ medspaCy: ${(cps / peer.chars_per_s).toFixed(1)}× (aim ≥ 10× without the trained model)`);
  else console.log(`\n(medspaCy not run: no Python at ${python}; see bench/peers/medspacy_context.py)`);
  await inference.dispose();
}

await main();
