/**
 * Units, dosing shorthand and Latin abbreviations that clinical letters use in lower case and that no English
 * dictionary has; they are never misspellings whatever the medical word list holds.
 */
export const CLINICAL_SHORTHAND: ReadonlySet<string> = new Set([
  'mg', 'mcg', 'µg', 'ug', 'ng', 'kg', 'g', 'ml', 'dl', 'mmol', 'umol', 'µmol', 'mmhg', 'mls', 'iu', 'meq', 'cm', 'mm', 'bpm', 'hrs', 'hr', 'mins', 'min', 'wk', 'wks', 'yo', 'yrs',
  'bd', 'bid', 'tds', 'tid', 'qds', 'qid', 'od', 'om', 'on', 'nocte', 'mane', 'prn', 'stat', 'po', 'iv', 'im', 'sc', 'sl', 'pr', 'inh', 'neb', 'nebs', 'qhs', 'qd', 'qam', 'qpm', 'q4h', 'q6h', 'q8h',
  'micrograms', 'microgram', 'resus', 'prescriber', 'prescribers', 'kcal', 'meds', 'paeds', 'coag', 'coags', 'carb', 'carbs', 'dosette',
  'titrated', 'titrate', 'titrating', 'afebrile', 'apyrexial', 'bedbound', 'crossmatch', 'crossmatched', 'cannula', 'cannulae', 'cannulated',
  'diuresed', 'backslab', 'postop', 'preop', 'pmol', 'nmol', 'operatively', 'mobilising', 'mobilise', 'mobilised', 'haemodynamically',
  'tab', 'tabs', 'caps', 'inj', 'supp', 'susp', 'soln', 'approx', 'etc', 'vs', 're', 'cc', 'dob', 'nbm', 'nkda', 'sob', 'soboe', 'obs', 'ecg', 'ekg', 'hba1c', 'egfr', 'inr', 'bmi', 'bp', 'hr', 'rr', 'spo2', 'sats',
]);

/** Titles before a name: the capitalised word after one is a name, never a misspelling. */
export const TITLES: ReadonlySet<string> = new Set(['dr', 'mr', 'mrs', 'ms', 'miss', 'mx', 'prof', 'professor', 'sister', 'nurse', 'sir', 'dame', 'master', 'rev', 'madam']);
