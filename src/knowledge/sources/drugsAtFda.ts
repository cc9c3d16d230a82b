import { emptyBody, type PackConcept } from '../packs/packTypes.js';
import type { BuildInput, BuildOutput } from '../packs/PackDefinition.js';
import { nameKey } from '../text/normalize.js';
import { createBuildDrugResolver, sentenceCase, slug } from './drugResolver.js';
import { readTable } from './readTable.js';

/**
 * Drugs@FDA `Products.txt`: brand names become product concepts (brand-of each active ingredient), and salt forms
 * on the labels ("ATORVASTATIN CALCIUM") become salt concepts (salt-of their parent drug).
 */
export async function buildDrugsAtFda(input: BuildInput): Promise<BuildOutput> {
  const [file] = input.files as [string];
  const drugbank = input.dependencies.get('drugbank-open');
  if (!drugbank) throw new Error('drugsatfda needs the drugbank-open pack');
  const resolver = createBuildDrugResolver(drugbank);
  const table = await readTable(file, { delimiter: '\t', required: ['DrugName', 'ActiveIngredient', 'Form', 'Strength'], mergeSurplusInto: 'Form', signal: input.signal });
  const products = new Map<string, PackConcept & { ingredients: Set<string> }>();
  const salts = new Map<string, PackConcept & { parent: string }>();
  const unresolved = new Set<string>();
  for (const row of table) {
    const brand = row.get('DrugName').trim();
    const ingredientNames = row.get('ActiveIngredient').split(';').map((s) => s.trim()).filter(Boolean);
    const ingredients: string[] = [];
    for (const ingredientName of ingredientNames) {
      const hit = resolver.resolve(ingredientName);
      if (!hit) {
        unresolved.add(nameKey(ingredientName));
        continue;
      }
      ingredients.push(hit.conceptId);
      const saltKey = slug(ingredientName);
      if (hit.viaSalt && !salts.has(saltKey)) {
        salts.set(saltKey, { id: `salt:${saltKey}`, system: 'salt', code: saltKey, name: sentenceCase(ingredientName), kind: 'drug', parent: hit.conceptId });
      }
    }
    const isBrand = brand && nameKey(brand) !== nameKey(row.get('ActiveIngredient')) && resolver.resolve(brand) === undefined;
    if (!isBrand || ingredients.length === 0) continue;
    const key = slug(brand);
    let product = products.get(key);
    if (!product) {
      product = { id: `product:${key}`, system: 'product', code: key, name: brandCase(brand), kind: 'product', attrs: { source: 'Drugs@FDA', forms: [], strengths: [] }, ingredients: new Set() };
      products.set(key, product);
    }
    for (const id of ingredients) product.ingredients.add(id);
    pushUnique(product.attrs!.forms as string[], row.get('Form'));
    pushUnique(product.attrs!.strengths as string[], row.get('Strength'));
  }
  const body = emptyBody();
  for (const { ingredients, ...concept } of products.values()) {
    body.concepts.push(concept);
    for (const to of ingredients) body.relations.push({ from: concept.id, to, type: 'brand-of' });
  }
  for (const { parent, ...concept } of salts.values()) {
    body.concepts.push(concept);
    body.relations.push({ from: concept.id, to: parent, type: 'salt-of' });
  }
  return {
    body,
    edition: 'Drugs@FDA Products.txt',
    rows: { products: table.length, brands: products.size, salts: salts.size, unresolvedIngredients: unresolved.size },
  };
}

function pushUnique(list: string[], value: string): void {
  const v = value.trim();
  if (v && !list.includes(v) && list.length < 12) list.push(v);
}

/** "LIPITOR" → "Lipitor", "AUGMENTIN XR" → "Augmentin XR": brands keep short all-capital suffixes. */
function brandCase(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .map((w, i) => (i > 0 && w.length <= 3 ? w : w.charAt(0) + w.slice(1).toLowerCase()))
    .join(' ');
}
