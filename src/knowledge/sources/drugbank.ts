import path from 'node:path';
import { SourceFormatError, emptyBody } from '../packs/packTypes.js';
import type { BuildInput, BuildOutput } from '../packs/PackDefinition.js';
import { readTable } from './readTable.js';

const ID = /^DB\d{5}$/;

/** DrugBank's open vocabulary (`drugbank vocabulary.csv`): one drug concept per DrugBank id, with its synonyms. */
export async function buildDrugbank(input: BuildInput): Promise<BuildOutput> {
  const [file] = input.files as [string];
  const table = await readTable(file, { delimiter: ',', required: ['DrugBank ID', 'Common name', 'Synonyms', 'CAS', 'UNII'], signal: input.signal });
  const body = emptyBody();
  let synonyms = 0;
  for (const row of table) {
    const id = row.get('DrugBank ID').trim();
    const name = row.get('Common name').trim();
    if (!ID.test(id)) throw new SourceFormatError(path.basename(file), row.line, `"${id.slice(0, 20)}" is not a DrugBank id (DB + 5 digits)`);
    if (!name) throw new SourceFormatError(path.basename(file), row.line, 'the common name is empty');
    const names = row.get('Synonyms').split(' | ').map((s) => s.trim()).filter((s) => s && s.toLowerCase() !== name.toLowerCase());
    synonyms += names.length;
    const attrs: Record<string, string> = {};
    if (row.get('CAS')) attrs.cas = row.get('CAS');
    if (row.get('UNII')) attrs.unii = row.get('UNII');
    body.concepts.push({ id: `drugbank:${id}`, system: 'drugbank', code: id, name, kind: 'drug', synonyms: names, attrs });
  }
  return { body, edition: 'open vocabulary', rows: { drugs: body.concepts.length, synonyms } };
}
