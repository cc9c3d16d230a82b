import { createRequire } from 'node:module';
import path from 'node:path';
import express, { Router, type Response } from 'express';
import { projectRoot } from '../../projectRoot.js';

/**
 * The static web pages: `/app/evaluations/:id` (a report) and `/app/analytics`. Nothing here reads user data: the
 * pages call /graphql with the viewer's bearer token, so the API's own scoping decides what anyone sees.
 */
export function pagesRoutes(): Router {
  const router = Router();
  const pagesDir = path.join(projectRoot(), 'pages');
  // Chart.js from node_modules (no CDN at run time); the package's exports map names the CommonJS build, the UMD
  // build sits beside it.
  const chartJs = path.join(path.dirname(createRequire(import.meta.url).resolve('chart.js')), 'chart.umd.js');

  router.use('/app', (_req, res, next) => {
    securityHeaders(res);
    next();
  });
  router.get('/app/evaluations/:id', (_req, res) => res.sendFile(path.join(pagesDir, 'evaluation.html')));
  router.get('/app/analytics', (_req, res) => res.sendFile(path.join(pagesDir, 'analytics.html')));
  router.get('/app/assets/chart.umd.js', (_req, res) => res.type('text/javascript').sendFile(chartJs));
  router.use('/app/assets', express.static(path.join(pagesDir, 'assets'), { fallthrough: false, index: false, redirect: false }));
  return router;
}

/** Same-origin scripts, styles and API calls only: a token in sessionStorage is only as safe as the page's script. */
function securityHeaders(res: Response): void {
  res.set({
    'Content-Security-Policy': "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-cache',
  });
}
