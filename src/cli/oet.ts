#!/usr/bin/env node
/**
 * `oet`: the engine's domain modules on the command line — the same code the API runs, no second implementation.
 *
 *   oet redact [FILE] [--strategy PLACEHOLDER|MASK|SURROGATE|HASH]   PHI replaced; offsets with --json
 *   oet safety [FILE] [--source FILE] [--use LEARNER_INPUT|MODEL_OUTPUT|STORED_CONTENT]
 *   oet analyze [FILE]                     clinical entities with context, medications, coded conditions
 *   oet interactions DRUG DRUG [DRUG…]     interactions and duplicate therapy from the knowledge packs
 *   oet code TEXT                          ICD-10-CM codes for a phrase
 *   oet evaluate LETTER --case-notes FILE --type referral --reader colleague [--profession nursing]
 *                                          an OET letter scored on the six writing criteria, evidence in place
 *   oet speaking TRANSCRIPT.json [--profession nursing]   a role-play scored on the nine speaking criteria
 *   oet token [--role ADMIN] [--sub ID]    a token for the development secret (loopback, not production)
 *   oet serve                              start the engine (as npm start after a build; PORT, HOST, DATABASE_URL …)
 *   oet models|packs|keys …                the operator commands (as npm run models|packs|keys)
 *
 * FILE is a path, or `-` / nothing for standard input. `--json` prints machine-readable output.
 * Exit codes: 0 done (safety: ALLOW), 1 failure (unreadable file, bad input), 2 wrong usage, 3 safety WARN,
 * 4 safety BLOCK.
 */
import cliProgress from 'cli-progress';
import { Command, CommanderError, Option } from 'commander';
import { SignJWT } from 'jose';
import { devSecretFile, devSecretRefusal, readOrCreateDevSecret } from '../auth/devSigningSecret.js';
import { ClinicalAnalyzer } from '../clinical/ClinicalAnalyzer.js';
import { checkClinicalText } from '../clinical/checkClinicalText.js';
import { loadConfig } from '../config.js';
import { isDomainError } from '../errors.js';
import type { KnowledgeBase } from '../knowledge/KnowledgeBase.js';
import { loadKnowledgeBase } from '../knowledge/loadKnowledgeBase.js';
import { packLocations } from '../knowledge/packs/locations.js';
import { REDACTION_STRATEGIES, redactSpans, type RedactionStrategy } from '../safety/redaction/redactPhi.js';
import { SAFETY_USES, type SafetyUse } from '../safety/policy/SafetyPolicy.js';
import { SafetyAnalyzer } from '../safety/SafetyAnalyzer.js';
import { ClinicalProvider } from '../clinical/ClinicalProvider.js';
import { EvaluationProvider } from '../evaluation/EvaluationProvider.js';
import { PROFESSIONS, type CriterionResult, type Profession, type TranscriptTurn } from '../evaluation/types.js';
import { LETTER_TYPES, READERS } from '../evaluation/writing/writingTask.js';
import { KnowledgeProvider } from '../knowledge/KnowledgeProvider.js';
import { BadUserInputError } from '../errors.js';
import { type CliIo, runIfMain } from './cliRunner.js';
import { runKeysCli } from './keys.js';
import { runModelsCli } from './models.js';
import { runPacksCli } from './packs.js';
import { exitOnStartFailure, serve } from '../composition/serve.js';
import { inPlace, painter, position } from './oet/format.js';
import { readInput, readStdin } from './oet/readInput.js';

const VERDICT_EXIT = { ALLOW: 0, WARN: 3, BLOCK: 4 } as const;

export async function runOet(argv: string[], io: CliIo, stdin: () => Promise<string> = readStdin): Promise<number> {
  const tty = Boolean((io.stdout as NodeJS.WriteStream).isTTY);
  const c = painter(tty);
  const config = loadConfig({ ...io.env, LOG_LEVEL: 'silent' });
  let knowledge: Promise<KnowledgeBase> | undefined;
  const loadKnowledge = () =>
    (knowledge ??= loadKnowledgeBase({ locations: packLocations({ dataDir: config.dataDir, packsDir: config.knowledge.packsDir }), optIn: config.knowledge.optInPacks }));
  const safety = async () => {
    const kb = await loadKnowledge();
    return new SafetyAnalyzer({ knowledge: kb, clinical: new ClinicalAnalyzer(kb), policy: config.safety.policy, contentHead: SafetyAnalyzer.defaultContentHead() });
  };
  // The same evaluation the API runs, without the sentence encoder (the features-only language head, as the API's evaluations).
  const evaluation = () => {
    const provider = new KnowledgeProvider(loadKnowledge);
    return new EvaluationProvider(provider, new ClinicalProvider(provider), { languageModel: config.evaluation.languageModel });
  };
  const write = (text: string) => io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  let exitCode = 0;

  const program = new Command('oet')
    .description('OET AI Engine on the command line: PHI redaction, safety checks, clinical analysis, drug interactions, ICD-10-CM coding.')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError();

  program
    .command('redact')
    .description('replace the PHI in a text (file or standard input)')
    .argument('[file]', 'text file, or - for standard input')
    .addOption(new Option('--strategy <strategy>', 'how to replace').choices([...REDACTION_STRATEGIES]).default('PLACEHOLDER'))
    .option('--json', 'the redacted text with every replacement and its offsets')
    .action(async (file: string | undefined, options: { strategy: RedactionStrategy; json?: boolean }) => {
      const text = checkClinicalText(await readInput(file, io, stdin));
      const analyzer = await safety();
      const spans = await analyzer.phiSpans(text, io.signal, false);
      const redaction = redactSpans(text, spans, { strategy: options.strategy, key: config.safety.redactionKey, documentKey: file ?? 'stdin' });
      if (options.json) write(JSON.stringify({ text: redaction.text, strategy: redaction.strategy, findings: redaction.spans, dateShiftDays: redaction.dateShiftDays }));
      else write(redaction.text);
    });

  program
    .command('safety')
    .description('PHI, harmful content, non-inclusive wording, facts against the knowledge packs; with --source, hallucinations')
    .argument('[file]', 'text file, or - for standard input')
    .option('--source <file>', 'what the text was generated from (turns on hallucination checks)')
    .addOption(new Option('--use <use>', 'what the text is, for the policy').choices([...SAFETY_USES]).default('LEARNER_INPUT'))
    .option('--json', 'the report as JSON')
    .action(async (file: string | undefined, options: { source?: string; use: SafetyUse; json?: boolean }) => {
      const text = checkClinicalText(await readInput(file, io, stdin));
      const source = options.source === undefined ? undefined : checkClinicalText(await readInput(options.source, io, stdin));
      const report = await (await safety()).analyze(text, { source, use: options.use, useModel: false, signal: io.signal });
      exitCode = VERDICT_EXIT[report.verdict];
      if (options.json) return void write(JSON.stringify(report));
      const colour = { ALLOW: c.green, WARN: c.yellow, BLOCK: c.red }[report.verdict];
      write(`${colour(c.bold(report.verdict))}  ${report.findings.length} finding(s), judged as ${report.use}`);
      for (const f of report.findings) {
        write(`\n${c.bold(`${f.category} ${f.type}`)} ${c.dim(`${f.severity} · ${f.verdict} · ${position(text, f.start)}`)}`);
        write(`  ${inPlace(text, f.start, f.end, (s) => c.inverse(s))}`);
        if (f.evidence) write(`  ${c.dim('why:')} ${f.evidence}`);
        if (f.suggestion) write(`  ${c.dim('fix:')} ${f.suggestion}`);
      }
    });

  program
    .command('analyze')
    .description('clinical entities with context, sections, medications, allergies and ICD-10-CM coded conditions')
    .argument('[file]', 'text file, or - for standard input')
    .option('--json', 'the analysis as JSON')
    .action(async (file: string | undefined, options: { json?: boolean }) => {
      const text = await readInput(file, io, stdin);
      const analysis = await new ClinicalAnalyzer(await loadKnowledge()).analyze(text, { useModel: false, signal: io.signal });
      if (options.json) return void write(JSON.stringify(analysis));
      for (const e of analysis.entities) {
        const flags = (['negated', 'uncertain', 'historical', 'family', 'hypothetical'] as const).filter((k) => e[k]);
        write(`${c.bold(e.category.padEnd(10))} ${e.text}${e.code ? c.dim(` [${e.code}]`) : ''}${flags.length ? c.yellow(` (${flags.join(', ')})`) : ''}  ${c.dim(position(text, e.start))}`);
      }
      if (analysis.medications.length) write(`\n${c.bold('Medications')}\n${analysis.medications.map((m) => `  ${m.drug}${m.generic && m.generic.toLowerCase() !== m.drug.toLowerCase() ? ` (${m.generic})` : ''} ${[m.dose, m.route, m.frequency].filter(Boolean).join(' ')} ${c.dim(m.status)}`).join('\n')}`);
      if (analysis.conditions.length) write(`\n${c.bold('Conditions')}\n${analysis.conditions.map((k) => `  ${k.code}  ${k.description}`).join('\n')}`);
    });

  program
    .command('interactions')
    .description('interactions and duplicate therapy among drugs named in any form (generic, brand, British or US name)')
    .argument('<drugs...>', 'two or more drug names')
    .option('--json', 'the check as JSON')
    .action(async (drugs: string[], options: { json?: boolean }) => {
      if (drugs.length < 2) throw new CommanderError(2, 'oet.usage', 'give at least two drugs');
      const check = (await loadKnowledge()).checkDrugInteractions(drugs);
      if (options.json) return void write(JSON.stringify(check));
      if (check.unrecognized.length) write(c.yellow(`not recognised: ${check.unrecognized.join(', ')}`));
      if (check.interactions.length === 0) write(c.green('no interaction recorded among these drugs'));
      for (const i of check.interactions) write(`${c.bold(c.red(i.severity))} ${i.inputA} + ${i.inputB}: ${i.description}\n  ${c.dim('manage:')} ${i.management}`);
      for (const d of check.duplicates) write(`${c.yellow('DUPLICATE')} ${JSON.stringify(d)}`);
    });

  program
    .command('code')
    .description('ICD-10-CM codes for a diagnosis phrase')
    .argument('<text...>', 'the phrase')
    .option('--json', 'the suggestions as JSON')
    .option('--limit <n>', 'how many', '5')
    .action(async (words: string[], options: { json?: boolean; limit: string }) => {
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 50) throw new CommanderError(2, 'oet.usage', '--limit must be a whole number from 1 to 50');
      const suggestions = await (await loadKnowledge()).suggestIcd10Codes(words.join(' '), { limit, rerank: false, signal: io.signal });
      if (options.json) return void write(JSON.stringify(suggestions));
      for (const s of suggestions) write(`${c.bold(s.code.padEnd(8))} ${s.description} ${c.dim(s.score.toFixed(2))}`);
    });


  /** Long work shown as stages on a terminal's standard error (knowledge packs take seconds to load); silent otherwise. */
  const stages = <T>(names: readonly string[], steps: readonly (() => Promise<unknown>)[]): Promise<T> =>
    (async () => {
      const tty = Boolean((io.stderr as NodeJS.WriteStream).isTTY);
      const bar = tty ? new cliProgress.SingleBar({ stream: io.stderr as NodeJS.WriteStream, format: '{bar} {value}/{total} {stage}', hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic) : null;
      bar?.start(names.length, 0, { stage: names[0] });
      let result: unknown;
      try {
        for (let i = 0; i < steps.length; i++) {
          bar?.update(i, { stage: names[i] });
          result = await steps[i]!();
        }
        bar?.update(names.length, { stage: 'done' });
      } finally {
        bar?.stop();
      }
      return result as T;
    })();

  const printCriteria = (text: string, criteria: readonly CriterionResult[], estimate: { estimatedScore: number; grade: string }) => {
    write(`${c.bold(`Estimated ${estimate.estimatedScore}/500, grade ${estimate.grade}`)} ${c.dim('(an estimate: OET publishes no conversion)')}`);
    for (const k of criteria) {
      const colour = k.score >= k.max - 1 ? c.green : k.score >= k.max / 2 ? c.yellow : c.red;
      write(`\n${c.bold(k.name)}  ${colour(`${k.score}/${k.max}`)}`);
      for (const f of k.feedback) {
        write(`  ${f.kind === 'POSITIVE' ? c.green('+') : c.red('-')} ${f.message}${f.indicator ? c.dim(` [${f.indicator}]`) : ''}`);
        if (f.evidence) write(`    ${c.dim(position(text, f.evidence.start))} ${inPlace(text, f.evidence.start, f.evidence.end, (s) => c.inverse(s))}`);
        if (f.suggestion) write(`    ${c.dim('better:')} ${f.suggestion}`);
      }
    }
  };
  const profession = (value: string): Profession => {
    const p = value.toUpperCase().replace(/[\s-]/g, '_') as Profession;
    if (!PROFESSIONS.includes(p)) throw new CommanderError(2, 'oet.usage', `--profession must be one of ${PROFESSIONS.join(', ').toLowerCase()}`);
    return p;
  };

  program
    .command('evaluate')
    .description('score an OET letter on the six writing criteria against its case notes')
    .argument('[letter]', 'the letter, or - for standard input')
    .requiredOption('--case-notes <file>', 'the case notes the letter answers')
    .addOption(new Option('--type <type>', 'letter type').choices(LETTER_TYPES.map((t) => t.toLowerCase())).makeOptionMandatory())
    .addOption(new Option('--reader <reader>', 'who reads it').choices(READERS.map((r) => r.toLowerCase())).default('colleague'))
    .option('--profession <profession>', 'the writer\'s profession', 'nursing')
    .option('--task <file>', 'the writing task, when it is not at the end of the case notes')
    .option('--json', 'the evaluation as JSON')
    .action(async (file: string | undefined, options: { caseNotes: string; type: string; reader: string; profession: string; task?: string; json?: boolean }) => {
      const letter = await readInput(file, io, stdin);
      const caseNotes = await readInput(options.caseNotes, io, stdin);
      const task = options.task === undefined ? null : await readInput(options.task, io, stdin);
      const request = { letter, caseNotes, letterType: options.type, reader: options.reader, profession: profession(options.profession), task };
      const result = await stages<Awaited<ReturnType<EvaluationProvider['evaluateWriting']>>>(['loading knowledge packs', 'scoring the letter'], [loadKnowledge, () => evaluation().evaluateWriting(request, { signal: io.signal })]);
      if (options.json) return void write(JSON.stringify(result));
      printCriteria(letter, result.criteria, result);
      const omitted = result.notes.filter((n) => n.relevance === 'NEEDED' && !n.used);
      const extra = result.notes.filter((n) => n.relevance === 'LEAVE_OUT' && n.used);
      write(`\n${c.bold('Case notes')}  ${result.notes.filter((n) => n.used).length} used, ${omitted.length} needed but omitted, ${extra.length} used that this reader does not need · body ${result.bodyWords} words`);
      for (const n of omitted) write(`  ${c.yellow('omitted')} ${n.text}`);
      for (const n of extra) write(`  ${c.yellow('leave out')} ${n.text}`);
    });

  program
    .command('speaking')
    .description('score a role-play transcript (JSON: [{ speaker: CANDIDATE|INTERLOCUTOR, text, startMs?, endMs?, confidence?, words? }]) on the nine speaking criteria')
    .argument('[transcript]', 'the transcript JSON file, or - for standard input')
    .option('--profession <profession>', 'the candidate\'s profession', 'nursing')
    .option('--json', 'the evaluation as JSON')
    .action(async (file: string | undefined, options: { profession: string; json?: boolean }) => {
      const raw = await readInput(file, io, stdin);
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch (error) {
        throw new BadUserInputError(`the transcript is not JSON: ${(error as Error).message}`);
      }
      const turns = Array.isArray(parsed) ? parsed : (parsed as { transcript?: unknown }).transcript;
      if (!Array.isArray(turns)) throw new BadUserInputError('the transcript must be a JSON array of turns (or an object with a "transcript" array).');
      const request = { transcript: turns as TranscriptTurn[], profession: profession(options.profession) };
      const result = await stages<Awaited<ReturnType<EvaluationProvider['evaluateSpeaking']>>>(['loading knowledge packs', 'scoring the role-play'], [loadKnowledge, () => evaluation().evaluateSpeaking(request, { signal: io.signal })]);
      if (options.json) return void write(JSON.stringify(result));
      printCriteria((turns as TranscriptTurn[]).map((t) => t.text).join('\n'), result.criteria, result);
    });

  program
    .command('token')
    .description('a token for this machine\'s development secret (first runs on loopback; refused in production or beyond loopback)')
    .addOption(new Option('--role <role...>', 'roles').choices(['LEARNER', 'ASSESSOR', 'ADMIN', 'SERVICE']).default(['ADMIN']))
    .option('--sub <id>', 'the user id', 'dev-user')
    .option('--cohort <id...>', 'cohorts (a learner\'s, or those an assessor marks)')
    .option('--ttl <duration>', 'lifetime (jose duration: 30m, 8h, 7d)', '8h')
    .action(async (options: { role: string[]; sub: string; cohort?: string[]; ttl: string }) => {
      const refusal = devSecretRefusal(config);
      if (refusal) throw new Error(`no development token: ${refusal}.`);
      const { secret } = readOrCreateDevSecret(devSecretFile(config));
      const token = await new SignJWT({ roles: options.role, ...(options.cohort ? { cohorts: options.cohort } : {}) })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(options.sub)
        .setIssuedAt()
        .setExpirationTime(options.ttl)
        .sign(new TextEncoder().encode(secret));
      write(token);
    });

  program
    .command('serve')
    .description('start the engine with the environment\'s settings (what npm start runs after its build); stops on SIGINT/SIGTERM')
    .action(async () => {
      await serve().catch(exitOnStartFailure);
    });

  // The operator commands, under one name: the same code as `npm run models|packs|keys`.
  const delegates = { models: runModelsCli, packs: runPacksCli, keys: runKeysCli } as const;
  for (const [name, run] of Object.entries(delegates)) {
    program
      .command(name)
      .description(`${name === 'models' ? 'list, pull and remove models' : name === 'packs' ? 'list, build, import and verify knowledge packs' : 'generate, inspect and rotate encryption keys'} (as npm run ${name})`)
      .argument('[args...]', `arguments of the ${name} command`)
      .allowUnknownOption()
      .helpOption(false)
      .action(async (args: string[]) => {
        exitCode = await run(args, io);
      });
  }

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
      if (error.code === 'oet.usage') io.stderr.write(`oet: ${error.message}\n`);
      return 2;
    }
    io.stderr.write(`oet: ${isDomainError(error) ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

await runIfMain(import.meta.url, (argv, io) => runOet(argv, io));
