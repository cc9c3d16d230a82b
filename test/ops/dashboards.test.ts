import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, test } from '@jest/globals';
import { parse } from 'yaml';
import { startTestEngine, type TestEngine } from '../support/startTestEngine.js';
import { postGraphQL } from '../support/graphqlClient.js';
import { repoRoot } from '../support/paths.js';
import { roleTokens } from '../support/tokens.js';

interface Dashboard { uid: string; panels: { title: string; targets: { expr: string }[] }[] }
interface Rules { groups: { name: string; rules: { alert: string; expr: string; labels: { severity: string }; annotations: { summary: string } }[] }[] }

/** Metric families an expression reads (histogram series map to their family). */
function metricsIn(expr: string): string[] {
  return [...expr.matchAll(/\b(oet_[a-z0-9_]+)/g)].map((m) => m[1]!.replace(/_(?:bucket|sum|count)$/, ''));
}

const dashboard = JSON.parse(readFileSync(path.join(repoRoot, 'ops/grafana/oet-ai-engine.json'), 'utf8')) as Dashboard;
const rules = parse(readFileSync(path.join(repoRoot, 'ops/prometheus/alerts.yml'), 'utf8')) as Rules;

describe('Grafana dashboard and Prometheus alert rules', () => {
  let t: TestEngine;
  let exported: Set<string>;
  beforeAll(async () => {
    t = await startTestEngine();
    const tokens = await roleTokens();
    // One generation and one error, so the model and error series exist as well as their families.
    await postGraphQL(t.graphqlUrl, 'mutation { generate(input: { model: "tiny", prompt: "Once", maxTokens: 2 }) { text } }', { token: tokens.LEARNER });
    await postGraphQL(t.graphqlUrl, '{ model(id: "nope") { id } }');
    const body = await (await fetch(`${t.url}/metrics`)).text();
    exported = new Set([...body.matchAll(/^# TYPE (\S+) /gm)].map((m) => m[1]!));
  });
  afterAll(() => t.stop());

  test('the dashboard covers tokens/s, time to first token, queue depth, active sequences, error codes and latency', () => {
    const titles = dashboard.panels.map((p) => p.title.toLowerCase()).join(' | ');
    for (const topic of ['tokens per second', 'time to first token', 'queue depth', 'active sequences', 'errors by code', 'latency', 'evaluation latency']) assert.ok(titles.includes(topic), topic);
    for (const panel of dashboard.panels) assert.ok(panel.targets.length > 0 && panel.targets.every((target) => target.expr.trim() !== ''), panel.title);
  });

  test('every metric the dashboard and the alert rules read is one the engine exports', () => {
    const used = new Set([...dashboard.panels.flatMap((p) => p.targets.flatMap((target) => metricsIn(target.expr))), ...rules.groups.flatMap((g) => g.rules.flatMap((r) => metricsIn(r.expr)))]);
    assert.ok(used.size >= 8, [...used].join(', '));
    const missing = [...used].filter((m) => !exported.has(m));
    assert.deepEqual(missing, [], `not exported: ${missing.join(', ')}`);
  });

  test('alert rules cover queue saturation, error rate and model load failures, each with severity and summary', () => {
    const alerts = rules.groups.flatMap((g) => g.rules);
    for (const name of ['OetQueueSaturated', 'OetHighErrorRate', 'OetModelLoadFailures']) assert.ok(alerts.some((a) => a.alert === name), name);
    for (const a of alerts) {
      assert.ok(['warning', 'critical'].includes(a.labels.severity), a.alert);
      assert.ok(a.annotations.summary.length > 0, a.alert);
    }
  });
});
