import { z } from 'zod';
import { emptyBody } from '../packs/packTypes.js';
import type { BuildInput, BuildOutput } from '../packs/PackDefinition.js';
import { readCurated, unresolved } from './curatedJson.js';
import { createBuildDrugResolver } from './drugResolver.js';

const ROUTE = z.enum(['oral', 'intravenous', 'intramuscular', 'subcutaneous', 'inhaled', 'sublingual', 'rectal', 'topical', 'transdermal']);

const DoseRangesFile = z.object({
  version: z.string(),
  licence: z.string(),
  note: z.string().optional(),
  entries: z.array(
    z.object({
      drug: z.string().min(1),
      route: ROUTE,
      unit: z.string().min(1),
      minSingle: z.number().positive(),
      maxSingle: z.number().positive(),
      maxDaily: z.number().positive().nullable(),
      maxWeekly: z.number().positive().optional(),
      typicalFrequency: z.string().optional(),
      reference: z.string().min(1),
      note: z.string().optional(),
    }),
  ),
});

/** One plausible adult dose range, keyed by its DrugBank concept. */
export type DoseRange = Omit<z.infer<typeof DoseRangesFile>['entries'][number], 'drug'> & { conceptId: string; drug: string };

/** Usual adult dose ranges (curated, with references) for plausibility checks in scenarios: a table, no concepts. */
export async function buildDoseRanges(input: BuildInput): Promise<BuildOutput> {
  const [file] = input.files as [string];
  const data = await readCurated(file, DoseRangesFile, input.signal);
  const drugbank = input.dependencies.get('drugbank-open');
  if (!drugbank) throw new Error('dose-ranges needs the drugbank-open pack');
  const resolver = createBuildDrugResolver(drugbank);
  const ranges: DoseRange[] = data.entries.map((entry, i) => {
    const hit = resolver.resolve(entry.drug);
    if (!hit) throw unresolved(file, `entries.${i}.drug`, `"${entry.drug}" is not a DrugBank drug name`);
    if (entry.minSingle > entry.maxSingle) throw unresolved(file, `entries.${i}`, `minSingle ${entry.minSingle} is above maxSingle ${entry.maxSingle}`);
    return { ...entry, conceptId: hit.conceptId };
  });
  const body = emptyBody();
  body.tables.doseRanges = ranges;
  return { body, edition: data.version, rows: { ranges: ranges.length, drugs: new Set(ranges.map((r) => r.conceptId)).size } };
}
