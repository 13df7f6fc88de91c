// Logging in and out, as a visitor with a keyboard and a screen reader would
// meet it: the form, a wrong password, the network list and the dashboard.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { firstNetwork, launch, login, newPage, scan, unique, visit } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test('an anonymous visitor is sent to the log-in page, which is accessible', async () => {
  const page = await newPage(browser);
  await page.goto('/');
  assert.equal(new URL(page.url()).pathname, '/inloggen');
  await scan(page, 'log-in page');
  assert.equal(await page.locator('html').getAttribute('lang'), 'nl');
  await assert.doesNotReject(page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor());
  await page.context().close();
});

test('a page that needs an account leads to the log-in page and back after logging in', async () => {
  const page = await newPage(browser);
  await page.goto('/account');
  const url = new URL(page.url());
  assert.equal(url.pathname, '/inloggen');
  assert.equal(url.searchParams.get('next'), '/account');
  await scan(page, 'log-in page on the way to /account');
  await page.getByLabel('Gebruikersnaam').fill('coordinator');
  await page.getByLabel('Wachtwoord').fill('verband-demo');
  await Promise.all([page.waitForURL('**/account'), page.getByRole('button', { name: 'Inloggen' }).click()]);
  await scan(page, 'account page after log-in');
  await page.context().close();
});

test('a wrong password is refused with a message, and the user name is kept', async () => {
  const page = await newPage(browser);
  await visit(page, '/inloggen');
  // A name of its own, so the failed attempt throttles no demo account.
  const name = unique('nobody').replace(' ', '-');
  await page.getByLabel('Gebruikersnaam').fill(name);
  await page.getByLabel('Wachtwoord').fill('not-the-password');
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/inloggen'),
    page.getByRole('button', { name: 'Inloggen' }).click(),
  ]);
  assert.equal(response.status(), 401);
  await page.waitForLoadState('load');
  assert.match(await page.getByRole('alert').innerText(), /klopt niet/);
  assert.equal(await page.getByLabel('Gebruikersnaam').inputValue(), name);
  assert.equal(await page.getByLabel('Wachtwoord').inputValue(), '', 'a password is never sent back');
  await scan(page, 'log-in page with an error');
  await page.context().close();
});

test('a coordinator logs in, sees their networks, opens the dashboard and logs out', async () => {
  const page = await newPage(browser);
  await login(page, 'coordinator');
  const network = await firstNetwork(page);
  assert.ok(network.name.length > 0);

  await visit(page, network.path);
  assert.equal((await page.getByRole('heading', { level: 1 }).innerText()).trim(), network.name);
  const nav = page.getByRole('navigation', { name: 'Netwerk' });
  for (const item of ['Overzicht', 'Partners', 'Contactpersonen', 'Ambitie en doelen', 'Belangen']) {
    assert.equal(await nav.getByRole('link', { name: item, exact: true }).count(), 1, `network navigation has "${item}"`);
  }
  assert.equal(await nav.getByRole('link', { name: 'Overzicht', exact: true }).getAttribute('aria-current'), 'page');

  await Promise.all([page.waitForURL('**/inloggen'), page.getByRole('button', { name: 'Uitloggen' }).click()]);
  await scan(page, 'log-in page after logging out');
  await page.goto(network.path);
  assert.equal(new URL(page.url()).pathname, '/inloggen', 'the session ended with the log-out');
  await page.context().close();
});
