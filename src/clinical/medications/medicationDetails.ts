/** What a prescription line says about its drug. */
export interface MedicationDetails {
  /** "500 mg", "1-2 puffs", "625mg": the dose as written. */
  dose: string | null;
  doseValue: number | null;
  unit: string | null;
  /** Normalised: oral, intravenous, intramuscular, subcutaneous, sublingual, rectal, vaginal, inhaled, topical, transdermal, nasogastric, ophthalmic. */
  route: string | null;
  /** Normalised: once daily, twice daily, three times daily, four times daily, at night, in the morning, every N hours, weekly, … */
  frequency: string | null;
  /** "5 days", "2 weeks", "3 months", "long-term". */
  duration: string | null;
  asNeeded: boolean;
  /** The span the details were read from (after the drug name). */
  start: number;
  end: number;
}

const UNIT = String.raw`(?:mg\/kg|mg|mcg|µg|micrograms?|grams?|g|ml|mL|L|units?|iu|IU|mmol|%|puffs?|tablets?|tabs?|capsules?|caps?|drops?|sachets?|sprays?|patch(?:es)?)`;
const DOSE = new RegExp(String.raw`^[\s,:(–-]*(\d+(?:\.\d+)?(?:\s*(?:-|–|to|\/)\s*\d+(?:\.\d+)?)?)\s*(${UNIT})(?![a-z])`, 'i');
const BARE_COUNT = /^[\s,:(–-]*(one|two|three|1|2|3)\s+(?=(?:tablets?|tabs?|puffs?|capsules?|caps?|drops?|sachets?)\b)/i;

const ROUTES: [RegExp, string][] = [
  [/^(po|p\.o\.|oral(ly)?|by mouth|per os)\b/i, 'oral'],
  [/^(iv|i\.v\.|intravenous(ly)?|ivi)\b/i, 'intravenous'],
  [/^(im|i\.m\.|intramuscular(ly)?)\b/i, 'intramuscular'],
  [/^(sc|s\/c|s\.c\.|subcut|sub-?cutaneous(ly)?|sq)\b/i, 'subcutaneous'],
  [/^(sl|s\/l|sublingual(ly)?)\b/i, 'sublingual'],
  // "PR" and "PV" only in capitals: "pr" and "pv" in prose are rarely routes.
  [/^(PR|per rectum|rectal(ly)?)\b/, 'rectal'],
  [/^(PV|per vaginam|vaginal(ly)?)\b/, 'vaginal'],
  [/^(inh|inhaled|inhaler|via inhaler|neb|nebs|nebulised|nebulized|via nebuliser|via nebulizer)\b/i, 'inhaled'],
  [/^(top|topical(ly)?|applied|apply)\b/i, 'topical'],
  [/^(td|transdermal(ly)?|patch)\b/i, 'transdermal'],
  [/^(ng|via ng|nasogastric|peg|via peg)\b/i, 'enteral'],
  [/^(eye drops?|ophthalmic|to (both|left|right) eyes?)\b/i, 'ophthalmic'],
];

const FREQUENCIES: [RegExp, string][] = [
  [/^(od|o\.d\.|once (a )?daily|once a day|daily|qd|q\.d\.|each day|every day|1 ?x ?daily)\b/i, 'once daily'],
  [/^(bd|b\.d\.|bid|b\.i\.d\.|twice (a )?daily|twice a day|2 ?x ?daily|12[- ]hourly|q12h|every 12 hours)\b/i, 'twice daily'],
  [/^(tds|t\.d\.s\.|tid|t\.i\.d\.|three times (a )?daily|three times a day|3 ?x ?daily|8[- ]hourly|q8h|every 8 hours)\b/i, 'three times daily'],
  [/^(qds|q\.d\.s\.|qid|q\.i\.d\.|four times (a )?daily|four times a day|4 ?x ?daily|6[- ]hourly|q6h|every 6 hours)\b/i, 'four times daily'],
  [/^(nocte|at night|at bedtime|hs|h\.s\.|qhs|before bed)\b/i, 'at night'],
  [/^(mane|in the morning|each morning|every morning)\b/i, 'in the morning'],
  [/^(q4h|4[- ]hourly|every 4 hours)\b/i, 'every 4 hours'],
  [/^(q2h|2[- ]hourly|every 2 hours)\b/i, 'every 2 hours'],
  [/^(q(\d+)h|(\d+)[- ]hourly|every (\d+) hours)\b/i, 'every N hours'],
  [/^(weekly|once (a )?week(ly)?|every week)\b/i, 'weekly'],
  [/^(monthly|once (a )?month|every month)\b/i, 'monthly'],
  [/^(alternate days|every other day|eod)\b/i, 'alternate days'],
  [/^(stat|immediately|now)\b/i, 'once, immediately'],
];

const AS_NEEDED = /^(prn|p\.r\.n\.|as required|as needed|when required|when needed|if required|if needed|as necessary)\b/i;
const DURATION: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^(?:for|x|×)?\s*(\d+)\s*\/\s*7\b/i, (m) => `${m[1]} days`],
  [/^(?:for|x|×)?\s*(\d+)\s*\/\s*52\b/i, (m) => `${m[1]} weeks`],
  [/^(?:for|x|×)?\s*(\d+)\s*\/\s*12\b/i, (m) => `${m[1]} months`],
  [/^(?:for|x|×)\s*(\d+|one|two|three|four|five|six|seven|ten|fourteen)\s*(days?|weeks?|months?)\b/i, (m) => `${m[1]} ${m[2]}`],
  [/^(long[- ]term|ongoing|indefinitely|until (review|further notice))\b/i, (m) => m[1]!.toLowerCase()],
];

/**
 * Reads the dose, route, frequency, duration and as-needed flag that follow a drug name, in any order, as
 * prescriptions and case notes write them: "metformin 500 mg PO bd", "Augmentin 625mg tds for 5/7",
 * "salbutamol 2 puffs inh prn". Stops at the first word that is none of these.
 */
export function readMedicationDetails(text: string, from: number, limit: number): MedicationDetails {
  const details: MedicationDetails = { dose: null, doseValue: null, unit: null, route: null, frequency: null, duration: null, asNeeded: false, start: from, end: from };
  let at = from;
  for (let guard = 0; guard < 10 && at < limit; guard++) {
    const rest = text.slice(at, limit);
    const lead = /^[\s,;:()–-]*/.exec(rest)![0].length;
    const here = rest.slice(lead);
    let consumed = 0;
    const dose = details.dose === null ? DOSE.exec(rest) ?? BARE_COUNT.exec(rest) : null;
    if (dose) {
      details.dose = dose[0].replace(/^[\s,:(–-]*/, '').trim();
      details.doseValue = Number.parseFloat(dose[1]!.replace(/^(one|two|three)$/i, (w) => String(['one', 'two', 'three'].indexOf(w.toLowerCase()) + 1))) || null;
      details.unit = dose[2] ? dose[2].toLowerCase().replace(/^micrograms?$/, 'mcg').replace(/^µg$/, 'mcg') : null;
      consumed = dose[0].length;
    } else if (details.route === null && ROUTES.some(([p]) => p.test(here))) {
      const [pattern, route] = ROUTES.find(([p]) => p.test(here))!;
      details.route = route;
      consumed = lead + pattern.exec(here)![0].length;
    } else if (AS_NEEDED.test(here)) {
      details.asNeeded = true;
      consumed = lead + AS_NEEDED.exec(here)![0].length;
    } else if (details.frequency === null && FREQUENCIES.some(([p]) => p.test(here))) {
      const [pattern, frequency] = FREQUENCIES.find(([p]) => p.test(here))!;
      const match = pattern.exec(here)!;
      const hours = match.slice(1).find((g) => g !== undefined && /^\d+$/.test(g));
      details.frequency = frequency === 'every N hours' && hours ? `every ${hours} hours` : frequency;
      consumed = lead + match[0].length;
    } else if (details.duration === null && DURATION.some(([p]) => p.test(here))) {
      const [pattern, render] = DURATION.find(([p]) => p.test(here))!;
      const match = pattern.exec(here)!;
      details.duration = render(match);
      consumed = lead + match[0].length;
    }
    if (consumed === 0) break;
    at += consumed;
    details.end = at;
  }
  return details;
}

export function hasDetails(details: MedicationDetails): boolean {
  return details.dose !== null || details.route !== null || details.frequency !== null || details.duration !== null || details.asNeeded;
}
