import nlp from 'compromise';
import { splitSentences } from '../../clinical/text/tokenize.js';
import { LAY_ABBREVIATIONS } from '../layAbbreviations.js';
import { matchesIn, scoreCriterion, span, type Deduction } from '../criterionScore.js';
import type { CriterionResult, Evidence } from '../types.js';
import type { CaseNotes } from './caseNotes.js';
import type { LetterParts } from './letterParts.js';
import { isLayReader, type Reader } from './writingTask.js';

export interface StyleKnowledge {
  /** The expansion of a clinical abbreviation the packs know ("bd" → "twice daily"), else null. */
  expandAbbreviation(token: string): string | null;
}

const CONTRACTION = /\b[A-Za-z]+(n['’]t|['’](m|re|ve|ll|d))\b|\b(he|she|it|that|there|what|who|here|let)['’]s\b/gi;
const INFORMAL = /\b(a bit( of)?|kind of|sort of|pretty (much|bad|good|well)|lots of|a lot of|loads of|stuff|things like that|okay|ok|kids?|pop(ped)? (in|over|by|round)|nightmare|guys?|folks|gonna|wanna|gotta|yeah|awesome|super|basically|chap|mate|cheers|heaps|no worries|fingers crossed|touch base|keep an eye on|sort (it|things) out|get back to (me|you)|bits and pieces|fed up|freaked|grumpy|hubby)\b|!+/gi;
const JUDGEMENTAL = /\b(lazy|stubborn|difficult (patient|man|woman|lady)|demanding|refuses to listen|won['’]?t listen|just won['’]?t|doesn['’]?t care|careless|silly|stupid|noncompliant|non-compliant|obviously|of course he|of course she|unfortunately (he|she) (just|still|keeps)|keeps ignoring|can['’]?t be bothered|not bothered|his own fault|her own fault|overweight and lazy|drunk|alcoholic|junkie|addict)\b/gi;
// Clinical terms a lay reader is unlikely to know; a gloss nearby ("hypertension (high blood pressure)") explains them.
const JARGON = /\b(hypertension|hypotension|hyperlipidaemia|hyperlipidemia|hypercholesterolaemia|dyslipidaemia|myocardial infarction|NSTEMI|STEMI|angina pectoris|atrial fibrillation|tachycardia|bradycardia|anticoagula\w*|thrombo\w*|embolism|haemorrhage|hemorrhage|dyspnoea|dyspnea|oedema|edema|pyrexia|analgesi\w*|antipyretic|prophyla\w*|contraindicated|titrat\w*|glycaemic|glycemic|hyperglycaemia|hypoglycaemia|hypoglycemia|nephropathy|neuropathy|retinopathy|cellulitis|osteoarthritis|exacerbation|comorbidit\w*|idiopathic|benign|malignan\w*|metasta\w*|bilateral|unilateral|subcutaneous\w*|intravenous\w*|sublingual\w*|nebuli[sz]er|bronchodilator|corticosteroid|PRN|prn|nocte|mane|bd|tds|qds|od|stat|NBM|mobilis\w+|ambulat\w*|post-?operative\w*|peri-?operative|sutures?|dressing regime|haemoglobin|creatinine|eGFR|HbA1c|INR|CRP|ECG|FBC|U&Es?|LFTs?|CXR|COPD|CKD|T2DM|IHD|CCF|UTI|DVT|PE|MI|AF|BP|GTN|NSAIDs?|PPI|ACE inhibitors?|statin)\b/g;
const GLOSS_AFTER = /^\s*(\(|,?\s*(which|that) (means?|is)|,?\s*(or|also called|also known as|known as|in other words|i\.e\.)|\s*[–—-]\s)/i;
// Lay circumlocutions: right for a patient, imprecise for a clinician who needs the drug, the test and the diagnosis.
const LAY_FOR_CLINICIAN = /\b((tablets?|pills?|medicines?|medications?|inhalers?|sprays?|injections?|puffers?)\s+(for|to help)\s+(his|her|their|the)\s+(bones?|heart|lungs?|breathing|blood pressure|pain|sugars?|cholesterol|chest|kidneys?|water|mood|nerves|stomach)|(a |an )?(long-term|chronic|serious|nasty)\s+(lung|heart|kidney|chest|breathing|sugar)\s+(condition|problem|disease|illness)|picture of (his|her|their|the) (chest|heart|lungs?|brain|kidneys?|leg)|blood thinners?|water tablets?|sugar levels?|heart (doctor|specialist)|kidney (doctor|specialist)|protein in (his|her|their|the) blood|(his|her|their) blood count|thyroid gland|milkshake drinks?|it would be lovely|a little low|a bit low|nothing worrying|a few mouthfuls|heart attack|mini-stroke|high blood pressure|high cholesterol|water infection|chest infection|(diabetes|blood pressure|heart|water|pain|sugar|cholesterol|bone) (tablets?|pills?|medicines?)|germs?|a drip|a scan|(kidney|liver|sugar|heart) (blood )?tests?|went home from hospital|came into hospital)\b/gi;
const SECOND_PERSON = /\b(you|your|yours|yourself)\b/gi;
const FINITE = /\b(is|are|was|were|am|has|have|had|will|would|can|could|should|may|might|must|does|do|did|shall|need|needs)\b|\b(I|he|she|they|we|you|it|who|which|that|[A-Z][a-z]+)\s+\w+(ed|es|s)\b/;
const NOT_FRAGMENT = /^(thank you|thanks|please|many thanks|kind regards|yours)/i;

function glossed(letter: string, m: Evidence): boolean {
  return GLOSS_AFTER.test(letter.slice(m.end, m.end + 40)) || /\(\s*$/.test(letter.slice(Math.max(0, m.start - 3), m.start));
}

/**
 * Genre & Style (0–7): register for the reader. Formal full sentences, never note form; the patient's title and
 * surname; no judgement; terminology and abbreviations fit the reader — a colleague shares them, a patient or carer
 * needs them explained. A letter to a colleague pitched at the patient ("you should take…") misjudges the reader too.
 */
export function judgeGenreStyle(letter: string, parts: LetterParts, notes: CaseNotes, reader: Reader, knowledge: StyleKnowledge): CriterionResult {
  const { body } = parts;
  const deductions: Deduction[] = [];
  const issue = (points: number, code: string, message: string, evidence?: Evidence, suggestion?: string) =>
    deductions.push({ points, feedback: { code, kind: 'ISSUE', message, evidence, suggestion } });

  const contractions = matchesIn(letter, CONTRACTION, body.start, body.end);
  contractions.slice(0, 3).forEach((c, i) => issue(i === 0 ? 1 : 0.5, 'STYLE_CONTRACTION', `"${c.text}" is a contraction: formal letters use full forms.`, c, expandContraction(c.text)));

  const informal = matchesIn(letter, INFORMAL, body.start, body.end);
  informal.slice(0, 4).forEach((c, i) => issue(i === 0 ? 1 : 0.5, 'STYLE_INFORMAL', `"${c.text}" is informal for a clinical letter.`, c));

  const judgemental = matchesIn(letter, JUDGEMENTAL, body.start, body.end);
  judgemental.slice(0, 2).forEach((c) => issue(1, 'STYLE_JUDGEMENTAL', `"${c.text}" passes judgement on the patient; state the facts neutrally (e.g. "has not been taking his medication as prescribed").`, c));

  const first = notes.patientName?.first;
  if (first) {
    const bare = matchesIn(letter, new RegExp(String.raw`(?<!\b(Mr|Mrs|Ms|Miss|Mx|Master)\.?\s)\b${first}\b(?!\s+${notes.patientName?.last ?? '\\b_'})`, 'g'), body.start, body.end);
    if (bare.length > 0) issue(1, 'STYLE_FIRST_NAME', `The patient is called "${first}": use the title and surname.`, bare[0], `${notes.patientName?.title ?? 'Mr/Ms'} ${notes.patientName?.last ?? ''}`.trim());
  }

  const fragments = splitSentences(body.text)
    .map((s) => span(letter, body.start + s.start, body.start + s.end))
    .filter((s) => s.text.split(/\s+/).length >= 2 && !NOT_FRAGMENT.test(s.text) && !FINITE.test(s.text) && !nlp(s.text).has('#Verb'));
  if (fragments.length > 0) {
    fragments.slice(0, 3).forEach((f, i) => issue(i === 0 ? 1 : 0.5, 'STYLE_NOTE_FORM', `"${f.text}" is note form: write it as a full sentence.`, f));
  }

  if (isLayReader(reader)) {
    const jargon = matchesIn(letter, JARGON, body.start, body.end).filter((m) => !glossed(letter, m));
    const abbreviations = matchesIn(letter, /\b[A-Z][A-Z0-9&]{1,5}s?\b/g, body.start, body.end).filter((m) => !LAY_ABBREVIATIONS.has(m.text) && knowledge.expandAbbreviation(m.text) !== null && !glossed(letter, m) && !jargon.some((j) => j.start === m.start));
    const unexplained = [...jargon, ...abbreviations].sort((a, b) => a.start - b.start);
    unexplained.slice(0, 6).forEach((m, i) => {
      const expansion = knowledge.expandAbbreviation(m.text);
      issue(i < 2 ? 1 : 0.5, 'STYLE_UNEXPLAINED_TERM', `"${m.text}" is a clinical term or abbreviation this reader may not know: explain it or use everyday words.`, m, expansion ? `${expansion}` : undefined);
    });
    if (parts.salutation && /^dear\s+(dr|doctor|colleague|sir)/i.test(parts.salutation.text)) {
      issue(2, 'STYLE_WRONG_READER', 'The letter is addressed to a clinician, but the task asks you to write to the patient or carer.', parts.salutation);
    }
  } else {
    const lay = matchesIn(letter, LAY_FOR_CLINICIAN, body.start, body.end);
    if (lay.length >= 2) {
      lay.slice(0, 4).forEach((m, i) => issue(i === 0 ? 1 : i < 3 ? 0.5 : 0, 'STYLE_LAY_FOR_CLINICIAN', `"${m.text}" is how you would put it to a patient; a clinician needs the precise term (the drug, test or diagnosis).`, m));
    }
    const you = matchesIn(letter, SECOND_PERSON, body.start, body.end);
    if (you.length >= 4) issue(2, 'STYLE_WRONG_READER', 'The letter speaks to the patient ("you", "your"), but the reader is a health professional: write about the patient in the third person.', you[0]);
    if (parts.salutation && notes.patientName?.last && new RegExp(`\\b${notes.patientName.last}\\b`).test(parts.salutation.text)) {
      issue(1, 'STYLE_WRONG_READER', 'The salutation addresses the patient; the reader is the health professional named in the task.', parts.salutation);
    }
  }
  return scoreCriterion('Genre & Style', 7, deductions, [{ code: 'STYLE_FORMAL', kind: 'POSITIVE', message: 'Formal, factual and polite throughout, pitched at the reader.' }]);
}

function expandContraction(text: string): string | undefined {
  const map: Record<string, string> = { "n't": ' not', "'m": ' am', "'re": ' are', "'ve": ' have', "'ll": ' will', "'d": ' would', "'s": ' is' };
  const t = text.replace('’', "'");
  if (/^won't$/i.test(t)) return 'will not';
  if (/^can't$/i.test(t)) return 'cannot';
  for (const [suffix, full] of Object.entries(map)) if (t.toLowerCase().endsWith(suffix)) return t.slice(0, t.length - suffix.length) + full;
  return undefined;
}
