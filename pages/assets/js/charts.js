// @ts-check
/** Chart.js figures, each with a data table beside it: the canvas is a picture, the table is the same data as text. */
import { el } from './dom.js';

/** Dark enough for 3:1 against white; lines also differ by dash and point shape, bars by their table. */
export const PALETTE = ['#0b5394', '#a11f1f', '#1e6b30', '#7a4b00', '#6a1b9a', '#005f6b', '#4a4a4a', '#b3006b', '#3d5a00'];
const DASHES = [[], [6, 3], [2, 2], [10, 4, 2, 4], [1, 4], [12, 6], [4, 4, 1, 4], [8, 2], [3, 6]];
const POINTS = /** @type {const} */ (['circle', 'rect', 'triangle', 'rectRot', 'cross', 'star', 'crossRot', 'line', 'dash']);

/**
 * @typedef {{ label: string, data: (number | null)[] }} Series
 * @typedef {{ id: string, title: string, summary: string, type: 'bar' | 'line', labels: string[], series: Series[],
 *   yTitle: string, yMax?: number, counts?: boolean, table: HTMLTableElement }} FigureSpec
 */

/** @param {FigureSpec} spec @returns {HTMLElement} */
export function figure(spec) {
  const canvas = el('canvas', { id: `${spec.id}-canvas`, role: 'img', 'aria-label': `${spec.title}. ${spec.summary} The data table follows.` });
  const node = el('figure', { class: 'chart', id: spec.id },
    el('figcaption', {}, spec.title),
    el('div', { class: 'chart-box' }, canvas),
    el('details', {}, el('summary', {}, `Data table: ${spec.title}`), spec.table));
  // Drawn once the canvas is in the document, so Chart.js can size it.
  queueMicrotask(() => draw(canvas, spec));
  return node;
}

/** @param {HTMLCanvasElement} canvas @param {FigureSpec} spec */
function draw(canvas, spec) {
  new Chart(canvas, {
    type: spec.type,
    data: {
      labels: spec.labels,
      datasets: spec.series.map((s, i) => ({
        label: s.label,
        data: s.data,
        backgroundColor: PALETTE[i % PALETTE.length],
        borderColor: PALETTE[i % PALETTE.length],
        borderDash: spec.type === 'line' ? DASHES[i % DASHES.length] : [],
        pointStyle: POINTS[i % POINTS.length],
        pointRadius: 4,
        spanGaps: true,
      })),
    },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { display: spec.series.length > 1, labels: { usePointStyle: true, color: '#1a1a1a' } } },
      scales: {
        x: { ticks: { color: '#1a1a1a' } },
        y: { beginAtZero: true, ...(spec.yMax !== undefined ? { max: spec.yMax } : {}), title: { display: true, text: spec.yTitle, color: '#1a1a1a' }, ticks: { color: '#1a1a1a', ...(spec.counts ? { precision: 0 } : {}) } },
      },
    },
  });
}

/** @param {string[]} headers @param {(string | number)[][]} rows @param {string} caption */
export function dataTable(headers, rows, caption) {
  return el('table', {},
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, ...rows.map((r) => el('tr', {}, ...r.map((c, i) => (i === 0 ? el('th', { scope: 'row' }, String(c)) : el('td', {}, String(c))))))));
}
