import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum ConceptKindEnum {
  CONDITION = 'condition',
  SYMPTOM = 'symptom',
  DRUG = 'drug',
  DRUG_CLASS = 'drug-class',
  PRODUCT = 'product',
  ANATOMY = 'anatomy',
  TEST = 'test',
  PROCEDURE = 'procedure',
  ABBREVIATION = 'abbreviation',
  OTHER = 'other',
}
registerEnumType(ConceptKindEnum, { name: 'ConceptKind' });

export enum ConceptRelationEnum {
  IS_A = 'is-a',
  BRAND_OF = 'brand-of',
  SALT_OF = 'salt-of',
  COMPONENT_OF = 'component-of',
  MEMBER_OF = 'member-of',
  INTERACTS_WITH = 'interacts-with',
  HAS_SYMPTOM = 'has-symptom',
  ABBREVIATION_OF = 'abbreviation-of',
  SAME_AS = 'same-as',
}
registerEnumType(ConceptRelationEnum, { name: 'ConceptRelation', description: 'Typed relations of the concept graph.' });

export enum RelationDirection {
  OUT = 'out',
  IN = 'in',
}
registerEnumType(RelationDirection, { name: 'RelationDirection', description: 'OUT: the previous concept <relation> this one; IN: this one <relation> the previous.' });

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A concept from the knowledge packs: an ICD-10-CM code, a DrugBank drug, a MeSH descriptor, a brand, a drug class, a symptom, an abbreviation…' })
export class MedicalConcept {
  @Field(() => ID, { description: '`<system>:<code>`, e.g. `icd10cm:E11.9`, `drugbank:DB00331`, `mesh:D003924`.' }) id!: string;
  @Field(() => String, { description: 'Vocabulary: icd10cm, drugbank, mesh, product, salt, class, symptom, condition, abbr, rxnorm, snomed, loinc, umls.' }) system!: string;
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
  @Field(() => ConceptKindEnum) kind!: ConceptKindEnum;
  @Field(() => [String], { description: 'Other names (at most 50).' }) synonyms!: string[];
  @Field(() => [String], { description: 'Ids of the packs it comes from.' }) packs!: string[];
  @Field(() => Boolean, { description: 'False when any pack it comes from is non-commercial.' }) commercialUse!: boolean;
}

@ObjectType()
export class ConceptSearchHit {
  @Field(() => MedicalConcept) concept!: MedicalConcept;
  @Field(() => Float) score!: number;
  @Field(() => String) matchedName!: string;
}

@ObjectType()
export class ConceptSearchPage {
  @Field(() => [ConceptSearchHit]) items!: ConceptSearchHit[];
  @Field(() => Int) totalCount!: number;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
  @Field(() => Boolean) hasNextPage!: boolean;
}

@ObjectType()
export class ConceptNeighbor {
  @Field(() => MedicalConcept) concept!: MedicalConcept;
  @Field(() => ConceptRelationEnum) relation!: ConceptRelationEnum;
  @Field(() => RelationDirection) direction!: RelationDirection;
  @Field(() => Int) depth!: number;
  @Field(() => ID, { description: 'The concept this one was reached from.' }) from!: string;
  @Field(() => String, { nullable: true, description: 'Interaction severity, on interacts-with relations.' }) severity!: string | null;
  @Field(() => Float, { nullable: true, description: 'Typicality 0–1, on has-symptom relations.' }) weight!: number | null;
}

@ObjectType()
export class ConceptNeighborPage {
  @Field(() => [ConceptNeighbor]) items!: ConceptNeighbor[];
  @Field(() => Int) totalCount!: number;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
  @Field(() => Boolean) hasNextPage!: boolean;
}
