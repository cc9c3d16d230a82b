import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, test } from '@jest/globals';
import { skipWhen } from '../support/skipWhen.js';
import { ClinicalAnalyzer } from '../../src/clinical/ClinicalAnalyzer.js';
import { createInferenceService, type InferenceService } from '../../src/inference/InferenceService.js';
import { repoRoot } from '../support/paths.js';
import { shippedKnowledge } from '../knowledge/support/shippedKnowledge.js';
import { testConfig } from '../inference/support.js';

const modelDir = path.join(repoRoot, 'models/clinical-ner');
const hasModel = existsSync(path.join(modelDir, 'onnx/model_quantized.onnx'));

skipWhen(!hasModel && 'models/clinical-ner is not built').describe('the trained recogniser (models/clinical-ner) through the inference core', () => {
  let inference: InferenceService;
  let analyzer: ClinicalAnalyzer;
  beforeAll(async () => {
    inference = createInferenceService({ modelsDirs: [path.join(repoRoot, 'models')], manifestPath: path.join(repoRoot, 'models/manifest.json'), config: testConfig() });
    await inference.refresh();
    analyzer = new ClinicalAnalyzer(await shippedKnowledge(), { classifyTokens: (texts, signal) => inference.classifyTokens({ model: 'clinical-ner', texts }, { signal }) });
  });
  afterAll(() => inference.dispose());

  test('the manifest knows it and the registry finds it in the project models folder', () => {
    const info = inference.getModel('clinical-ner');
    assert.equal(info?.task, 'token-classification');
    assert.equal(info?.format, 'onnx');
  });

  test('labels words of a sentence: chemicals and diseases, with offsets into the text', async () => {
    const text = 'Cisplatin-induced nephrotoxicity was seen in two patients with osteosarcoma.';
    const analysis = await analyzer.analyze(text, { modelOnly: true, code: false });
    assert.equal(analysis.recognizers.model, true);
    assert.equal(analysis.recognizers.dictionary, false);
    const found = analysis.entities.map((e) => [e.text, e.category, e.source]);
    for (const e of analysis.entities) assert.equal(text.slice(e.start, e.end), e.text);
    assert.ok(found.some(([t, c]) => t === 'nephrotoxicity' && c === 'CONDITION'), JSON.stringify(found));
    assert.ok(found.some(([t, c]) => t === 'osteosarcoma' && c === 'CONDITION'), JSON.stringify(found));
    assert.ok(found.some(([t, c]) => String(t).startsWith('Cisplatin') && c === 'MEDICATION'), JSON.stringify(found));
  });

  test('a prescription line keeps the drug name apart from its dose', async () => {
    const analysis = await analyzer.analyze('PMHx: T2DM. Metformin 500 mg bd.');
    assert.deepEqual(analysis.medications.map((m) => [m.drug, m.dose, m.frequency]), [['Metformin', '500 mg', 'twice daily']]);
  });

  test('merged with the dictionary: agreements are marked, context still applies', async () => {
    const analysis = await analyzer.analyze('No evidence of hepatotoxicity after amiodarone was started.');
    assert.equal(analysis.recognizers.model, true);
    const hepatotoxicity = analysis.entities.find((e) => e.text === 'hepatotoxicity');
    assert.ok(hepatotoxicity, JSON.stringify(analysis.entities.map((e) => e.text)));
    assert.equal(hepatotoxicity.negated, true);
    assert.ok(analysis.entities.some((e) => e.text === 'amiodarone' && e.category === 'MEDICATION'));
  });
});
