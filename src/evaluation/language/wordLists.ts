/** Word lists and patterns behind the language features. Lower case; matched against lower-cased text. */

const words = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter(Boolean));

/** Function words: what is left is (roughly) the content vocabulary. */
export const STOPWORDS = words(`a an the and or but so if then than that this these those there here it its it's i me my mine
  we us our you your he him his she her they them their theirs is are was were be been being am do does did done have has had
  having to of in on at by for with from into onto about as up down out over under again not no nor very too can could will
  would shall should may might must just also what which who whom whose when where why how all any some each every both few
  more most other such only own same don't doesn't didn't can't won't isn't aren't wasn't weren't i'm you're they're we're
  he's she's that's`);

/** Cohesive devices by function. Multi-word ones are matched as phrases. */
export const CONNECTIVES = {
  additive: ['moreover', 'furthermore', 'in addition', 'additionally', 'also', 'besides', 'as well as', 'not only'],
  contrast: ['however', 'although', 'though', 'even though', 'nevertheless', 'nonetheless', 'on the other hand', 'whereas', 'while', 'instead', 'despite', 'in contrast', 'on the contrary', 'yet'],
  causal: ['because', 'therefore', 'thus', 'hence', 'consequently', 'as a result', 'since', 'due to', 'so that', 'for this reason', 'that is why'],
  sequence: ['first', 'firstly', 'second', 'secondly', 'third', 'thirdly', 'finally', 'lastly', 'next', 'then', 'to begin with', 'in conclusion', 'to conclude', 'in summary', 'overall'],
  example: ['for example', 'for instance', 'such as', 'in particular', 'specifically', 'like when'],
} as const;

/** Connectives a grader reads as mature academic style (a subset of the above). */
export const ADVANCED_CONNECTIVES = words('moreover furthermore additionally nevertheless nonetheless consequently hence thus whereas therefore however');

export const SUBORDINATORS = words('because although though while whereas since unless if when whenever which who whom whose that where until whether after before once');

/** Learner nouns that take no plural (or no -s plural). */
const BAD_PLURALS = 'peoples informations advices homeworks knowledges furnitures stuffs childrens equipments researchs evidences feedbacks softwares luggages mens womens';

/**
 * Common learner-error patterns, each a regular expression over lower-cased text. Deliberately conservative: a
 * pattern that also fires on correct English adds noise, not signal.
 */
export const LEARNER_ERRORS: readonly RegExp[] = [
  // Subject-verb agreement.
  /\b(?:he|she|it) (?:have|do|are|were|don't|dont)\b/g,
  /\b(?:you|we|they) (?:has|does|is|was|doesn't|doesnt)\b/g,
  /\bi (?:has|does|is|are|doesn't|doesnt)\b/g,
  /\b(?:everyone|everybody|someone|somebody|nobody) (?:have|are|were|don't)\b/g,
  /\b(?:people|students|kids|children|parents) (?:is|was|has|does|doesn't)\b/g,
  // Articles before the wrong sound (rough: "a university" and "an hour" are let through).
  /\ba (?:[aei]\w|o[^n]\w|u[^snr]\w)/g,
  /\ban (?:[bcdfgjklmnpqrstvwxyz]\w)/g,
  // Double comparatives and superlatives.
  /\bmore (?:better|worse|easier|harder|bigger|smaller|faster|happier|healthier|cheaper|safer|larger|longer|stronger)\b/g,
  /\bmost (?:best|worst|easiest|biggest|happiest)\b/g,
  new RegExp(`\\b(?:${BAD_PLURALS.split(' ').join('|')})\\b`, 'g'),
  // Modal + to, modal + inflected verb.
  /\b(?:can|could|should|must|will|would|might|may) to \w/g,
  /\b(?:can|could|should|must|will|might) (?:is|was|has|does|goes|makes|gets|went|made|got)\b/g,
  // do-support with inflected verb: "doesn't likes", "didn't went".
  /\b(?:don't|doesn't|didn't|dont|doesnt|didnt|does|did) (?:\w+ed|went|had|made|got|goes|has|likes|wants|needs)\b/g,
  // Missing be/verb confusions.
  /\b(?:can|will|should|must|could|would) (?!\w*(?:thing|bring|sing|ring|swing)\b)\w+ing\b/g,
  /\bi (?:\w+s)\b(?<!\bi (?:is|was|has|does|always|also|guess|miss|pass|discuss|access|express|focus|process|address|stress|kiss|cross|dress|possess|confess|impress|as|us|this|thus|yes|less|unless))/g,
  /\b(?:their|there) (?:is|are|was|were) (?:a|an|many|some|no|lots)\b(?<!\bthere (?:is|are|was|were) (?:a|an|many|some|no|lots))/g,
  /\b(?:alot|becuase|becouse|beacuse|untill|wich|thier)\b/g,
  /\b(?:in the other hand|an other|every body|each others|more easy|more good|most good|could of|should of|would of)\b/g,
  /\b(?:discuss about|explain me|emphasize on|mention about|return back|enter into the room)\b/g,
];

/** Words written in lower case that English capitalises: "english", "monday", "january". */
export const ALWAYS_CAPITALISED = words(`english spanish french german chinese japanese american america british england
  europe european africa african asia asian mexico mexican canada canadian internet monday tuesday wednesday thursday friday saturday sunday
  january february april june july august september october november december christmas covid google facebook instagram youtube`);

/** Informal / spoken register in an essay. */
export const INFORMAL = words('gonna wanna gotta kinda sorta yeah ok okay lol stuff things guys cool kids dude anyways really super awesome totally basically');

/** Contractions written without their apostrophe ("dont", "im"). "cant" and "wont" are words, but rare in essays. */
export const MISSING_APOSTROPHE = words('dont doesnt didnt cant wont isnt arent wasnt werent im ive thats whats theyre youre hes shes couldnt shouldnt wouldnt havent hasnt');
