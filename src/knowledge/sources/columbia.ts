import path from 'node:path';
import { SourceFormatError, emptyBody, type PackConcept } from '../packs/packTypes.js';
import type { BuildInput, BuildOutput } from '../packs/PackDefinition.js';
import { nameKey } from '../text/normalize.js';
import { readTable } from './readTable.js';

/**
 * The Columbia disease–symptom knowledge base (research use: opt-in). Diseases and symptoms keep their UMLS CUIs;
 * a symptom whose name our curated vocabulary knows is linked to that symptom instead, so both packs rank together.
 */
export async function buildColumbia(input: BuildInput): Promise<BuildOutput> {
  const [file] = input.files as [string];
  const table = await readTable(file, { delimiter: ',', required: ['disease_cui', 'disease_name', 'disease_occurrence_count', 'symptom_cui', 'symptom_name'], signal: input.signal });
  const curated = new Map<string, string>();
  for (const c of input.dependencies.get('symptoms')?.concepts ?? []) {
    if (c.kind !== 'symptom') continue;
    for (const name of [c.name, ...(c.synonyms ?? [])]) curated.set(nameKey(name), c.id);
  }
  const body = emptyBody();
  const concepts = new Map<string, PackConcept>();
  const edges = new Set<string>();
  let linked = 0;
  for (const row of table) {
    const diseaseCui = row.get('disease_cui').trim();
    const symptomCui = row.get('symptom_cui').trim();
    for (const cui of [diseaseCui, symptomCui]) {
      if (!/^C\d{7}$/.test(cui)) throw new SourceFormatError(path.basename(file), row.line, `"${cui.slice(0, 20)}" is not a UMLS CUI`);
    }
    const disease = `umls:${diseaseCui}`;
    if (!concepts.has(disease)) {
      concepts.set(disease, { id: disease, system: 'umls', code: diseaseCui, name: row.get('disease_name').trim(), kind: 'condition', attrs: { occurrences: Number(row.get('disease_occurrence_count')) || 0 } });
    }
    const symptomName = row.get('symptom_name').trim();
    let symptom = curated.get(nameKey(symptomName)) ?? curated.get(nameKey(reorder(symptomName)));
    if (symptom) linked++;
    else {
      symptom = `umls:${symptomCui}`;
      if (!concepts.has(symptom)) concepts.set(symptom, { id: symptom, system: 'umls', code: symptomCui, name: reorder(symptomName), kind: 'symptom' });
    }
    const edge = `${disease}|${symptom}`;
    if (edges.has(edge)) continue;
    edges.add(edge);
    body.relations.push({ from: disease, to: symptom, type: 'has-symptom', attrs: { weight: 0.5 } });
  }
  body.concepts.push(...concepts.values());
  return { body, edition: 'Wang et al. 2008 (2004 discharge summaries)', rows: { pairs: table.length, diseases: [...concepts.values()].filter((c) => c.kind === 'condition').length, linkedToCurated: linked } };
}

/** Columbia writes symptoms noun-first ("pain chest"); the reordered form ("chest pain") is how notes say it. */
function reorder(name: string): string {
  const parts = name.split(' ');
  return parts.length === 2 && ['pain', 'swelling'].includes(parts[0]!) ? `${parts[1]} ${parts[0]}` : name;
}
