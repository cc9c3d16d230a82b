import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import ts from 'typescript';
import { repoRoot } from '../support/paths.js';

/**
 * The layers of src/, lowest first. A module may import its own layer and the layers below it, never one above:
 * server and graphql use app; app never reaches back into them. Each top-level folder (or file) of src/ has exactly
 * one place here; a new one fails the test until it is given a place, so the rule cannot be skipped by accident.
 */
const LAYERS: readonly (readonly string[])[] = [
  // Leaves: imported by everything, import nothing of ours.
  ['errors.ts', 'logger.ts', 'projectRoot.ts', 'failFastRedis.ts'],
  // Capabilities: plain TypeScript, no GraphQL/HTTP. config.ts sits here because it validates policy and keyring
  // settings with their own types (safety/policy, persistence/encryption) while they read config types.
  ['config.ts', 'inference', 'knowledge', 'clinical', 'safety', 'evaluation', 'persistence', 'pubsub', 'auth', 'metrics', 'queue', 'limits', 'responseCache'],
  // Use cases over the capabilities: guardrails, audit, records, the services bundle.
  ['app'],
  // The GraphQL schema and resolvers over app.
  ['graphql'],
  // HTTP and WebSocket transport over graphql and app.
  ['server'],
  // The composition root: builds every part and wires schema and server together.
  ['composition'],
  // Entry points.
  ['cli', 'main.ts'],
];

const srcDir = path.join(repoRoot, 'src');

function layerOf(relativeToSrc: string): number {
  const top = relativeToSrc.split('/')[0]!;
  return LAYERS.findIndex((names) => names.includes(top));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

interface Edge { from: string; to: string; fromLayer: number; toLayer: number }

/** Every relative import (static, type-only, re-export and dynamic) of every file under src/, as src-relative paths. */
function importEdges(): Edge[] {
  return sourceFiles(srcDir).flatMap((file) => {
    const from = path.relative(srcDir, file).split(path.sep).join('/');
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    return importedFiles
      .filter(({ fileName }) => fileName.startsWith('.'))
      .map(({ fileName }) => {
        const to = path.relative(srcDir, path.resolve(path.dirname(file), fileName)).split(path.sep).join('/');
        return { from, to, fromLayer: layerOf(from), toLayer: layerOf(to) };
      });
  });
}

describe('layering of src/', () => {
  const edges = importEdges();

  it('finds the imports it checks (the scan is not empty)', () => {
    // A broken scan (wrong root, parser change) would make the rules below pass vacuously.
    expect(edges.length).toBeGreaterThan(200);
    expect(edges).toContainEqual(expect.objectContaining({ from: 'server/createEngineServer.ts' }));
  });

  it('places every top-level folder and file of src/ in a layer', () => {
    const unplaced = readdirSync(srcDir).filter((name) => layerOf(name) === -1);
    const hint = 'add each to LAYERS in test/architecture/layers.test.ts, in the lowest layer whose imports it needs';
    expect(unplaced.map((name) => `src/${name}: ${hint}`)).toEqual([]);
  });

  it('imports only from its own layer or below', () => {
    const upward = edges
      // Folders with no layer are reported by the test above.
      .filter((edge) => edge.fromLayer >= 0 && edge.toLayer > edge.fromLayer)
      .map((edge) => `src/${edge.from} (${LAYERS[edge.fromLayer]!.join('|')}) imports src/${edge.to} (${LAYERS[edge.toLayer]!.join('|')})`);
    expect(upward).toEqual([]);
  });

  it('stays inside src/ (no imports of tests, scripts or ../shared)', () => {
    const outside = edges.filter((edge) => edge.to.startsWith('..')).map((edge) => `src/${edge.from} imports ${edge.to}`);
    expect(outside).toEqual([]);
  });
});
