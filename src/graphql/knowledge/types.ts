import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DrugInteraction } from '../entities/drugInteraction/drugInteraction.js';

export enum DrugMatchKindEnum {
  GENERIC = 'GENERIC',
  SYNONYM = 'SYNONYM',
  REGIONAL = 'REGIONAL',
  BRAND = 'BRAND',
  SALT = 'SALT',
  COMBINATION = 'COMBINATION',
  FUZZY = 'FUZZY',
}
registerEnumType(DrugMatchKindEnum, {
  name: 'DrugMatchKind',
  description: 'How a drug name was matched: generic name, vocabulary synonym, regional (British/Australian) name, brand, salt form, combination, or a repaired misspelling (FUZZY).',
});

@ObjectType()
export class DrugComponent {
  @Field(() => String) drugbankId!: string;
  @Field(() => String) name!: string;
}

@ObjectType({ description: 'A drug name normalised to DrugBank.' })
export class DrugConcept {
  @Field(() => ID, { description: 'Concept id: `drugbank:DB…` for one drug; a product or `+`-joined ids for a combination.' }) id!: string;
  @Field(() => String, { description: 'Generic name (DrugBank common name); for a combination, its name and components.' }) name!: string;
  @Field(() => String, { nullable: true, description: 'Null for a combination of several drugs (see components).' }) drugbankId!: string | null;
  @Field(() => DrugMatchKindEnum) matchedBy!: DrugMatchKindEnum;
  @Field(() => String, { description: 'The lexicon name that matched.' }) matchedName!: string;
  @Field(() => Float, { description: '0–1; exact generic names 1, fuzzy matches at most 0.85.' }) confidence!: number;
  @Field(() => [DrugComponent]) components!: DrugComponent[];
}

@ObjectType({ description: 'The same drug given twice (in one or two forms): a duplicate therapy, not an interaction.' })
export class DuplicateTherapy {
  @Field(() => String) drug!: string;
  @Field(() => String) drugbankId!: string;
  @Field(() => [String]) inputs!: string[];
}

@ObjectType()
export class RecognizedDrug {
  @Field(() => String) input!: string;
  @Field(() => DrugConcept) concept!: DrugConcept;
}

@ObjectType()
export class DrugInteractionCheck {
  @Field(() => [DrugInteraction], { description: 'Every interacting pair once, most severe first.' }) interactions!: DrugInteraction[];
  @Field(() => [String], { description: 'Names that matched no drug: listed, never dropped.' }) unrecognized!: string[];
  @Field(() => [DuplicateTherapy]) duplicates!: DuplicateTherapy[];
  @Field(() => [RecognizedDrug]) recognized!: RecognizedDrug[];
}

@ObjectType()
export class Icd10Evidence {
  @Field(() => String, { description: "The code's name that matched: its title, a synonym or lay term, or an abbreviation." }) matchedName!: string;
  @Field(() => String, { description: 'title, synonym or abbreviation.' }) via!: string;
  @Field(() => [String], { description: 'Index terms (folded, stemmed) of the phrase found in that name.' }) matchedTerms!: string[];
  @Field(() => String, { description: 'The phrase with abbreviations written out.' }) expandedQuery!: string;
  @Field(() => String, { nullable: true, description: 'The category header that matched, when the code is its billable default.' }) fromHeader!: string | null;
}

@ObjectType()
export class Icd10Suggestion {
  @Field(() => String) code!: string;
  @Field(() => String) description!: string;
  @Field(() => Float) score!: number;
  @Field(() => Boolean) billable!: boolean;
  @Field(() => String) edition!: string;
  @Field(() => Icd10Evidence) evidence!: Icd10Evidence;
}

@ObjectType()
export class RedFlag {
  @Field(() => String) id!: string;
  @Field(() => String) concern!: string;
  @Field(() => String) action!: string;
  @Field(() => String) reference!: string;
  @Field(() => [String], { description: 'The given symptoms that raised it.' }) symptoms!: string[];
}

@ObjectType()
export class SymptomSupport {
  @Field(() => String) symptom!: string;
  @Field(() => String) input!: string;
  @Field(() => Float) weight!: number;
  @Field(() => Boolean) redFlag!: boolean;
}

@ObjectType()
export class ExpectedSymptom {
  @Field(() => String) symptom!: string;
  @Field(() => Float) weight!: number;
}

@ObjectType({ description: 'A condition that fits some of the given symptoms.' })
export class ConditionCandidate {
  @Field(() => ID) conceptId!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) icd10!: string | null;
  @Field(() => Float) score!: number;
  @Field(() => [SymptomSupport], { description: 'Given symptoms it typically presents with.' }) supporting!: SymptomSupport[];
  @Field(() => [ExpectedSymptom], { description: 'Typical symptoms that were not given.' }) absent!: ExpectedSymptom[];
  @Field(() => [RedFlag]) redFlags!: RedFlag[];
  @Field(() => [String], { description: 'Packs the association comes from.' }) packs!: string[];
  @Field(() => Boolean) commercialUse!: boolean;
}

@ObjectType()
export class RecognisedSymptom {
  @Field(() => String) input!: string;
  @Field(() => ID) symptomId!: string;
  @Field(() => String) name!: string;
}

@ObjectType()
export class SymptomAssessment {
  @Field(() => [ConditionCandidate]) candidates!: ConditionCandidate[];
  @Field(() => [RecognisedSymptom]) recognised!: RecognisedSymptom[];
  @Field(() => [String]) unrecognized!: string[];
  @Field(() => [RedFlag]) redFlags!: RedFlag[];
}

@ObjectType()
export class RowCount {
  @Field(() => String) name!: string;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'A loaded knowledge pack: where it came from and under which licence.' })
export class KnowledgeSource {
  @Field(() => ID) id!: string;
  @Field(() => String) name!: string;
  @Field(() => String) edition!: string;
  @Field(() => String) licence!: string;
  @Field(() => Int, { description: "The pack's main row count (codes, drugs, brands, rules…; see rowCounts)." }) rows!: number;
  @Field(() => [RowCount]) rowCounts!: RowCount[];
  @Field(() => Boolean, { description: 'False for non-commercial or research-only data.' }) commercialUse!: boolean;
  @Field(() => String, { nullable: true }) attribution!: string | null;
  @Field(() => [String], { description: 'sha256 of each source file, as `file:sha256`.' }) sourceChecksums!: string[];
}
