import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { defaultThreads } from '../../src/inference/runtime/defaultThreads.js';
import { calibratedThreads, readThreadCalibration, type ThreadCalibration } from '../../src/inference/runtime/threadCalibration.js';
import { tempDir } from './support.js';

const cores = os.availableParallelism();
const calibration = (overrides: Partial<ThreadCalibration> = {}): ThreadCalibration => ({
  cores,
  measuredAt: '2026-12-02T14:00:00.000Z',
  loadAverage: 0.5,
  entries: [
    { model: 'stories260k', parameterCount: 292_800, single: 1, batched: 1 },
    { model: 'smollm2-135m-instruct', parameterCount: 134_515_008, single: 1, batched: Math.min(2, cores) },
  ],
  ...overrides,
});

describe('thread calibration', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  beforeAll(async () => {
    dir = await tempDir();
  });
  afterAll(() => dir.remove());

  it('reads the file the threads bench writes and picks the entry nearest in size', async () => {
    const file = path.join(dir.dir, 'threads.json');
    await writeFile(file, JSON.stringify(calibration()));
    const read = readThreadCalibration(file);
    expect(read?.entries.length).toBe(2);
    // A 360M model is within 4x of SmolLM2-135M; a 7B model is near no entry.
    expect(calibratedThreads(read, 360_000_000, true)).toBe(Math.min(2, cores));
    expect(calibratedThreads(read, 360_000_000, false)).toBe(1);
    expect(calibratedThreads(read, 7_000_000_000, true)).toBeUndefined();
    expect(calibratedThreads(read, 300_000, true)).toBe(1);
  });

  it('ignores a missing file silently and a bad or foreign one with a reason', async () => {
    const problems: string[] = [];
    expect(readThreadCalibration(path.join(dir.dir, 'none.json'), (m) => problems.push(m))).toBeNull();
    expect(problems).toEqual([]);
    const bad = path.join(dir.dir, 'bad.json');
    await writeFile(bad, '{"cores": "two"}');
    expect(readThreadCalibration(bad, (m) => problems.push(m))).toBeNull();
    const foreign = path.join(dir.dir, 'foreign.json');
    await writeFile(foreign, JSON.stringify(calibration({ cores: cores + 1 })));
    expect(readThreadCalibration(foreign, (m) => problems.push(m))).toBeNull();
    expect(problems.length).toBe(2);
    expect(problems[1]).toContain(`${cores + 1} cores`);
  });

  it('lets the operator’s setting win, then the calibration, then the size rule; never more threads than cores', () => {
    const c = calibration({ entries: [{ model: 'big', parameterCount: 1_000_000_000, single: cores, batched: cores + 8 }] });
    expect(defaultThreads(1_000_000_000, 3, { calibration: c, batched: true })).toBe(3);
    expect(defaultThreads(1_000_000_000, undefined, { calibration: c, batched: true })).toBe(cores);
    expect(defaultThreads(292_800, undefined, { calibration: c })).toBe(1);
    expect(defaultThreads(134_515_008, undefined, { calibration: null })).toBe(cores);
  });
});
