import { createHmac } from 'node:crypto';
import type { PhiSpan, PhiType } from '../phi/phiTypes.js';
import { OffsetMap, type Replacement } from './offsetMap.js';
import { SurrogateMaker } from './surrogates.js';

/**
 * - MASK: every character of the span becomes `*` (offsets unchanged);
 * - PLACEHOLDER: `[NAME]`, `[DATE]`…;
 * - SURROGATE: a realistic fake, consistent within the document (see SurrogateMaker);
 * - HASH: `[NAME:1f3a9c0e]`, a keyed HMAC of the value: the same value links across documents for whoever holds the
 *   key, and cannot be reversed without it.
 */
export const REDACTION_STRATEGIES = ['MASK', 'PLACEHOLDER', 'SURROGATE', 'HASH'] as const;
export type RedactionStrategy = (typeof REDACTION_STRATEGIES)[number];

export interface RedactOptions {
  strategy?: RedactionStrategy;
  /** Secret for HASH and for seeding SURROGATE. Required for those two. */
  key?: Buffer;
  /** Names the document for SURROGATE, so its surrogates and date shift are stable across calls. Default: the text. */
  documentKey?: string;
}

export interface RedactedSpan extends Replacement {
  type: PhiType;
  /** What now stands in the redacted text. */
  replacement: string;
}

export interface Redaction {
  text: string;
  strategy: RedactionStrategy;
  spans: RedactedSpan[];
  offsets: OffsetMap;
  /** Days every date was moved by (SURROGATE only). */
  dateShiftDays: number | null;
}

/** Replaces each of `spans` (non-overlapping, from detectPhi) in `text`. */
export function redactSpans(text: string, spans: readonly PhiSpan[], options: RedactOptions = {}): Redaction {
  const strategy = options.strategy ?? 'PLACEHOLDER';
  if ((strategy === 'HASH' || strategy === 'SURROGATE') && !options.key) throw new Error(`The ${strategy} strategy needs a key.`);
  const surrogates = strategy === 'SURROGATE' ? new SurrogateMaker(options.key!, options.documentKey ?? text) : null;
  const ordered = [...spans].sort((a, b) => a.start - b.start);
  let out = '';
  let last = 0;
  const redacted: RedactedSpan[] = [];
  for (const span of ordered) {
    if (span.start < last) continue; // overlapping input: the earlier span already covers it
    out += text.slice(last, span.start);
    const original = text.slice(span.start, span.end);
    const replacement = replace({ ...span, text: original }, strategy, options.key, surrogates);
    redacted.push({ type: span.type, start: span.start, end: span.end, redactedStart: out.length, redactedEnd: out.length + replacement.length, replacement });
    out += replacement;
    last = span.end;
  }
  out += text.slice(last);
  return { text: out, strategy, spans: redacted, offsets: new OffsetMap(redacted), dateShiftDays: surrogates?.shiftDays ?? null };
}

function replace(span: PhiSpan, strategy: RedactionStrategy, key: Buffer | undefined, surrogates: SurrogateMaker | null): string {
  switch (strategy) {
    case 'MASK':
      return span.text.replace(/[^\n]/g, '*');
    case 'PLACEHOLDER':
      return `[${span.type}]`;
    case 'HASH': {
      const normal = span.text.toLowerCase().replace(/[\s.-]+/g, ' ').trim();
      return `[${span.type}:${createHmac('sha256', key!).update(`${span.type}\u0000${normal}`).digest('hex').slice(0, 10)}]`;
    }
    case 'SURROGATE':
      return surrogates!.surrogate(span);
  }
}
