import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { retext } from 'retext';
import retextEnglish from 'retext-english';
import retextEquality from 'retext-equality';

/**
 * retext-equality (the engine behind alex) with a clinical allow-list. Left alone it flags "husband", "he", "master's",
 * "black stools", "crazy paving" and "mentally ill" in ordinary notes; the words below are facts or terms of art in
 * clinical writing, and the condition-first and judgemental patterns it has are covered, with clinical exceptions, by
 * our own list (biasTerms.ts). Parsing is the costly part (~10 ms per 500 characters), so the linter runs only on
 * sentences that hold one of the plugin's words.
 */
export const CLINICAL_ALLOW_LIST = [
  'he', 'she', 'her', 'hers', 'him', 'his', 'himself', 'herself', 'husband', 'husbands', 'wife', 'wives', 'mother',
  'father', 'mothers', 'fathers', 'boyfriend', 'girlfriend', 'daughter', 'son', 'brother', 'sister', 'sisters', 'man',
  'men', 'woman', 'women', 'male', 'males', 'female', 'females', 'girl', 'girls', 'boy', 'boys', 'lady', 'ladies',
  'gentleman', 'gentlemen', 'master', 'masters', "master's", 'black', 'blacks', 'white', 'whites', 'execute', 'executed',
  'execution', 'executive', 'penetrate', 'penetrating', 'penetration', 'blind', 'blinded', 'deaf', 'crazy', 'insane',
  'nuts', 'psycho', 'mentally ill', 'mental illness', 'schizophrenic', 'psychotic', 'bipolar', 'ocd', 'addict',
  'addicts', 'addicted', 'alcoholic', 'alcoholics', 'retard', 'retarded', 'dumb', 'lame', 'handicapped', 'cripple',
  'crippled', 'spastic', 'victim', 'victims', 'suffers', 'suffering', 'confined', 'wheelchair-bound', 'diabetic',
  'epileptic', 'anorexic', 'bulimic', 'obese', 'senile', 'demented', 'dementia', 'chairman', 'chairmen', 'manpower',
  'hang', 'hanging', 'hanged', 'gay', 'lesbian', 'transgender', 'homosexual', 'pregnant', 'postpartum', 'maternity',
  'paternity', 'widow', 'widower', 'mum', 'dad', 'mom', 'grandmother', 'grandfather', 'aunt', 'uncle', 'niece',
  'nephew', 'fiance', 'fiancee', 'midwife', 'midwives', 'nurse', 'nurses', 'patient', 'patients', 'special',
  'invalid', 'elderly', 'aged', 'senior', 'seniors', 'old', 'disabled', 'mad', 'lunatic', 'slave', 'master-slave',
];

export interface EqualityFinding {
  start: number;
  end: number;
  ruleId: string;
  suggestions: string[];
}

let vocabulary: Set<string> | null | undefined;

/** The plugin's own trigger words, read from its pattern table; null (lint everything) if the table moves. */
export function triggerWords(): Set<string> | null {
  if (vocabulary !== undefined) return vocabulary;
  try {
    const entry = createRequire(import.meta.url).resolve('retext-equality');
    const source = readFileSync(path.join(path.dirname(entry), 'patterns-en.js'), 'utf8');
    const table = source.slice(source.indexOf('[', source.indexOf('export const patterns')), source.lastIndexOf(']') + 1);
    const patterns = JSON.parse(table) as { inconsiderate: Record<string, string> }[];
    // Words the allow-list ignores cannot fire alone, so they do not send a sentence to the parser.
    const allowed = new Set(CLINICAL_ALLOW_LIST);
    vocabulary = new Set(patterns.flatMap((p) => Object.keys(p.inconsiderate).flatMap((phrase) => phrase.toLowerCase().split(/\s+/).slice(0, 1))).filter((w) => !allowed.has(w)));
  } catch {
    vocabulary = null;
  }
  return vocabulary;
}

const processor = retext().use(retextEnglish).use(retextEquality, { ignore: CLINICAL_ALLOW_LIST });

/** retext-equality findings in `text`, offsets in `text`. */
export async function lintEquality(text: string, sentences: readonly { start: number; end: number }[]): Promise<EqualityFinding[]> {
  const words = triggerWords();
  const findings: EqualityFinding[] = [];
  for (const sentence of sentences) {
    const piece = text.slice(sentence.start, sentence.end);
    if (words && !piece.toLowerCase().split(/[^a-z'-]+/).some((w) => words.has(w))) continue;
    const file = await processor.process(piece);
    for (const message of file.messages) {
      const start = message.place && 'start' in message.place ? message.place.start.offset : undefined;
      const end = message.place && 'end' in message.place ? message.place.end.offset : undefined;
      if (start === undefined || end === undefined) continue;
      findings.push({ start: sentence.start + start, end: sentence.start + end, ruleId: message.ruleId ?? 'equality', suggestions: (message.expected ?? []).filter((e): e is string => typeof e === 'string') });
    }
  }
  return findings;
}
