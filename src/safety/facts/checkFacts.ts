import type { ClinicalAnalysis } from '../../clinical/ClinicalAnalyzer.js';
import type { ScenarioFinding } from '../../clinical/scenario/validateScenario.js';
import type { KnowledgeBase } from '../../knowledge/KnowledgeBase.js';
import { CLASS_ALIASES } from './classAliases.js';

export type FactFindingType = 'INTERACTION_DENIED' | 'INTERACTION_UNSUPPORTED' | 'WRONG_DRUG_CLASS' | 'DOSE_OUT_OF_RANGE' | 'UNKNOWN_ICD_CODE' | 'WRONG_ICD_MEANING' | 'INDICATION_UNSUPPORTED';

export interface FactFinding {
  type: FactFindingType;
  severity: 'HIGH' | 'MEDIUM' | 'LOW';
  start: number;
  end: number;
  text: string;
  message: string;
  /** The knowledge-pack entry the finding rests on: `pack:entry` (an interaction rule, a class, an ICD code, a dose range). */
  citation: string;
  suggestion: string;
}

// "no interaction", "safe to take with", "can be taken together": the sentence says two drugs do not interact.
const DENIES = /\b(?:no\s+(?:known\s+|significant\s+|clinically\s+(?:significant|relevant)\s+)?interactions?|do(?:es)?\s+not\s+interact|don't\s+interact|doesn't\s+interact|(?:safe|fine|okay|ok)\s+to\s+(?:take|use|give|combine|co-prescribe)|can\s+(?:safely\s+)?be\s+(?:safely\s+)?(?:taken|given|used|combined)\s+(?:together|with)|no\s+problem\s+(?:taking|combining))\b/i;
const ASSERTS = /\b(?:interacts?\s+with|interaction\s+(?:between|with)|should\s+not\s+be\s+(?:taken|given|used|combined)\s+with|increases?\s+the\s+(?:risk|level|levels|effect)\s+of|(?:contraindicated|avoid(?:ed)?)\s+with)\b/i;

/**
 * Statements checked against the knowledge packs, each finding citing the entry it rests on: interactions claimed
 * absent that a pack records (or claimed present that none does), drugs put in a class the curated classes do not
 * give them, drugs said to be for a condition the indications pack does not list for them, doses outside the
 * curated adult ranges, and ICD-10-CM codes that do not exist or are given a meaning their title does not have.
 */
export function checkFacts(text: string, analysis: ClinicalAnalysis, knowledge: KnowledgeBase, doseFindings: readonly ScenarioFinding[]): FactFinding[] {
  const findings: FactFinding[] = [];
  const meds = analysis.entities.filter((e) => e.category === 'MEDICATION' && !e.allergy);
  for (const sentence of analysis.sentences) {
    const piece = text.slice(sentence.start, sentence.end);
    const here = meds.filter((m) => m.start >= sentence.start && m.end <= sentence.end);
    if (here.length >= 2) findings.push(...interactionClaims(piece, sentence.start, here.map((m) => m.text), knowledge));
    findings.push(...classClaims(piece, sentence.start, knowledge));
    findings.push(...indicationClaims(text, sentence, analysis, knowledge));
    findings.push(...icdClaims(piece, sentence.start, knowledge));
  }
  for (const d of doseFindings) {
    if (d.type !== 'DOSE_OUT_OF_RANGE') continue;
    const evidence = d.evidence[0];
    if (!evidence || evidence.start === null || evidence.end === null) continue;
    findings.push({ type: 'DOSE_OUT_OF_RANGE', severity: d.severity === 'ERROR' ? 'HIGH' : 'MEDIUM', start: evidence.start, end: evidence.end, text: evidence.text, message: d.message, citation: `dose-ranges:${d.reference ?? 'curated'}`, suggestion: 'Check the dose against the BNF or the product label.' });
  }
  return findings.sort((a, b) => a.start - b.start);
}

function interactionClaims(sentence: string, offset: number, drugs: string[], knowledge: KnowledgeBase): FactFinding[] {
  const denies = DENIES.exec(sentence);
  const asserts = ASSERTS.exec(sentence);
  if (!denies && !asserts) return [];
  const check = knowledge.checkDrugInteractions(drugs.slice(0, 10));
  const cue = (denies ?? asserts)!;
  const at = { start: offset + cue.index, end: offset + cue.index + cue[0].length, text: cue[0] };
  if (denies && check.interactions.length > 0) {
    const worst = check.interactions[0]!;
    return [{ type: 'INTERACTION_DENIED', severity: worst.severity === 'MAJOR' || worst.severity === 'CONTRAINDICATED' ? 'HIGH' : 'MEDIUM', ...at, message: `The text says ${worst.inputA} and ${worst.inputB} are fine together; the pack records a ${worst.severity.toLowerCase()} interaction: ${worst.description}`, citation: worst.id, suggestion: worst.management || 'State the interaction and how it is managed.' }];
  }
  if (asserts && !denies && check.interactions.length === 0 && check.unrecognized.length === 0 && check.recognized.length >= 2) {
    return [{ type: 'INTERACTION_UNSUPPORTED', severity: 'LOW', ...at, message: `No pack records an interaction between ${drugs.slice(0, 2).join(' and ')}.`, citation: 'open-interactions:none', suggestion: 'Cite the source of this interaction or remove it.' }];
  }
  return [];
}

// "metformin is used to treat …", "warfarin, indicated for …", "amoxicillin for …" (the analyser reads the last).
const INDICATION_CUE = /\b(?:is|are|was|were)?\s*(?:commonly\s+|usually\s+|mainly\s+|often\s+)?(?:used|indicated|prescribed|given|licensed|taken|started|recommended)\s+(?:to\s+treat|for|in(?:\s+the\s+treatment\s+of)?|to\s+manage|to\s+control|to\s+prevent)\b|\bfor\b|\bto\s+treat\b/i;

/** A drug said to be for a condition the indications pack does not list for it (by ICD-10-CM category). */
function indicationClaims(text: string, sentence: { start: number; end: number }, analysis: ClinicalAnalysis, knowledge: KnowledgeBase): FactFinding[] {
  const findings: FactFinding[] = [];
  const entities = analysis.entities.filter((e) => e.start >= sentence.start && e.end <= sentence.end);
  for (const drug of entities.filter((e) => e.category === 'MEDICATION' && !e.allergy && !e.negated)) {
    const concept = knowledge.normalizeDrug(drug.text);
    const entry = concept && concept.components.length === 1 ? knowledge.indications.get(concept.components[0]!.conceptId) : undefined;
    if (!entry) continue;
    // The condition it is said to be for: the first coded condition after the drug, joined to it by an indication cue.
    const condition = entities.find((e) => e.start > drug.end && e.category === 'CONDITION' && e.code && !e.negated && INDICATION_CUE.test(text.slice(drug.end, e.start)) && e.start - drug.end < 80);
    if (!condition) continue;
    const between = text.slice(drug.end, condition.start);
    // Another drug in between owns the condition ("aspirin and metformin for diabetes").
    if (entities.some((e) => e.category === 'MEDICATION' && e.start > drug.end && e.end <= condition.start) || /[.;]/.test(between)) continue;
    const category = condition.code!.slice(0, 3);
    if (entry.indications.some((i) => i.icd10.includes(category))) continue;
    findings.push({
      type: 'INDICATION_UNSUPPORTED',
      severity: 'MEDIUM',
      start: drug.start,
      end: condition.end,
      text: text.slice(drug.start, condition.end),
      message: `The indications pack does not list ${condition.normalized ?? condition.text} (${category}) for ${entry.drug}; it lists: ${entry.indications.map((i) => i.condition).join('; ')}.`,
      citation: `indications:${entry.drug}`,
      suggestion: `${entry.drug} is indicated for ${entry.indications.filter((i) => !i.offLabel).map((i) => i.condition.toLowerCase()).join(', ')}.`,
    });
  }
  return findings;
}

const CLASS_NAMES = Object.keys(CLASS_ALIASES).sort((a, b) => b.length - a.length);
const CLASS_CLAIM = new RegExp(String.raw`\b([A-Za-z][\w-]+)(?:\s*\([^)]*\))?\s*(?:,\s*(?:a|an)|\s+is\s+(?:a|an)|\s+belongs\s+to\s+the|\s+is\s+one\s+of\s+the)\s+((?:${CLASS_NAMES.map((n) => n.replace(/[-/\\^$*+?.()|[\]{}]/g, '\\$&')).join('|')}))s?\b`, 'gi');

function classClaims(sentence: string, offset: number, knowledge: KnowledgeBase): FactFinding[] {
  const findings: FactFinding[] = [];
  for (const m of sentence.matchAll(CLASS_CLAIM)) {
    const drug = knowledge.normalizeDrug(m[1]!);
    if (!drug || drug.components.length !== 1) continue;
    const alias = m[2]!.toLowerCase();
    const classes = CLASS_ALIASES[alias] ?? [];
    const id = drug.components[0]!.conceptId;
    const member = classes.some((c) => knowledge.store.related(`class:${c}`, 'member-of', 'in').includes(id));
    // Only classes the pack defines can refute.
    const known = classes.filter((c) => knowledge.store.get(`class:${c}`));
    if (member || known.length === 0) continue;
    const actual = knowledge.store.related(id, 'member-of', 'out').map((c) => knowledge.store.get(c)?.name).filter((n): n is string => Boolean(n));
    const members = known.reduce((n, c) => n + knowledge.store.related(`class:${c}`, 'member-of', 'in').length, 0);
    const where = actual.length > 0 ? `; the packs put it in: ${actual.join('; ')}` : '';
    findings.push({ type: 'WRONG_DRUG_CLASS', severity: 'MEDIUM', start: offset + m.index!, end: offset + m.index! + m[0].length, text: m[0], message: `${drug.name} is not among the ${members} drugs the curated class "${alias}" lists${where}.`, citation: `open-interactions:class:${known[0]}`, suggestion: actual[0] ? `${drug.name}: ${actual[0]}` : `Check the class of ${drug.name}.` });
  }
  return findings;
}

const ICD_CODE = /\b([A-TV-Z]\d[0-9A-Z](?:\.[0-9A-Z]{1,4})?)\b(?:\s*(?:\(|[-–:=]|is|for|means|codes?\s+for)\s*)([A-Za-z][^.;)\n]{3,80})?/g;
const CODE_CUE = /\b(?:ICD(?:-?10)?(?:-CM)?|code|coded|diagnosis\s+code)\b/i;

function icdClaims(sentence: string, offset: number, knowledge: KnowledgeBase): FactFinding[] {
  if (!CODE_CUE.test(sentence)) return [];
  const findings: FactFinding[] = [];
  for (const m of sentence.matchAll(ICD_CODE)) {
    const code = m[1]!;
    const concept = knowledge.store.get(`icd10cm:${code}`) ?? knowledge.store.get(`icd10cm:${code.replace(/\.$/, '')}`);
    const at = { start: offset + m.index!, end: offset + m.index! + code.length, text: code };
    if (!concept) {
      findings.push({ type: 'UNKNOWN_ICD_CODE', severity: 'MEDIUM', ...at, message: `${code} is not an ICD-10-CM code.`, citation: 'icd10cm:none', suggestion: 'Look the code up in ICD-10-CM.' });
      continue;
    }
    const meaning = m[2]?.trim();
    if (!meaning) continue;
    const names = [concept.name, ...concept.synonyms].map((n) => n.toLowerCase());
    const words = meaning.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 3);
    const shared = words.filter((w) => names.some((n) => n.includes(w))).length;
    if (words.length > 0 && shared === 0) {
      findings.push({ type: 'WRONG_ICD_MEANING', severity: 'MEDIUM', ...at, message: `${code} is "${concept.name}", not "${meaning}".`, citation: concept.id, suggestion: `${code}: ${concept.name}` });
    }
  }
  return findings;
}
