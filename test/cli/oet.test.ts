import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { repoRoot } from '../support/paths.js';

const BIN = path.join(repoRoot, 'dist/src/cli/oet.js');
const dir = mkdtempSync(path.join(os.tmpdir(), 'oet-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}

/** The real binary in a child process, as a user runs it (no colour: not a terminal). */
function oet(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const LETTER = 'Re: Mrs Aisha Rahman, DOB 14/07/1952, NHS No. 943 476 5919.\nShe is non-compliant with her inhalers.\n';

const writingCase = JSON.parse(readFileSync(path.join(repoRoot, 'eval/data/oet-writing/dev.jsonl'), 'utf8').split('\n')[0]!) as { caseNotes: string; letters: { level: string; text: string }[] };
const roleplay = JSON.parse(readFileSync(path.join(repoRoot, 'eval/data/oet-speaking/dev.jsonl'), 'utf8').split('\n')[0]!) as { transcript: unknown[] };

describe('oet command line', () => {
  test('evaluate: the six writing criteria with evidence quoted in place; --json for scripts; usage errors exit 2', () => {
    const notes = file('case-notes.txt', writingCase.caseNotes);
    const casual = file('casual.txt', writingCase.letters.find((l) => l.level === 'casual')!.text);
    const out = oet(['evaluate', casual, '--case-notes', notes, '--type', 'referral', '--reader', 'colleague', '--profession', 'medicine']);
    assert.equal(out.status, 0, out.stderr);
    for (const name of ['Purpose', 'Content', 'Conciseness & Clarity', 'Genre & Style', 'Organisation & Layout', 'Language']) assert.match(out.stdout, new RegExp(`^${name}  \\d/\\d`, 'm'));
    assert.match(out.stdout, /Estimated \d+\/500, grade [A-E+]+ \(an estimate/);
    assert.match(out.stdout, /contraction/);
    const json = oet(['evaluate', '-', '--case-notes', notes, '--type', 'referral', '--json'], writingCase.letters[0]!.text);
    assert.equal(json.status, 0, json.stderr);
    const parsed = JSON.parse(json.stdout) as { criteria: { name: string; score: number }[]; estimate: boolean };
    assert.equal(parsed.criteria.length, 6);
    assert.equal(parsed.estimate, true);
    assert.equal(oet(['evaluate', casual, '--case-notes', notes]).status, 2, 'the letter type is required');
    assert.equal(oet(['evaluate', casual, '--case-notes', notes, '--type', 'postcard']).status, 2);
    assert.equal(oet(['evaluate', casual, '--case-notes', path.join(dir, 'missing.txt'), '--type', 'referral']).status, 1);
  });

  test('speaking: a transcript file scored on the nine criteria; bad JSON exits 1 with a clear message', () => {
    const out = oet(['speaking', file('roleplay.json', JSON.stringify(roleplay.transcript)), '--json']);
    assert.equal(out.status, 0, out.stderr);
    assert.equal((JSON.parse(out.stdout) as { criteria: unknown[] }).criteria.length, 9);
    const bad = oet(['speaking', '-'], '{ not json');
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /BAD_USER_INPUT: the transcript is not JSON/);
    const noCandidate = oet(['speaking', '-'], JSON.stringify([{ speaker: 'INTERLOCUTOR', text: 'Hello?' }]));
    assert.equal(noCandidate.status, 1);
    assert.match(noCandidate.stderr, /BAD_USER_INPUT/);
  });

  test('redact: a file in, the text with placeholders out; --json gives offsets into both texts', () => {
    const note = file('note.txt', LETTER);
    const plain = oet(['redact', note]);
    assert.equal(plain.status, 0, plain.stderr);
    assert.equal(plain.stdout, 'Re: Mrs [NAME], DOB [DATE], NHS No. [INSURANCE_ID].\nShe is non-compliant with her inhalers.\n');
    const json = oet(['redact', '--strategy', 'MASK', '--json', note]);
    const parsed = JSON.parse(json.stdout) as { text: string; findings: { start: number; end: number; redactedStart: number; redactedEnd: number }[] };
    for (const f of parsed.findings) assert.equal(parsed.text.slice(f.redactedStart, f.redactedEnd), '*'.repeat(f.end - f.start));
  });

  test('safety: exit code follows the verdict (0 ALLOW, 3 WARN, 4 BLOCK), evidence quoted in place', () => {
    assert.equal(oet(['safety', '-'], 'The patient was reviewed on the ward and is improving.').status, 0);
    const warn = oet(['safety', file('letter.txt', LETTER)]);
    assert.equal(warn.status, 3, warn.stderr);
    assert.match(warn.stdout, /^WARN {2}4 finding\(s\)/);
    assert.match(warn.stdout, /BIAS JUDGEMENTAL MEDIUM · WARN · 2:8/);
    const block = oet(['safety', '--use', 'MODEL_OUTPUT', '-'], 'You should just kill yourself.');
    assert.equal(block.status, 4);
    assert.match(block.stdout, /CONTENT SELF_HARM/);
  });

  test('interactions and code answer from the knowledge packs', () => {
    const interactions = oet(['interactions', 'warfarin', 'aspirin', '--json']);
    assert.equal(interactions.status, 0, interactions.stderr);
    assert.equal((JSON.parse(interactions.stdout) as { interactions: { severity: string }[] }).interactions[0]!.severity, 'MAJOR');
    const code = oet(['code', 'type', '2', 'diabetes', '--json']);
    assert.equal((JSON.parse(code.stdout) as { code: string }[])[0]!.code, 'E11.9');
  });

  test('the operator commands run under oet with their own arguments and exit codes', () => {
    const packs = oet(['packs', 'list']);
    assert.equal(packs.status, 0, packs.stderr);
    assert.match(packs.stdout, /icd10cm/);
    assert.match(packs.stdout, /indications/);
    const models = oet(['models', 'list']);
    assert.equal(models.status, 0, models.stderr);
    assert.match(models.stdout, /clinical-ner/);
    assert.equal(oet(['packs', 'frobnicate']).status, 2);
  });

  test('bad input: missing file, binary file, empty input exit 1 with one line; wrong usage exits 2', () => {
    const missing = oet(['redact', path.join(dir, 'nope.txt')]);
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /^oet: .*nope\.txt: no such file\n$/);
    const binary = oet(['safety', file('blob.bin', Buffer.from([0x00, 0x01, 0x02, 0xff, 0xfe]))]);
    assert.equal(binary.status, 1);
    assert.match(binary.stderr, /^oet: BAD_USER_INPUT: /);
    const empty = oet(['redact'], '');
    assert.equal(empty.status, 1);
    assert.match(empty.stderr, /text is empty/);
    assert.equal(oet(['frobnicate']).status, 2);
    assert.equal(oet(['redact', '--strategy', 'SHRED', '-'], 'x').status, 2);
    assert.equal(oet(['interactions', 'warfarin']).status, 2);
  });
});
