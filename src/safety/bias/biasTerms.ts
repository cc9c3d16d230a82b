/**
 * Wording that matters in healthcare writing, with a neutral alternative for each. Sources for the choices:
 * stigmatising-language studies of clinical notes (Goddu et al. 2018, J Gen Intern Med; Park et al. 2021, JAMA Netw
 * Open), person-first guidance (NCDJ style guide, the ADA and Epilepsy Foundation language guides) and the NHS/
 * AHPRA guidance on respectful documentation. Clinical terms with the same words ("psychomotor retardation",
 * "crazy paving pattern", "alcohol use disorder") are not flagged: each pattern states what must not follow.
 */
export const BIAS_TYPES = ['JUDGEMENTAL', 'GENDERED', 'STEREOTYPE', 'DISABILITY', 'OTHER_INSENSITIVE'] as const;
export type BiasType = (typeof BIAS_TYPES)[number];

export interface BiasTerm {
  type: BiasType;
  /** Case-insensitive; the whole match is the flagged phrase. */
  pattern: RegExp;
  suggestion: string;
  why: string;
}

const term = (type: BiasType, source: string, suggestion: string, why: string): BiasTerm => ({ type, pattern: new RegExp(source, 'gi'), suggestion, why });

const GROUPS = String.raw`(?:Asian|African|Indian|Arab|Arabic|Muslim|Jewish|Hindu|Sikh|Christian|Catholic|Hispanic|Latino|Latina|Aboriginal|Indigenous|M[aā]ori|Pacific|Islander|Chinese|Filipino|Nigerian|Indian|Pakistani|Irish|Polish|Romanian|Gypsy|Roma|Traveller|black|white|foreign|immigrant|migrant|refugee|elderly|old|older|young|teenage|adolescent|female|male|women|men|gay|transgender|disabled|obese|homeless)`;
const GROUP_NOUNS = String.raw`(?:patients|people|women|men|ladies|folk|families|mothers|fathers|parents|clients|persons|individuals|cultures?|communities)`;

export const BIAS_TERMS: readonly BiasTerm[] = [
  // Judgemental descriptions of patients.
  term('JUDGEMENTAL', String.raw`\bnon-?\s?complian(?:t|ce)\b`, 'has not been taking the medication as prescribed (say why, if known)', 'Blames the patient and hides the reason (cost, side effects, understanding).'),
  term('JUDGEMENTAL', String.raw`\bdrug[-\s]seek(?:er|ers|ing)(?:\s+behaviou?r)?\b`, 'requests pain relief (record what was asked for and why)', 'A label that discredits pain and follows the patient into every later encounter.'),
  term('JUDGEMENTAL', String.raw`\bfrequent\s+fl(?:y|i)ers?\b`, 'attends frequently', 'Slang that mocks people whose needs bring them back.'),
  term('JUDGEMENTAL', String.raw`\b(?:difficult|demanding|manipulative|attention[-\s]seeking|hysterical|uncooperative|lazy|unmotivated)\s+(?:patient|lady|woman|man|client|family|relative|mother|father)s?\b`, 'describe the behaviour and the need behind it', 'A character judgement, not an observation.'),
  term('JUDGEMENTAL', String.raw`\b(?:patient|pt|he|she|they|mother|father|client)\s+(?:claims?|claimed|insists?|insisted|alleges?|alleged)\b`, 'reports', 'Casts doubt on what the patient says.'),
  term('JUDGEMENTAL', String.raw`\brefus(?:ed|es|ing)\b(?=\s+(?:to\s+take|to\s+have|medication|treatment|his|her|their|the|all|further|admission|examination|bloods|insulin|surgery|dialysis|food|fluids|care))`, 'declined', '"Refused" frames a patient\'s choice as defiance; "declined" records it.'),
  term('JUDGEMENTAL', String.raw`\b(?:addicts?|junkies?|junky|druggies?|crackheads?|(?:substance|drug|alcohol)\s+abusers?)\b`, 'person with a substance use disorder', 'Defines a person by an illness; linked to worse care.'),
  term('JUDGEMENTAL', String.raw`\b(?:an|the|a known|known)\s+alcoholics?\b`, 'person with alcohol use disorder', 'Defines a person by an illness.'),
  term('JUDGEMENTAL', String.raw`\bpoor\s+historian\b`, 'the history was hard to obtain (say why: pain, confusion, language)', 'Blames the patient for the limits of the history.'),
  term('JUDGEMENTAL', String.raw`\b(?:dirty|clean)\s+(?:urine|sample|drug\s+screen|UDS|tox(?:icology)?\s+screen)\b`, 'positive/negative urine drug screen', 'Moral language for a laboratory result.'),
  term('JUDGEMENTAL', String.raw`\bbed[-\s]?blockers?\b`, 'patient awaiting discharge or placement', 'Blames the patient for a system delay.'),
  term('JUDGEMENTAL', String.raw`\bacopia\b`, 'unable to manage at home (describe the needs)', 'Slang that dismisses real care needs.'),
  term('JUDGEMENTAL', String.raw`\b(?:gomer|crumble|crumbly|crumblies|wrinklies|coffin[-\s]dodgers?)\b`, 'older patient', 'Derogatory slang about older patients.'),
  // Gendered assumptions about clinicians and staff.
  term('GENDERED', String.raw`\bmale\s+(?:nurses?|midwi(?:fe|ves)|health\s+visitors?)\b`, 'nurse / midwife', 'Marks men in nursing as exceptions.'),
  term('GENDERED', String.raw`\b(?:lady|woman|female)\s+(?:doctors?|surgeons?|consultants?|GPs?|physicians?|registrars?|pilots?|engineers?)\b`, 'doctor / surgeon (the role alone)', 'Marks women in medicine as exceptions.'),
  term('GENDERED', String.raw`\b(?:nurses|midwives)\s+and\s+their\s+husbands\b|\b(?:doctors|surgeons|consultants)\s+and\s+their\s+wives\b`, 'and their partners', 'Assumes the gender of the staff and of their partners.'),
  term('GENDERED', String.raw`\b(?:a|an|every|each|any|your)\s+(?:doctor|surgeon|consultant|GP|registrar|specialist|physician|anaesthetist|anesthetist|cardiologist)\b(?=[^.!?\n]{0,60}\b(?:he|his|him)\b)`, 'the doctor … they', 'Assumes a doctor is a man.'),
  term('GENDERED', String.raw`\b(?:a|an|every|each|any|your)\s+(?:nurse|midwife|receptionist|carer|health\s+visitor)\b(?=[^.!?\n]{0,60}\b(?:she|her|hers)\b)`, 'the nurse … they', 'Assumes a nurse is a woman.'),
  term('GENDERED', String.raw`\b(?:the\s+girls\s+on\s+(?:the\s+)?ward|the\s+nursing\s+girls)\b`, 'the nursing team', 'Diminishes professional colleagues.'),
  term('GENDERED', String.raw`\b(?:manpower|chairman|chairmen|man-hours|manning\s+the)\b`, 'staffing / chair / staff hours', 'Gendered wording for roles and work.'),
  // Stereotyping by ethnicity, religion, age or disability.
  term('STEREOTYPE', String.raw`\b(?:as\s+is\s+)?(?:typical|characteristic)\s+of\s+(?:his|her|their|that|this)\s+(?:culture|people|race|religion|community|background|generation|age\s+group)\b`, 'describe this patient\'s own views and needs', 'Attributes behaviour to a group instead of the person.'),
  term('STEREOTYPE', String.raw`\b${GROUPS}\s+${GROUP_NOUNS}\s+(?:are|tend\s+to(?:\s+be)?|always|never|can't|cannot|can\s+not|don't|do\s+not|won't|will\s+not|are\s+known\s+to|usually|typically)\b`, 'describe this patient, not a group', 'A generalisation about a group.'),
  term('STEREOTYPE', String.raw`\b(?:like\s+(?:all|most)\s+${GROUPS}\s+${GROUP_NOUNS}|because\s+(?:of\s+)?(?:his|her|their)\s+(?:culture|religion|race|ethnicity|nationality))\b`, 'describe this patient, not a group', 'Explains a person by a group label.'),
  term('STEREOTYPE', String.raw`\b(?:elderly|old|older)\s+people\s+(?:can't|cannot|don't|do\s+not)\s+(?:understand|use|learn|cope)\b`, 'ask and adapt to this patient', 'Ageist generalisation.'),
  // Disability and condition-first wording.
  term('DISABILITY', String.raw`\b(?:wheelchair[-\s]bound|confined\s+to\s+a\s+wheelchair)\b`, 'uses a wheelchair', 'A wheelchair gives mobility; it does not confine.'),
  term('DISABILITY', String.raw`\b(?:suffers|suffering|suffered)\s+(?:from|with)\b`, 'has / lives with', 'Presumes suffering the person may not report.'),
  term('DISABILITY', String.raw`\b(?:victims?\s+of|stricken\s+(?:with|by)|afflicted\s+(?:with|by))\b(?=\s+(?:a\s+)?(?:stroke|polio|cerebral|MS|multiple|cancer|AIDS|HIV|epilepsy|dementia|autism|disease|illness|condition|disability))`, 'has / had', 'Casts the person as helpless.'),
  term('DISABILITY', String.raw`\b(?:the|a|an|this|that)\s+(?:diabetic|epileptic|asthmatic|schizophrenic|psychotic|paraplegic|quadriplegic|tetraplegic|dialysis|amputee|autistic|anorexic|bulimic)s?\b(?!\s+(?:patients?|man|woman|person|people|child|children|ketoacidosis|clinic|review|diet|foot|feet|nephropathy|retinopathy|neuropathy|medication|control|seizures?|episode|drugs?|agents?|unit|team|nurse|service|symptoms?|features?|attack|state|disorder|spectrum))`, 'the patient with diabetes / epilepsy …', 'Defines the person by a condition.'),
  term('DISABILITY', String.raw`\b(?:diabetics|epileptics|asthmatics|schizophrenics|psychotics|paraplegics|quadriplegics|amputees|autistics|anorexics)\b`, 'people with diabetes / epilepsy …', 'Defines people by a condition.'),
  term('DISABILITY', String.raw`\b(?:crazy|insane|nuts|psycho|loony|lunatic|mad|mental)\b(?!\s+(?:paving|health|state|capacity|status|illness|disorder|disorders|health|act|hospital|practitioners?|test|arithmetic|note))`, 'distressed / unwell (describe what was seen)', 'Slurs about mental illness.'),
  term('DISABILITY', String.raw`\b(?:retard|retarded|retards|mongol|mongoloid|spastic|spaz|cripple|crippled|deaf\s+and\s+dumb|deaf-mute|dumb|lame|handicapped|vegetable|demented)\b(?!\s+(?:growth|ovaries))`, 'person with an intellectual disability / Down syndrome / cerebral palsy; disabled; non-speaking', 'Dated or derogatory disability words.'),
  term('DISABILITY', String.raw`\bthe\s+(?:disabled|handicapped|blind|deaf|mentally\s+ill|elderly)\b(?!\s+(?:person|people|patients?|man|woman|child|parking|toilet|access|bay|badge|community))`, 'disabled people / people who are blind / older people', 'Turns people into a category.'),
];
