import type { InferenceEngine } from '../../inference/types.js';
import type { ClinicalAnalysis, ClinicalAnalyzer } from '../ClinicalAnalyzer.js';

/** What the instruction model is asked for (JSON-schema constrained). */
export interface AbstractiveSummaryFields {
  summary: string;
  problems: string[];
  medications: string[];
  plan: string[];
}

/** A fact in the generated text that the source does not support: flagged, never silently kept. */
export interface UnsupportedClaim {
  kind: 'drug' | 'dose' | 'number' | 'condition';
  text: string;
  /** Where it is in the generated `summary` (when it is there). */
  field: keyof AbstractiveSummaryFields;
  reason: string;
}

export interface AbstractiveSummary extends AbstractiveSummaryFields {
  modelId: string;
  unsupported: UnsupportedClaim[];
  /** Facts checked against the source and found there. */
  supportedCount: number;
}

const SCHEMA = {
  type: 'object',
  properties: {
    summary: { type: 'string', maxLength: 600 },
    problems: { type: 'array', items: { type: 'string', maxLength: 120 }, maxItems: 8 },
    medications: { type: 'array', items: { type: 'string', maxLength: 120 }, maxItems: 10 },
    plan: { type: 'array', items: { type: 'string', maxLength: 160 }, maxItems: 6 },
  },
  required: ['summary', 'problems', 'medications', 'plan'],
  additionalProperties: false,
} as const;

const NUMBER = /\b\d+(?:\.\d+)?\b/g;
const DOSE = /\b\d+(?:\.\d+)?\s*(?:mg|mcg|µg|g|ml|units?|iu|mmol|%)(?![a-z])/gi;

/**
 * An abstractive summary from the instruction model, constrained by a JSON schema, then grounded: every drug, dose,
 * number and condition in its output is looked for in the source (drugs and conditions by code through the
 * analyser, doses and numbers as written) and anything not found is listed as unsupported.
 */
export async function abstractiveSummary(
  text: string,
  source: ClinicalAnalysis,
  analyzer: ClinicalAnalyzer,
  inference: InferenceEngine,
  options: { model?: string; maxTokens?: number; signal?: AbortSignal } = {},
): Promise<AbstractiveSummary> {
  const result = await inference.generate(
    {
      model: options.model,
      messages: [
        { role: 'system', content: 'You summarise clinical notes for a colleague. Use only facts stated in the note. Answer in JSON.' },
        { role: 'user', content: `Summarise this clinical note: the main problems, current medications with doses, and the plan.\n\n${text}` },
      ],
      jsonSchema: SCHEMA as unknown as Record<string, unknown>,
      temperature: 0,
      maxTokens: options.maxTokens ?? 256,
    },
    { signal: options.signal },
  );
  const fields = parseFields(result.text);
  return { ...fields, modelId: result.modelId, ...(await groundSummary(fields, text, source, analyzer, options.signal)) };
}

/**
 * Checks each drug, dose, number and condition of generated fields against the source note and its analysis:
 * what is not found there is listed as unsupported (the caller shows it flagged; nothing is silently kept).
 */
export async function groundSummary(
  fields: AbstractiveSummaryFields,
  text: string,
  source: ClinicalAnalysis,
  analyzer: ClinicalAnalyzer,
  signal?: AbortSignal,
): Promise<{ unsupported: UnsupportedClaim[]; supportedCount: number }> {
  const unsupported: UnsupportedClaim[] = [];
  let supportedCount = 0;
  const sourceDrugs = new Set(source.entities.filter((e) => e.category === 'MEDICATION' && e.code).flatMap((e) => e.code!.split('+')));
  const sourceConditions = new Set(source.entities.filter((e) => (e.category === 'CONDITION' || e.category === 'SYMPTOM') && e.code).map((e) => e.code!));
  const sourceConditionWords = source.entities.filter((e) => e.category === 'CONDITION' || e.category === 'SYMPTOM').map((e) => e.text.toLowerCase());
  const sourceNumbers = new Set(text.match(NUMBER) ?? []);
  const sourceDoses = new Set((text.match(DOSE) ?? []).map(normaliseDose));
  for (const field of ['summary', 'problems', 'medications', 'plan'] as const) {
    const value = fields[field];
    const generated = Array.isArray(value) ? value.join('\n') : value;
    if (generated.trim() === '') continue;
    const analysis = await analyzer.analyze(generated, { useModel: false, code: false, signal });
    for (const e of analysis.entities) {
      if (e.category === 'MEDICATION' && e.code) {
        if (e.code.split('+').every((id) => sourceDrugs.has(id))) supportedCount++;
        else unsupported.push({ kind: 'drug', text: e.text, field, reason: 'this drug is not in the note' });
      } else if (e.category === 'CONDITION' && !e.negated) {
        const found = (e.code && sourceConditions.has(e.code)) || sourceConditionWords.some((w) => w.includes(e.text.toLowerCase()) || e.text.toLowerCase().includes(w));
        if (found) supportedCount++;
        else unsupported.push({ kind: 'condition', text: e.text, field, reason: 'this condition is not in the note' });
      }
    }
    // A dose written after a drug must be that drug's dose in the note ("warfarin 5 mg" is not supported by
    // "ramipril 5 mg"); a dose on its own must at least appear in the note.
    const attached = new Set<string>();
    for (const m of analysis.medications) {
      if (!m.dose || !m.drugbankId) continue;
      attached.add(normaliseDose(m.dose));
      const ids = m.drugbankId.split('+');
      const matches = source.medications.some((s) => s.drugbankId && s.drugbankId.split('+').some((id) => ids.includes(id)) && s.dose && normaliseDose(s.dose) === normaliseDose(m.dose!));
      if (matches) supportedCount++;
      else unsupported.push({ kind: 'dose', text: m.dose, field, reason: `the note does not give ${m.drug} at this dose` });
    }
    for (const dose of generated.match(DOSE) ?? []) {
      if (attached.has(normaliseDose(dose))) continue;
      if (sourceDoses.has(normaliseDose(dose))) supportedCount++;
      else unsupported.push({ kind: 'dose', text: dose, field, reason: 'this dose is not in the note' });
    }
    const doseNumbers = new Set((generated.match(DOSE) ?? []).map((d) => d.match(NUMBER)?.[0]));
    for (const n of generated.match(NUMBER) ?? []) {
      if (doseNumbers.has(n)) continue;
      if (sourceNumbers.has(n)) supportedCount++;
      else unsupported.push({ kind: 'number', text: n, field, reason: 'this number is not in the note' });
    }
  }
  return { unsupported, supportedCount };
}

function normaliseDose(dose: string): string {
  return dose.toLowerCase().replace(/\s+/g, '').replace('µg', 'mcg');
}

/** The model's JSON (grammar-constrained, so it parses unless cut off by the token limit: then what is there is kept). */
function parseFields(raw: string): AbstractiveSummaryFields {
  try {
    const value = JSON.parse(raw) as Partial<AbstractiveSummaryFields>;
    return {
      summary: typeof value.summary === 'string' ? value.summary : '',
      problems: Array.isArray(value.problems) ? value.problems.filter((s): s is string => typeof s === 'string') : [],
      medications: Array.isArray(value.medications) ? value.medications.filter((s): s is string => typeof s === 'string') : [],
      plan: Array.isArray(value.plan) ? value.plan.filter((s): s is string => typeof s === 'string') : [],
    };
  } catch {
    return { summary: raw.slice(0, 600), problems: [], medications: [], plan: [] };
  }
}
