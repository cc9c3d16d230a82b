import { buildColumbia } from '../sources/columbia.js';
import { buildAbbreviations, buildConditionSynonyms, buildDrugNames } from '../sources/curatedLexicons.js';
import { buildCuratedInteractions } from '../sources/curatedInteractions.js';
import { buildCuratedSymptoms } from '../sources/curatedSymptoms.js';
import { buildDdinter } from '../sources/ddinter.js';
import { buildIndications } from '../sources/curatedIndications.js';
import { buildDoseRanges } from '../sources/curatedDoseRanges.js';
import { buildDrugbank } from '../sources/drugbank.js';
import { buildDrugsAtFda } from '../sources/drugsAtFda.js';
import { buildIcd10cm } from '../sources/icd10cm.js';
import { buildMesh } from '../sources/mesh.js';
import type { PackDefinition } from './PackDefinition.js';

/**
 * Every pack the engine knows how to compile, in dependency order. Source paths are relative to OET_DATA_DIR
 * (official files, laid out as in ../shared/data) or to knowledge/curated (our own files).
 */
export const PACK_CATALOG: readonly PackDefinition[] = [
  {
    id: 'icd10cm',
    name: 'ICD-10-CM',
    licence: 'Public domain (US Government work, CDC/NCHS and CMS)',
    commercialUse: true,
    distribution: 'shipped',
    obtain: 'CMS "ICD-10-CM code descriptions in tabular order" (icd10cm-order-<year>.txt) from cms.gov or cdc.gov/nchs/icd/icd-10-cm',
    sources: [{ file: 'icd10cm/icd10cm_2021.csv', root: 'data' }],
    dependsOn: [],
    build: buildIcd10cm,
  },
  {
    id: 'drugbank-open',
    name: 'DrugBank open vocabulary',
    licence: 'CC0 1.0',
    commercialUse: true,
    distribution: 'shipped',
    obtain: 'DrugBank "Open Data" vocabulary download (drugbank vocabulary.csv) from go.drugbank.com/releases/latest#open-data',
    sources: [{ file: 'drugbank_open_vocabulary/drugbank_vocabulary.csv', root: 'data' }],
    dependsOn: [],
    build: buildDrugbank,
  },
  {
    id: 'drugsatfda',
    name: 'Drugs@FDA products (brand names)',
    licence: 'Public domain (US Government work, FDA)',
    commercialUse: true,
    distribution: 'shipped',
    obtain: 'Drugs@FDA data files (Products.txt in drugsatfda.zip) from fda.gov/drugs/drug-approvals-and-databases/drugsfda-data-files',
    sources: [{ file: 'fda_drugsatfda/Products.txt', root: 'data' }],
    dependsOn: ['drugbank-open'],
    build: buildDrugsAtFda,
  },
  {
    id: 'mesh',
    name: 'Medical Subject Headings (MeSH) tree',
    licence: 'NLM terms and conditions (free use with attribution; content unmodified; version noted)',
    commercialUse: true,
    attribution: 'Courtesy of the U.S. National Library of Medicine (MeSH). Not endorsed by NLM.',
    distribution: 'shipped',
    obtain: 'NLM MeSH tree file (mtrees<year>.bin, or a Tree Number/Desc Ui/Term TSV) from nlm.nih.gov/databases/download/mesh.html',
    sources: [{ file: 'mesh_tree_2017/mesh_tree_2017.tsv', root: 'data' }],
    dependsOn: ['icd10cm', 'drugbank-open'],
    build: buildMesh,
  },
  {
    id: 'abbreviations',
    name: 'Clinical abbreviations (curated)',
    licence: 'CC0 1.0 (OET AI Engine project)',
    commercialUse: true,
    distribution: 'shipped',
    obtain: 'In this repository: knowledge/curated/abbreviations.json',
    sources: [{ file: 'abbreviations.json', root: 'curated' }],
    dependsOn: ['icd10cm'],
    build: buildAbbreviations,
  },
  {
    id: 'condition-synonyms',
    name: 'Condition synonyms and lay terms (curated)',
    licence: 'CC0 1.0 (OET AI Engine project)',
    commercialUse: true,
    distribution: 'shipped',
    obtain: 'In this repository: knowledge/curated/condition-synonyms.json',
    sources: [{ file: 'condition-synonyms.json', root: 'curated' }],
    dependsOn: ['icd10cm'],
    build: buildConditionSynonyms,
  },
  {
    id: 'drug-names',
    name: 'Regional drug names, brands and combinations (curated)',
    licence: 'CC0 1.0 (OET AI Engine project)',
    commercialUse: true,
    distribution: 'shipped',
    obtain: 'In this repository: knowledge/curated/drug-names.json',
    sources: [{ file: 'drug-names.json', root: 'curated' }],
    dependsOn: ['drugbank-open'],
    build: buildDrugNames,
  },
  {
    id: 'open-interactions',
    name: 'Open drug-interaction rules (curated)',
    licence: 'CC0 1.0 (OET AI Engine project)',
    commercialUse: true,
    distribution: 'shipped',
    obtain: 'In this repository: knowledge/curated/drug-classes.json and interactions.json',
    sources: [
      { file: 'drug-classes.json', root: 'curated' },
      { file: 'interactions.json', root: 'curated' },
    ],
    dependsOn: ['drugbank-open'],
    build: buildCuratedInteractions,
  },
  {
    id: 'symptoms',
    name: 'Symptoms, conditions and red flags (curated)',
    licence: 'CC0 1.0 (OET AI Engine project)',
    commercialUse: true,
    distribution: 'shipped',
    obtain: 'In this repository: knowledge/curated/symptoms.json',
    sources: [{ file: 'symptoms.json', root: 'curated' }],
    dependsOn: ['icd10cm'],
    build: buildCuratedSymptoms,
  },
  {
    id: 'dose-ranges',
    name: 'Usual adult dose ranges (curated)',
    licence: 'CC0 1.0 (OET AI Engine project)',
    commercialUse: true,
    distribution: 'shipped',
    obtain: 'In this repository: knowledge/curated/dose-ranges.json (from BNF monographs and product labels; for plausibility checks, not prescribing)',
    sources: [{ file: 'dose-ranges.json', root: 'curated' }],
    dependsOn: ['drugbank-open'],
    build: buildDoseRanges,
  },
  {
    id: 'indications',
    name: 'Licensed indications of common drugs (curated)',
    licence: 'CC0 1.0 (OET AI Engine project)',
    commercialUse: true,
    distribution: 'shipped',
    obtain: 'In this repository: knowledge/curated/indications.json (from BNF monographs and FDA/EMA labels; for fact checking, not prescribing)',
    sources: [{ file: 'indications.json', root: 'curated' }],
    dependsOn: ['drugbank-open'],
    build: buildIndications,
  },
  {
    id: 'ddinter',
    name: 'DDInter drug–drug interactions',
    licence: 'CC BY-NC-SA 4.0 (non-commercial use only)',
    commercialUse: false,
    attribution: 'DDInter, Xiong et al., Nucleic Acids Research 2022.',
    distribution: 'opt-in',
    obtain: 'DDInter downloads (ddinter_downloads_code_*.csv, merged to Drug_A/Drug_B/Level pairs) from ddinter.scbdd.com/download',
    sources: [{ file: 'ddinter/ddinter_pairs_dedup.csv', root: 'data' }],
    dependsOn: ['drugbank-open'],
    build: buildDdinter,
  },
  {
    id: 'columbia',
    name: 'Columbia disease–symptom knowledge base',
    licence: 'No licence stated: research use only',
    commercialUse: false,
    attribution: 'Wang X, et al. Automated knowledge acquisition from clinical narrative reports. AMIA 2008. Columbia DBMI.',
    distribution: 'opt-in',
    obtain: 'people.dbmi.columbia.edu/~friedma/Projects/DiseaseSymptomKB (table as CSV: disease_cui, disease_name, disease_occurrence_count, symptom_cui, symptom_name)',
    sources: [{ file: 'disease_symptom_columbia/columbia_disease_symptom.csv', root: 'data' }],
    dependsOn: ['symptoms'],
    build: buildColumbia,
  },
];

export function findPackDefinition(id: string): PackDefinition | undefined {
  return PACK_CATALOG.find((p) => p.id === id);
}
