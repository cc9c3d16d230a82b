import type { Evidence } from '../types.js';

/** What part of the notes an item sits in: it decides, with the reader, whether the letter should use it. */
export type NotesSection =
  | 'PATIENT'
  | 'SOCIAL'
  | 'HISTORY'
  | 'PRESENTATION'
  | 'FINDINGS'
  | 'MEDICATIONS'
  | 'PROGRESS'
  | 'PLAN'
  | 'TASK'
  | 'OTHER';

export interface NotesItem extends Evidence {
  section: NotesSection;
  /** The heading it sits under, as written. */
  heading: string | null;
  /** Position among the items, in the notes' order. */
  index: number;
}

export interface CaseNotes {
  items: NotesItem[];
  /** The writing task, when the notes include it ("Writing task: … write a letter to …"). */
  task: Evidence | null;
  /** The patient's name as the notes give it ("Mr Harold Jenkins"), for the Re: line and first-name checks. */
  patientName: { title: string | null; first: string | null; last: string | null } | null;
}

const SECTION_CUES: [RegExp, NotesSection][] = [
  [/writing task|^task\b|your task|instructions/i, 'TASK'],
  [/patient (details|information|name)|personal details|^patient$|demographics/i, 'PATIENT'],
  [/social|family|lifestyle|background|home/i, 'SOCIAL'],
  [/(medical|past|surgical) history|pmh|^history|medical background/i, 'HISTORY'],
  [/medication|drugs|prescri|current meds|^meds/i, 'MEDICATIONS'],
  [/counsel|advice|education|key (points|messages)|information (given|provided)|discussed/i, 'PLAN'],
  [/present|admission|admitted|reason for|complaint|subjective|hpc|chief|consultation|^visit|assessment on|first (visit|appointment)|initial/i, 'PRESENTATION'],
  [/exam|investigation|results|observation|tests|findings|diagnos|imaging|blood|vital/i, 'FINDINGS'],
  [/progress|nursing (notes|management|care)|treatment|management|hospital course|course|ward|review|follow-?up (visit|appointment)|day \d|today/i, 'PROGRESS'],
  [/plan|discharge|follow|recommend|needs|goals|referr|arrangement|advice/i, 'PLAN'],
];

const BULLET = /^\s*(?:[-–•*·▪◦]|\d+[.)])\s+/;

function sectionOf(heading: string): NotesSection {
  for (const [cue, section] of SECTION_CUES) if (cue.test(heading)) return section;
  return 'OTHER';
}

/** "Heading:" alone on a line, or a short unbulleted line in title or upper case followed by items. */
function headingOf(line: string, nextIsBullet: boolean): string | null {
  const t = line.trim();
  const colon = /^([\p{L}\p{N}][\p{L}\p{N} /&()'.,-]{1,50}):\s*$/u.exec(t);
  if (colon) return colon[1]!;
  if (!BULLET.test(line) && nextIsBullet && t.length <= 40 && !/[.;]$/.test(t) && /^[A-Z]/.test(t)) return t;
  return null;
}

const TITLE = /\b(Mr|Mrs|Ms|Miss|Mx|Master|Dr)\.?\s+([A-Z][a-z'-]+)(?:\s+([A-Z][a-z'-]+))?/;

function findPatientName(items: readonly NotesItem[]): CaseNotes['patientName'] {
  const named = items.find((i) => /^(patient('s)?\s+)?name\s*[:\-]/i.test(i.text)) ?? items.find((i) => i.section === 'PATIENT' && TITLE.test(i.text));
  if (!named) return null;
  const value = named.text.replace(/^(patient('s)?\s+)?name\s*[:\-]\s*/i, '');
  const titled = TITLE.exec(value);
  if (titled) return { title: titled[1]!, first: titled[3] ? titled[2]! : null, last: titled[3] ?? titled[2]! };
  const plain = /^([A-Z][a-z'-]+)\s+([A-Z][a-z'-]+)/.exec(value);
  return plain ? { title: null, first: plain[1]!, last: plain[2]! } : null;
}

/**
 * OET case notes are headed lists: each bullet (or line) is one item a letter may use. The writing task, when it is
 * part of the notes, is kept apart: it says who the reader is and what they are asked to do, not what to report.
 */
export function parseCaseNotes(text: string): CaseNotes {
  const raw = text.split('\n');
  const items: NotesItem[] = [];
  let heading: string | null = null;
  let section: NotesSection = 'OTHER';
  let task: Evidence | null = null;
  let offset = 0;
  for (let i = 0; i < raw.length; i++) {
    const line = raw[i]!;
    const lineStart = offset;
    offset += line.length + 1;
    if (line.trim() === '') continue;
    const nextNonEmpty = raw.slice(i + 1).find((l) => l.trim() !== '') ?? '';
    const h = headingOf(line, BULLET.test(nextNonEmpty));
    if (h !== null) {
      heading = h;
      section = sectionOf(h);
      continue;
    }
    // "Heading: content" on one line opens a section and is an item of it.
    const inline = /^([A-Za-z][A-Za-z /&()'-]{1,30}):\s+\S/.exec(line.trim());
    let lineSection = section;
    if (inline && !BULLET.test(line)) {
      const s = sectionOf(inline[1]!);
      if (s !== 'OTHER') lineSection = s;
      if (s === 'TASK' || /writing task/i.test(inline[1]!)) {
        heading = inline[1]!;
        section = 'TASK';
        lineSection = 'TASK';
      }
    }
    const lead = line.length - line.trimStart().length;
    const bullet = BULLET.exec(line.slice(lead));
    const start = lineStart + lead + (bullet ? bullet[0].length : 0);
    const end = lineStart + line.trimEnd().length;
    if (end <= start) continue;
    const item = { start, end, text: text.slice(start, end) };
    if (lineSection === 'TASK') {
      task = task ? { start: task.start, end: item.end, text: text.slice(task.start, item.end) } : item;
      continue;
    }
    items.push({ ...item, section: lineSection, heading, index: items.length });
  }
  return { items, task, patientName: findPatientName(items) };
}
