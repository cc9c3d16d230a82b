// @ts-check
/** Teacher and assessor analytics: distributions, a learner's progress, group means and engine–assessor agreement. */
import { ApiError, explain, graphql } from './api.js';
import { dataTable, figure } from './charts.js';
import { el, showMessage } from './dom.js';
import { initSession } from './session.js';

/**
 * @typedef {{ criterion: string, score: number, count: number }} ScoreCount
 * @typedef {{ criterion: string, group: string | null, mean: number, count: number }} GroupMean
 * @typedef {{ criterion: string, group: string | null, n: number, qwk: number | null, exact: number | null, adjacent: number | null, meanDifference: number | null }} Agreement
 * @typedef {{ all: { distribution: ScoreCount[], means: GroupMean[], agreement: Agreement[], drift: Agreement[] },
 *   learner?: { progress: GroupMean[] } | null }} Result
 */

const QUERY = `query Analytics($filter: EvaluationAnalyticsFilter!, $learner: EvaluationAnalyticsFilter!, $withLearner: Boolean!, $groupBy: MeanGrouping!) {
  all: evaluationAnalytics(filter: $filter) {
    distribution { criterion score count }
    means(groupBy: $groupBy) { criterion group mean count }
    agreement { criterion group n qwk exact adjacent meanDifference }
    drift: agreement(groupBy: WEEK) { criterion group n qwk exact adjacent meanDifference }
  }
  learner: evaluationAnalytics(filter: $learner) @include(if: $withLearner) { progress { criterion group mean count } }
}`;

/** OET's scales, for the x axis of a distribution (scores nobody got still show as 0). */
const MAX = /** @type {Record<string, number>} */ ({
  Purpose: 3, Content: 7, 'Conciseness & Clarity': 7, 'Genre & Style': 7, 'Organisation & Layout': 7, Language: 7,
  Intelligibility: 6, Fluency: 6, 'Appropriateness of Language': 6, 'Resources of Grammar and Expression': 6,
});
/** OET's order of criteria (the API sorts by name). */
const ORDER = [...Object.keys(MAX), 'Relationship-building', "Understanding & incorporating the patient's perspective", 'Providing structure', 'Information-gathering', 'Information-giving'];
/** @param {string} c */
const rank = (c) => (ORDER.includes(c) ? ORDER.indexOf(c) : ORDER.length);
const PROFESSIONS = ['MEDICINE', 'NURSING', 'PHARMACY', 'DENTISTRY', 'PHYSIOTHERAPY', 'OCCUPATIONAL_THERAPY', 'DIETETICS', 'RADIOGRAPHY', 'SPEECH_PATHOLOGY', 'PODIATRY', 'OPTOMETRY', 'VETERINARY_SCIENCE', 'OTHER'];
const LETTER_TYPES = ['REFERRAL', 'DISCHARGE', 'TRANSFER', 'ADVICE', 'COMPLAINT_REPLY', 'UPDATE'];

const form = /** @type {HTMLFormElement} */ (document.getElementById('filters'));
const out = /** @type {HTMLElement} */ (document.getElementById('analytics'));
enumSelect('profession', PROFESSIONS);
enumSelect('letterType', LETTER_TYPES);
form.addEventListener('submit', (event) => {
  event.preventDefault();
  void load();
});
initSession(() => void load());

/** Replaces a free-text input with a select of the API's enum values. @param {string} name @param {string[]} values */
function enumSelect(name, values) {
  const input = /** @type {HTMLInputElement} */ (form.elements.namedItem(name));
  const select = el('select', { name }, el('option', { value: '' }, 'Any'), ...values.map((v) => el('option', { value: v }, pretty(v))));
  input.replaceWith(select);
}

async function load() {
  const f = new FormData(form);
  const text = (/** @type {string} */ name) => String(f.get(name) ?? '').trim();
  /** @type {Record<string, string>} */
  const filter = { kind: text('kind') || 'WRITING' };
  for (const name of ['cohortId', 'profession', 'letterType']) if (text(name)) filter[name] = text(name);
  if (text('from')) filter.from = new Date(`${text('from')}T00:00:00Z`).toISOString();
  if (text('to')) filter.to = new Date(`${text('to')}T23:59:59Z`).toISOString();
  const learnerId = text('learnerId');
  const groupBy = text('groupBy') || 'COHORT';
  out.replaceChildren();
  showMessage('Loading analytics…', 'status');
  try {
    const r = /** @type {Result} */ (await graphql(QUERY, { filter, learner: { ...filter, learnerId: learnerId || 'none' }, withLearner: Boolean(learnerId), groupBy }));
    showMessage(`Showing ${filter.kind.toLowerCase()} evaluations you may see.`, 'status');
    out.append(distributions(r.all.distribution), progress(learnerId, r.learner?.progress ?? []), means(r.all.means, groupBy), agreement(r.all.agreement, r.all.drift));
  } catch (error) {
    showMessage(error instanceof ApiError ? explain(error) : String(error), 'error');
  }
}

/** @param {string} id @param {string} title @param {...(Node | string)} content */
function section(id, title, ...content) {
  return el('section', { class: 'panel', 'aria-labelledby': `${id}-h` }, el('h2', { id: `${id}-h` }, title), ...content);
}

/** @param {ScoreCount[]} rows */
function distributions(rows) {
  const criteria = criteriaOf(rows);
  if (!criteria.length) return section('dist', 'Score distributions', el('p', {}, 'No scored evaluations match these filters.'));
  return section('dist', 'Score distributions', el('div', { class: 'grid' }, ...criteria.map((c, i) => {
    const max = MAX[c] ?? Math.max(3, ...rows.filter((r) => r.criterion === c).map((r) => r.score));
    const scores = Array.from({ length: max + 1 }, (_, s) => s);
    const counts = scores.map((s) => rows.find((r) => r.criterion === c && r.score === s)?.count ?? 0);
    const total = counts.reduce((a, b) => a + b, 0);
    return figure({
      id: `dist-${i}`, type: 'bar', title: `${c}: evaluations per score`, yTitle: 'Evaluations', counts: true,
      summary: `${total} evaluations; most often scored ${scores[counts.indexOf(Math.max(...counts))]} of ${max}.`,
      labels: scores.map(String), series: [{ label: c, data: counts }],
      table: dataTable(['Score', 'Evaluations'], scores.map((s, k) => [s, counts[k] ?? 0]), `${c}: evaluations per score`),
    });
  })));
}

/** @param {string} learnerId @param {GroupMean[]} rows */
function progress(learnerId, rows) {
  if (!learnerId) return section('progress', 'Learner progress', el('p', {}, 'Enter a learner id above to see their weekly mean per criterion.'));
  if (!rows.length) return section('progress', `Progress of ${learnerId}`, el('p', {}, 'No scored evaluations for this learner (or you may not see them).'));
  return section('progress', `Progress of ${learnerId}`, byGroupFigure('progress', `Weekly mean per criterion, ${learnerId}`, 'line', rows, 'Week', 'Mean score'));
}

/** @param {GroupMean[]} rows @param {string} groupBy */
function means(rows, groupBy) {
  const by = pretty(groupBy).toLowerCase();
  if (!rows.length) return section('means', `Means by ${by}`, el('p', {}, 'No scored evaluations match these filters.'));
  const criteria = criteriaOf(rows);
  const groups = unique(rows.map((r) => r.group ?? '(none)'));
  return section('means', `Means by ${by}`, figure({
    id: 'means-chart', type: 'bar', title: `Mean score per criterion by ${by}`, yTitle: 'Mean score',
    summary: `${groups.length} groups compared over ${criteria.length} criteria.`,
    labels: criteria, series: groups.map((g) => ({ label: g, data: criteria.map((c) => rows.find((r) => r.criterion === c && (r.group ?? '(none)') === g)?.mean ?? null) })),
    table: dataTable(['Criterion', pretty(groupBy), 'Mean', 'Evaluations'], rows.map((r) => [r.criterion, r.group ?? '(none)', fixed(r.mean), r.count]), `Mean score per criterion by ${by}`),
  }));
}

/** @param {Agreement[]} overall @param {Agreement[]} drift */
function agreement(overall, drift) {
  if (!overall.length) return section('agreement', 'Engine–assessor agreement', el('p', {}, 'No assessor has scored any of these evaluations yet.'));
  const table = dataTable(['Criterion', 'n', 'QWK', 'Exact', 'Adjacent (±1)', 'Mean difference (engine − assessor)'],
    [...overall].sort((x, y) => rank(x.criterion) - rank(y.criterion)).map((a) => [a.criterion, a.n, fixed(a.qwk), percent(a.exact), percent(a.adjacent), fixed(a.meanDifference)]), 'Agreement per criterion, all evaluations');
  table.id = 'agreement-table';
  const rows = drift.map((a) => ({ criterion: a.criterion, group: a.group, mean: a.qwk ?? Number.NaN, count: a.n }));
  return section('agreement', 'Engine–assessor agreement',
    el('p', {}, 'Quadratic weighted kappa (QWK) 1 is perfect agreement, 0 chance; exact and adjacent are shares of scores equal or within one band. A positive mean difference means the engine is more lenient.'),
    table,
    byGroupFigure('drift', 'Agreement (QWK) per criterion by week (drift)', 'line', rows, 'Week', 'QWK'));
}

/** A chart of one value per criterion per group (weeks), with its table. @param {string} id @param {string} title
 * @param {'bar' | 'line'} type @param {GroupMean[]} rows @param {string} groupTitle @param {string} yTitle */
function byGroupFigure(id, title, type, rows, groupTitle, yTitle) {
  const criteria = criteriaOf(rows);
  const groups = unique(rows.map((r) => r.group ?? '')).sort();
  return figure({
    id, type, title, yTitle,
    summary: `${criteria.length} criteria over ${groups.length} ${groupTitle.toLowerCase()}s, ${groups[0]} to ${groups[groups.length - 1]}.`,
    labels: groups,
    series: criteria.map((c) => ({ label: c, data: groups.map((g) => { const v = rows.find((r) => r.criterion === c && (r.group ?? '') === g)?.mean; return v === undefined || Number.isNaN(v) ? null : v; }) })),
    table: dataTable(['Criterion', groupTitle, yTitle, 'n'], rows.map((r) => [r.criterion, r.group ?? '', fixed(Number.isNaN(r.mean) ? null : r.mean), r.count]), title),
  });
}

/** The criteria in rows, in OET's order. @param {{ criterion: string }[]} rows */
function criteriaOf(rows) {
  return unique(rows.map((r) => r.criterion)).sort((x, y) => rank(x) - rank(y));
}
/** @param {string[]} values */
function unique(values) {
  return [...new Set(values)];
}
/** @param {number | null} v */
function fixed(v) {
  return v === null ? '—' : v.toFixed(2);
}
/** @param {number | null} v */
function percent(v) {
  return v === null ? '—' : `${Math.round(v * 100)}%`;
}
/** @param {string} v */
function pretty(v) {
  const words = v.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
