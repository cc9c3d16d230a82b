import { findAddresses } from './addresses.js';
import { findIpAddresses, findLinks, findPhones } from './contact.js';
import { findAges, findDates } from './dates.js';
import { findIdentifiers } from './identifiers.js';
import { findNames, type NameRecogniserOptions } from './names.js';
import type { PhiCandidate, PhiSpan, PhiType } from './phiTypes.js';
import { resolveOverlaps } from './resolveOverlaps.js';
import { plausibleModelSpan } from './plausibleModelSpan.js';

export interface DetectPhiOptions extends NameRecogniserOptions {
  /** Spans from the trained recogniser (names, addresses, dates), merged below the rules' specific finds. */
  modelSpans?: readonly PhiSpan[];
  /** Only these types are reported. Default: all. */
  types?: readonly PhiType[];
  /** Spans scoring below this are dropped. Default 0.5. */
  minScore?: number;
}

/** Model spans rank below every rule (a checked identifier or a titled name is surer than a tagger's guess). */
const MODEL_PRIORITY = 10;

/** Every PHI span in `text`, non-overlapping and sorted, from the rule recognisers and (if given) the model. */
export function detectPhi(text: string, options: DetectPhiOptions = {}): PhiSpan[] {
  const modelSpans = (options.modelSpans ?? []).filter((span) => plausibleModelSpan(text, span, options));
  const candidates: PhiCandidate[] = [
    ...findLinks(text),
    ...findIpAddresses(text),
    ...findIdentifiers(text),
    ...findPhones(text),
    ...findDates(text),
    ...findAges(text),
    ...findAddresses(text),
    ...findNames(text, options),
    ...modelSpans.map((span) => ({ ...span, priority: MODEL_PRIORITY })),
  ];
  const minScore = options.minScore ?? 0.5;
  const types = options.types ? new Set(options.types) : null;
  return resolveOverlaps(candidates).filter((span) => span.score >= minScore && (!types || types.has(span.type)));
}
