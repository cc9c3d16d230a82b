#!/usr/bin/env node
/**
 * `oet`: the engine's domain modules on the command line — the same code the API runs, no second implementation.
 *
 *   oet redact [FILE] [--strategy PLACEHOLDER|MASK|SURROGATE|HASH]   PHI replaced; offsets with --json
 *   oet safety [FILE] [--source FILE] [--use LEARNER_INPUT|MODEL_OUTPUT|STORED_CONTENT]
 *   oet analyze [FILE]                     clinical entities with context, medications, coded conditions
 *   oet interactions DRUG DRUG [DRUG…]     interactions and duplicate therapy from the knowledge packs
 *   oet code TEXT                          ICD-10-CM codes for a phrase
 *   oet token [--role ADMIN] [--sub ID]    a token for the development secret (loopback, not production)
 *   oet models|packs|keys …                the operator commands (as npm run models|packs|keys)
 *
 * FILE is a path, or `-` / nothing for standard input. `--json` prints machine-readable output.
 * Exit codes: 0 done (safety: ALLOW), 1 failure (unreadable file, bad input), 2 wrong usage, 3 safety WARN,
 * 4 safety BLOCK.
 */
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
import { type CliIo, runIfMain } from './cliRunner.js';
import { runKeysCli } from './keys.js';
import { runModelsCli } from './models.js';
import { runPacksCli } from './packs.js';
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
