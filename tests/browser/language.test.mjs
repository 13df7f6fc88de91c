// Dutch first, English on request: the switch button in the header and the
// `?lang=en` parameter, and the choice sticking for the logged-in user.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { firstNetwork, launch, login, newPage, scan, visit } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const htmlLang = (page) => page.locator('html').getAttribute('lang');

test('?lang=en shows the log-in page in English, and the choice is remembered', async () => {
  const page = await newPage(browser);
  await visit(page, '/inloggen?lang=en');
  assert.equal(await htmlLang(page), 'en');
  await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
  await page.getByLabel('User name').waitFor();
  await page.getByLabel('Password').waitFor();
  const back = page.getByRole('button', { name: 'Nederlands' });
  assert.equal(await back.getAttribute('lang'), 'nl', 'the name of the other language is marked as Dutch');

  await visit(page, '/inloggen');
  assert.equal(await htmlLang(page), 'en', 'the language is kept without the parameter');
  await page.context().close();
});

test('a logged-in user switches to English with the button and back to Dutch', async () => {
  const page = await newPage(browser);
  // The advisor, because the switch is also stored in the account: another
  // test logging in as the coordinator must still meet Dutch pages.
  await login(page, 'advisor');
  const network = await firstNetwork(page);
  await visit(page, `${network.path}/partners`);
  assert.equal(await htmlLang(page), 'nl');

  const english = page.getByRole('button', { name: 'English', exact: true });
  assert.equal(await english.getAttribute('lang'), 'en');
  try {
    await Promise.all([page.waitForURL(`**${network.path}/partners`), english.click()]);
    await page.waitForLoadState('load');
    assert.equal(await htmlLang(page), 'en', 'the same page comes back in English');
    await scan(page, 'partner list in English');
    await page.getByRole('heading', { level: 1, name: 'Partners' }).waitFor();
    await page.locator('main').getByRole('searchbox', { name: 'Search', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Apply' }).waitFor();
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Network' });
    for (const item of ['My networks', 'Overview', 'Contact persons', 'Ambition and goals', 'Interests']) {
      assert.equal(await nav.getByRole('link', { name: item, exact: true }).count(), 1, `English navigation has "${item}"`);
    }

    // Stored in the account: a new browser (no language cookie) gets English after logging in.
    const other = await newPage(browser);
    await login(other, 'advisor');
    assert.equal(await htmlLang(other), 'en', 'the account remembers English');
    await scan(other, 'network list in English');
    await other.getByRole('heading', { level: 1, name: 'My networks' }).waitFor();
    await other.context().close();
  } finally {
    const dutch = page.getByRole('button', { name: 'Nederlands', exact: true });
    if (await dutch.count()) {
      await Promise.all([page.waitForURL(`**${network.path}/partners`), dutch.click()]);
      await page.waitForLoadState('load');
    }
  }
  assert.equal(await htmlLang(page), 'nl', 'switched back to Dutch');
  await scan(page, 'partner list back in Dutch');
  await page.context().close();
});
