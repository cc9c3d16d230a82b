/**
 * Jest runs the tsc-compiled tests in dist/test (tsc keeps the decorator metadata type-graphql needs), as native ES
 * modules: start it with `node --experimental-vm-modules` (see package.json). Three projects, each runnable alone
 * with `--selectProjects`: fast (pure units), model (loads the GGUF and ONNX models), integration (HTTP, graphql-ws,
 * Apollo Gateway, PostgreSQL, Redis, Chromium, the CLI). One file runs at a time (maxWorkers 1): the integration
 * and persistence tests share one PostgreSQL database and one Redis.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const rootDir = path.dirname(fileURLToPath(import.meta.url));
const tests = path.join(rootDir, 'dist/test');
const integration = ['cli', 'integration', 'ops', 'pages', 'persistence'].map((dir) => `${tests}/${dir}/**/*.test.js`);
const model = [
  'inference/**/*.test.js',
  'clinical/summaryAndScenario.test.js',
  'clinical/trainedRecognizer.test.js',
  'evaluation/languageAssessor.test.js',
  'evaluation/personalFeedback.test.js',
  'safety/claimVerifier.test.js',
  'safety/contentHead.test.js',
].map((glob) => `${tests}/${glob}`);

const common = {
  rootDir,
  roots: ['<rootDir>/dist/test'],
  // The compiled ES modules run as they are: no Babel.
  transform: {},
  testEnvironment: '<rootDir>/jest.environment.js',
  moduleFileExtensions: ['js', 'mjs', 'cjs', 'json', 'node'],
};

/** @type {import('jest').Config} */
export default {
  // node:test has no default timeout; a model load or a Chromium start on a busy machine takes tens of seconds.
  testTimeout: 300_000,
  // One test file at a time, as --runInBand, but in one worker process that is replaced when it holds more than the
  // limit after a file: in band, the suite's module registries pile up and the heap runs out (4 GB) near file 45.
  maxWorkers: 1,
  workerIdleMemoryLimit: '1GB',
  projects: [
    { ...common, displayName: 'fast', testMatch: [`${tests}/**/*.test.js`, ...[...integration, ...model].map((glob) => `!${glob}`)] },
    { ...common, displayName: 'model', testMatch: model },
    { ...common, displayName: 'integration', testMatch: integration },
  ],
};
