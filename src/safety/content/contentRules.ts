/**
 * Content categories for a medical-education product. The line is intent, not topic: a suicide-risk question, an
 * overdose protocol, a sexual-health history or an injury report is ordinary clinical content; encouragement,
 * instructions to harm, threats, sexualised remarks to a patient and abuse are not. So every rule matches a harmful
 * act *with* its intent or its target, and most have a clinical frame that exempts the sentence (see CLINICAL_FRAME).
 */
export const CONTENT_CATEGORIES = ['SELF_HARM', 'VIOLENCE', 'SEXUAL', 'HARASSMENT', 'DANGEROUS_CLINICAL'] as const;
export type ContentCategory = (typeof CONTENT_CATEGORIES)[number];

export interface ContentRule {
  category: ContentCategory;
  id: string;
  pattern: RegExp;
  severity: 'HIGH' | 'MEDIUM';
  /** Fires even inside a clinical frame (sexual content with minors, explicit encouragement). */
  overridesClinicalFrame?: boolean;
}

const r = (category: ContentCategory, id: string, source: string, severity: 'HIGH' | 'MEDIUM' = 'HIGH', overridesClinicalFrame = false): ContentRule => ({
  category,
  id,
  pattern: new RegExp(source, 'i'),
  severity,
  overridesClinicalFrame,
});

const SELF = String.raw`(?:your|my|him|her|them|one)sel(?:f|ves)`;
const HARM_VERB = String.raw`(?:kill|killing|hurt|hurting|harm|harming|cut|cutting|hang|hanging|poison|poisoning|starve|starving|end|ending|off)`;
const DRUG_AMOUNT = String.raw`(?:\d+\s*(?:tablets?|pills?|capsules?|ampoules?|vials?|mg|g|grams?|units?|ml)|(?:the\s+)?(?:whole|entire)\s+(?:box|pack|packet|bottle|supply)|all\s+(?:of\s+)?(?:your|her|his|the|those|these)\s+(?:tablets?|pills?|meds|medication|insulin))`;

export const CONTENT_RULES: readonly ContentRule[] = [
  // Self-harm: encouragement, instructions, methods offered.
  r('SELF_HARM', 'encourage-self-harm', String.raw`\b(?:you\s+(?:should|could|might\s+as\s+well|need\s+to|ought\s+to)|just|go\s+ahead\s+and|why\s+not|do\s+it\s+and)\s+(?:just\s+)?${HARM_VERB}\s+(?:${SELF}|it\s+all|your\s+life)`, 'HIGH', true),
  r('SELF_HARM', 'better-off-dead', String.raw`\b(?:you(?:'d|\s+would)?\s+be\s+better\s+off\s+dead|(?:nobody|no\s+one)\s+would\s+(?:miss|care\s+if)\s+you|you\s+(?:deserve|should)\s+(?:to\s+)?die|the\s+world\s+would\s+be\s+better\s+without\s+you)\b`, 'HIGH', true),
  r('SELF_HARM', 'self-harm-method', String.raw`\b(?:best|easiest|quickest|fastest|surest|painless(?:ly)?|least\s+painful|most\s+effective)\s+(?:way|method|ways|methods)\s+(?:to|of|for)\s+(?:${HARM_VERB}\s+${SELF}|commit(?:ting)?\s+suicide|suicide|overdos(?:e|ing)|dying|die|end(?:ing)?\s+(?:it|my\s+life|your\s+life))`, 'HIGH', true),
  r('SELF_HARM', 'enough-to-end-it', String.raw`\benough\s+to\s+(?:end\s+it|end\s+(?:your|her|his|their|my)\s+life|kill\s+(?:you|${SELF}|her|him|them)|never\s+wake\s+up|not\s+wake\s+up|do\s+the\s+job|finish\s+(?:it|you|yourself))\b`, 'HIGH', true),
  r('SELF_HARM', 'how-to-self-harm', String.raw`\b(?:how\s+(?:to|do\s+I|can\s+I|should\s+I)|tell\s+me\s+how\s+to|teach\s+me\s+to)\s+(?:${HARM_VERB}\s+(?:my|your)self|commit\s+suicide|overdose|cut\s+deeper|hang\s+myself)`, 'HIGH', true),
  r('SELF_HARM', 'hide-self-harm', String.raw`\b(?:hide|conceal)\s+(?:the\s+|your\s+|my\s+)?(?:cuts|scars|self-harm|burns)\s+(?:from|so)\b`, 'MEDIUM'),
  // Violence: threats, incitement, instructions to hurt.
  r('VIOLENCE', 'threat', String.raw`\bI(?:'ll|\s+will|'m\s+going\s+to|\s+am\s+going\s+to|'m\s+gonna|\s+swear\s+I'll|'d\s+like\s+to)\s+(?:kill|hurt|stab|shoot|beat|smash|punch|strangle|attack|break|slit|burn|find\s+and\s+hurt|get)\s+(?:you|him|her|them|the|your|that|this|every|all)\b`, 'HIGH', true),
  r('VIOLENCE', 'incite', String.raw`\b(?:should|deserves?\s+to|ought\s+to|needs?\s+to)\s+be\s+(?:shot|killed|beaten|hanged|strangled|stabbed|put\s+down|gassed|lynched|beaten\s+up)\b`, 'HIGH', true),
  r('VIOLENCE', 'instruct-harm', String.raw`\b(?:how\s+to|ways?\s+to|best\s+way\s+to|tell\s+me\s+how\s+to|teach\s+me\s+to)\s+(?:kill|hurt|poison|strangle|stab|beat|injure|suffocate|smother|drug)\s+(?:someone|somebody|a\s+person|people|him|her|them|my|a\s+patient|the\s+patient|a\s+child|an?\s+\w+)\b`, 'HIGH', true),
  r('VIOLENCE', 'hit-to-control', String.raw`\b(?:hit|slap|smack|beat|punch|kick|pinch|shake)\s+(?:him|her|them|the\s+patient|the\s+child|the\s+baby|the\s+resident|patients)\s+(?:if|until|when|to\s+(?:make|keep|shut|stop|teach)|so\s+(?:he|she|they))\b`, 'HIGH', true),
  r('VIOLENCE', 'make-weapon', String.raw`\b(?:make|build|assemble)\s+(?:a|an)\s+(?:bomb|explosive|pipe\s+bomb|weapon|gun)\b`, 'HIGH', true),
  // Sexual content: explicit, with minors, sexualised remarks to patients or colleagues.
  r('SEXUAL', 'minor', String.raw`\b(?:sex(?:ual(?:ly)?)?|nude|naked|erotic|intimate)\b[^.!?\n]{0,40}\b(?:child|children|kid|kids|minor|minors|boy|girl|teen|teenager|schoolgirl|schoolboy|underage|\d{1,2}[-\s]year[-\s]old)\b(?![^.!?\n]{0,60}\b(?:safeguarding|protection|abuse|assault|referral|report(?:ed)?|disclos|examination|police|concern)\b)`, 'HIGH'),
  r('SEXUAL', 'explicit', String.raw`\b(?:porn(?:ography|o)?|erotic\s+(?:story|scene)|sexy|horny|blow\s*job|hand\s*job|orgasm(?:ed|ing)?\s+(?:with|for)\s+me|have\s+sex\s+with\s+(?:me|you)|sleep\s+with\s+me|make\s+love\s+to\s+(?:me|you)|sexual\s+favou?rs?|(?:send|show)\s+(?:me\s+)?(?:nudes|naked\s+(?:photos|pictures))|strip\s+for\s+me|sext(?:ing)?)\b`, 'HIGH'),
  r('SEXUAL', 'patient-advances', String.raw`\b(?:you(?:'re|\s+are)|you\s+look)\s+(?:so\s+|really\s+|very\s+)?(?:hot|sexy|gorgeous|beautiful|fit|cute)\b[^.!?\n]{0,40}\b(?:gown|bed|undress|date|drink|number|kiss|alone|tonight)\b|\b(?:can\s+I|let\s+me|I\s+want\s+to)\s+(?:kiss|touch|feel)\s+(?:you|your)\b|\bwhat\s+are\s+you\s+doing\s+(?:tonight|after\s+your\s+shift)\b[^.!?\n]{0,30}\bsexy\b`, 'HIGH'),
  r('SEXUAL', 'describe-body-sexually', String.raw`\b(?:describe|tell\s+me\s+about|write\s+about)\s+(?:her|his|your|the\s+patient'?s?)\s+(?:body|breasts|genitals|naked\s+body)\s+(?:in\s+detail|sexually|for\s+me)\b`, 'HIGH'),
  // Harassment: abuse at a person or a group.
  r('HARASSMENT', 'insult', String.raw`\b(?:you(?:'re|\s+are)|he(?:'s|\s+is)|she(?:'s|\s+is)|they(?:'re|\s+are)|what\s+an?|you)\s+(?:an?\s+)?(?:(?:fucking|bloody|stupid|useless|pathetic|fat|ugly|lazy|worthless)\s+)*(?:idiot|moron|imbecile|cretin|bitch|bastard|cow|pig|loser|waste\s+of\s+space|piece\s+of\s+shit|retard|scum|slag|slut|whore|twat|cunt|dickhead|prick|useless|pathetic|worthless|incompetent|stupid|disgusting)\b`, 'HIGH'),
  r('HARASSMENT', 'group-abuse', String.raw`\b(?:go\s+back\s+to\s+(?:your|where)\s+(?:own\s+)?(?:country|you\s+came\s+from)|(?:all|these|those|bloody|fucking)\s+(?:foreigners|immigrants|Muslims|Asians|Indians|Filipinos|Africans|blacks|Pakis|gays|trannies)\s+(?:are|should|need|ruin|stink|take)|(?:Pakis?|wogs?|chinks?|niggers?|faggots?|trannies|towel\s?heads?|curry\s+munchers?|gooks?)\b)`, 'HIGH'),
  r('HARASSMENT', 'bully-colleague', String.raw`\b(?:useless|incompetent|stupid|thick|hopeless|pathetic)\s+(?:nurse|nurses|doctor|doctors|student|students|junior|juniors|registrar|midwife|carer|intern|resident|pharmacist)\b[^.!?\n]{0,60}\b(?:should|never|always|can't|cannot|quit|sack|fire|get\s+out|go\s+home)\b|\b(?:shut\s+up|shut\s+your\s+mouth|nobody\s+wants\s+you\s+here|get\s+out\s+of\s+my\s+(?:sight|ward|theatre))\b`, 'MEDIUM'),
  // Dangerous clinical instructions.
  r('DANGEROUS_CLINICAL', 'lethal-amount-advice', String.raw`\b(?:take|give|inject|administer|swallow|push)\s+(?:him|her|them|the\s+patient|yourself)?\s*${DRUG_AMOUNT}[^.!?\n]{0,60}\b(?:to\s+(?:end|kill|finish|put\s+(?:him|her|them)\s+(?:to\s+sleep|down))|so\s+(?:he|she|they|you)\s+(?:won't|doesn't|don't|never)\s+wake)\b`, 'HIGH', true),
  r('DANGEROUS_CLINICAL', 'lethal-dose-tell', String.raw`\b(?:tell|advise|show)\s+(?:the\s+patient|her|him|them)\s+(?:that|how)\b[^.!?\n]{0,80}\b(?:enough\s+to|will\s+(?:kill|end))\b`, 'HIGH', true),
  r('DANGEROUS_CLINICAL', 'harmful-combination', String.raw`\b(?:mix|combine|crush|add|slip|hide)\b[^.!?\n]{0,60}\b(?:into|in|with)\b[^.!?\n]{0,40}\b(?:so\s+(?:that\s+)?(?:he|she|they)\s+(?:won't|doesn't|don't|can't|stops?|never)|without\s+(?:him|her|them)\s+knowing|to\s+(?:sedate|knock\s+(?:him|her|them)\s+out|keep\s+(?:him|her|them)\s+quiet|kill|harm))\b`, 'HIGH', true),
  r('DANGEROUS_CLINICAL', 'falsify-records', String.raw`\b(?:falsify|backdate|back-date|alter|change|doctor|rewrite|delete|shred)\s+(?:the\s+|his\s+|her\s+|their\s+|your\s+)?(?:notes?|records?|charts?|obs|observations|drug\s+chart|MAR|documentation|incident\s+report|controlled\s+drug\s+register|fluid\s+balance)\b[^.!?\n]{0,60}\b(?:so|to\s+(?:hide|cover|make\s+it\s+look)|before|nobody|no\s+one)\b|\b(?:don't|do\s+not|never)\s+(?:record|document|write\s+down|report|chart|mention)\s+(?:the\s+|this\s+|that\s+)?(?:error|mistake|fall|incident|overdose|wrong\s+dose|missed\s+dose)\b|\bcover\s+up\s+(?:the\s+|this\s+|that\s+)?(?:error|mistake|incident|death)\b`, 'HIGH', true),
  r('DANGEROUS_CLINICAL', 'stop-essential-medication', String.raw`\b(?:stop|quit|throw\s+away|bin|skip)\s+(?:taking\s+)?(?:all\s+)?(?:your|his|her|their)\s+(?:insulin|warfarin|anticoagulants?|blood\s+thinners?|antiepileptics?|seizure\s+(?:meds|medication|tablets)|steroids?|prednisolone|antiretrovirals?|HIV\s+(?:meds|medication)|chemo(?:therapy)?|heart\s+(?:pills|tablets|medication)|medications?|tablets|meds|pills)\b[^.!?\n]{0,60}\b(?:(?:at\s+once|immediately|straight\s+away|cold\s+turkey|now)\b[^.!?\n]{0,40}\b(?:don't|do\s+not|no\s+need|instead|natural|detox|cure)|without\s+(?:telling|asking|checking\s+with)|and\s+(?:don't|do\s+not)\s+tell|(?:herbs|essential\s+oils|prayer|bleach|detox|juice|cleanse)\s+(?:will|can)\s+cure|instead)\b`, 'HIGH', true),
  r('DANGEROUS_CLINICAL', 'disable-safety-equipment', String.raw`\b(?:turn\s+off|switch\s+off|silence|disable|disconnect|unplug|mute)\s+(?:the\s+|his\s+|her\s+|their\s+)?(?:alarms?|monitor|pump|ventilator|oxygen|bed\s+alarm|call\s+bell|defibrillator)\b[^.!?\n]{0,60}\b(?:so\s+(?:we|you|I|he|she|they)\s+can|permanently|for\s+good|and\s+(?:leave|walk\s+away|go\s+home|don't\s+tell)|nobody\s+will|to\s+get\s+some\s+peace)\b`, 'HIGH', true),
  r('DANGEROUS_CLINICAL', 'drug-to-control', String.raw`\b(?:give|inject|slip|put)\s+(?:him|her|them|the\s+patient|the\s+resident)\s+(?:some\s+|extra\s+|more\s+|a\s+(?:big|double)\s+(?:dose\s+of\s+)?)?(?:insulin|morphine|midazolam|haloperidol|lorazepam|diazepam|potassium|sedatives?|sleeping\s+(?:pills|tablets)|something)\b[^.!?\n]{0,40}\b(?:to\s+(?:keep\s+(?:him|her|them)\s+quiet|shut\s+(?:him|her|them)\s+up|calm\s+(?:him|her|them)\s+down\s+for\s+good|get\s+rid\s+of|finish\s+(?:him|her|them)\s+off)|so\s+(?:he|she|they)\s+(?:stops?|won't|shuts?))`, 'HIGH', true),
];

/** A sentence that assesses, documents, manages or teaches about a harm is clinical content, not the harm. */
export const CLINICAL_FRAME = /\b(?:assess(?:ed|ing|ment)?|risk|screen(?:ed|ing)?|ideation|safety\s+plan|protective\s+factors|history\s+of|h\/o|denies|denied|documented|presented|presents|attended|admitted|referred|referral|safeguarding|protocol|guideline|management|treat(?:ed|ment)?|antidote|naloxone|acetylcysteine|N-acetylcysteine|poisons\s+(?:centre|information)|toxbase|helpline|samaritans|lifeline|crisis\s+team|de-escalat\w*|counsel(?:led|ling)?|educat\w+|explain(?:ed)?|discuss(?:ed)?|asked\s+(?:about|whether|if)|ask\s+(?:about|whether|if)|have\s+you|do\s+you|are\s+you|did\s+you|has\s+(?:he|she|they)|reported|reports|disclosed|examination|chaperone|consent|injur(?:y|ies)|wound|laceration|police|incident\s+report|maximum\s+(?:daily\s+)?dose|do\s+not\s+exceed|warning|contraindicated|avoid)\b/i;
