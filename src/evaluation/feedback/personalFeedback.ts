import { isStopWord, stem, words } from '../../knowledge/text/normalize.js';
import type { CriterionResult } from '../types.js';

/** One piece of advice from the instruction model, kept because it agrees with what the rules found. */
export interface PersonalTip {
  criterion: string;
  text: string;
}

/** Generates text constrained by a JSON schema; null when no instruction model is loaded. */
export type ConstrainedGenerate = (prompt: string, schema: Record<string, unknown>, signal?: AbortSignal) => Promise<string | null>;

const MAX_TIPS = 3;
const MAX_TIP_CHARS = 300;

function contentStems(text: string): Set<string> {
  return new Set(words(text).filter((w) => w.length > 3 && !isStopWord(w)).map((w) => stem(w)));
}

/**
 * Personalised advice from an instruction model, constrained to `{ tips: [{ criterion, tip }] }` by a JSON schema
 * whose criterion names are the evaluation's own. A tip is kept only where it agrees with the deterministic
 * findings: its criterion has an issue the rules found, and it speaks of that issue (shares a content word with
 * the issue's message, evidence or suggestion). Small models invent problems; nothing unsupported reaches a learner.
 */
export async function personalFeedback(criteria: readonly CriterionResult[], generate: ConstrainedGenerate, signal?: AbortSignal): Promise<PersonalTip[]> {
  const withIssues = criteria.filter((c) => c.feedback.some((f) => f.kind === 'ISSUE'));
  if (withIssues.length === 0) return [];
  const findings = withIssues
    .map((c) => `${c.name} (${c.score}/${c.max}): ${c.feedback.filter((f) => f.kind === 'ISSUE').slice(0, 3).map((f) => f.message + (f.evidence ? ` ["${f.evidence.text.slice(0, 80)}"]` : '')).join(' ')}`)
    .join('\n');
  const schema = {
    type: 'object',
    properties: {
      tips: {
        type: 'array',
        maxItems: MAX_TIPS,
        items: { type: 'object', properties: { criterion: { enum: withIssues.map((c) => c.name) }, tip: { type: 'string', maxLength: 200 } }, required: ['criterion', 'tip'] },
      },
    },
    required: ['tips'],
  };
  const prompt =
    'You are an experienced OET writing and speaking assessor. Turn these findings about a candidate\'s work into at most three short, ' +
    'encouraging, specific tips, each about one criterion, each saying what to change.\n\nFindings:\n' + findings + '\n\nAnswer in JSON.';
  const raw = await generate(prompt, schema, signal);
  if (raw === null) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return [];
  }
  const tips = (parsed as { tips?: unknown }).tips;
  if (!Array.isArray(tips)) return [];
  const kept: PersonalTip[] = [];
  for (const t of tips as { criterion?: unknown; tip?: unknown }[]) {
    if (typeof t.criterion !== 'string' || typeof t.tip !== 'string') continue;
    const criterion = withIssues.find((c) => c.name === t.criterion);
    const text = t.tip.trim();
    if (!criterion || text === '' || text.length > MAX_TIP_CHARS) continue;
    const said = contentStems(text);
    const agrees = criterion.feedback
      .filter((f) => f.kind === 'ISSUE')
      .some((f) => [...contentStems(`${f.message} ${f.evidence?.text ?? ''} ${f.suggestion ?? ''}`)].some((w) => said.has(w)));
    if (agrees && !kept.some((k) => k.text === text)) kept.push({ criterion: criterion.name, text });
  }
  return kept.slice(0, MAX_TIPS);
}
