import { DrugNameIndex } from '../drugs/drugNameIndex.js';
import { baseNameCandidates, createSaltForms, type SaltForms } from '../drugs/saltForms.js';
import type { PackBody } from '../packs/packTypes.js';
import { nameKey } from '../text/normalize.js';

export interface BuildDrugResolver {
  /** The drug concept id for a name as a label writes it ("ATORVASTATIN CALCIUM"), exact or salt-stripped. */
  resolve(name: string): { conceptId: string; viaSalt: boolean } | undefined;
  readonly saltForms: SaltForms;
}

/** Name resolution for pack builders that point at DrugBank concepts (brands, curated names, interaction sources). */
export function createBuildDrugResolver(drugbank: PackBody, saltForms: SaltForms = createSaltForms()): BuildDrugResolver {
  const index = new DrugNameIndex();
  for (const concept of drugbank.concepts) if (concept.system === 'drugbank') index.add(concept);
  return {
    saltForms,
    resolve(name) {
      const exact = index.lookup(name);
      if (exact) return { conceptId: exact.conceptId, viaSalt: false };
      for (const candidate of baseNameCandidates(name, saltForms)) {
        const hit = index.lookup(candidate.name);
        if (hit) return { conceptId: hit.conceptId, viaSalt: candidate.stripped !== 'form' };
      }
      return undefined;
    },
  };
}

/** A readable id fragment: `Augmentin '500'` → `augmentin-500`. */
export function slug(name: string): string {
  return nameKey(name).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

/** "ATORVASTATIN CALCIUM" → "Atorvastatin calcium": label names are upper case; answers read better in sentence case. */
export function sentenceCase(name: string): string {
  const lower = name.trim().toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}
