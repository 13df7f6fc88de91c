// Single sign-on through a real OpenID provider (panva's oidc-provider, run
// by scripts/test from tests/oidc-provider): the log-in page's button, the
// provider's own log-in form, and back on Verband logged in; an address the
// provider did not verify, an address nobody invited, and a sign-in cancelled
// at the provider each end on a polite page. axe-core scans Verband's pages
// (not the provider's, which are not ours).
//
// Needs VERBAND_OIDC_ISSUER (the provider, which Verband was started with);
// without it the tests are skipped.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { launch, newPage, scan, visit } from './helpers.mjs';

const ISSUER = (process.env.VERBAND_OIDC_ISSUER || '').replace(/\/+$/, '');
// Account names at the provider (tests/oidc-provider/server.mjs); Verband
// allows the domain of the first (--oidc-email-domains sso.example.nl).
const ALLOWED = process.env.VERBAND_OIDC_ACCOUNT || 'fleur';
const ALLOWED_NAME = process.env.VERBAND_OIDC_ACCOUNT_NAME || 'Fleur Dekker';
const UNVERIFIED = process.env.VERBAND_OIDC_UNVERIFIED_ACCOUNT || 'onbevestigd';
const UNINVITED = process.env.VERBAND_OIDC_UNINVITED_ACCOUNT || 'vreemd';
const skip = ISSUER ? false : 'VERBAND_OIDC_ISSUER is not set (scripts/test starts the provider)';

let browser;
before(async () => {
  if (!skip) browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** From Verband's log-in page through the button to the provider's log-in form. */
async function toProvider(page, path = '/inloggen') {
  await visit(page, path);
  const button = page.getByRole('link', { name: 'Inloggen met je organisatieaccount' });
  await Promise.all([page.waitForURL((u) => u.href.startsWith(ISSUER)), button.click()]);
  const url = new URL(page.url());
  assert.equal(url.origin, ISSUER, 'the button leads to the provider');
}

/** Signs in at the provider's development log-in form (any password is accepted). */
async function signInAtProvider(page, account) {
  await page.locator('input[name="login"]').fill(account);
  await page.locator('input[name="password"]').fill('any password');
  await Promise.all([page.waitForURL((u) => !u.href.startsWith(ISSUER)), page.locator('button[type="submit"]').click()]);
}

async function expectRefusal(page, text) {
  await page.waitForLoadState('load');
  assert.equal(new URL(page.url()).pathname, '/inloggen/sso/terug');
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Inloggen met je organisatieaccount is niet gelukt' }).waitFor());
  assert.match(await page.locator('main').innerText(), text);
  await scan(page, 'refused single sign-on');
  // Nothing of the sign-in is in the address any more once the person goes on.
  await Promise.all([page.waitForURL('**/inloggen'), page.getByRole('link', { name: 'Naar de inlogpagina' }).click()]);
  await scan(page, 'log-in page after a refused single sign-on');
}

test('a person in an allowed domain signs in with the organisation account and lands logged in', { skip }, async () => {
  const page = await newPage(browser);
  await toProvider(page);
  await signInAtProvider(page, ALLOWED);
  assert.equal(new URL(page.url()).pathname, '/netwerken', 'back on Verband, on the network list');
  await scan(page, 'network list after single sign-on');
  await assert.doesNotReject(page.getByRole('button', { name: 'Uitloggen' }).waitFor());
  assert.match(await page.locator('header').innerText(), new RegExp(ALLOWED_NAME));

  // Out of Verband, and in again: the provider still knows the person, the
  // identity is linked now, and `next` is kept through the round trip.
  await Promise.all([page.waitForURL('**/inloggen'), page.getByRole('button', { name: 'Uitloggen' }).click()]);
  await page.goto('/account');
  assert.equal(new URL(page.url()).pathname, '/inloggen');
  await page.getByRole('link', { name: 'Inloggen met je organisatieaccount' }).click();
  await page.waitForURL((u) => u.pathname === '/account' || u.href.startsWith(ISSUER));
  if (page.url().startsWith(ISSUER)) {
    await signInAtProvider(page, ALLOWED);
  }
  assert.equal(new URL(page.url()).pathname, '/account');
  await scan(page, 'account page after single sign-on');
  await page.context().close();
});

test('an e-mail address the provider has not verified is refused politely', { skip }, async () => {
  const page = await newPage(browser);
  await toProvider(page);
  await signInAtProvider(page, UNVERIFIED);
  await expectRefusal(page, /niet bevestigd/);
  await page.context().close();
});

test('a verified address that nobody invited gets no account', { skip }, async () => {
  const page = await newPage(browser);
  await toProvider(page);
  await signInAtProvider(page, UNINVITED);
  await expectRefusal(page, /uitnodiging/);
  await page.context().close();
});

test('a sign-in cancelled at the provider ends on a polite page', { skip }, async () => {
  const page = await newPage(browser);
  await toProvider(page);
  // The development form's own "cancel" link answers access_denied.
  await Promise.all([page.waitForURL((u) => !u.href.startsWith(ISSUER)), page.getByRole('link', { name: /cancel/i }).click()]);
  await expectRefusal(page, /afgebroken/);
  await page.context().close();
});

test('a callback nobody started is refused, and the page is accessible', { skip }, async () => {
  const page = await newPage(browser);
  await visit(page, '/inloggen/sso/terug?code=made-up&state=made-up', { status: [400] });
  assert.match(await page.locator('main').innerText(), /verlopen/);
  await page.context().close();
});
