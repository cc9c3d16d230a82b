// Chart.js is loaded as a classic script (/app/assets/chart.umd.js) and sets window.Chart.
import type { Chart as ChartClass } from 'chart.js';

declare global {
  var Chart: typeof ChartClass;
}
export {};
