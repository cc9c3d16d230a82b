import path from 'node:path';
import { SourceFormatError, emptyBody, type PackConcept, type PackRelation } from '../packs/packTypes.js';
import type { BuildInput, BuildOutput } from '../packs/PackDefinition.js';
import { readSource, readTable } from './readTable.js';

/** `E119` → `E11.9`: ICD-10-CM codes are written with a dot after the category. */
export function dottedCode(code: string): string {
  return code.length > 3 ? `${code.slice(0, 3)}.${code.slice(3)}` : code;
}

interface IcdRow {
  code: string;
  billable: boolean;
  short: string;
  long: string;
}

const CODE = /^[A-Z][0-9][0-9A-Z]{1,5}$/;

/**
 * ICD-10-CM from CMS/CDC's official order file (`icd10cm-order-2026.txt`, fixed width) or from the code table as
 * CSV (`code, billable, short_description, long_description`). Codes become concepts with their billable flag;
 * the hierarchy becomes is-a relations to the nearest existing shorter code.
 */
export async function buildIcd10cm(input: BuildInput): Promise<BuildOutput> {
  const [file] = input.files as [string];
  const rows = file.endsWith('.csv') ? await readCsv(file, input.signal) : await readOrderFile(file, input.signal);
  const body = emptyBody();
  const codes = new Set(rows.map((r) => r.code));
  for (const row of rows) {
    const concept: PackConcept = {
      id: `icd10cm:${dottedCode(row.code)}`,
      system: 'icd10cm',
      code: dottedCode(row.code),
      name: row.long,
      kind: 'condition',
      // The short title only abbreviates the long one ("w/o", "unsp"): it adds nothing to search and is left out.
      attrs: { billable: row.billable },
    };
    body.concepts.push(concept);
    const parent = nearestParent(row.code, codes);
    if (parent) body.relations.push({ from: concept.id, to: `icd10cm:${dottedCode(parent)}`, type: 'is-a' } satisfies PackRelation);
  }
  const year = /(20\d\d)/.exec(path.basename(file))?.[1];
  return {
    body,
    edition: year ? `FY${year}` : 'as supplied',
    rows: { codes: rows.length, billable: rows.filter((r) => r.billable).length, relations: body.relations.length },
  };
}

function nearestParent(code: string, codes: ReadonlySet<string>): string | undefined {
  for (let length = code.length - 1; length >= 3; length--) {
    const candidate = code.slice(0, length);
    if (codes.has(candidate)) return candidate;
  }
  return undefined;
}

async function readCsv(file: string, signal?: AbortSignal): Promise<IcdRow[]> {
  const table = await readTable(file, { delimiter: ',', required: ['code', 'billable', 'short_description', 'long_description'], signal });
  return table.map((row) => validRow(path.basename(file), row.line, row.get('code'), row.get('billable'), row.get('short_description'), row.get('long_description')));
}

// Order file columns (CMS "icd10cm-order" layout): order number 1–5, code 7–13, billable 15, short 17–76, long 78–.
async function readOrderFile(file: string, signal?: AbortSignal): Promise<IcdRow[]> {
  const text = await readSource(file, signal);
  const name = path.basename(file);
  if (text.includes('\u0000')) throw new SourceFormatError(name, undefined, 'this is a binary file, not the ICD-10-CM order file');
  const rows: IcdRow[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    if (line.length < 78) throw new SourceFormatError(name, i + 1, `expected the fixed-width order-file layout (at least 78 characters), found ${line.length}`);
    rows.push(validRow(name, i + 1, line.slice(6, 13).trim(), line.slice(14, 15), line.slice(16, 76).trim(), line.slice(77).trim()));
  });
  return rows;
}

function validRow(file: string, line: number, code: string, billable: string, short: string, long: string): IcdRow {
  const undotted = code.replace('.', '');
  if (!CODE.test(undotted)) throw new SourceFormatError(file, line, `"${code.slice(0, 20)}" is not an ICD-10-CM code`);
  if (billable !== '0' && billable !== '1') throw new SourceFormatError(file, line, `the billable flag must be 0 or 1, found "${billable.slice(0, 10)}"`);
  if (!long) throw new SourceFormatError(file, line, 'the long description is empty');
  return { code: undotted, billable: billable === '1', short, long };
}
