/**
 * The pages a new user opens, in a real browser (Debian's chromium, driven by
 * playwright-core): the playground runs an example operation and shows its result; the graph
 * view draws the seeded graph and shows a source quote on click. Every request to a host
 * other than this server is recorded and refused, as if the network cable were out, so a
 * CDN dependency fails the test. Screenshots go to test-output/screenshots/; with
 * UPDATE_SCREENSHOTS=1 the final ones also replace docs/screenshots/ (shown in the README).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import type { Core } from 'cytoscape';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type App, createApp } from '../../src/app.js';
import { PROJECT_ROOT } from '../../src/config/paths.js';
import { CHROMIUM_ARGS, ensureChromium } from '../helpers/chromium.js';
import { deleteRunData, runMarker } from '../helpers/curation.js';
import { testConfig } from '../helpers/test-app.js';

/**
 * What the pages expose for tests (web/playground/main.tsx, web/explore/main.ts). The
 * page.evaluate callbacks below run in the browser, where this is the real window.
 */
declare const window: {
  __playground?: { lastResponse: unknown };
  __explore?: { cy: Core | null; nodes: number };
};

const SCREENSHOTS = join(PROJECT_ROOT, 'test-output', 'screenshots');
const marker = runMarker();
const DOC_SCREENSHOTS = join(PROJECT_ROOT, 'docs', 'screenshots');
const VIEWPORT = { width: 1440, height: 900 };

let app: App;
let server: Server;
let baseUrl: string;
let browser: Browser;
/** Requests the pages tried to send anywhere but this server. */
const foreignRequests: string[] = [];

beforeAll(async () => {
  // Installing chromium with apt can take minutes on a fresh machine.
  const executablePath = ensureChromium();
  // Served as main.ts serves it, subscriptions (WebSocket on /graphql) included.
  server = createServer();
  app = await createApp(testConfig({ SUBSCRIPTION_POLL_MS: '200' }), { httpServer: server });
  await app.database.prepare();
  server.on('request', app.http);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  if (app) await deleteRunData(app, marker);
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await app?.stop();
});

interface Session {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions and console errors (a CSP violation is one). */
  problems: string[];
}

async function openSession(): Promise<Session> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.origin === baseUrl || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    foreignRequests.push(url.href);
    return route.abort('internetdisconnected');
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  return { context, page, problems };
}

async function screenshot(page: Page, name: string, publish = false): Promise<void> {
  const file = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file });
  // The README's screenshots change only when asked (UPDATE_SCREENSHOTS=1), so a test run
  // leaves the working tree clean.
  if (publish && process.env['UPDATE_SCREENSHOTS'] === '1') {
    mkdirSync(DOC_SCREENSHOTS, { recursive: true });
    copyFileSync(file, join(DOC_SCREENSHOTS, `${name}.png`));
  }
}

describe('HTTP: the pages and the GraphQL endpoint side by side', () => {
  it('a browser visit to /graphql lands on the playground; GraphQL requests are answered as before', async () => {
    const visit = await fetch(`${baseUrl}/graphql`, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' }, redirect: 'manual' });
    expect(visit.status).toBe(302);
    expect(visit.headers.get('location')).toBe('/playground');
    const root = await fetch(`${baseUrl}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/playground');

    const post = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ actor(id: "actor:russia") { name } }' }),
    });
    expect(await post.json()).toEqual({ data: { actor: { name: 'Russia' } } });

    const get = await fetch(`${baseUrl}/graphql?query=${encodeURIComponent('{ actor(id: "actor:ukraine") { name } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(await get.json()).toEqual({ data: { actor: { name: 'Ukraine' } } });
  });

  it('CSRF prevention stays on: a simple cross-site-style POST is refused', async () => {
    const response = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    // Refused as not JSON (415) before Apollo's own CSRF check would refuse it (400).
    expect(response.status).toBe(415);
    expect(((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions.code).toBe('BAD_REQUEST');
  });

  it('serves the pages with a same-origin content policy and the assets with long-lived caching', async () => {
    for (const path of ['/playground', '/explore']) {
      const page = await fetch(`${baseUrl}${path}`);
      expect(page.status, path).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      const html = await page.text();
      const assets = [...html.matchAll(/(?:src|href)="(\/web\/assets\/[^"]+)"/g)].map((m) => m[1]!);
      expect(assets.length, path).toBeGreaterThanOrEqual(2);
      for (const asset of assets) {
        const response = await fetch(`${baseUrl}${asset}`);
        expect(response.status, asset).toBe(200);
        expect(response.headers.get('content-type'), asset).toMatch(asset.endsWith('.js') ? /javascript/ : /text\/css/);
        expect(response.headers.get('cache-control'), asset).toContain('immutable');
      }
    }
    expect((await fetch(`${baseUrl}/web/assets/missing-0000.js`)).status).toBe(404);
    const examples = (await (await fetch(`${baseUrl}/playground/examples.json`)).json()) as { examples: Array<{ name: string }> };
    expect(examples.examples.map((e) => e.name)).toContain('WhoRejectedWhat');
  });
});

describe('in the browser', () => {
  it('the playground runs an example operation in one click and shows its result', async () => {
    const { context, page, problems } = await openSession();
    try {
      await page.goto(`${baseUrl}/graphql`);
      expect(new URL(page.url()).pathname).toBe('/playground');
      await page.locator('.graphiql-container').waitFor();
      // The examples panel is open, and the schema docs explorer is one button away.
      const example = page.locator('button[data-operation="AgreedOnJune2"]');
      await example.waitFor();
      await expect(page.locator('button[aria-label="Show Documentation Explorer"]').count()).resolves.toBe(1);

      await example.click();
      // The result pane shows the answer: the 2 June meeting at Çırağan Palace, and what was agreed.
      const response = page.locator('.graphiql-response');
      await response.getByText('Çırağan Palace').first().waitFor({ timeout: 20_000 });
      await expect(response.innerText()).resolves.toContain('"stances"');
      const last = (await page.evaluate(() => window.__playground?.lastResponse)) as { data?: { stances?: { total: number } }; errors?: unknown };
      expect(last.errors).toBeUndefined();
      expect(last.data?.stances?.total).toBeGreaterThan(0);
      // It ran in a tab of its own, next to the first example.
      await expect(page.locator('.graphiql-tab').count()).resolves.toBeGreaterThanOrEqual(2);

      await screenshot(page, 'playground', true);
      expect(problems).toEqual([]);
    } catch (error) {
      await screenshot(page, 'playground-failure');
      throw new Error(`${error instanceof Error ? error.message : String(error)}\nBrowser problems: ${JSON.stringify(problems)}`, { cause: error });
    } finally {
      await context.close();
    }
  });

  it('the playground runs a subscription and shows a change as it happens', async () => {
    const { context, page, problems } = await openSession();
    const editor = { tokenId: 'browser-test', name: `browser-${marker}`, role: 'editor' as const };
    const write = async (query: string, variables: Record<string, unknown>) => {
      const response = await app.apollo.executeOperation({ query, variables }, { contextValue: app.createContext({ principal: editor }) });
      expect(response.body.kind === 'single' && response.body.singleResult.errors).toBeUndefined();
    };
    const ids = {
      source: `source:${marker}-browser`,
      actor: `actor:${marker}-browser`,
      position: `position:${marker}-browser`,
      stance: `stance:${marker}-browser`,
    };
    try {
      await write('mutation ($input: CreateSourceInput!) { createSource(input: $input) { id } }', {
        input: { id: ids.source, publisher: 'Browser Wire', title: 'Live', publishedAt: '2025-06-05', language: 'en' },
      });
      await write('mutation ($input: CreateActorInput!) { createActor(input: $input) { id } }', {
        input: { id: ids.actor, name: 'Browser Envoy', kind: 'PERSON', evidence: [{ sourceId: ids.source, quote: 'The envoy.' }] },
      });
      await write('mutation ($input: CreatePositionInput!) { createPosition(input: $input) { id } }', {
        input: { id: ids.position, type: 'PROPOSAL', title: 'A browser truce', topics: ['CEASEFIRE'], evidence: [{ sourceId: ids.source, quote: 'A truce.' }] },
      });

      await page.goto(`${baseUrl}/playground`);
      await page.locator('.graphiql-query-editor .CodeMirror').first().waitFor();
      await page.locator('.graphiql-query-editor .CodeMirror').first().click();
      await page.keyboard.press('Control+A');
      await page.keyboard.insertText(`subscription LiveStances { stanceChanged(filter: { actorIds: ["${ids.actor}"] }) { change stanceId } }`);
      // GraphiQL parses the editor after a 100 ms debounce; run what was typed, not the previous tab.
      await page.waitForTimeout(500);
      await page.locator('.graphiql-execute-button').click();
      // The subscription is open once the button offers to stop it; give the server a moment to register it.
      await page.waitForTimeout(1500);
      await write('mutation ($input: RecordStanceInput!) { recordStance(input: $input) { id } }', {
        input: { id: ids.stance, kind: 'PROPOSED', actorId: ids.actor, positionId: ids.position, evidence: [{ sourceId: ids.source, quote: 'Proposed.' }] },
      });
      const response = page.locator('.graphiql-response');
      await response.getByText('RECORDED').first().waitFor({ timeout: 20_000 });
      const last = (await page.evaluate(() => window.__playground?.lastResponse)) as { data?: { stanceChanged?: unknown } };
      expect(last.data?.stanceChanged).toEqual({ change: 'RECORDED', stanceId: ids.stance });
      await screenshot(page, 'playground-subscription');
      expect(problems).toEqual([]);
    } catch (error) {
      await screenshot(page, 'playground-subscription-failure');
      throw new Error(`${error instanceof Error ? error.message : String(error)}\nBrowser problems: ${JSON.stringify(problems)}`, { cause: error });
    } finally {
      await context.close();
    }
  });

  it('the graph view draws the seeded graph, filters it, and shows sources with quotes on click', async () => {
    const { context, page, problems } = await openSession();
    try {
      await page.goto(`${baseUrl}/explore`);
      await page.locator('body[data-state="ready"]').waitFor({ timeout: 30_000 });

      const drawn = await page.evaluate(() => {
        const cy = window.__explore!.cy!;
        const has = (id: string) => cy.getElementById(id).nonempty();
        return {
          nodes: cy.nodes().length,
          edges: cy.edges().length,
          seeded: ['actor:russia', 'actor:ukraine', 'actor:vladimir-medinsky', 'position:unconditional-30-day-ceasefire', 'meeting:istanbul-2025-06-02'].filter(
            has,
          ),
          rejectedColour: cy.getElementById('stance:russia-rejected-unconditional-30-day-ceasefire').style('line-color'),
          agreedColour: cy.getElementById('stance:ukraine-agreed_to-bodies-exchange-6000-for-6000').style('line-color'),
        };
      });
      expect(drawn.nodes).toBeGreaterThan(30);
      expect(drawn.edges).toBeGreaterThan(50);
      expect(drawn.seeded).toHaveLength(5);
      expect(drawn.rejectedColour).toBe('rgb(220,38,38)');
      expect(drawn.agreedColour).toBe('rgb(22,163,74)');
      await expect(page.locator('#status').innerText()).resolves.toMatch(/\d+ nodes · \d+ edges/);
      await screenshot(page, 'explore-all');

      // Whom a stance is addressed to and whom a position involves: their own edge styles, and
      // legend toggles like the other kinds.
      const relations = () =>
        page.evaluate(() => {
          const cy = window.__explore!.cy!;
          const target = cy.getElementById('target:stance:russia-proposed-withdrawal-from-four-regions->actor:ukraine');
          const involvement = cy.edges('[kind = "involvement"]');
          return {
            targets: cy.edges('[kind = "target"]').length,
            involvements: involvement.length,
            targetStyle: target.nonempty() ? [target.style('line-style'), target.style('line-color')] : null,
            involvementColour: involvement.nonempty() ? involvement.first().style('line-color') : null,
          };
        });
      const shown = await relations();
      expect(shown.targets).toBeGreaterThan(10);
      expect(shown.involvements).toBeGreaterThan(10);
      expect(shown.targetStyle).toEqual(['dashed', 'rgb(37,99,235)']);
      expect(shown.involvementColour).toBe('rgb(219,39,119)');
      await page.uncheck('input[data-legend="targets"]');
      await page.uncheck('input[data-legend="involvement"]');
      await expect(relations()).resolves.toMatchObject({ targets: 0, involvements: 0 });
      await page.check('input[data-legend="targets"]');
      await page.check('input[data-legend="involvement"]');

      // Filter by meeting: round 1 only, a much smaller graph around that meeting.
      await page.selectOption('#filter-meeting', 'meeting:istanbul-2025-05-16');
      const round1 = await page.evaluate(() => window.__explore!.cy!.nodes().map((n) => n.id()));
      expect(round1).toContain('meeting:istanbul-2025-05-16');
      expect(round1).toContain('position:prisoner-exchange-1000-for-1000');
      expect(round1).not.toContain('position:unconditional-30-day-ceasefire');
      await screenshot(page, 'explore-meeting-filter');
      // And by topic.
      await page.selectOption('#filter-meeting', '');
      await page.selectOption('#filter-topic', 'CHILDREN');
      const children = await page.evaluate(() => window.__explore!.cy!.nodes('[kind = "position"]').map((n) => n.id()));
      expect(children).toContain('position:return-of-children-on-339-list');
      expect(children).not.toContain('position:unconditional-30-day-ceasefire');
      await page.click('#reset');
      await expect(page.evaluate(() => window.__explore!.nodes)).resolves.toBe(drawn.nodes);

      // A real mouse click on Russia's node: its details and sources, quotes included.
      const clickOn = async (target: { x: number; y: number }) => {
        const box = (await page.locator('#graph').boundingBox())!;
        await page.mouse.click(box.x + target.x, box.y + target.y);
      };
      await clickOn(await page.evaluate(() => window.__explore!.cy!.getElementById('actor:russia').renderedPosition()));
      const russia = page.locator('#details-body [data-id="actor:russia"]');
      await russia.waitFor();
      await expect(russia.locator('.details-title').innerText()).resolves.toBe('Russia');
      const quote = (await russia.locator('blockquote.evidence-quote').first().innerText()).trim();
      expect(quote.length).toBeGreaterThan(20);
      await expect(russia.locator('.evidence-source').first().innerText()).resolves.not.toBe('');
      await screenshot(page, 'explore', true);

      // A click on a stance edge: the stance, its sources and their quotes. Zoom in on the edge
      // and click a point along it where the edge itself is the topmost element (Cytoscape's
      // own hit test), so the click cannot land on a node or another edge, whatever the layout.
      const edgePoint = await page.evaluate(() => {
        const cy = window.__explore!.cy!;
        const edge = cy.getElementById('stance:russia-rejected-unconditional-30-day-ceasefire');
        cy.zoom(2);
        cy.center(edge);
        // The hit test works in model coordinates; the mouse needs rendered ones.
        const from = edge.sourceEndpoint();
        const mid = edge.midpoint();
        const to = edge.targetEndpoint();
        const zoom = cy.zoom();
        const pan = cy.pan();
        const renderer = (
          cy as unknown as { renderer(): { findNearestElement(x: number, y: number, interactive: boolean, touch: boolean): { id(): string } | undefined } }
        ).renderer();
        for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.35, 0.65, 0.25, 0.75]) {
          // Points on the quadratic through both endpoints and the midpoint (edges may bend).
          const a = (1 - t) * (1 - 2 * t);
          const b = 4 * t * (1 - t);
          const c = t * (2 * t - 1);
          const point = { x: a * from.x + b * mid.x + c * to.x, y: a * from.y + b * mid.y + c * to.y };
          if (renderer.findNearestElement(point.x, point.y, true, false)?.id() === edge.id()) return { x: point.x * zoom + pan.x, y: point.y * zoom + pan.y };
        }
        throw new Error('no point of the rejection edge is free to click');
      });
      await clickOn(edgePoint);
      const stance = page.locator('#details-body [data-id="stance:russia-rejected-unconditional-30-day-ceasefire"]');
      await stance.waitFor();
      await expect(stance.locator('.details-title').innerText()).resolves.toContain('Russia rejected');
      await expect(stance.locator('blockquote.evidence-quote').count()).resolves.toBeGreaterThanOrEqual(2);
      await expect(stance.innerText()).resolves.toContain('flatly refuse an unconditional ceasefire');
      await screenshot(page, 'explore-stance');

      expect(problems).toEqual([]);
    } catch (error) {
      await screenshot(page, 'explore-failure');
      throw new Error(`${error instanceof Error ? error.message : String(error)}\nBrowser problems: ${JSON.stringify(problems)}`, { cause: error });
    } finally {
      await context.close();
    }
  });

  it('no page asked anything of a host other than this server', () => {
    expect(foreignRequests).toEqual([]);
  });
});
