/** One replaced stretch: `[start, end)` in the original text became `[redactedStart, redactedEnd)`. */
export interface Replacement {
  start: number;
  end: number;
  redactedStart: number;
  redactedEnd: number;
}

/**
 * Offsets between an original text and its redacted form. Outside replacements the texts are the same, shifted by
 * the length change of the replacements before; inside one, an offset maps to the replacement's start.
 */
export class OffsetMap {
  constructor(private readonly replacements: readonly Replacement[]) {}

  toRedacted(offset: number): number {
    let shift = 0;
    for (const r of this.replacements) {
      if (offset < r.start) break;
      if (offset < r.end) return r.redactedStart;
      shift = r.redactedEnd - r.end;
    }
    return offset + shift;
  }

  toOriginal(offset: number): number {
    let shift = 0;
    for (const r of this.replacements) {
      if (offset < r.redactedStart) break;
      if (offset < r.redactedEnd) return r.start;
      shift = r.end - r.redactedEnd;
    }
    return offset + shift;
  }
}
