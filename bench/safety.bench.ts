/**
 * Safety checks' speed on a 2,000-character case note full of identifiers: p50/p99 of PHI detection, redactPhi
 * (each strategy) and analyzeSafety (PHI, content, bias, facts; no trained models), beside Microsoft Presidio's
 * AnalyzerEngine on the same note in the same run when its virtual environment is there (PRESIDIO_PYTHON, default
 * /tmp/presidio-venv/bin/python; set up as bench/peers/presidio_phi.py says). Then the guardrails' overhead on a
 * real generation (stories260K, 128 tokens, greedy): the same stream with and without guardStream.
 *
 *   npm run bench:safety
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EngineServices } from '../src/app/EngineServices.js';
import { guardStream } from '../src/app/guardrails.js';
import { Role } from '../src/auth/viewer.js';
import { ClinicalAnalyzer } from '../src/clinical/ClinicalAnalyzer.js';
import { createInferenceService } from '../src/inference/InferenceService.js';
import { loadShippedKnowledge } from '../src/knowledge/loadShippedKnowledge.js';
import { projectRoot } from '../src/knowledge/packs/locations.js';
import { detectPhi } from '../src/safety/phi/detectPhi.js';
import { SafetyPolicy } from '../src/safety/policy/SafetyPolicy.js';
import { redactSpans, REDACTION_STRATEGIES } from '../src/safety/redaction/redactPhi.js';
import { SafetyAnalyzer } from '../src/safety/SafetyAnalyzer.js';
import { SafetyProvider } from '../src/safety/SafetyProvider.js';
import { percentile, timeRuns as time } from './support/timing.js';

const root = projectRoot();
const python = process.env.PRESIDIO_PYTHON ?? '/tmp/presidio-venv/bin/python';

const NOTE = `DISCHARGE SUMMARY - Royal Prince Alfred Hospital
Patient: Mrs Helen Margaret Carter   DOB: 14/07/1952   MRN: A1289473   Medicare: 2123 45670 1
Address: 12 Smith Street, Parramatta NSW 2150   Phone: 0412 345 678   Email: h.carter52@example.com
Admitted: 3 March 2024   Discharged: 11/03/2024   Consultant: Dr A. K. Sharma (Respiratory)
GP: Dr Priya Nair, Harbourside Medical Practice, fax (02) 9876 5432
Presenting complaint: 4 days of increasing shortness of breath, productive cough with green sputum and fever. Denies chest pain or haemoptysis.
PMHx: COPD (2015), T2DM, HTN, atrial fibrillation, previous MI in 2012, Parkinson's disease (mild), osteoarthritis of both knees.
Medications on discharge: salbutamol 2 puffs inh prn; tiotropium 18 mcg od; metformin 500 mg bd; ramipril 5 mg od; apixaban 5 mg bd; atorvastatin 40 mg nocte; paracetamol 1 g qds prn.
Allergies: penicillin (rash). Social: lives alone, ex-smoker (40 pack years). Her daughter, Grace Carter, visits daily (mobile 0498 765 432).
Examination: T 38.4, HR 104 irregular, BP 138/82, RR 26, SpO2 88% on air. Coarse crackles right base. Results: CRP 142, WCC 15.8, eGFR 48, INR 1.1.
Impression: infective exacerbation of COPD with right lower lobe pneumonia. Treated with doxycycline and prednisolone; oxygen weaned by day 4.
Plan: complete doxycycline 100 mg od to 16/03/2024; prednisolone 30 mg od for 5 days. Review in respiratory clinic in 6 weeks (booking ref RP-20240311-77). Pulmonary rehab referral sent via https://rehab.example.org/referrals. The patient is non-compliant with her inhalers; technique reviewed.
Dictated by Dr Tan Wei Ming, Registrar, 11 March 2024.`;

async function main(): Promise<void> {
  console.log(`# safety bench — ${os.cpus()[0]?.model ?? 'cpu'} × ${os.availableParallelism()}, Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(2)}; note ${NOTE.length} characters\n`);
  const knowledge = await loadShippedKnowledge();
  const safety = new SafetyAnalyzer({ knowledge, clinical: new ClinicalAnalyzer(knowledge) });
  const key = randomBytes(32);
  const spans = detectPhi(NOTE);
  console.log(`${spans.length} PHI spans found in the note\n`);

  const rows: [string, number[]][] = [];
  rows.push(['detectPhi (rules)', await time(() => detectPhi(NOTE))]);
  for (const strategy of REDACTION_STRATEGIES) rows.push([`redactPhi ${strategy} (detect + replace)`, await time(async () => redactSpans(NOTE, await safety.phiSpans(NOTE), { strategy, key }))]);
  rows.push(['analyzeSafety PHI + content + bias', await time(() => safety.analyze(NOTE, { categories: ['PHI', 'CONTENT', 'BIAS'] }))]);
  rows.push(['analyzeSafety all (+ facts against the packs)', await time(() => safety.analyze(NOTE))]);

  let presidio: { median_s: number; p99_s: number } | undefined;
  if (existsSync(python)) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'oet-bench-safety-'));
    try {
      writeFileSync(path.join(dir, 'note.txt'), NOTE);
      presidio = JSON.parse(execFileSync(python, ['bench/peers/presidio_phi.py', '--time-text', path.join(dir, 'note.txt')], { encoding: 'utf8', env: { ...process.env, TLDEXTRACT_CACHE: dir } })) as { median_s: number; p99_s: number };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  console.log('| check | p50 ms | p99 ms |');
  console.log('|---|---:|---:|');
  for (const [label, times] of rows) console.log(`| ${label} | ${percentile(times, 50).toFixed(2)} | ${percentile(times, 99).toFixed(2)} |`);
  if (presidio) {
    console.log(`| Presidio 2.2.366 AnalyzerEngine (en_core_web_sm), 1 process | ${(presidio.median_s * 1000).toFixed(2)} | ${(presidio.p99_s * 1000).toFixed(2)} |`);
    console.log(`\nPresidio ÷ detectPhi at p50: ${((presidio.median_s * 1000) / percentile(rows[0]![1], 50)).toFixed(1)}×`);
  } else console.log(`\n(Presidio not run: no Python at ${python}; see bench/peers/presidio_phi.py)`);
  console.log(`analyzeSafety p50 without the trained models (PHI + content + bias): ${percentile(rows[5]![1], 50).toFixed(1)} ms (aim ≤ 20 ms)`);

  // Guardrails on a real stream.
  const inference = createInferenceService({
    modelsDirs: [path.join(root, '../shared/models'), path.join(root, 'models')],
    manifestPath: path.join(root, 'models/manifest.json'),
    config: { memoryBudgetBytes: undefined, threads: 1, parallelSequences: 1, maxQueue: 64, requestTimeoutMs: 600_000, keepAliveMs: 0, gpu: 'cpu', streamIntervalMs: 0 },
  });
  await inference.refresh();
  if (!inference.listModels().some((m) => m.id === 'stories260k')) {
    console.log('\n(stories260K not found in ../shared/models: guardrail overhead not measured)');
    return;
  }
  const provider = new SafetyProvider({} as never, {} as never, { policy: new SafetyPolicy(), redactionKey: key });
  await provider.ready();
  const services = { safety: provider, config: { safety: { checkOutput: true } }, stores: { auditLog: { record: async () => {} } } } as unknown as EngineServices;
  const viewer = { kind: 'user' as const, id: 'bench', roles: new Set([Role.ASSESSOR]), cohortIds: [] };
  const request = { model: 'stories260k', prompt: 'Once upon a time', maxTokens: 128, temperature: 0 };
  const plain: number[] = [];
  const guarded: number[] = [];
  for (let i = 0; i < 12; i += 1) {
    for (const guard of [false, true]) {
      const abort = new AbortController();
      const t = performance.now();
      const stream = inference.generateStream(request, { signal: abort.signal });
      for await (const _ of guard ? guardStream(services, viewer, request, stream, () => abort.abort()) : stream);
      (guard ? guarded : plain).push(performance.now() - t);
    }
  }
  const p50 = (v: number[]) => percentile(v.slice(2), 50);
  console.log(`\nguardrails on a 128-token stream (stories260K, greedy, 10 runs each after 2 warm-ups): ${p50(plain).toFixed(1)} ms without, ${p50(guarded).toFixed(1)} ms with: ${(p50(guarded) / p50(plain)).toFixed(2)}× (+${(p50(guarded) - p50(plain)).toFixed(1)} ms)`);
  await inference.dispose();
}

await main();
