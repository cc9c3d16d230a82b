import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../src/knowledge/packs/locations.js';
import { PHI_TYPES, type PhiType } from '../src/safety/phi/phiTypes.js';

/** A note of eval/data/phi-notes.*.jsonl with its markup (`[[TYPE|surface]]`) resolved to text and offsets. */
export interface PhiNote {
  id: string;
  country: string;
  kind: string;
  text: string;
  gold: { type: PhiType; start: number; end: number; text: string }[];
}

const MARK = /\[\[([A-Z_]+)\|([^\]]*)\]\]/g;

export function parseMarked(marked: string): Pick<PhiNote, 'text' | 'gold'> {
  let text = '';
  let last = 0;
  const gold: PhiNote['gold'] = [];
  for (const m of marked.matchAll(MARK)) {
    const type = m[1] as PhiType;
    if (!PHI_TYPES.includes(type)) throw new Error(`Unknown PHI type ${m[1]} in markup`);
    text += marked.slice(last, m.index);
    gold.push({ type, start: text.length, end: text.length + m[2]!.length, text: m[2]! });
    text += m[2];
    last = m.index! + m[0].length;
  }
  text += marked.slice(last);
  return { text, gold };
}

export async function readPhiNotes(split: 'dev' | 'test'): Promise<PhiNote[]> {
  const file = path.join(projectRoot(), `eval/data/phi-notes.${split}.jsonl`);
  const lines = (await readFile(file, 'utf8')).split('\n').filter((l) => l.trim() !== '');
  return lines.map((line) => {
    const row = JSON.parse(line) as { id: string; country: string; kind: string; marked: string };
    return { id: row.id, country: row.country, kind: row.kind, ...parseMarked(row.marked) };
  });
}
