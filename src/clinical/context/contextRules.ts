/**
 * Context cues in the ConText tradition (Chapman et al., NegEx 2001 / ConText 2009; medspaCy's rule format),
 * written for clinical and OET case-note English (UK, AU, US). A cue is a sequence of lower-case tokens; `*` in a
 * cue matches any one token ("denied * pain"); a token starting with `/` is a regular expression.
 */
export type ContextKind = 'NEGATED' | 'UNCERTAIN' | 'HISTORICAL' | 'FAMILY' | 'HYPOTHETICAL' | 'PSEUDO' | 'TERMINATE';

/** forward: the scope follows the cue; backward: it precedes it; both: either side. */
export type Direction = 'forward' | 'backward' | 'both';

export interface CueRule {
  cue: string;
  kind: ContextKind;
  direction: Direction;
  /** Most tokens the scope reaches from the cue; undefined: to the sentence or clause end. */
  maxScope?: number;
}

const rules = (kind: ContextKind, direction: Direction, cues: string[], maxScope?: number): CueRule[] => cues.map((cue) => ({ cue, kind, direction, ...(maxScope ? { maxScope } : {}) }));

export const CONTEXT_RULES: readonly CueRule[] = [
  // Pseudo-cues first: they contain a cue's words but assert nothing about the concept after them.
  ...rules('PSEUDO', 'forward', [
    'no increase', 'no change', 'no significant change', 'no interval change', 'not only', 'no further', 'not necessarily',
    'gram negative', 'gram - negative', 'gram-negative', 'without difficulty', 'not certain if', 'not certain whether', 'not cause', 'not drain',
    'no suspicious change', 'not extend', 'no longer improving', 'not improve', 'not improved', 'no worsening',
    'not responded', 'no improvement', 'not resolve', 'not resolved', 'without improvement', 'nothing by mouth', 'no cause', 'no obvious cause',
    'no clear cause', 'not known', 'unknown', 'negative pressure', 'negative feedback', 'history and examination', 'history and physical',
    'history taking', 'social history', 'family history and', 'if possible', 'if necessary', 'if needed', 'if required', 'as required',
    'when required', 'prn', 'risk assessment', 'no known drug allergies', 'nil known drug allergies',
  ]),
  ...rules('NEGATED', 'forward', [
    'no', 'not', 'nil', 'nil of', 'denies', 'denied', 'denying', 'deny', 'without', 'absence of', 'absent', 'negative for', 'free of', 'no evidence of',
    'no sign of', 'no signs of', 'no symptoms of', 'no history of', 'no hx of', 'no h/o', 'no complaints of', 'no new', 'never', 'never had', 'neither', 'nor',
    'none', 'did not have', 'does not have', 'do not have', "doesn't have", "didn't have", 'has not had', 'have not had', 'not had', 'no longer',
    'no longer has', 'ruled out', 'rules out', 'excluded', 'resolution of', 'unremarkable for', 'fails to reveal', 'failed to reveal', 'not demonstrate',
    'no evidence', 'not seen', 'not present', 'not known to have', 'no further episodes of', 'no recurrence of', 'no complaint of', 'no report of',
    'not complaining of', 'not experiencing', 'not suffering from', 'negative', 'nkda', 'nka',
  ], 8),
  ...rules('NEGATED', 'backward', [
    'was ruled out', 'is ruled out', 'ruled out', 'has been ruled out', 'have been ruled out', 'has been excluded', 'was excluded', 'excluded',
    'is absent', 'was absent', 'absent', 'not seen', 'not present', 'not found', 'not detected', 'was negative', 'is negative', 'negative',
    'denied', 'unlikely', 'is unlikely', 'free', 'nil',
  ], 6),
  ...rules('UNCERTAIN', 'forward', [
    'possible', 'possibly', 'probable', 'probably', 'likely', 'suspected', 'suspect', 'suspicion of', 'suspicious for', 'query', '?', 'r/o', 'rule out',
    'to rule out', 'ruling out', 'could be', 'may be', 'might be', 'may have', 'might have', 'could have', 'questionable', 'concern for', 'concerning for',
    'worrying for', 'suggestive of', 'suggests', 'suggesting', 'in keeping with', 'presumed', 'presumably', 'provisional',
    'equivocal', 'indeterminate', 'differential diagnosis', 'differential diagnoses', 'differentials', 'ddx', 'versus', 'vs', 'cannot rule out',
    'cannot be ruled out', 'cannot exclude', 'cannot be excluded', "can't rule out", "can't exclude", 'not ruled out', 'not excluded',
    'not been ruled out', 'uncertain', 'unclear if', 'unclear whether', 'thought to be', 'felt to be', 'appears to be', 'impression of',
    'working diagnosis of', 'evaluate for', 'evaluation for', 'assess for', 'investigate for', 'screen for', 'check for', 'test for', 'to exclude',
  ], 8),
  ...rules('UNCERTAIN', 'backward', [
    'is likely', 'likely', 'is possible', 'possible', 'is suspected', 'suspected', 'is probable', 'probable', 'not excluded', 'cannot be excluded',
    'cannot be ruled out', 'not ruled out', 'was considered', 'is considered', 'considered', 'questioned', 'queried', '?',
  ], 5),
  ...rules('HISTORICAL', 'forward', [
    'history of', 'hx of', 'h/o', 'past history of', 'past medical history of', 'pmh of', 'pmhx of', 'previous', 'previously', 'prior', 'past', 'in the past',
    'old', 'former', 'formerly', 'background of', 'known history of', 'treated for', 'was treated for', 'recovered from', 'had a', 'had an',
    'childhood', 'remote history of', 'longstanding history of', 'stopped', 'discontinued', 'ceased', 'was on', 'used to take', 'previously on',
  ], 10),
  ...rules('HISTORICAL', 'backward', [
    'as a child', 'in childhood', 'years ago', 'year ago', 'months ago', 'last year', 'in the past', 'previously', 'resolved', 'has resolved',
    'have resolved', 'settled', 'has settled',
    'stopped', 'discontinued', 'ceased', 'was stopped', 'was discontinued', 'was ceased', 'treated', 'repaired',
  ], 6),
  // A year or an age dates only what it follows directly ("MI in 2015"), not the rest of a list before it.
  ...rules('HISTORICAL', 'backward', ['in /^(19|20)\\d\\d$/', '/^(19|20)\\d\\d$/', 'aged /^\\d+$/', 'age /^\\d+$/', 'at age /^\\d+$/'], 3),
  ...rules('FAMILY', 'both', [
    'family history of', 'family history', 'fhx of', 'fhx', 'fh of', 'fh', 'mother', 'mother\'s', 'father', 'father\'s', 'brother', 'brothers', 'sister', 'sisters',
    'mum', 'mom', 'mum\'s', 'dad', 'dad\'s', 'son', 'daughter', 'sibling', 'siblings', 'parent', 'parents', 'grandmother', 'grandfather', 'grandparent',
    'grandparents', 'aunt', 'uncle', 'cousin', 'relative', 'relatives', 'in the family', 'runs in the family', 'maternal', 'paternal', 'twin',
    'husband', 'wife', 'partner', 'first-degree relative', 'first degree relative',
  ], 8),
  ...rules('HYPOTHETICAL', 'forward', [
    'if', 'should', 'should there be', 'in case of', 'in the event of', 'return if', 'come back if', 'seek help if', 'seek medical attention if',
    'advised to return', 'advised to report', 'report any', 'watch for', 'monitor for', 'look out for', 'to prevent', 'prevent', 'prevention of',
    'prophylaxis against', 'prophylaxis for', 'risk of', 'at risk of', 'risk for', 'could develop', 'may develop', 'might develop', 'unless',
    'safety net', 'safety-netting', 'in order to avoid', 'to avoid',
  ], 10),
  ...rules('HYPOTHETICAL', 'backward', ['develops', 'develop', 'occurs', 'occur', 'recurs', 'return', 'returns', 'worsens', 'persists', 'were to occur'], 5),
  ...rules('TERMINATE', 'both', [
    'but', 'however', 'although', 'though', 'yet', 'apart from', 'aside from', 'except', 'except for', 'other than', 'which', 'who', 'whereas', 'while',
    'secondary to', 'due to', 'cause of', 'causes of', 'source of', 'reason for', 'origin of', 'etiology of', 'aetiology of', 'still', 'presents with',
    'presented with', 'presenting with', 'complains of', 'complaining of', 'c/o', 'reports', 'reported', 'states', 'now', 'currently', 'today',
    'and has', 'and had', 'and is', ';', ':', 'also', 'otherwise',
  ]),
];
