import type { PackBody } from './packTypes.js';

/** Where a pack comes from, and so where it lives compiled. */
export type PackDistribution =
  /** Public-domain or CC0 (or attribution-only): compiled into the repository and loaded by default. */
  | 'shipped'
  /** Non-commercial or research-only: built from the user's data dir only when named in OET_PACKS. */
  | 'opt-in'
  /** The user's own licensed terminology, imported with `packs import`. */
  | 'licensed';

export interface PackSource {
  /** File name within its root. */
  file: string;
  /** `data`: the official file under OET_DATA_DIR; `curated`: our own file under knowledge/curated. */
  root: 'data' | 'curated';
}

export interface BuildInput {
  /** Absolute paths of the sources, in the order the definition lists them. */
  files: string[];
  /** Compiled bodies of the packs named in `dependsOn`. */
  dependencies: ReadonlyMap<string, PackBody>;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

export interface BuildOutput {
  body: PackBody;
  edition: string;
  rows: Record<string, number>;
}

export interface PackDefinition {
  id: string;
  name: string;
  licence: string;
  commercialUse: boolean;
  attribution?: string;
  distribution: PackDistribution;
  /** Where a user gets the official file (README, `packs list`). */
  obtain: string;
  sources: PackSource[];
  dependsOn: string[];
  build(input: BuildInput): Promise<BuildOutput>;
}
