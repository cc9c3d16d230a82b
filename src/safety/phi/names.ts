import { CALENDAR_WORDS, EPONYM_HEADS, EPONYMS, NOT_NAME_WORDS } from './clinicalWords.js';
import { nameLexicon, type NameLexicon } from './nameLexicon.js';
import type { PhiCandidate } from './phiTypes.js';

/**
 * Person names by context, then by lexicon. Strong contexts name whatever follows them: a title ("Mrs", "Dr.",
 * "Sheikha"), a label ("Patient:", "NOK:", "Seen by"), a salutation or a signature, a relation ("her daughter,
 * Grace"). Without context a capitalised given name that is not an English word ("Priya", "Aroha"), alone or before a
 * surname, is a name too. Eponyms ("Parkinson's disease", "Apgar score") and organisation names ("St Vincent's
 * Hospital") are not. Every token of a name found once is a name wherever else it appears capitalised in the note.
 */

interface Token {
  text: string;
  start: number;
  end: number;
}

// Malay and Tamil patronymic links ("s/o", "binte") are one token so a name can run through them.
const TOKEN = /\b[sdSD]\/[oO]\b|\b[aA]\/[lLpP]\b|(?<![\p{L}\p{N}])\p{L}+(?:['’-]\p{L}+)*(?!\p{N})\.?/gu;

const TITLE = /^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sister|Sr|Nurse|Master|Sir|Dame|Rev|Revd|Fr|Father|Mister|Madam|Mdm|Sheikh|Sheikha|Sayed|Sayyid|Hajji?|Ustaz|Encik|Puan|Cik|Dato|Datin|Tan Sri|Pastor|Rabbi|Imam|Judge|Capt|Captain|Lt|Sgt|Col|Major|Cllr|Councillor|Midwife|Pharmacist|RN|SN|EN|RM|CNM|CNS|ANP|HCA|NP|Matron)\.?$/;
const PARTICLE = /^(?:van|von|der|den|de|da|di|del|della|la|le|bin|binti|binte|bint|bte|bt|ibn|abu|al|el|ter|ten|du|dos|das|y|ap|Nic|Ni|Mac|Ó|Ní|Te|te|s\/o|d\/o|S\/O|D\/O|a\/l|a\/p|A\/L|A\/P)$/;
const INITIAL = /^[A-Z]\.?$/;
const CAPITALISED = /^\p{Lu}[\p{L}'’-]*\p{Ll}$/u;
const ALL_CAPS = /^\p{Lu}[\p{Lu}'’-]+\p{Lu}$/u;
const LABEL = /(?:^|\n|\b)(?:(?:patient|pt|client|resident)(?:'s)?\s*(?:full\s*)?name|name|patient|pt|NOK|next\s+of\s+kin|emergency\s+contact|contact\s*(?:person)?|GP|general\s+practitioner|consultant|referring\s+(?:doctor|GP|clinician|physician)|referrer|referred\s+by|doctor|nurse|pharmacist|midwife|physician|surgeon|signed|signature|from|to|attn|attention|c\.?c\.?|author|reviewed\s+by|seen\s+by|dictated\s+by|written\s+by|prepared\s+by|discussed\s+with|handed\s+over\s+(?:to|by)|carer|mother|father|husband|wife|son|daughter|spouse|partner|guardian|parent|interpreter|social\s+worker|key\s+worker|case\s+manager|prescriber|dispensed\s+by|checked\s+by|witness|re|attending|resident|intern|fellow|registrar|anaesthetist|anesthetist|therapist|dietitian|case\s+manager|(?:triage|charge|primary|admitting|discharging|receiving|bedside)\s+(?:RN|nurse|doctor|physician|MD)|RN|MD|nurse\s+in\s+charge|NIC|given\s+by|received\s+by|verified\s+by|approved\s+by|ordered\s+by|requested\s+by|contact|emergency\s+contact|caller|informant|accompanied\s+by)\s*[:\-–]\s*$/i;
// Phrases that name a person after them without a colon.
const LEAD_IN = /\b(?:named|called|known\s+as|goes\s+by|nicknamed|handed\s+over\s+(?:to|by)|seen\s+(?:by|with)|reviewed\s+by|discussed\s+with|referred\s+by|spoke(?:n)?\s+(?:to|with)|signed\s+by|given\s+by|received\s+by|checked\s+by|witnessed\s+by|accompanied\s+by|care\s+of|c\/o|attn\.?)\s+$/i;
const SALUTATION = /\b(?:Dear|Hi|Hello|Attn:?|To|Kia\s+ora|Tēnā\s+koe|Tena\s+koe|Talofa|Mālō\s+e\s+lelei|Bula|Salam|Assalamu\s+alaikum)\s+$/;
const SIGN_OFF = /(?:(?:Yours\s+(?:sincerely|faithfully|truly)|(?:Kind|Best|Warm|Warmest)?\s*regards|Best\s+wishes|Many\s+thanks|Thanks|Thank\s+you|Sincerely|Respectfully|Cheers|Ngā\s+mihi|Nga\s+mihi|Noho\s+ora\s+mai),?\s*\n+\s*|\b(?:Thanks|Cheers|Regards|Ngā\s+mihi),\s+)$/i;
const RELATION = /\b(?:son|daughter|husband|wife|partner|mother|father|mum|mom|dad|brother|sister|carer|caregiver|friend|neighbour|neighbor|niece|nephew|grandson|granddaughter|grandmother|grandfather|aunt|uncle|cousin|fianc[ée]e?|guardian|colleague|flatmate|housemate|boyfriend|girlfriend|child|baby|twin|step(?:son|daughter|mother|father)|in-law|interpreter|GP|physio|key\s+worker|social\s+worker)(?:\s+of\s+\d+\s+years)?,?\s+$/i;
const PLACE_BEFORE = /\b(?:in|from|to|at|near|via|towards|visit(?:ing|ed)?|moved|flew|travelled|traveled|lives?|born|returned)\s+$|\b(?:St\.?|Saint|Mount|Mt\.?|Lake|Port|Fort|Cape|Glen|The)\s+$/;
const SAINT_BEFORE = /\b(?:St\.?|Saint|Mount|Mt\.?|Lake|Port|Fort|Cape)\s+$/;
// A person's name before a credential: "Jennifer Alvarez, RN", "Samuel Okoye MD".
const CREDENTIAL_AFTER = /^,?\s+\(?(?:RN|RM|EN|RPN|LPN|NP|PA-C|PA|MD|DO|MBBS|MBChB|FRACP|FRCP|MRCP|MRCGP|FRACGP|FRCS|PharmD|BPharm|MPharm|RPh|PhD|CNM|CNS|ANP|SRN|RGN|RMN|DipHE|BSN|MSN)\b/;
const ORG_AFTER = /^(?:['’]s?)?(?:[ \t][A-Z][\w'’-]*){0,3}[ \t](?:Hospital|Clinic|Centre|Center|Medical|Health|Healthcare|Practice|Surgery|Pharmacy|Ward|Unit|House|Institute|University|College|School|Street|Road|Avenue|Lane|Drive|Trust|Hospice|Private|General|Memorial|Infirmary|Campus|Building|Wing|Mall|Park|Lodge|Village|Court|Place|Centre|Surgery|Clinic|Family|Community|Group|Partners|Associates|Ltd|Inc|Council|Ministry|Board|Foundation|Team|Services)\b/;

export interface NameRecogniserOptions {
  /** True for words the knowledge packs know (drug names, abbreviations): never names without a title. */
  isClinicalWord?: (word: string) => boolean;
}

function tokenize(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((m) => {
    let value = m[0];
    // A trailing full stop belongs to an initial or a title ("A.", "Dr."), not to a name ending a sentence.
    if (value.endsWith('.') && !INITIAL.test(value) && !TITLE.test(value)) value = value.slice(0, -1);
    return { text: value, start: m.index!, end: m.index! + value.length };
  });
}

const bare = (word: string): string => word.replace(/['’]s$/, '').replace(/\.$/, '');

class NameReader {
  constructor(
    private readonly text: string,
    private readonly tokens: Token[],
    private readonly lexicon: NameLexicon,
    private readonly options: NameRecogniserOptions,
  ) {}

  /** Only spaces (or a full stop after an initial) between tokens i and i+1: a name does not cross punctuation. */
  private joined(i: number): boolean {
    const gap = this.text.slice(this.tokens[i]!.end, this.tokens[i + 1]!.start);
    return /^[ \t]{1,2}$/.test(gap) || (gap === '' && false);
  }

  private nameLike(word: string, strong: boolean): boolean {
    const w = bare(word);
    if (NOT_NAME_WORDS.has(w.toLowerCase())) return false;
    if (TITLE.test(w)) return false;
    if (CAPITALISED.test(w)) return strong || !this.lexicon.isCommonWord(w) || this.lexicon.isGivenName(w) || this.lexicon.isSurname(w);
    if (ALL_CAPS.test(w)) return w.length >= 2 && (strong || this.lexicon.isSurname(w) || this.lexicon.isGivenName(w));
    return false;
  }

  /**
   * The longest name starting at token i: initials, capitalised words and particles between them; stops after a
   * possessive ("Patel's") and before an eponym head or an organisation word. Returns the last token index or -1.
   */
  read(i: number, strong: boolean, strongTail = strong): number {
    let last = -1;
    let j = i;
    while (j < this.tokens.length) {
      const word = this.tokens[j]!.text;
      const initial = INITIAL.test(word) || (/^[A-Z]{1,2}$/.test(word) && j + 1 < this.tokens.length && this.joined(j));
      const particle = PARTICLE.test(word) && last >= 0;
      if (!(this.nameLike(word, j === i ? strong : strongTail) || initial || particle)) break;
      if (!particle) last = j;
      if (/['’]s$/.test(word)) break;
      if (j + 1 >= this.tokens.length || !(this.joined(j) || (INITIAL.test(word) && word.endsWith('.') && /^\s$/.test(this.gapAfter(j))))) break;
      j += 1;
    }
    if (last < 0) return -1;
    // "Graves' disease", "Parkinson's", "St Vincent's Hospital": not people.
    const after = this.text.slice(this.tokens[last]!.end, this.tokens[last]!.end + 30);
    const next = /^(?:['’]s?)?\s+([A-Za-z]+)/.exec(after)?.[1]?.toLowerCase();
    if (next && EPONYM_HEADS.has(next)) return -1;
    if (ORG_AFTER.test(after) || SAINT_BEFORE.test(this.before(i, 8))) return -1;
    // An initial alone is not a name.
    if (last === i && INITIAL.test(this.tokens[i]!.text)) return -1;
    return last;
  }

  gapAfter(i: number): string {
    return this.text.slice(this.tokens[i]!.end, this.tokens[i + 1]?.start ?? this.text.length);
  }

  before(i: number, chars = 60): string {
    return this.text.slice(Math.max(0, this.tokens[i]!.start - chars), this.tokens[i]!.start);
  }

  clinical(word: string): boolean {
    return this.options.isClinicalWord?.(bare(word)) ?? false;
  }

  span(i: number, last: number, score: number, source: 'context' | 'lexicon'): PhiCandidate {
    const start = this.tokens[i]!.start;
    const end = this.tokens[last]!.start + bare(this.tokens[last]!.text).length;
    return { type: 'NAME', start, end, text: this.text.slice(start, end), score, source, priority: 21 };
  }
}

export function findNames(text: string, options: NameRecogniserOptions = {}): PhiCandidate[] {
  const lexicon = nameLexicon();
  const tokens = tokenize(text);
  const reader = new NameReader(text, tokens, lexicon, options);
  const found: PhiCandidate[] = [];
  const claimed = new Set<number>();
  const take = (i: number, last: number, score: number, source: 'context' | 'lexicon'): void => {
    for (let k = i; k <= last; k += 1) claimed.add(k);
    found.push(reader.span(i, last, score, source));
  };

  // 1. Strong contexts.
  for (let i = 0; i < tokens.length; i += 1) {
    if (claimed.has(i)) continue;
    const word = tokens[i]!.text;
    const before = reader.before(i);
    let strong = false;
    let start = i;
    if (TITLE.test(word) && i + 1 < tokens.length && /^\.?[ \t]{1,2}$/.test(reader.gapAfter(i))) {
      start = i + 1;
      strong = true;
      // "Mr and Mrs Khan": the first title has no name of its own.
    } else if (LABEL.test(before) || LEAD_IN.test(before) || SALUTATION.test(before) || SIGN_OFF.test(before)) {
      strong = true;
    } else if (RELATION.test(before) && CAPITALISED.test(bare(word))) {
      strong = !lexicon.isCommonWord(bare(word)) || /,\s+$/.test(before) || lexicon.isGivenName(word);
    }
    if (!strong) {
      // A capitalised run followed by a credential ("Jennifer Alvarez, RN").
      const last = CAPITALISED.test(bare(word)) && !NOT_NAME_WORDS.has(bare(word).toLowerCase()) ? reader.read(i, true) : -1;
      if (last > i && CREDENTIAL_AFTER.test(text.slice(tokens[last]!.end, tokens[last]!.end + 12))) {
        take(i, last, 0.9, 'context');
        i = last;
      }
      continue;
    }
    const last = reader.read(start, true);
    if (last < 0) continue;
    take(start, last, TITLE.test(word) || LABEL.test(before) ? 0.95 : 0.9, 'context');
    i = last;
  }

  // 2. Lexicon: a given name that is not an English word, alone or followed by more name tokens; or any known
  //    given name followed by a known surname ("Grace Brown").
  for (let i = 0; i < tokens.length; i += 1) {
    if (claimed.has(i)) continue;
    const word = bare(tokens[i]!.text);
    if (!CAPITALISED.test(word) && !ALL_CAPS.test(word)) continue;
    if (NOT_NAME_WORDS.has(word.toLowerCase()) || CALENDAR_WORDS.has(word.toLowerCase()) || reader.clinical(word)) continue;
    const given = lexicon.isGivenName(word);
    const common = lexicon.isCommonWord(word);
    // Mid-sentence capitals after a given name are its surname ("Harold Bishop"), even when they are words too.
    const last = given ? reader.read(i, false, true) : -1;
    if (last < 0) continue;
    const multi = last > i;
    const surnameNext = multi && lexicon.isSurname(bare(tokens[i + 1]!.text));
    if (common && !surnameNext) continue;
    // "Al Malaz", "Te Whatu Ora", "El Nido": particle-led runs without context are places and organisations.
    if (/^(?:Al|El|Te|Le|La|De)$/.test(word)) continue;
    if (!multi && (EPONYMS.has(word.toLowerCase()) || PLACE_BEFORE.test(reader.before(i, 20)) || ALL_CAPS.test(word))) continue;
    take(i, last, multi ? 0.85 : 0.7, 'lexicon');
    i = last;
  }

  // 3. "her parents, Abdulaziz and Hessa": a capitalised word joined to a found name by "and" is a name too.
  for (let i = 1; i < tokens.length; i += 1) {
    if (claimed.has(i) || !claimed.has(i - 1)) continue;
    const word = bare(tokens[i]!.text);
    if (!/^\s+(?:and|&)\s+$/.test(text.slice(tokens[i - 1]!.end, tokens[i]!.start)) && !/^\s+and\s+$/.test(reader.gapAfter(i - 1))) continue;
    if (!CAPITALISED.test(word) || NOT_NAME_WORDS.has(word.toLowerCase()) || lexicon.isCommonWord(word)) continue;
    const last = reader.read(i, true);
    if (last >= 0) {
      take(i, last, 0.8, 'context');
      i = last;
    }
  }

  // 4. Every token of a found name is a name wherever it recurs capitalised ("Mrs Rahman" ... "Aisha").
  const known = new Set<string>();
  for (const span of found) for (const part of span.text.split(/\s+/)) if (part.length > 1 && !INITIAL.test(part) && !PARTICLE.test(part)) known.add(bare(part));
  for (let i = 0; i < tokens.length; i += 1) {
    if (claimed.has(i) || !known.has(bare(tokens[i]!.text))) continue;
    const word = bare(tokens[i]!.text);
    if (lexicon.isCommonWord(word) && /(?:^|[.!?]\s+|\n\s*)$/.test(reader.before(i, 4))) continue;
    const last = reader.read(i, true);
    if (last < 0) continue;
    take(i, last, 0.85, 'context');
    i = last;
  }
  return found;
}
