import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { runPacksCli } from '../../src/cli/packs.js';
import { buildPack, inDependencyOrder, type PackLocations } from '../../src/knowledge/packs/buildPacks.js';
import { findPackDefinition, PACK_CATALOG } from '../../src/knowledge/packs/packCatalog.js';
import { packPath, readLock, sha256 } from '../../src/knowledge/packs/packFiles.js';
import { packLocations } from '../../src/knowledge/packs/locations.js';
import { SourceFormatError, type CompiledPack } from '../../src/knowledge/packs/packTypes.js';
import { loadKnowledgeBase } from '../../src/knowledge/loadKnowledgeBase.js';
import { sharedDataDir } from '../support/paths.js';
import { consoRow, relRow } from './importers/fixtures.js';

const repoPacks = packLocations({ dataDir: sharedDataDir, packsDir: 'unused' });
let root: string;
let locations: PackLocations;
const built = new Map<string, CompiledPack>();

/** Temp folders for compiled packs: the tests never write into the repository's knowledge/packs. */
beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'oet-packs-'));
  locations = { ...repoPacks, shippedDir: path.join(root, 'shipped'), userDir: path.join(root, 'user') };
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function io(extra: Partial<Parameters<typeof runPacksCli>[1]> = {}) {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      stdout: { write: (t: string) => (out.stdout += t) },
      stderr: { write: (t: string) => (out.stderr += t) },
      env: { OET_DATA_DIR: sharedDataDir },
      cwd: root,
      locations,
      ...extra,
    },
  };
}

async function sourceError(run: () => Promise<unknown>): Promise<SourceFormatError> {
  const error = await run().then(() => undefined, (e: unknown) => e);
  assert.ok(error instanceof SourceFormatError, `expected a SourceFormatError, got ${String(error)}`);
  return error;
}

describe('packs built from the official files in OET_DATA_DIR', () => {
  test('every pack compiles, with row counts that match the sources', async () => {
    for (const definition of inDependencyOrder(PACK_CATALOG.map((d) => d.id))) {
      const { pack } = await buildPack(definition, locations, { built });
      const tableRows = Object.values(pack.body.tables).reduce<number>((n, t) => n + (Array.isArray(t) ? t.length : 1), 0);
      assert.ok(pack.body.concepts.length + pack.body.names.length + pack.body.interactionRules.length + tableRows > 0, definition.id);
    }
    assert.equal(built.get('icd10cm')!.rows.codes, 95_358);
    assert.equal(built.get('icd10cm')!.rows.billable, 72_621);
    assert.equal(built.get('drugbank-open')!.rows.drugs, 19_853);
    assert.equal(built.get('mesh')!.rows.descriptors, 28_470);
    assert.equal(built.get('drugsatfda')!.rows.products, 43_877);
    assert.equal(built.get('ddinter')!.rows.pairs, 160_235);
    assert.equal(built.get('columbia')!.rows.pairs, 2_129);
    assert.equal(built.get('ddinter')!.commercialUse, false);
    assert.equal(built.get('columbia')!.commercialUse, false);
    assert.ok(built.get('open-interactions')!.rows.rules! >= 150);
    assert.equal(built.get('dose-ranges')!.rows.ranges, 278);
  });

  test('the shipped packs in the repository are exactly what the sources compile to', async () => {
    const committed = await readLock(repoPacks.shippedDir);
    const rebuilt = await readLock(locations.shippedDir);
    for (const definition of PACK_CATALOG.filter((d) => d.distribution === 'shipped')) {
      assert.ok(committed[definition.id], `${definition.id} is committed`);
      assert.equal(rebuilt[definition.id]?.sha256, committed[definition.id]!.sha256, `${definition.id} rebuilds byte for byte`);
      assert.equal(sha256(readFileSync(packPath(repoPacks.shippedDir, definition.id))), committed[definition.id]!.sha256);
    }
    for (const id of ['ddinter', 'columbia']) assert.equal(committed[id], undefined, `${id} is never committed`);
  });

  test('a malformed source names its file and line, and leaves the previous compiled pack intact', async () => {
    const icd = findPackDefinition('icd10cm')!;
    const before = sha256(readFileSync(packPath(locations.shippedDir, 'icd10cm')));
    const bad = path.join(root, 'icd10cm_bad.csv');
    writeFileSync(bad, 'code,code_dotted,billable,short_description,long_description\nA00,A00,0,Cholera,Cholera\nA000,A00.0,yes,Cholera,Cholera due to Vibrio\n');
    const error = await sourceError(() => buildPack(icd, locations, { files: [bad] }));
    assert.equal(error.file, 'icd10cm_bad.csv');
    assert.equal(error.line, 3);
    assert.match(error.message, /billable flag must be 0 or 1/);
    assert.doesNotMatch(error.message, new RegExp(root), 'no directories in the message');
    assert.equal(sha256(readFileSync(packPath(locations.shippedDir, 'icd10cm'))), before);

    const ragged = path.join(root, 'Products.txt');
    writeFileSync(ragged, 'ApplNo\tProductNo\tForm\tStrength\tReferenceDrug\tDrugName\tActiveIngredient\tReferenceStandard\n000004\t004\tTABLET;ORAL\t1%\t0\tPAREDRINE\n');
    const short = await sourceError(() => buildPack(findPackDefinition('drugsatfda')!, locations, { files: [ragged], built }));
    assert.equal(short.line, 2);

    const binary = path.join(root, 'drugbank vocabulary.csv');
    writeFileSync(binary, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff]));
    assert.match((await sourceError(() => buildPack(findPackDefinition('drugbank-open')!, locations, { files: [binary] }))).message, /binary/);

    const ddinter = path.join(root, 'ddinter.csv');
    writeFileSync(ddinter, 'DDInterID_A,Drug_A,DDInterID_B,Drug_B,Level\nDDInter1,Warfarin,DDInter2,Aspirin,Severe\n');
    const level = await sourceError(() => buildPack(findPackDefinition('ddinter')!, locations, { files: [ddinter], built }));
    assert.equal(level.line, 2);
    assert.match(level.message, /Major, Moderate, Minor or Unknown/);
  });

  test('a curated file with an unknown drug is rejected with the JSON path of the entry', async () => {
    const curated = path.join(root, 'curated');
    cpSync(repoPacks.curatedDir, curated, { recursive: true });
    const file = path.join(curated, 'interactions.json');
    const data = JSON.parse(readFileSync(file, 'utf8')) as { rules: { a: { drug?: string } }[] };
    data.rules[3]!.a = { drug: 'Notarealdrugamab' };
    writeFileSync(file, JSON.stringify(data));
    const error = await sourceError(() => buildPack(findPackDefinition('open-interactions')!, { ...locations, curatedDir: curated }, { built }));
    assert.equal(error.file, 'interactions.json');
    assert.match(error.message, /rules\.3\.a: "Notarealdrugamab" is not a DrugBank drug name/);
  });

  test('opt-in packs load only when named, and label their answers non-commercial', async () => {
    const knowledge = await loadKnowledgeBase({ locations, optIn: ['ddinter'] });
    assert.ok(knowledge.sources().some((s) => s.id === 'ddinter' && !s.commercialUse));
    // A pair only DDInter knows: its answer carries DDInter's licence.
    const check = knowledge.checkDrugInteractions(['Abacavir', 'Ketotifen']);
    assert.equal(check.interactions[0]?.licence, 'CC BY-NC-SA 4.0 (non-commercial use only)');
    assert.equal(check.interactions[0]?.commercialUse, false);
    assert.equal(check.interactions[0]?.sourceSeverity, 'Unknown');
    // Where the curated pack has a rule, it stays the answer; DDInter's is listed beside it.
    const warfarin = knowledge.checkDrugInteractions(['warfarin', 'ibuprofen']).interactions[0]!;
    assert.equal(warfarin.commercialUse, true);
  });
});

describe('packs command line', () => {
  test('list shows every pack with its distribution, licence and status', async () => {
    const { out, io: cli } = io();
    assert.equal(await runPacksCli(['list'], cli), 0);
    for (const id of [...PACK_CATALOG.map((d) => d.id), 'rxnorm', 'snomed', 'loinc', 'umls']) assert.match(out.stdout, new RegExp(`^${id} `, 'm'));
    assert.match(out.stdout, /^ddinter +opt-in +no /m);
  });

  test('build writes packs and reports rows; verify passes, then fails on a corrupted pack', async () => {
    const { out, io: cli } = io();
    assert.equal(await runPacksCli(['build', 'drug-names'], cli), 0);
    assert.match(out.stdout, /drug-names: entries [\d,]+/);
    const verify = io();
    assert.equal(await runPacksCli(['verify'], verify.io), 0);
    assert.match(verify.out.stdout, /^ok +drug-names/m);
    writeFileSync(packPath(locations.shippedDir, 'drug-names'), 'not gzip');
    const broken = io();
    assert.equal(await runPacksCli(['verify'], broken.io), 1);
    assert.match(broken.out.stdout, /FAILED +drug-names: pack "drug-names" does not match its checksum/);
    assert.equal(await runPacksCli(['build', 'drug-names'], io().io), 0);
  });

  test('import of a malformed file exits 1 naming the file and line; wrong usage exits 2', async () => {
    const bad = path.join(root, 'icd10cm-order-2026.txt');
    writeFileSync(bad, '00001 A00     0 Cholera                                                      Cholera\nshort line\n');
    const failed = io();
    assert.equal(await runPacksCli(['import', 'icd10cm', bad], failed.io), 1);
    assert.match(failed.out.stderr, /icd10cm-order-2026\.txt, line 2: expected the fixed-width order-file layout/);
    const usage = io();
    assert.equal(await runPacksCli(['import', 'nosuchpack', bad], usage.io), 2);
    assert.equal(await runPacksCli(['frobnicate'], io().io), 2);
  });

  test('a licensed terminology the user imports is loaded from the user folder, never the repository', async () => {
    const dir = mkdtempSync(path.join(root, 'rxnorm-'));
    writeFileSync(path.join(dir, 'RXNCONSO.RRF'), [consoRow({ cui: '83367', tty: 'IN', str: 'atorvastatin' }), consoRow({ cui: '153165', tty: 'BN', str: 'Lipitor' })].join('\n') + '\n');
    writeFileSync(path.join(dir, 'RXNREL.RRF'), `${relRow('83367', 'tradename_of', '153165')}\n`);
    const { out, io: cli } = io();
    assert.equal(await runPacksCli(['import', 'rxnorm', path.join(dir, 'RXNCONSO.RRF'), path.join(dir, 'RXNREL.RRF')], cli), 0, out.stderr);
    assert.ok((await readLock(locations.userDir)).rxnorm);
    assert.equal((await readLock(repoPacks.shippedDir)).rxnorm, undefined);
    const knowledge = await loadKnowledgeBase({ locations, optIn: [] });
    const rxnorm = knowledge.sources().find((s) => s.id === 'rxnorm');
    assert.equal(rxnorm?.commercialUse, false);
    assert.equal(knowledge.concept('rxnorm:153165')?.name, 'Lipitor');
  });
});
