import { z } from 'zod';
import { emptyBody } from '../packs/packTypes.js';
import type { BuildInput, BuildOutput } from '../packs/PackDefinition.js';
import { dottedCode } from './icd10cm.js';
import { readCurated, unresolved } from './curatedJson.js';

const SymptomsFile = z.object({
  version: z.string(),
  licence: z.string(),
  note: z.string().optional(),
  symptoms: z.array(z.object({ id: z.string().regex(/^[a-z0-9-]+$/), name: z.string().min(1), synonyms: z.array(z.string()).default([]) })),
  conditions: z.array(
    z.object({
      id: z.string().regex(/^[a-z0-9-]+$/),
      name: z.string().min(1),
      icd10: z.string().min(3),
      symptoms: z.array(z.object({ id: z.string(), weight: z.number().gt(0).lte(1) })).min(1),
      reference: z.string().min(1),
    }),
  ),
  redFlags: z.array(
    z.object({
      id: z.string(),
      all: z.array(z.string()).min(1),
      any: z.array(z.string()).optional(),
      concern: z.string().min(1),
      action: z.string().min(1),
      reference: z.string().min(1),
    }),
  ),
});

export type RedFlagRule = z.infer<typeof SymptomsFile>['redFlags'][number];

/**
 * Our symptom vocabulary, the conditions with the symptoms that typically present (weighted) and the red-flag
 * combinations. Conditions link to their ICD-10-CM code with same-as; red flags travel as a table.
 */
export async function buildCuratedSymptoms(input: BuildInput): Promise<BuildOutput> {
  const [file] = input.files as [string];
  const data = await readCurated(file, SymptomsFile, input.signal);
  const codes = new Set((input.dependencies.get('icd10cm')?.concepts ?? []).map((c) => c.id));
  const body = emptyBody();
  const symptomIds = new Set(data.symptoms.map((s) => s.id));
  const check = (id: string, where: string) => {
    if (!symptomIds.has(id)) throw unresolved(file, where, `symptom "${id}" is not defined in symptoms`);
    return `symptom:${id}`;
  };
  for (const s of data.symptoms) body.concepts.push({ id: `symptom:${s.id}`, system: 'symptom', code: s.id, name: s.name, kind: 'symptom', synonyms: s.synonyms });
  data.conditions.forEach((c, i) => {
    const id = `condition:${c.id}`;
    body.concepts.push({ id, system: 'condition', code: c.id, name: c.name, kind: 'condition', attrs: { reference: c.reference, icd10: c.icd10 } });
    const icd = `icd10cm:${c.icd10.includes('.') ? c.icd10 : dottedCode(c.icd10)}`;
    if (!codes.has(icd)) throw unresolved(file, `conditions.${i}.icd10`, `"${c.icd10}" is not an ICD-10-CM code of the loaded edition`);
    body.relations.push({ from: id, to: icd, type: 'same-as' });
    c.symptoms.forEach((s, j) => body.relations.push({ from: id, to: check(s.id, `conditions.${i}.symptoms.${j}`), type: 'has-symptom', attrs: { weight: s.weight } }));
  });
  data.redFlags.forEach((flag, i) => [...flag.all, ...(flag.any ?? [])].forEach((s) => check(s, `redFlags.${i}`)));
  body.tables.redFlags = data.redFlags;
  return { body, edition: data.version, rows: { symptoms: data.symptoms.length, conditions: data.conditions.length, redFlags: data.redFlags.length } };
}
