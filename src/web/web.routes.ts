/**
 * The browser pages, served by this service alone (no CDN, so they work offline):
 * - GET /playground: GraphiQL with the schema docs and the example operations;
 * - GET /playground/examples.json: examples/operations.graphql, split into operations;
 * - GET /explore: the graph view (actors, positions, meetings and stance edges);
 * - GET /review: the review page (drafted stance candidates of a source, accepted by an editor);
 * - GET /web/assets/*: the bundled JS and CSS, content-hashed, so cached for a year;
 * - GET /graphql from a browser (Accept: text/html, no query): redirects to /playground, as
 *   Apollo's landing page is disabled. GraphQL GETs and POSTs pass through untouched.
 * Pages are bundled on first request when the bundle is missing or stale (web-build.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import express, { type Request, type Response, Router } from 'express';

import type { Logger } from '../logging/logger.js';
import { readExampleOperations } from './example-operations.js';
import { ensureWebBuild, WEB_ASSETS_DIR, WEB_ASSETS_URL, WEB_BUILD_DIR, type WebManifest, type WebPage } from './web-build.js';

/**
 * Only this origin: scripts, styles and fetches. It also makes "no CDN" a property the
 * browser enforces, not just a habit. Inline styles are allowed because React, GraphiQL and
 * Cytoscape set element styles; no inline script is needed or allowed.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

function setPageHeaders(res: Response): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  // Pages name the hashed assets of the current build; revalidate them on every visit.
  res.setHeader('Cache-Control', 'no-cache');
}

/** True for a browser navigation (HTML preferred over JSON) that carries no GraphQL query. */
function isBrowserVisit(req: Request): boolean {
  if (req.query['query'] !== undefined) return false;
  return req.accepts(['application/graphql-response+json', 'application/json', 'text/html']) === 'text/html';
}

export function webRoutes(logger: Logger): Router {
  const router = Router();

  // One build at a time per process; every page request re-checks, so an edit under web/
  // shows on reload while the server runs.
  let inFlight: Promise<WebManifest> | null = null;
  const currentBuild = (): Promise<WebManifest> => {
    inFlight ??= ensureWebBuild((line) => logger.info(line))
      .then((result) => result.manifest)
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  };

  const sendPage = (page: WebPage) => async (_req: Request, res: Response) => {
    let manifest: WebManifest;
    try {
      manifest = await currentBuild();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger.error('web bundle unavailable', { error: message });
      res.status(503).type('text/plain').send(`The ${page} page is not available: ${message}\n`);
      return;
    }
    setPageHeaders(res);
    res.type('html').send(readFileSync(join(WEB_BUILD_DIR, manifest.pages[page]), 'utf8'));
  };

  router.get('/graphql', (req, res, next) => {
    if (isBrowserVisit(req)) res.redirect(302, '/playground');
    else next();
  });
  // The bare address is where a newcomer lands first: send them to the playground.
  router.get('/', (_req, res) => res.redirect(302, '/playground'));
  router.get('/playground', sendPage('playground'));
  router.get('/explore', sendPage('explore'));
  router.get('/review', sendPage('review'));
  router.get('/playground/examples.json', (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    try {
      // Read on every request: the file is small and an edited example shows on reload.
      res.json({ examples: readExampleOperations().examples });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger.error('example operations unreadable', { error: message });
      res.status(500).json({ error: message });
    }
  });
  router.use(WEB_ASSETS_URL, express.static(WEB_ASSETS_DIR, { immutable: true, maxAge: '365d', index: false, redirect: false }));
  // An unknown asset is a plain 404, not Express's HTML error page.
  router.use(WEB_ASSETS_URL, (_req, res) => {
    res.status(404).type('text/plain').send('Not found\n');
  });
  return router;
}
