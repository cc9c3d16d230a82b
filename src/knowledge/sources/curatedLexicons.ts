import { z } from 'zod';
import { emptyBody, type PackBody } from '../packs/packTypes.js';
import type { BuildInput, BuildOutput } from '../packs/PackDefinition.js';
import { dottedCode } from './icd10cm.js';
import { readCurated, unresolved } from './curatedJson.js';
import { createBuildDrugResolver, slug } from './drugResolver.js';

const header = { version: z.string(), licence: z.string(), note: z.string().optional() };

function icdIds(input: BuildInput): Set<string> {
  return new Set((input.dependencies.get('icd10cm')?.concepts ?? []).map((c) => c.id));
}

function icdConcept(codes: ReadonlySet<string>, code: string, file: string, where: string): string {
  const id = `icd10cm:${code.includes('.') ? code : dottedCode(code)}`;
  if (!codes.has(id)) throw unresolved(file, where, `"${code}" is not an ICD-10-CM code of the loaded edition`);
  return id;
}

const AbbreviationsFile = z.object({
  ...header,
  entries: z.array(
    z.object({
      abbr: z.string().min(1),
      expansions: z.array(z.string().min(1)).min(1),
      kind: z.enum(['condition', 'symptom', 'procedure', 'test', 'anatomy', 'drug', 'frequency', 'route', 'dose-unit', 'general']),
      caseSensitive: z.boolean().optional(),
      ambiguous: z.boolean().optional(),
      icd10: z.string().optional(),
    }),
  ),
});

/** Clinical abbreviations: one concept each, abbreviation-of the ICD-10-CM code where one is given. */
export async function buildAbbreviations(input: BuildInput): Promise<BuildOutput> {
  const [file] = input.files as [string];
  const data = await readCurated(file, AbbreviationsFile, input.signal);
  const codes = icdIds(input);
  const body = emptyBody();
  data.entries.forEach((entry, i) => {
    const code = entry.caseSensitive ? entry.abbr : entry.abbr.toUpperCase();
    const id = `abbr:${code}`;
    if (body.concepts.some((c) => c.id === id)) throw unresolved(file, `entries.${i}`, `"${entry.abbr}" is listed twice`);
    body.concepts.push({
      id,
      system: 'abbr',
      code,
      name: entry.abbr,
      kind: 'abbreviation',
      attrs: { expansions: entry.expansions, abbrKind: entry.kind, caseSensitive: entry.caseSensitive ?? false, ambiguous: entry.ambiguous ?? entry.expansions.length > 1 },
    });
    if (entry.icd10) body.relations.push({ from: id, to: icdConcept(codes, entry.icd10, file, `entries.${i}.icd10`), type: 'abbreviation-of' });
  });
  return { body, edition: data.version, rows: { abbreviations: data.entries.length, coded: body.relations.length } };
}

const ConditionSynonymsFile = z.object({
  ...header,
  entries: z.array(z.object({ term: z.string().min(1), code: z.string().min(3), kind: z.enum(['lay', 'clinical', 'eponym']) })),
});

/** Lay terms and clinical synonyms, added as names of ICD-10-CM concepts. */
export async function buildConditionSynonyms(input: BuildInput): Promise<BuildOutput> {
  const [file] = input.files as [string];
  const data = await readCurated(file, ConditionSynonymsFile, input.signal);
  const codes = icdIds(input);
  const body = emptyBody();
  data.entries.forEach((entry, i) => body.names.push({ concept: icdConcept(codes, entry.code, file, `entries.${i}.code`), name: entry.term, kind: entry.kind }));
  return { body, edition: data.version, rows: { names: body.names.length } };
}

const DrugNamesFile = z.object({
  ...header,
  entries: z.array(
    z.object({
      name: z.string().min(1),
      kind: z.enum(['regional', 'combination', 'brand']),
      components: z.array(z.string().min(1)).min(1),
      regions: z.array(z.string()).optional(),
    }),
  ),
  saltWords: z.array(z.string()).optional(),
  anionToAcid: z.array(z.tuple([z.string(), z.string()])).optional(),
});

/**
 * British, Australian and other regional drug names, non-US brands and combination names (co-amoxiclav).
 * A single-drug regional name becomes a name of its DrugBank concept; brands and combinations become products.
 */
export async function buildDrugNames(input: BuildInput): Promise<BuildOutput> {
  const [file] = input.files as [string];
  const data = await readCurated(file, DrugNamesFile, input.signal);
  const drugbank = input.dependencies.get('drugbank-open');
  if (!drugbank) throw new Error('drug-names needs the drugbank-open pack');
  const resolver = createBuildDrugResolver(drugbank);
  const body: PackBody = emptyBody();
  const seen = new Set<string>();
  data.entries.forEach((entry, i) => {
    const components = entry.components.map((name, j) => {
      const hit = resolver.resolve(name);
      if (!hit) throw unresolved(file, `entries.${i}.components.${j}`, `"${name}" is not a DrugBank drug name`);
      return hit.conceptId;
    });
    if (entry.kind === 'regional' && components.length === 1) {
      body.names.push({ concept: components[0]!, name: entry.name, kind: 'regional' });
      return;
    }
    const id = `product:${slug(entry.name)}`;
    if (seen.has(id)) return;
    seen.add(id);
    const attrs: Record<string, string | string[]> = { source: 'curated', nameKind: entry.kind };
    if (entry.regions) attrs.regions = entry.regions;
    body.concepts.push({ id, system: 'product', code: slug(entry.name), name: entry.name, kind: 'product', attrs });
    for (const to of new Set(components)) body.relations.push({ from: id, to, type: 'brand-of' });
  });
  body.tables.saltForms = { saltWords: data.saltWords ?? [], anionToAcid: data.anionToAcid ?? [] };
  return { body, edition: data.version, rows: { entries: data.entries.length, regionalNames: body.names.length, products: body.concepts.length } };
}
