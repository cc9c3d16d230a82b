import { z } from 'zod';
import { emptyBody, type PackInteractionRule, type RuleSide } from '../packs/packTypes.js';
import type { BuildInput, BuildOutput } from '../packs/PackDefinition.js';
import { readCurated, unresolved } from './curatedJson.js';
import { createBuildDrugResolver } from './drugResolver.js';

const ClassesFile = z.object({
  version: z.string(),
  licence: z.string(),
  classes: z.array(z.object({ id: z.string().regex(/^[a-z0-9-]+$/), name: z.string().min(1), members: z.array(z.string().min(1)).min(1), reference: z.string().optional() })),
});

const Side = z.union([z.object({ drug: z.string().min(1) }), z.object({ class: z.string().min(1) })]);

const RulesFile = z.object({
  version: z.string(),
  licence: z.string(),
  rules: z.array(
    z.object({
      id: z.string().min(1),
      a: Side,
      b: Side,
      severity: z.enum(['CONTRAINDICATED', 'MAJOR', 'MODERATE', 'MINOR']),
      description: z.string().min(1),
      mechanism: z.string().min(1),
      management: z.string().min(1),
      references: z.array(z.string().min(1)).min(1),
      except: z.array(z.tuple([z.string(), z.string()])).optional(),
    }),
  ),
});

/**
 * The open interaction pack we curate: drug classes (class concepts, members linked by member-of) and rules between
 * drugs and classes, each with severity, mechanism, management and references.
 */
export async function buildCuratedInteractions(input: BuildInput): Promise<BuildOutput> {
  const [classesFile, rulesFile] = input.files as [string, string];
  const classes = await readCurated(classesFile, ClassesFile, input.signal);
  const rules = await readCurated(rulesFile, RulesFile, input.signal);
  const drugbank = input.dependencies.get('drugbank-open');
  if (!drugbank) throw new Error('open-interactions needs the drugbank-open pack');
  const resolver = createBuildDrugResolver(drugbank);
  const drug = (name: string, file: string, where: string) => {
    const hit = resolver.resolve(name);
    if (!hit) throw unresolved(file, where, `"${name}" is not a DrugBank drug name`);
    return hit.conceptId;
  };
  const body = emptyBody();
  const classIds = new Set<string>();
  classes.classes.forEach((cls, i) => {
    const id = `class:${cls.id}`;
    if (classIds.has(id)) throw unresolved(classesFile, `classes.${i}.id`, `class "${cls.id}" is defined twice`);
    classIds.add(id);
    body.concepts.push({ id, system: 'class', code: cls.id, name: cls.name, kind: 'drug-class', attrs: cls.reference ? { reference: cls.reference } : {} });
    const members = new Set(cls.members.map((m, j) => drug(m, classesFile, `classes.${i}.members.${j}`)));
    for (const member of members) body.relations.push({ from: member, to: id, type: 'member-of' });
  });
  const ruleIds = new Set<string>();
  rules.rules.forEach((rule, i) => {
    if (ruleIds.has(rule.id)) throw unresolved(rulesFile, `rules.${i}.id`, `rule "${rule.id}" is defined twice`);
    ruleIds.add(rule.id);
    const side = (s: z.infer<typeof Side>, key: 'a' | 'b'): RuleSide => {
      if ('class' in s) {
        if (!classIds.has(`class:${s.class}`)) throw unresolved(rulesFile, `rules.${i}.${key}`, `class "${s.class}" is not defined in the classes file`);
        return { concept: `class:${s.class}` };
      }
      return { concept: drug(s.drug, rulesFile, `rules.${i}.${key}`) };
    };
    const compiled: PackInteractionRule = {
      id: rule.id,
      a: side(rule.a, 'a'),
      b: side(rule.b, 'b'),
      severity: rule.severity,
      description: rule.description,
      mechanism: rule.mechanism,
      management: rule.management,
      references: rule.references,
    };
    if (rule.except) compiled.except = rule.except.map(([x, y], j) => [drug(x, rulesFile, `rules.${i}.except.${j}`), drug(y, rulesFile, `rules.${i}.except.${j}`)]);
    body.interactionRules.push(compiled);
  });
  const bySeverity = Object.fromEntries(['CONTRAINDICATED', 'MAJOR', 'MODERATE', 'MINOR'].map((s) => [`rules${s.charAt(0)}${s.slice(1).toLowerCase()}`, body.interactionRules.filter((r) => r.severity === s).length]));
  return { body, edition: rules.version, rows: { classes: classIds.size, rules: body.interactionRules.length, ...bySeverity } };
}
