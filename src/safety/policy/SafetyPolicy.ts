/** Where a text is in its life: what a learner sent, what a model wrote, what the engine is about to store. */
export const SAFETY_USES = ['LEARNER_INPUT', 'MODEL_OUTPUT', 'STORED_CONTENT'] as const;
export type SafetyUse = (typeof SAFETY_USES)[number];

export const SAFETY_CATEGORIES = ['PHI', 'CONTENT', 'BIAS', 'FACT', 'HALLUCINATION'] as const;
export type SafetyCategory = (typeof SAFETY_CATEGORIES)[number];

export type Severity = 'LOW' | 'MEDIUM' | 'HIGH';
export type Verdict = 'ALLOW' | 'WARN' | 'BLOCK';

/** For one use (and optionally one role): what each category at each severity makes the verdict. */
export type CategoryRules = Partial<Record<SafetyCategory, Partial<Record<Severity, Verdict>>>>;

export interface PolicyDocument {
  /** Rules per use; `roles` overrides them for a role (LEARNER, ASSESSOR, ADMIN, SERVICE). */
  uses: Partial<Record<SafetyUse, CategoryRules>>;
  roles?: Partial<Record<string, Partial<Record<SafetyUse, CategoryRules>>>>;
  /** Roles whose prompts have PHI replaced by placeholders before a model sees them. */
  redactPromptsFor?: string[];
}

/**
 * The default policy: harmful content that reaches HIGH severity blocks everywhere; PHI warns (learners practise
 * with case notes that look real; the stored copy is encrypted); unsupported facts and wording issues warn.
 * Learners' prompts are redacted before generation; staff may work with realistic case material.
 */
export const DEFAULT_POLICY: PolicyDocument = {
  uses: {
    LEARNER_INPUT: { CONTENT: { HIGH: 'BLOCK', MEDIUM: 'WARN' }, PHI: { HIGH: 'WARN', MEDIUM: 'WARN' }, BIAS: { MEDIUM: 'WARN' }, FACT: { HIGH: 'WARN', MEDIUM: 'WARN' } },
    MODEL_OUTPUT: { CONTENT: { HIGH: 'BLOCK', MEDIUM: 'WARN' }, PHI: { HIGH: 'WARN', MEDIUM: 'WARN' }, BIAS: { MEDIUM: 'WARN' }, FACT: { HIGH: 'WARN', MEDIUM: 'WARN' }, HALLUCINATION: { HIGH: 'WARN', MEDIUM: 'WARN' } },
    STORED_CONTENT: { CONTENT: { HIGH: 'BLOCK', MEDIUM: 'WARN' }, PHI: { HIGH: 'WARN', MEDIUM: 'WARN' }, BIAS: { MEDIUM: 'WARN' }, FACT: { HIGH: 'WARN' } },
  },
  redactPromptsFor: ['LEARNER'],
};

const ORDER: Record<Verdict, number> = { ALLOW: 0, WARN: 1, BLOCK: 2 };

export class SafetyPolicy {
  constructor(private readonly document: PolicyDocument = DEFAULT_POLICY) {}

  /** Reads a JSON policy (OET_SAFETY_POLICY), checking every key so a typo is a start-up error, not a silent allow. */
  static fromJson(json: string): SafetyPolicy {
    const parsed = JSON.parse(json) as PolicyDocument;
    const checkRules = (rules: CategoryRules, where: string) => {
      for (const [category, bySeverity] of Object.entries(rules)) {
        if (!SAFETY_CATEGORIES.includes(category as SafetyCategory)) throw new Error(`${where}: unknown category "${category}"`);
        for (const [severity, verdict] of Object.entries(bySeverity ?? {})) {
          if (!['LOW', 'MEDIUM', 'HIGH'].includes(severity)) throw new Error(`${where}.${category}: unknown severity "${severity}"`);
          if (!(verdict in ORDER)) throw new Error(`${where}.${category}.${severity}: verdict must be ALLOW, WARN or BLOCK`);
        }
      }
    };
    for (const [use, rules] of Object.entries(parsed.uses ?? {})) {
      if (!SAFETY_USES.includes(use as SafetyUse)) throw new Error(`uses: unknown use "${use}"`);
      checkRules(rules ?? {}, `uses.${use}`);
    }
    for (const [role, byUse] of Object.entries(parsed.roles ?? {})) {
      for (const [use, rules] of Object.entries(byUse ?? {})) checkRules(rules ?? {}, `roles.${role}.${use}`);
    }
    return new SafetyPolicy({ uses: { ...DEFAULT_POLICY.uses, ...parsed.uses }, roles: parsed.roles, redactPromptsFor: parsed.redactPromptsFor ?? DEFAULT_POLICY.redactPromptsFor });
  }

  /** The verdict one finding earns; the report's verdict is the most severe of its findings'. */
  verdictFor(category: SafetyCategory, severity: Severity, use: SafetyUse, roles: readonly string[] = []): Verdict {
    let verdict: Verdict | undefined;
    for (const role of roles) {
      const v = this.document.roles?.[role]?.[use]?.[category]?.[severity];
      if (v !== undefined && (verdict === undefined || ORDER[v] < ORDER[verdict])) verdict = v; // a role override may relax
    }
    return verdict ?? this.document.uses[use]?.[category]?.[severity] ?? 'ALLOW';
  }

  combine(verdicts: readonly Verdict[]): Verdict {
    return verdicts.reduce<Verdict>((a, b) => (ORDER[b] > ORDER[a] ? b : a), 'ALLOW');
  }

  redactsPromptsFor(roles: readonly string[]): boolean {
    return roles.some((r) => this.document.redactPromptsFor?.includes(r));
  }
}
