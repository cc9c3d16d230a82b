/** The kinds of protected health information the detector reports (the GraphQL `type` of a PHI finding). */
export const PHI_TYPES = [
  'NAME',
  'DATE',
  'AGE',
  'PHONE',
  'EMAIL',
  'ADDRESS',
  'MRN',
  'INSURANCE_ID',
  'NATIONAL_ID',
  'URL',
  'IP',
  'DEVICE_ID',
  'ACCOUNT',
] as const;

export type PhiType = (typeof PHI_TYPES)[number];

/** Which recogniser found a span: rules with a checked format, a name lexicon with context, or the trained model. */
export type PhiSource = 'pattern' | 'checksum' | 'context' | 'lexicon' | 'model';

/** One found identifier: `[start, end)` in UTF-16 code units of the analysed text. */
export interface PhiSpan {
  type: PhiType;
  start: number;
  end: number;
  text: string;
  /** 0–1: how sure the recogniser is (a checksum-valid identifier is near 1, a lone capitalised word lower). */
  score: number;
  source: PhiSource;
  /** Identifier scheme where one was recognised (`NHS`, `MEDICARE_AU`, `NRIC`…), for evidence and surrogates. */
  scheme?: string;
}

/** A candidate before overlap resolution; `priority` breaks ties between recognisers that claim the same text. */
export interface PhiCandidate extends PhiSpan {
  priority: number;
}
