import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from '@jest/globals';
import { ClinicalProvider } from '../../src/clinical/ClinicalProvider.js';
import { EvaluationProvider } from '../../src/evaluation/EvaluationProvider.js';
import { transcriptText, type TranscriptTurn } from '../../src/evaluation/types.js';
import { KnowledgeProvider } from '../../src/knowledge/KnowledgeProvider.js';
import { shippedKnowledge } from '../knowledge/support/shippedKnowledge.js';
import { repoRoot } from '../support/paths.js';

// One dev scenario of the labelled role-plays (eval/data/oet-speaking): a strong transcript and five weakened ones.
const items = readFileSync(path.join(repoRoot, 'eval/data/oet-speaking/dev.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { scenarioId: string; level: string; profession: 'NURSING'; transcript: TranscriptTurn[] });
const scenario = items.filter((i) => i.scenarioId === items[0]!.scenarioId);
const knowledge = new KnowledgeProvider(() => shippedKnowledge());
const provider = new EvaluationProvider(knowledge, new ClinicalProvider(knowledge));

const TARGETS: Record<string, string[]> = {
  'poor-communication': ['Relationship-building', "Understanding & incorporating the patient's perspective", 'Providing structure', 'Information-gathering', 'Information-giving'],
  jargon: ['Appropriateness of Language'],
  disfluent: ['Fluency'],
  'grammar-errors': ['Resources of Grammar and Expression'],
  'low-intelligibility': ['Intelligibility'],
};

describe('evaluateSpeaking on labelled role-plays', () => {
  it('orders each weakened role-play below the strong one on the criteria it weakens, with exact evidence', async () => {
    const strongItem = scenario.find((i) => i.level === 'strong')!;
    const strong = await provider.evaluateSpeaking({ transcript: strongItem.transcript, profession: strongItem.profession });
    const text = transcriptText(strongItem.transcript);
    for (const c of strong.criteria) for (const e of c.evidence) assert.equal(text.slice(e.start, e.end), e.text);
    for (const [level, criteria] of Object.entries(TARGETS)) {
      const item = scenario.find((i) => i.level === level)!;
      const weaker = await provider.evaluateSpeaking({ transcript: item.transcript, profession: item.profession });
      for (const name of criteria) {
        const [a, b] = [weaker, strong].map((r) => r.criteria.find((c) => c.name === name)!.score);
        assert.ok(a! < b!, `${level}: ${name} ${a} vs strong ${b}`);
      }
    }
  });
});
