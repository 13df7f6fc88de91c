// Shared pieces of the browser tests: starting Debian's Chromium, logging in,
// visiting a page with its status checked, and the axe-core scan that every
// visited page must pass.
//
// The tests expect a running Verband with the demo data; scripts/test starts
// one and passes its address in VERBAND_BASE_URL.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

export const BASE_URL = (process.env.VERBAND_BASE_URL || '').replace(/\/+$/, '');
if (!BASE_URL) {
  throw new Error('VERBAND_BASE_URL is not set: start Verband (e.g. `verband demo`) and point the tests at it, or run scripts/test.');
}

export const DEMO_PASSWORD = 'verband-demo';

// Playwright's own browser downloads cannot reach this network, so the
// tests drive the distribution's Chromium. The flags keep it from calling
// out to Google at start (refused here, and slow to time out).
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// WCAG 2.0 and 2.1, levels A and AA: the level the project promises.
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/**
 * A fresh context (no cookies) with a Dutch browser, and a page that records
 * script errors and Content-Security-Policy refusals, which `visit` and
 * `scan` turn into failures.
 */
export async function newPage(browser, { locale = 'nl-NL' } = {}) {
  const context = await browser.newContext({ locale, baseURL: BASE_URL });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`script error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content[- ]Security[- ]Policy|Refused to/i.test(m.text())) {
      page.problems.push(`CSP: ${m.text()}`);
    }
  });
  return page;
}

/** A name no other test run uses, so tests never depend on each other's data. */
export function unique(prefix) {
  return `${prefix} ${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

/** Goes to `path`, expects a successful answer, and scans the page with axe. */
export async function visit(page, path, { status = [200], label } = {}) {
  const response = await page.goto(path);
  assert.ok(response, `no response for ${path}`);
  assert.ok(status.includes(response.status()), `GET ${path} answered ${response.status()}, expected ${status.join(' or ')}`);
  await scan(page, label || `GET ${path}`);
  return response;
}

/** Turns axe's findings into text a person can act on. */
export function formatViolations(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 10)
        .map((n) => {
          const detail = (n.failureSummary || '').split('\n').map((l) => `        ${l.trim()}`).join('\n');
          return `    - ${n.target.join(' ')}\n      ${n.html.slice(0, 300)}\n${detail}`;
        })
        .join('\n');
      const more = v.nodes.length > 10 ? `\n    … and ${v.nodes.length - 10} more` : '';
      return `  [${v.impact}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n${nodes}${more}`;
    })
    .join('\n');
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA) on the current page and fails with a
 * readable list of violations. Also fails on script errors or CSP refusals
 * seen since the page was opened.
 */
export async function scan(page, label = page.url()) {
  await page.waitForLoadState('load');
  // Evaluated through the DevTools protocol, so the page's strict CSP (no
  // inline scripts) does not block it, and the page itself stays unchanged.
  const loaded = await page.evaluate(() => typeof window.axe === 'object');
  if (!loaded) {
    await page.evaluate(AXE_SOURCE);
  }
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    AXE_TAGS,
  );
  const where = `${label} (${page.url().replace(BASE_URL, '')})`;
  assert.equal(result.violations.length, 0, `axe-core found accessibility violations on ${where}:\n${formatViolations(result.violations)}`);
  assert.deepEqual(page.problems, [], `problems on ${where}`);
}

/** Logs in through the form, as a person would, and lands on the network list. */
export async function login(page, username, password = DEMO_PASSWORD) {
  await visit(page, '/inloggen');
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(password);
  await Promise.all([page.waitForURL((u) => u.pathname !== '/inloggen'), page.getByRole('button', { name: 'Inloggen' }).click()]);
  assert.equal(new URL(page.url()).pathname, '/netwerken', `after logging in as ${username}`);
  await scan(page, `network list of ${username}`);
}

/** The first network on the list (the main demo network) as {id, name, path}. */
export async function firstNetwork(page) {
  const link = page.locator('main a[href^="/netwerken/"]').first();
  const href = await link.getAttribute('href');
  const match = /^\/netwerken\/(\d+)$/.exec(href || '');
  assert.ok(match, `expected a link to a network on /netwerken, found ${href}`);
  return { id: Number(match[1]), name: (await link.innerText()).trim(), path: href };
}
