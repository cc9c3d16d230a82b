import type { Token } from '../text/tokenize.js';
import { CONTEXT_RULES, type ContextKind, type CueRule } from './contextRules.js';

/** The context a mention sits in; each true flag carries the cue that set it, as evidence. */
export interface MentionContext {
  negated: boolean;
  uncertain: boolean;
  historical: boolean;
  family: boolean;
  hypothetical: boolean;
  cues: ContextCue[];
}

export interface ContextCue {
  kind: Exclude<ContextKind, 'PSEUDO' | 'TERMINATE'>;
  text: string;
  start: number;
  end: number;
}

interface CompiledCue {
  rule: CueRule;
  parts: ((token: string) => boolean)[];
}

interface CueMatch {
  rule: CueRule;
  /** Token indices within the sentence, end exclusive. */
  from: number;
  to: number;
}

function compile(rule: CueRule): CompiledCue {
  const parts = rule.cue.split(' ').map((part): ((token: string) => boolean) => {
    if (part === '*') return () => true;
    if (part.startsWith('/')) {
      const pattern = new RegExp(part.slice(1, part.lastIndexOf('/')));
      return (token) => pattern.test(token);
    }
    return (token) => token === part;
  });
  return { rule, parts };
}

// Longest cues first, so "no history of" wins over "no" and pseudo-cues over the cues inside them.
// A phrase listed as both a forward and a backward cue of one kind ("ruled out": "ruled out PE", "PE ruled out") is
// one cue looking both ways: matching takes one cue per span, so two entries would leave one direction unused.
function mergeDirections(rules: readonly CueRule[]): CueRule[] {
  const byKey = new Map<string, CueRule>();
  for (const rule of rules) {
    const key = `${rule.kind}\u0000${rule.cue}`;
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, rule);
    else if (seen.direction !== rule.direction) byKey.set(key, { ...seen, direction: 'both', maxScope: Math.max(seen.maxScope ?? Infinity, rule.maxScope ?? Infinity) });
  }
  return [...byKey.values()];
}

const COMPILED = mergeDirections(CONTEXT_RULES).map(compile).sort((a, b) => b.parts.length - a.parts.length || (a.rule.kind === 'PSEUDO' ? -1 : 1));
const BY_FIRST = new Map<string, CompiledCue[]>();
const PATTERNED: CompiledCue[] = [];
for (const cue of COMPILED) {
  const first = cue.rule.cue.split(' ')[0]!;
  if (first.startsWith('/') || first === '*') PATTERNED.push(cue);
  else (BY_FIRST.get(first) ?? BY_FIRST.set(first, []).get(first)!).push(cue);
}

/**
 * ConText over one sentence: finds the cues (pseudo-cues block the cues they contain), gives each a scope — after
 * it, before it or both, up to its maximum and never past a terminator ("but", "however", ";") or another cue of a
 * different kind — and marks each mention whose tokens fall in a scope. A cue never modifies a mention it overlaps.
 */
export function applyContext(tokens: readonly Token[], mentions: readonly { start: number; end: number }[]): MentionContext[] {
  const cues = findCues(tokens, mentions);
  return mentions.map((mention) => {
    const first = tokens.findIndex((t) => t.end > mention.start);
    const lastPlusOne = tokens.findIndex((t) => t.start >= mention.end);
    const [mFrom, mTo] = [first, lastPlusOne === -1 ? tokens.length : lastPlusOne];
    const context: MentionContext = { negated: false, uncertain: false, historical: false, family: false, hypothetical: false, cues: [] };
    for (const cue of cues) {
      if (cue.rule.kind === 'PSEUDO' || cue.rule.kind === 'TERMINATE') continue;
      if (cue.from < mTo && cue.to > mFrom) continue;
      if (!inScope(cue, mFrom, mTo, cues, tokens.length)) continue;
      const kind = cue.rule.kind;
      const flag = kind === 'NEGATED' ? 'negated' : kind === 'UNCERTAIN' ? 'uncertain' : kind === 'HISTORICAL' ? 'historical' : kind === 'FAMILY' ? 'family' : 'hypothetical';
      if (context[flag]) continue;
      context[flag] = true;
      context.cues.push({ kind, text: tokens.slice(cue.from, cue.to).map((t) => t.text).join(' '), start: tokens[cue.from]!.start, end: tokens[cue.to - 1]!.end });
    }
    return context;
  });
}

function findCues(tokens: readonly Token[], mentions: readonly { start: number; end: number }[]): CueMatch[] {
  const found: CueMatch[] = [];
  const taken = new Array<boolean>(tokens.length).fill(false);
  // Words inside a mention are not cues ("Gram-negative sepsis" names the mention; "no" inside a drug name is not a cue).
  for (const m of mentions) tokens.forEach((t, i) => {
    if (t.start >= m.start && t.end <= m.end && t.text.length > 1) taken[i] = true;
  });
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i]) continue;
    const candidates = [...(BY_FIRST.get(tokens[i]!.lower) ?? []), ...PATTERNED];
    for (const { rule, parts } of candidates) {
      if (i + parts.length > tokens.length) continue;
      let ok = true;
      for (let k = 0; k < parts.length && ok; k++) ok = !taken[i + k] && parts[k]!(tokens[i + k]!.lower);
      if (!ok) continue;
      found.push({ rule, from: i, to: i + parts.length });
      for (let k = i; k < i + parts.length; k++) taken[k] = true;
      i += parts.length - 1;
      break;
    }
  }
  return found;
}

/** Whether a mention (token span) lies in a cue's scope, given the terminators and other cues of the sentence. */
function inScope(cue: CueMatch, mFrom: number, mTo: number, cues: readonly CueMatch[], length: number): boolean {
  const max = cue.rule.maxScope ?? length;
  // A terminator ends a scope; so does a cue of another kind, unless it directly continues this one ("no family
  // history of", "possible previous"), where both apply.
  const blocks = (other: CueMatch) => other !== cue && (other.rule.kind === 'TERMINATE' || (other.rule.kind !== cue.rule.kind && other.rule.kind !== 'PSEUDO'));
  if (mFrom >= cue.to && cue.rule.direction !== 'backward') {
    const stops = cues.filter((o) => blocks(o) && o.from <= mFrom && (o.from > cue.to || (o.rule.kind === 'TERMINATE' && o.from >= cue.to)));
    return mFrom < Math.min(length, cue.to + max, ...stops.map((o) => o.from));
  }
  if (mTo <= cue.from && cue.rule.direction !== 'forward') {
    const stops = cues.filter((o) => blocks(o) && o.to >= mTo && (o.to < cue.from || (o.rule.kind === 'TERMINATE' && o.to <= cue.from)));
    return mTo > Math.max(0, cue.from - max, ...stops.map((o) => o.to));
  }
  return false;
}
