import { emptyBody, type Severity } from '../packs/packTypes.js';
import type { BuildInput, BuildOutput } from '../packs/PackDefinition.js';
import { createBuildDrugResolver } from './drugResolver.js';
import { readTable } from './readTable.js';
import { SourceFormatError } from '../packs/packTypes.js';
import path from 'node:path';

// DDInter grades Major/Moderate/Minor/Unknown; "Unknown" is kept as the source's word and reported as MINOR.
const SEVERITY: Record<string, Severity> = { Major: 'MAJOR', Moderate: 'MODERATE', Minor: 'MINOR', Unknown: 'MINOR' };

const REFERENCE = 'DDInter: Xiong G, et al. DDInter: an online drug-drug interaction database. Nucleic Acids Res 2022;50(D1):D1200-D1207. CC BY-NC-SA 4.0 (non-commercial).';

/** DDInter's pair downloads (CC BY-NC-SA: opt-in, non-commercial): one rule per pair whose two names DrugBank knows. */
export async function buildDdinter(input: BuildInput): Promise<BuildOutput> {
  const [file] = input.files as [string];
  const drugbank = input.dependencies.get('drugbank-open');
  if (!drugbank) throw new Error('ddinter needs the drugbank-open pack');
  const resolver = createBuildDrugResolver(drugbank);
  const table = await readTable(file, { delimiter: ',', required: ['DDInterID_A', 'Drug_A', 'DDInterID_B', 'Drug_B', 'Level'], signal: input.signal });
  const body = emptyBody();
  const unresolvedNames = new Set<string>();
  const seen = new Set<string>();
  table.forEach((row, i) => {
    const level = row.get('Level').trim();
    const severity = SEVERITY[level];
    if (!severity) throw new SourceFormatError(path.basename(file), row.line, `Level must be Major, Moderate, Minor or Unknown, found "${level.slice(0, 20)}"`);
    const a = resolver.resolve(row.get('Drug_A'));
    const b = resolver.resolve(row.get('Drug_B'));
    if (!a) unresolvedNames.add(row.get('Drug_A'));
    if (!b) unresolvedNames.add(row.get('Drug_B'));
    if (!a || !b || a.conceptId === b.conceptId) return;
    const key = [a.conceptId, b.conceptId].sort().join('|');
    if (seen.has(key)) return;
    seen.add(key);
    body.interactionRules.push({
      id: `ddinter-${row.get('DDInterID_A')}-${row.get('DDInterID_B')}`.toLowerCase(),
      a: { concept: a.conceptId },
      b: { concept: b.conceptId },
      severity,
      ...(level === 'Unknown' ? { sourceSeverity: 'Unknown' } : {}),
      description: level === 'Unknown' ? 'DDInter lists an interaction between these drugs without grading its severity.' : `DDInter grades this interaction ${level.toLowerCase()}.`,
      mechanism: 'Not given in DDInter\'s open pair download.',
      management: 'Check a full interaction monograph before co-prescribing.',
      references: [REFERENCE],
    });
    if (i % 20_000 === 0) input.onProgress?.(i, table.length);
  });
  return { body, edition: 'DDInter 1.0 (pair downloads)', rows: { pairs: table.length, rules: body.interactionRules.length, unresolvedDrugs: unresolvedNames.size } };
}
