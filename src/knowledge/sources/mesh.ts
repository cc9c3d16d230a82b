import path from 'node:path';
import { SourceFormatError, emptyBody, type ConceptKind, type PackConcept } from '../packs/packTypes.js';
import type { BuildInput, BuildOutput } from '../packs/PackDefinition.js';
import { nameKey } from '../text/normalize.js';
import { readTable } from './readTable.js';

/** The kind of a descriptor, from the most specific MeSH tree it sits in. */
function kindOf(treeNumbers: readonly string[]): ConceptKind {
  const has = (prefix: string) => treeNumbers.some((t) => t.startsWith(prefix));
  if (has('C23.888')) return 'symptom';
  if (has('C') || has('F03')) return 'condition';
  if (has('A')) return 'anatomy';
  if (has('D')) return 'drug';
  if (has('E01')) return 'test';
  if (has('E')) return 'procedure';
  return 'other';
}

/**
 * The MeSH tree file (`Tree Number, Desc Ui, Term`): descriptors as concepts, the tree as is-a relations, and
 * same-as links to ICD-10-CM codes and DrugBank drugs whose names match a descriptor exactly.
 */
export async function buildMesh(input: BuildInput): Promise<BuildOutput> {
  const [file] = input.files as [string];
  const table = await readTable(file, { delimiter: '\t', required: ['Tree Number', 'Desc Ui', 'Term'], signal: input.signal });
  const byUi = new Map<string, { name: string; trees: string[] }>();
  const uiByTree = new Map<string, string>();
  for (const row of table) {
    const tree = row.get('Tree Number').trim();
    const ui = row.get('Desc Ui').trim();
    if (!/^D\d{6,9}$/.test(ui)) throw new SourceFormatError(path.basename(file), row.line, `"${ui.slice(0, 20)}" is not a MeSH descriptor UI`);
    if (!/^[A-Z]\d\d(\.\d{3})*$/.test(tree)) throw new SourceFormatError(path.basename(file), row.line, `"${tree.slice(0, 30)}" is not a MeSH tree number`);
    const entry = byUi.get(ui) ?? { name: row.get('Term').trim(), trees: [] };
    entry.trees.push(tree);
    byUi.set(ui, entry);
    uiByTree.set(tree, ui);
  }
  const body = emptyBody();
  const sameAsTargets = targetsByName(input);
  let sameAs = 0;
  for (const [ui, { name, trees }] of byUi) {
    const concept: PackConcept = { id: `mesh:${ui}`, system: 'mesh', code: ui, name, kind: kindOf(trees), attrs: { treeNumbers: trees } };
    body.concepts.push(concept);
    const parents = new Set(trees.map((t) => uiByTree.get(t.slice(0, t.lastIndexOf('.')))).filter((p): p is string => p !== undefined && p !== ui));
    for (const parent of parents) body.relations.push({ from: concept.id, to: `mesh:${parent}`, type: 'is-a' });
    const target = sameAsTargets.get(`${concept.kind === 'drug' ? 'drug' : 'condition'}|${nameKey(name)}`);
    if (target) {
      body.relations.push({ from: concept.id, to: target, type: 'same-as' });
      sameAs++;
    }
  }
  const year = /(19|20)\d\d/.exec(path.basename(file))?.[0];
  return { body, edition: year ?? 'as supplied', rows: { descriptors: byUi.size, treeNumbers: table.length, sameAs } };
}

/** ICD-10-CM titles and DrugBank names, folded, for exact same-as links (only names that map to one concept). */
function targetsByName(input: BuildInput): Map<string, string> {
  const targets = new Map<string, string | null>();
  const add = (key: string, id: string) => targets.set(key, targets.has(key) && targets.get(key) !== id ? null : id);
  for (const concept of input.dependencies.get('icd10cm')?.concepts ?? []) add(`condition|${nameKey(concept.name)}`, concept.id);
  for (const concept of input.dependencies.get('drugbank-open')?.concepts ?? []) add(`drug|${nameKey(concept.name)}`, concept.id);
  return new Map([...targets].filter((e): e is [string, string] => e[1] !== null));
}
