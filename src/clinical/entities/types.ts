/** What an entity names, as the API reports it. */
export type EntityCategory = 'MEDICATION' | 'CONDITION' | 'SYMPTOM' | 'PROCEDURE' | 'TEST' | 'ANATOMY';

/** Which recogniser found it. */
export type EntitySource = 'dictionary' | 'model' | 'both';

/** A mention found in the text, before context: offsets are UTF-16 indices into the input, `end` exclusive. */
export interface Mention {
  start: number;
  end: number;
  text: string;
  category: EntityCategory;
  /** Concept in the knowledge packs (`drugbank:DB00331`, `icd10cm:E11.9`, `mesh:D003920`, `symptom:fever`). */
  conceptId: string | null;
  /** The concept's preferred name. */
  preferredName: string | null;
  confidence: number;
  source: EntitySource;
  /** The abbreviation's expansion when the mention is one ("SOB" → "shortness of breath"). */
  expansion: string | null;
}
