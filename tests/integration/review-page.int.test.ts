/**
 * The review page (issue #13, part 4) in a real browser (Debian's chromium, as in
 * browser.int.test.ts): paste a report, let the assistant draft, accept one candidate as it
 * is and one edited, dismiss one, all from the keyboard where the page offers it; then the
 * stances are in the graph with the report's quotes. Nothing may be fetched from another host.
 * With UPDATE_SCREENSHOTS=1 the screenshot of a seed article under review replaces
 * docs/screenshots/review.png (shown in docs/curation.md).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { App } from '../../src/app.js';
import { PROJECT_ROOT } from '../../src/local-neo4j/local-neo4j.js';
import { CHROMIUM_ARGS, ensureChromium } from '../helpers/chromium.js';
import { deleteRunData, makeTokens, queryAs, runMarker, type TestTokens } from '../helpers/curation.js';
import { createTestApp } from '../helpers/test-app.js';

declare const window: { __review?: { candidates: number; accepted: string[]; ready: boolean } };

const marker = runMarker();
const SCREENSHOTS = join(PROJECT_ROOT, 'test-output', 'screenshots');
const REPORT = [
  'GENEVA, July 23',
  '',
  'Marovia proposed a joint border commission at the talks in Geneva.',
  'Sylvania rejected the joint border commission, its envoy told reporters.',
  'The weather in Geneva was cold.',
  'Marovia is considering a new ceasefire.',
].join('\n');

let app: App;
let tokens: TestTokens;
let server: Server;
let baseUrl: string;
let browser: Browser;
const foreignRequests: string[] = [];
const ids = {
  setup: `source:${marker}-setup`,
  marovia: `actor:${marker}-marovia`,
  sylvania: `actor:${marker}-sylvania`,
  position: `position:${marker}-border-commission`,
};

beforeAll(async () => {
  const executablePath = ensureChromium();
  tokens = makeTokens(marker);
  app = await createTestApp({ AUTH_TOKENS: tokens.env });
  const editor = tokens.tokens.editor;
  const evidence = [{ sourceId: ids.setup, quote: 'Setup.' }];
  await queryAs(app, editor, `mutation { createSource(input: { id: "${ids.setup}", publisher: "Setup", title: "Setup" }) { id } }`);
  for (const [id, name] of [
    [ids.marovia, 'Marovia'],
    [ids.sylvania, 'Sylvania'],
  ]) {
    await queryAs(app, editor, `mutation ($input: CreateActorInput!) { createActor(input: $input) { id } }`, { input: { id, name, kind: 'STATE', evidence } });
  }
  await queryAs(app, editor, `mutation ($input: CreatePositionInput!) { createPosition(input: $input) { id } }`, {
    input: { id: ids.position, type: 'PROPOSAL', title: 'Joint border commission', topics: ['PROCESS_FORMAT'], evidence },
  });
  server = createServer(app.http);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (app) {
    await deleteRunData(app, marker);
    await app.stop();
  }
});

async function openPage(path: string): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.origin === baseUrl || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    foreignRequests.push(url.href);
    return route.abort('internetdisconnected');
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto(`${baseUrl}${path}`);
  return { page, problems };
}

const selectedText = (page: Page) => page.locator('.candidates li[aria-selected="true"]').innerText();

describe('the review page', () => {
  it('pastes a report, accepts one candidate as drafted and one edited, dismisses one; the stances carry the report’s quotes', async () => {
    const { page, problems } = await openPage('/review');
    await page.fill('#token', tokens.tokens.editor);
    await page.click('#paste-open');
    await page.fill('#paste-publisher', `Wire ${marker}`);
    await page.fill('#paste-published', '2025-07-23');
    await page.fill('#paste-text', REPORT);
    await page.click('#paste-save');
    await page.waitForFunction(() => window.__review?.ready === true, undefined, { timeout: 60_000 });
    const sourceId = `source:wire-${marker}-2025-07-23`;
    expect(new URL(page.url()).searchParams.get('source')).toBe(sourceId);
    expect(await page.locator('.candidates li').count()).toBe(3);
    expect(await page.locator('#text mark').count()).toBe(3);

    // First candidate: Marovia PROPOSED, with the existing position matched; accepted with "a".
    expect(await selectedText(page)).toContain('Marovia');
    expect(await page.inputValue('#edit-position')).toBe(ids.position);
    await page.locator('#text').focus();
    await page.keyboard.press('a');
    await page.waitForFunction(() => window.__review?.accepted.length === 1);

    // Second candidate: Sylvania REJECTED; edited to CONSIDERING, then accepted.
    expect(await selectedText(page)).toContain('Sylvania');
    await page.selectOption('#edit-kind', 'CONSIDERING');
    await page.selectOption('#edit-position', ids.position);
    // Addressed to Marovia: recorded as the stance's target, with the same quote.
    await page.fill('#edit-targets', 'marovia');
    await page.click('#accept');
    await page.waitForFunction(() => window.__review?.accepted.length === 2);
    expect(await page.locator('#text mark.accepted').count()).toBe(2);

    // The third, Marovia CONSIDERING, is dismissed with "d": it leaves the list ("u" shows it again).
    expect(await selectedText(page)).toContain('CONSIDERING');
    await page.locator('#text').focus();
    await page.keyboard.press('d');
    expect(await page.locator('.candidates li').count()).toBe(2);
    await page.keyboard.press('u');
    expect(await page.locator('.candidates li.dismissed').count()).toBe(1);

    const data = await queryAs(
      app,
      null,
      `query ($id: ID!) { stances(filter: { sourceIds: [$id] }) { items { kind actor { id } position { id } evidence { quote start end } } } }`,
      {
        id: sourceId,
      },
    );
    const stances = data.stances.items.map(
      (s: { kind: string; actor: { id: string }; position: { id: string }; evidence: Array<{ quote: string; start: number; end: number }> }) => ({
        kind: s.kind,
        actor: s.actor.id,
        position: s.position.id,
        quote: s.evidence[0]?.quote,
        slice: REPORT.slice(s.evidence[0]?.start, s.evidence[0]?.end),
      }),
    );
    expect(stances.sort((a: { kind: string }, b: { kind: string }) => a.kind.localeCompare(b.kind))).toEqual([
      {
        kind: 'CONSIDERING',
        actor: ids.sylvania,
        position: ids.position,
        quote: 'Sylvania rejected the joint border commission, its envoy told reporters.',
        slice: 'Sylvania rejected the joint border commission, its envoy told reporters.',
      },
      {
        kind: 'PROPOSED',
        actor: ids.marovia,
        position: ids.position,
        quote: 'Marovia proposed a joint border commission at the talks in Geneva.',
        slice: 'Marovia proposed a joint border commission at the talks in Geneva.',
      },
    ]);
    const targeted = await queryAs(
      app,
      null,
      `query ($id: ID!) { stances(filter: { sourceIds: [$id], kinds: [CONSIDERING] }) { items { targets { actor { id } evidence { quote } } } } }`,
      { id: sourceId },
    );
    expect(targeted.stances.items[0].targets).toEqual([
      { actor: { id: ids.marovia }, evidence: [{ quote: 'Sylvania rejected the joint border commission, its envoy told reporters.' }] },
    ]);
    expect(problems).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'review-pasted.png') });
  }, 120_000);

  it('shows a seed article with its drafted candidates and its accepted evidence, offline', async () => {
    const { page, problems } = await openPage('/review?source=source%3Atass-2025-06-02');
    await page.waitForFunction(() => window.__review?.ready === true, undefined, { timeout: 60_000 });
    expect(await page.locator('.candidates li').count()).toBeGreaterThan(5);
    expect(await page.locator('#text mark.accepted').count()).toBeGreaterThan(5);
    await page.locator('#text').focus();
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    const file = join(SCREENSHOTS, 'review.png');
    await page.screenshot({ path: file });
    if (process.env['UPDATE_SCREENSHOTS'] === '1') copyFileSync(file, join(PROJECT_ROOT, 'docs', 'screenshots', 'review.png'));
    expect(problems).toEqual([]);
    expect(foreignRequests).toEqual([]);
  }, 120_000);
});
