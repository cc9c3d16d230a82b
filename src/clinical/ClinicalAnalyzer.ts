import type { KnowledgeBase } from '../knowledge/KnowledgeBase.js';
import type { DrugConcept } from '../knowledge/drugs/DrugLexicon.js';
import { ClinicalLexicon } from './entities/ClinicalLexicon.js';
import { mergeMentions } from './entities/mergeMentions.js';
import { recogniseWithModel, type ClassifyTokens } from './entities/modelRecognizer.js';
import type { EntityCategory, EntitySource, Mention } from './entities/types.js';
import { applyContext, type ContextCue } from './context/ConText.js';
import { hasDetails, readMedicationDetails, type MedicationDetails } from './medications/medicationDetails.js';
import { detectSections, sectionAt, type Section, type SectionKind } from './sections/detectSections.js';
import { splitSentences, tokenize, type Sentence, type Token } from './text/tokenize.js';
import { checkClinicalText, looksEnglish } from './checkClinicalText.js';

export type CodeSystem = 'ICD10CM' | 'DRUGBANK' | 'MESH' | 'SNOMEDCT' | 'RXNORM';

export interface ClinicalEntity {
  id: string;
  text: string;
  start: number;
  end: number;
  category: EntityCategory;
  negated: boolean;
  uncertain: boolean;
  historical: boolean;
  family: boolean;
  hypothetical: boolean;
  /** The cues that set the context flags, with their offsets: the evidence. */
  contextCues: ContextCue[];
  section: SectionKind | null;
  /** A drug named as an allergy or intolerance, not taken. */
  allergy: boolean;
  code: string | null;
  codeSystem: CodeSystem | null;
  /** The concept's preferred name (generic drug name, ICD-10-CM title). */
  normalized: string | null;
  expansion: string | null;
  confidence: number;
  source: EntitySource;
}

export type MedicationStatus = 'current' | 'allergy' | 'historical' | 'negated' | 'hypothetical';

export interface MedicationEntry extends MedicationDetails {
  entityId: string;
  drug: string;
  generic: string | null;
  drugbankId: string | null;
  status: MedicationStatus;
  /** The condition or symptom the drug is for ("for pain", "for 5/7 for cellulitis"). */
  indication: string | null;
}

export interface CodedCondition {
  code: string;
  description: string;
  score: number;
  entityIds: string[];
  text: string;
}

export interface AllergyEntry {
  substance: string;
  drugbankId: string | null;
  entityId: string;
}

export interface ClinicalAnalysis {
  entities: ClinicalEntity[];
  sections: Section[];
  medications: MedicationEntry[];
  allergies: AllergyEntry[];
  /** No known drug allergies was stated ("NKDA", "nil known allergies"). */
  noKnownAllergies: boolean;
  /** The patient's conditions coded to ICD-10-CM: negated, family and hypothetical mentions are not coded. */
  conditions: CodedCondition[];
  sentences: Sentence[];
  /** False when the text does not read as English: entities will be few; the answer says so rather than failing. */
  likelyEnglish: boolean;
  /** Which recognisers ran. */
  recognizers: { dictionary: boolean; model: boolean };
}

export interface AnalyzeOptions {
  /** Run the trained recogniser when one is available. Default true. */
  useModel?: boolean;
  /** Leave out the dictionary recogniser (evaluation of the trained one alone). Default false. */
  modelOnly?: boolean;
  /** Code conditions to ICD-10-CM. Default true. */
  code?: boolean;
  signal?: AbortSignal;
}

const NON_ENTITY_KINDS = new Set(['frequency', 'route', 'dose-unit', 'general']);
const ALLERGY_CUE = /\b(allerg(y|ic|ies)|intoleran(t|ce)|anaphyla\w*|adverse (drug )?reactions?|sensitivity|ADRs?|reacts? to|reaction to)\b/i;
const NO_ALLERGIES = /\b(NKDA|NKA|no known (drug )?allergies|nil known (drug )?allergies|no allergies|nil allergies|allergies:\s*(nil|none|no known))\b/i;
// A drug the patient takes, said in an allergies section ("NKDA. On ramipril."): not an allergy.
const TAKING_CUE = /^\s*(on|takes|taking|started|commenced|continues?|prescribed|uses)\b/i;
const INDICATION_CUE = /^\s*(?:,\s*)?(?:for|to treat|indicated for|prescribed for|given for)\s+$/i;

/**
 * One pass over a clinical text: sections, sentences, entities from the dictionary recogniser (and the trained one
 * when present), ConText flags with their cues, medication details and allergies, and the patient's conditions
 * coded through the knowledge base. Plain TypeScript: no GraphQL, no storage.
 */
export class ClinicalAnalyzer {
  readonly #knowledge: KnowledgeBase;
  readonly #lexicon: ClinicalLexicon;
  readonly #classify: ClassifyTokens | undefined;
  readonly #codeCache = new Map<string, { code: string; description: string; score: number } | null>();
  readonly #drugCache = new Map<string, DrugConcept | null>();

  constructor(knowledge: KnowledgeBase, options: { classifyTokens?: ClassifyTokens } = {}) {
    this.#knowledge = knowledge;
    this.#lexicon = new ClinicalLexicon(knowledge);
    this.#classify = options.classifyTokens;
  }

  get lexiconSize(): number {
    return this.#lexicon.size;
  }

  async analyze(input: string, options: AnalyzeOptions = {}): Promise<ClinicalAnalysis> {
    const text = checkClinicalText(input);
    const sections = detectSections(text);
    const sentences = splitSentences(text);
    const sentenceTokens = sentences.map((s) => tokenize(text, s.start, s.end));
    let mentions = options.modelOnly ? [] : sentenceTokens.flatMap((tokens) => this.#lexicon.match(text, tokens));
    let modelRan = false;
    if (this.#classify && options.useModel !== false) {
      const fromModel = await recogniseWithModel(text, sentences, this.#classify, options.signal);
      if (fromModel) {
        // Dose frequencies, routes and units ("od", "PO", "mg") are not drugs, whatever a model trained on abstracts says.
        const abbreviations = this.#knowledge.abbreviations;
        const notEntities = fromModel.filter((m) => !NON_ENTITY_KINDS.has(abbreviations.lookup(m.text)?.kind ?? '') && /\p{L}{2}/u.test(m.text));
        mentions = mergeMentions(mentions, notEntities);
        modelRan = true;
      }
    }
    options.signal?.throwIfAborted();
    // Headings are not entities ("Medications:", "Allergies:").
    mentions = mentions.filter((m) => !sections.some((s) => m.start >= s.start && m.end <= s.bodyStart));
    const entities = this.#withContext(text, sentences, sentenceTokens, mentions, sections);
    const medications = this.#medications(text, sentences, entities);
    const allergies = entities.filter((e) => e.allergy).map((e) => ({ substance: e.text, drugbankId: e.codeSystem === 'DRUGBANK' ? e.code : null, entityId: e.id }));
    const conditions = options.code === false ? [] : this.#codeConditions(entities);
    return {
      entities,
      sections,
      medications,
      allergies,
      noKnownAllergies: NO_ALLERGIES.test(text),
      conditions,
      sentences,
      likelyEnglish: looksEnglish(sentenceTokens.flat()),
      recognizers: { dictionary: !options.modelOnly, model: modelRan },
    };
  }

  #withContext(text: string, sentences: readonly Sentence[], sentenceTokens: readonly Token[][], mentions: readonly Mention[], sections: readonly Section[]): ClinicalEntity[] {
    const entities: ClinicalEntity[] = [];
    sentences.forEach((sentence, i) => {
      const inSentence = mentions.filter((m) => m.start >= sentence.start && m.end <= sentence.end);
      if (inSentence.length === 0) return;
      const contexts = applyContext(sentenceTokens[i]!, inSentence);
      const sentenceText = text.slice(sentence.start, sentence.end);
      inSentence.forEach((m, k) => {
        const context = contexts[k]!;
        const section = sectionAt(sections, m.start)?.kind ?? null;
        const before = text.slice(sentence.start, m.start);
        const inAllergyList = section === 'allergies' && !TAKING_CUE.test(sentenceText) && !NO_ALLERGIES.test(sentenceText);
        const allergy = m.category === 'MEDICATION' && !context.negated && (inAllergyList || ALLERGY_CUE.test(before) || /^\s*\(?\s*(allergy|allergic|anaphylaxis|rash|intoleran)/i.test(text.slice(m.end, sentence.end)));
        const family = context.family || section === 'family_history';
        const { code, codeSystem, normalized } = this.#codeOf(m);
        entities.push({
          id: `e${entities.length + 1}`,
          text: m.text,
          start: m.start,
          end: m.end,
          category: m.category,
          negated: context.negated,
          uncertain: context.uncertain,
          historical: context.historical,
          family,
          hypothetical: context.hypothetical,
          contextCues: context.cues,
          section,
          allergy: allergy && !/\bno\b/i.test(sentenceText.slice(0, 3)),
          code,
          codeSystem,
          normalized,
          expansion: m.expansion,
          confidence: m.confidence,
          source: m.source,
        });
      });
    });
    return entities;
  }

  #codeOf(m: Mention): { code: string | null; codeSystem: CodeSystem | null; normalized: string | null } {
    if (m.category === 'MEDICATION') return this.#drugCode(m);
    if (m.category === 'CONDITION' || m.category === 'SYMPTOM') {
      const coded = this.#code(m.expansion ?? m.text);
      if (coded) return { code: coded.code, codeSystem: 'ICD10CM', normalized: coded.description };
    }
    if (m.conceptId?.startsWith('mesh:')) return { code: m.conceptId.slice(5), codeSystem: 'MESH', normalized: m.preferredName };
    if (m.conceptId?.startsWith('icd10cm:')) return { code: m.conceptId.slice(8), codeSystem: 'ICD10CM', normalized: m.preferredName };
    return { code: null, codeSystem: null, normalized: m.preferredName };
  }

  /**
   * A drug mention's DrugBank code: straight from the concept the dictionary matched (a drug, a brand's or salt's
   * ingredients), through the drug lexicon (cached) for the model's mentions, none for a class ("penicillins").
   */
  #drugCode(m: Mention): { code: string | null; codeSystem: CodeSystem | null; normalized: string | null } {
    const conceptId = m.conceptId;
    if (conceptId && /^(drugbank|product|salt):/.test(conceptId)) {
      const components = this.#knowledge.drugs.components(conceptId);
      if (components.length > 0) return { code: components.map((c) => c.drugbankId).join('+'), codeSystem: 'DRUGBANK', normalized: components.length === 1 ? components[0]!.name : `${m.preferredName} (${components.map((c) => c.name.toLowerCase()).join(' + ')})` };
    }
    if (conceptId) return { code: null, codeSystem: null, normalized: m.preferredName };
    const key = m.text.toLowerCase();
    let drug = this.#drugCache.get(key);
    if (drug === undefined) {
      drug = this.#knowledge.drugs.normalize(m.text);
      if (this.#drugCache.size > 20_000) this.#drugCache.clear();
      this.#drugCache.set(key, drug);
    }
    if (!drug) return { code: null, codeSystem: null, normalized: null };
    return { code: drug.drugbankId ?? drug.components.map((c) => c.drugbankId).join('+'), codeSystem: 'DRUGBANK', normalized: drug.name };
  }

  /** Top ICD-10-CM code for a condition phrase (lexical, cached: notes repeat their conditions). */
  #code(phrase: string): { code: string; description: string; score: number } | null {
    const key = phrase.toLowerCase();
    if (this.#codeCache.has(key)) return this.#codeCache.get(key)!;
    const [best] = this.#knowledge.icd10.suggestLexical(phrase, 1);
    const coded = best && best.score >= 0.6 ? { code: best.code, description: best.description, score: best.score } : null;
    if (this.#codeCache.size > 20_000) this.#codeCache.clear();
    this.#codeCache.set(key, coded);
    return coded;
  }

  #codeConditions(entities: readonly ClinicalEntity[]): CodedCondition[] {
    const byCode = new Map<string, CodedCondition>();
    for (const e of entities) {
      if (e.category !== 'CONDITION' || e.negated || e.family || e.hypothetical || e.uncertain) continue;
      if (e.codeSystem !== 'ICD10CM' || !e.code) continue;
      const coded = this.#code(e.expansion ?? e.text);
      const known = byCode.get(e.code);
      if (known) known.entityIds.push(e.id);
      else byCode.set(e.code, { code: e.code, description: e.normalized ?? '', score: coded?.score ?? 0, entityIds: [e.id], text: e.text });
    }
    return [...byCode.values()];
  }

  #medications(text: string, sentences: readonly Sentence[], entities: readonly ClinicalEntity[]): MedicationEntry[] {
    const out: MedicationEntry[] = [];
    const drugs = entities.filter((e) => e.category === 'MEDICATION');
    for (const [i, e] of drugs.entries()) {
      const sentence = sentences.find((s) => e.start >= s.start && e.end <= s.end)!;
      const nextDrug = drugs[i + 1];
      const limit = Math.min(sentence.end, nextDrug && nextDrug.start > e.end ? nextDrug.start : sentence.end);
      const details = readMedicationDetails(text, e.end, limit);
      const indication = entities.find((c) => (c.category === 'CONDITION' || c.category === 'SYMPTOM') && c.start >= details.end && c.start < limit && INDICATION_CUE.test(text.slice(details.end, c.start)));
      const status: MedicationStatus = e.allergy ? 'allergy' : e.negated ? 'negated' : e.hypothetical ? 'hypothetical' : e.historical ? 'historical' : 'current';
      out.push({
        ...details,
        ...(hasDetails(details) ? {} : { start: e.end, end: e.end }),
        entityId: e.id,
        drug: e.text,
        generic: e.normalized,
        drugbankId: e.codeSystem === 'DRUGBANK' ? e.code : null,
        status,
        indication: indication?.text ?? null,
      });
    }
    return out;
  }
}
