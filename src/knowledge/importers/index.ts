/**
 * Importers for licensed terminologies the user brings under their own licence (RxNorm, SNOMED CT, LOINC, UMLS).
 * Nothing licensed ships with the engine: each importer reads the user's release files and returns a pack body.
 */
import type { PackBody } from '../packs/packTypes.js';
import { loinc } from './loinc.js';
import { rxnorm } from './rxnorm.js';
import { snomed } from './snomed.js';
import { umls } from './umls.js';

export type LicensedImporterId = 'rxnorm' | 'snomed' | 'loinc' | 'umls';

export interface ImportOptions {
  signal?: AbortSignal;
  /** Called about every 10,000 lines with the running total over all files of the import. */
  onProgress?: (linesRead: number) => void;
}

export interface ImportResult {
  body: PackBody;
  edition: string;
  rows: Record<string, number>;
}

export interface LicensedImporter {
  id: LicensedImporterId;
  /** "RxNorm", "SNOMED CT", "LOINC", "UMLS Metathesaurus". */
  name: string;
  /** The licence the user holds, e.g. "LOINC licence (user's own)". */
  licence: string;
  /** Which files the user passes, for usage text: e.g. "RXNCONSO.RRF [RXNREL.RRF]". */
  files: string;
  /** Reads the given files, validates them and returns a pack body. Throws SourceFormatError on malformed input. */
  importFiles(paths: string[], options?: ImportOptions): Promise<ImportResult>;
}

export const licensedImporters: Record<LicensedImporterId, LicensedImporter> = { rxnorm, snomed, loinc, umls };
