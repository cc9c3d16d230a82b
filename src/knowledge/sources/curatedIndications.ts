import { z } from 'zod';
import { emptyBody } from '../packs/packTypes.js';
import type { BuildInput, BuildOutput } from '../packs/PackDefinition.js';
import { readCurated, unresolved } from './curatedJson.js';
import { createBuildDrugResolver } from './drugResolver.js';

const IndicationsFile = z.object({
  version: z.string(),
  licence: z.string(),
  note: z.string().optional(),
  entries: z.array(
    z.object({
      drug: z.string().min(1),
      indications: z.array(
        z.object({
          condition: z.string().min(1),
          icd10: z.array(z.string().regex(/^[A-Z]\d[0-9A-Z]$/, 'an ICD-10-CM three-character category')).min(1),
          offLabel: z.boolean().optional(),
        }),
      ).min(1),
      reference: z.string().min(1),
    }),
  ),
});

/** What a drug is licensed for, keyed by its DrugBank concept; ICD-10-CM categories make the check code-based. */
export interface DrugIndications {
  conceptId: string;
  drug: string;
  indications: { condition: string; icd10: string[]; offLabel?: boolean }[];
  reference: string;
}

/** Licensed adult indications of common drugs (curated, with references): a table for fact checking, no concepts. */
export async function buildIndications(input: BuildInput): Promise<BuildOutput> {
  const [file] = input.files as [string];
  const data = await readCurated(file, IndicationsFile, input.signal);
  const drugbank = input.dependencies.get('drugbank-open');
  if (!drugbank) throw new Error('indications needs the drugbank-open pack');
  const resolver = createBuildDrugResolver(drugbank);
  const entries: DrugIndications[] = data.entries.map((entry, i) => {
    const hit = resolver.resolve(entry.drug);
    if (!hit) throw unresolved(file, `entries.${i}.drug`, `"${entry.drug}" is not a DrugBank drug name`);
    return { ...entry, conceptId: hit.conceptId };
  });
  const body = emptyBody();
  body.tables.indications = entries;
  return { body, edition: data.version, rows: { drugs: new Set(entries.map((e) => e.conceptId)).size, indications: entries.reduce((n, e) => n + e.indications.length, 0) } };
}
