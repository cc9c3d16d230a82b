import type { ClinicalAnalysis, ClinicalAnalyzer } from '../clinical/ClinicalAnalyzer.js';
import { splitSentences } from '../clinical/text/tokenize.js';
import { validateScenario } from '../clinical/scenario/validateScenario.js';
import type { KnowledgeBase } from '../knowledge/KnowledgeBase.js';
import { checkBias } from './bias/checkBias.js';
import { loadContentHead, passages, type ContentHead } from './content/contentHead.js';
import { filterContent } from './content/filterContent.js';
import { checkFacts } from './facts/checkFacts.js';
import { detectUnsupported } from './grounding/detectUnsupported.js';
import { detectPhi } from './phi/detectPhi.js';
import type { PhiSpan } from './phi/phiTypes.js';
import { clinicalWordChecker } from './phi/clinicalWordChecker.js';
import { SafetyPolicy, type SafetyCategory, type SafetyUse, type Severity, type Verdict } from './policy/SafetyPolicy.js';

export interface SafetyFinding {
  category: SafetyCategory;
  /** PHI type (NAME, MRN…), content category, bias type, fact-check or grounding finding type. */
  type: string;
  severity: Severity;
  start: number;
  end: number;
  text: string;
  /** Why: the rule, the pack entry or the source passage it rests on. */
  evidence: string | null;
  suggestion: string | null;
  /** The verdict this finding earns under the policy. */
  verdict: Verdict;
}

export interface SafetyReport {
  verdict: Verdict;
  findings: SafetyFinding[];
  use: SafetyUse;
}

export interface AnalyzeSafetyOptions {
  /** What the text was generated from: turns on the grounding (hallucination) checks. */
  source?: string;
  use?: SafetyUse;
  roles?: readonly string[];
  /** Run the trained PHI tagger when it is loaded (better recall of names, ~0.4 s a note on one core). Default true. */
  useModel?: boolean;
  /** Categories to run. Default: all (grounding only with a source). */
  categories?: readonly SafetyCategory[];
  signal?: AbortSignal;
}

export interface SafetyAnalyzerDeps {
  knowledge: KnowledgeBase;
  clinical: ClinicalAnalyzer;
  policy?: SafetyPolicy;
  /** The trained PHI tagger's spans for a text, or null when it is not loaded. */
  phiModel?: (text: string, signal?: AbortSignal) => Promise<PhiSpan[] | null>;
  /** Sentence vectors from the inference core's embedder (for the content head), or null when none is loaded. */
  embed?: (texts: string[], signal?: AbortSignal) => Promise<number[][] | null>;
  /** The trained content classifier; null or absent runs the rules alone. */
  contentHead?: ContentHead | null;
}

type Unjudged = Omit<SafetyFinding, 'verdict'>;

/** PHI spans as findings: names and dates are MEDIUM, identifiers and contact details HIGH. */
export function phiFindings(spans: readonly PhiSpan[]): Unjudged[] {
  return spans.map((s) => ({ category: 'PHI', type: s.type, severity: s.type === 'NAME' || s.type === 'DATE' ? 'MEDIUM' : 'HIGH', start: s.start, end: s.end, text: s.text, evidence: `${s.source}${s.scheme ? ` (${s.scheme})` : ''}, score ${s.score.toFixed(2)}`, suggestion: `[${s.type}]` }));
}

/** The content rules' findings (the trained head's come from SafetyAnalyzer, which has the embedder). */
export function contentRuleFindings(text: string, sentences: readonly { start: number; end: number }[]): Unjudged[] {
  return filterContent(text, sentences).map((f) => ({ category: 'CONTENT', type: f.category, severity: f.severity, start: f.start, end: f.end, text: f.text, evidence: `rule ${f.ruleId}`, suggestion: null }));
}

/** Findings with the verdict each earns, and the report's verdict, under `policy`. */
export function judge(policy: SafetyPolicy, raw: readonly Unjudged[], use: SafetyUse, roles: readonly string[]): SafetyReport {
  const findings = raw
    .map((f) => ({ ...f, verdict: policy.verdictFor(f.category, f.severity, use, roles) }))
    .sort((a, b) => a.start - b.start || a.category.localeCompare(b.category));
  return { verdict: policy.combine(findings.map((f) => f.verdict)), findings, use };
}

/**
 * One report for a text: PHI, harmful content, non-inclusive wording, facts checked against the packs and, with a
 * source, what the text claims that the source does not support. The policy turns each finding into a verdict
 * for the text's use and the caller's roles; the report's verdict is the most severe.
 */
export class SafetyAnalyzer {
  readonly policy: SafetyPolicy;

  constructor(private readonly deps: SafetyAnalyzerDeps) {
    this.policy = deps.policy ?? new SafetyPolicy();
    this.isClinicalWord = clinicalWordChecker(deps.knowledge);
  }

  /** The shipped content head (models/content-head/head.json), or null when it is not there. */
  static defaultContentHead(): ContentHead | null {
    return loadContentHead();
  }

  async phiSpans(text: string, signal?: AbortSignal, useModel = true): Promise<PhiSpan[]> {
    const modelSpans = useModel ? ((await this.deps.phiModel?.(text, signal)) ?? undefined) : undefined;
    return detectPhi(text, { modelSpans, isClinicalWord: this.isClinicalWord });
  }

  async analyze(text: string, options: AnalyzeSafetyOptions = {}): Promise<SafetyReport> {
    const use = options.use ?? 'LEARNER_INPUT';
    const roles = options.roles ?? [];
    const wanted = new Set(options.categories ?? ['PHI', 'CONTENT', 'BIAS', 'FACT', 'HALLUCINATION']);
    const sentences = splitSentences(text);
    const raw: Unjudged[] = [];

    if (wanted.has('PHI')) raw.push(...phiFindings(await this.phiSpans(text, options.signal, options.useModel ?? true)));
    if (wanted.has('CONTENT')) {
      raw.push(...contentRuleFindings(text, sentences));
      for (const f of await this.contentByModel(text, sentences, options.signal)) {
        if (raw.some((r) => r.category === 'CONTENT' && r.type === f.type && r.start < f.end && f.start < r.end)) continue;
        raw.push(f);
      }
    }
    if (wanted.has('BIAS')) {
      for (const f of await checkBias(text, sentences)) raw.push({ category: 'BIAS', type: f.type, severity: f.source === 'lexicon' ? 'MEDIUM' : 'LOW', start: f.start, end: f.end, text: f.text, evidence: f.why, suggestion: f.suggestion });
    }
    let analysis: ClinicalAnalysis | undefined;
    if (wanted.has('FACT') || (wanted.has('HALLUCINATION') && options.source !== undefined)) {
      analysis = await this.deps.clinical.analyze(text, { useModel: false, signal: options.signal });
    }
    if (wanted.has('FACT') && analysis) {
      const doses = await validateScenario({ text }, this.deps.clinical, this.deps.knowledge, options.signal);
      for (const f of checkFacts(text, analysis, this.deps.knowledge, doses.findings)) raw.push({ category: 'FACT', type: f.type, severity: f.severity, start: f.start, end: f.end, text: f.text, evidence: `${f.message} [${f.citation}]`, suggestion: f.suggestion });
    }
    if (wanted.has('HALLUCINATION') && options.source !== undefined && analysis) {
      const sourceAnalysis = await this.deps.clinical.analyze(options.source, { useModel: false, signal: options.signal });
      for (const f of detectUnsupported({ source: options.source, output: text, sourceAnalysis, outputAnalysis: analysis })) {
        const severity: Severity = f.type === 'DOSE' || f.type === 'DRUG' || f.type === 'NEGATION_FLIP' ? 'HIGH' : 'MEDIUM';
        raw.push({ category: 'HALLUCINATION', type: f.type, severity, start: f.start, end: f.end, text: f.text, evidence: f.evidence ? `${f.message} Source: "${f.evidence.text}"` : f.message, suggestion: f.evidence ? f.evidence.text : null });
      }
    }
    return judge(this.policy, raw, use, roles);
  }

  /** The content head over passages of a few sentences: MEDIUM findings (they WARN under the default policy). */
  private async contentByModel(text: string, sentences: readonly { start: number; end: number }[], signal?: AbortSignal): Promise<Unjudged[]> {
    const head = this.deps.contentHead;
    if (!head || !this.deps.embed) return [];
    const parts = passages(sentences);
    const vectors = parts.length > 0 ? await this.deps.embed(parts.map((p) => text.slice(p.start, p.end)), signal) : null;
    if (!vectors) return [];
    const found: Unjudged[] = [];
    vectors.forEach((vector, i) => {
      const probabilities = head.score(vector);
      head.labels.forEach((label, k) => {
        if (probabilities[k]! < head.thresholds[k]!) return;
        const { start, end } = parts[i]!;
        found.push({ category: 'CONTENT', type: label, severity: 'MEDIUM', start, end, text: text.slice(start, end), evidence: `content classifier p=${probabilities[k]!.toFixed(2)}`, suggestion: null });
      });
    });
    return found;
  }

  /** Drug names are never names without a title. */
  private readonly isClinicalWord: (word: string) => boolean;
}
