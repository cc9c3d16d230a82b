/**
 * The compiled knowledge-pack format. A pack is one gzip'd JSON file: a header (what it is, where it came from,
 * under which licence) and a body of concepts, extra names, typed relations and, for interaction packs, rules.
 * Every capability (drug names, interactions, ICD-10-CM coding, symptoms, the concept graph) is built from the
 * union of the loaded packs' bodies; nothing here knows about GraphQL or Prisma.
 */

/** Bumped when the body's shape changes; a pack of another format is rebuilt, never misread. */
export const PACK_FORMAT = 1;

/** Vocabulary a concept id belongs to; the id is `<system>:<code>`. */
export type ConceptSystem =
  | 'icd10cm'
  | 'drugbank'
  | 'salt'
  | 'mesh'
  | 'rxnorm'
  | 'snomed'
  | 'loinc'
  | 'umls'
  | 'abbr'
  | 'symptom'
  | 'class'
  | 'condition'
  | 'product';

export type ConceptKind =
  | 'condition'
  | 'symptom'
  | 'drug'
  | 'drug-class'
  | 'product'
  | 'anatomy'
  | 'test'
  | 'procedure'
  | 'abbreviation'
  | 'other';

export interface PackConcept {
  /** `<system>:<code>`, e.g. `icd10cm:E11.9`, `drugbank:DB00331`, `mesh:D003924`. */
  id: string;
  system: ConceptSystem;
  /** The code within its system (`E11.9`, `DB00331`). */
  code: string;
  /** Preferred name. */
  name: string;
  kind: ConceptKind;
  /** Other names of the same concept (synonyms, brand-neutral names), without the preferred name. */
  synonyms?: string[];
  /** Small, flat facts: `billable`, `treeNumbers`, `regions`… */
  attrs?: Record<string, string | number | boolean | string[]>;
}

/** A name a pack adds to a concept another pack defines (a lay term for an ICD-10-CM code). */
export interface PackName {
  concept: string;
  name: string;
  /** How the name relates: `lay`, `clinical`, `eponym`, `regional`, `abbreviation`, `misspelling`. */
  kind: string;
}

export type RelationType =
  | 'is-a'
  | 'brand-of'
  | 'salt-of'
  | 'component-of'
  | 'member-of'
  | 'interacts-with'
  | 'has-symptom'
  | 'abbreviation-of'
  | 'same-as';

/** A directed, typed edge: `from` <type> `to` (e.g. `product:LIPITOR brand-of drugbank:DB01076`). */
export interface PackRelation {
  from: string;
  to: string;
  type: RelationType;
  attrs?: Record<string, string | number | boolean>;
}

export type Severity = 'CONTRAINDICATED' | 'MAJOR' | 'MODERATE' | 'MINOR';

/** One side of an interaction rule: a concept (drug) or a class concept (`class:nsaid`) whose members match. */
export interface RuleSide {
  concept: string;
}

/** An interaction between two drugs or drug classes; a rule with the same class on both sides matches any two members. */
export interface PackInteractionRule {
  id: string;
  a: RuleSide;
  b: RuleSide;
  severity: Severity;
  /** The source's own severity word when it differs from ours (DDInter's `Unknown`). */
  sourceSeverity?: string;
  description: string;
  mechanism: string;
  management: string;
  references: string[];
  /** Drug pairs (concept ids) the rule does not apply to. */
  except?: [string, string][];
}

export interface PackSourceFile {
  /** File name as the user gives it (no directories: clients never see server paths). */
  file: string;
  sha256: string;
  bytes: number;
}

export interface PackHeader {
  format: typeof PACK_FORMAT;
  id: string;
  name: string;
  edition: string;
  licence: string;
  /** False for non-commercial or research-only data: every answer that uses it says so. */
  commercialUse: boolean;
  attribution?: string;
  sources: PackSourceFile[];
  /** Row counts per body section and per source-specific measure. */
  rows: Record<string, number>;
  builtAt: string;
}

export interface PackBody {
  concepts: PackConcept[];
  names: PackName[];
  relations: PackRelation[];
  interactionRules: PackInteractionRule[];
  /** Free-form, pack-specific tables (e.g. symptom red flags); typed by the module that reads them. */
  tables: Record<string, unknown>;
}

export interface CompiledPack extends PackHeader {
  body: PackBody;
}

/** A source file that does not have the documented shape: names the file and the 1-based line. */
export class SourceFormatError extends Error {
  readonly file: string;
  readonly line: number | undefined;

  constructor(file: string, line: number | undefined, problem: string) {
    super(`${file}${line === undefined ? '' : `, line ${line}`}: ${problem}`);
    this.name = 'SourceFormatError';
    this.file = file;
    this.line = line;
  }
}

export function emptyBody(): PackBody {
  return { concepts: [], names: [], relations: [], interactionRules: [], tables: {} };
}
