/** The parts of a clinical note a reader looks for. */
export type SectionKind =
  | 'chief_complaint'
  | 'history_of_present_illness'
  | 'past_history'
  | 'medications'
  | 'allergies'
  | 'social_history'
  | 'family_history'
  | 'examination'
  | 'results'
  | 'assessment'
  | 'plan'
  | 'patient_details';

export interface Section {
  kind: SectionKind;
  /** The heading as written. */
  heading: string;
  /** From the heading's first character to the next heading (UTF-16, end exclusive). */
  start: number;
  end: number;
  /** Where the body starts (after the heading and its colon). */
  bodyStart: number;
}

// Headings in their common spellings (UK, AU, US; OET case notes). Upper-case shorthand is matched case-sensitively.
const HEADINGS: [SectionKind, RegExp][] = [
  ['chief_complaint', /^(chief complaints?|presenting complaints?|presenting problems?|reason for (referral|admission|presentation|visit|consultation)|CC|PC)\b/i],
  ['history_of_present_illness', /^(history of (the )?(present(ing)? (illness|complaint)|presenting complaint)|HPI|HPC|HOPC|history)\b/i],
  ['past_history', /^(past (medical|surgical|psychiatric) history|past history|medical (and surgical )?history|previous medical history|PMH[x]?|PSH[x]?|background)\b/i],
  ['medications', /^((current|regular|discharge|admission|home) (medications?|meds)|medications?( on (admission|discharge))?|drug history|meds|DH[x]?|medicines)\b/i],
  ['allergies', /^(allergies|allergy|allergies and (adverse )?reactions|adverse (drug )?reactions|drug allergies|ADRs?|sensitivities)\b/i],
  ['social_history', /^(social (history|background|circumstances)|social|SH[x]?|lifestyle)\b/i],
  ['family_history', /^(family (medical )?history|FH[x]?)\b/i],
  ['examination', /^(on examination|physical examination|examination|exam|O\/E|observations|obs|vital signs|vitals|nursing assessment)\b/i],
  ['results', /^(investigations|results|laboratory (results|tests)|labs|bloods|imaging|tests)\b/i],
  ['assessment', /^(assessment|impression|diagnos[ie]s|working diagnosis|differential diagnosis|Dx|clinical (impression|summary)|progress)\b/i],
  ['plan', /^(plan|management( plan)?|treatment( plan)?|recommendations?|follow[- ]up|discharge (plan|arrangements)|nursing management|action plan|Rx)\b/i],
  ['patient_details', /^(patient details|patient information|demographics|patient)\b/i],
];

// Shorthand headings count only in capitals ("PMHx", "Dx"): "cc" or "sh" in prose are not headings.
const SHORTHAND = new Set(['CC', 'PC', 'HPI', 'HPC', 'HOPC', 'PMH', 'PSH', 'DH', 'ADR', 'SH', 'FH', 'D', 'R']);

function isMiswrittenShorthand(heading: string): boolean {
  const core = heading.replace(/x$/, '').replace(/s$/, '');
  return SHORTHAND.has(core.toUpperCase()) && core !== core.toUpperCase();
}

/**
 * Sections from headings at the start of a line, followed by a colon or dash, or alone on their line
 * ("Medications:", "PMHx - asthma", "PLAN"). Text before the first heading belongs to no section.
 */
export function detectSections(text: string): Section[] {
  const found: Omit<Section, 'end'>[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const indent = line.length - line.trimStart().length;
    const body = line.slice(indent);
    for (const [kind, pattern] of HEADINGS) {
      const match = pattern.exec(body);
      if (!match) continue;
      const heading = match[0];
      if (isMiswrittenShorthand(heading)) continue;
      const rest = body.slice(heading.length);
      const delimiter = /^\s*[:\-–—]\s*/.exec(rest);
      const alone = rest.trim() === '';
      // "History" or "Patient" in running prose is not a heading: a heading has a colon or dash, or a line of its own.
      if (!delimiter && !alone) continue;
      found.push({ kind, heading, start: offset + indent, bodyStart: offset + indent + heading.length + (delimiter ? delimiter[0].length : rest.length) });
      break;
    }
    offset += line.length + 1;
  }
  return found.map((section, i) => ({ ...section, end: trimEnd(text, found[i + 1]?.start ?? text.length) }));
}

function trimEnd(text: string, end: number): number {
  let i = end;
  while (i > 0 && /\s/.test(text[i - 1]!)) i--;
  return i;
}

/** The section an offset falls in, if any. */
export function sectionAt(sections: readonly Section[], offset: number): Section | undefined {
  return sections.find((s) => offset >= s.start && offset < Math.max(s.end, s.start + 1));
}
