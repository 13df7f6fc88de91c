// Every page of the first release, in Dutch and in English, for a
// coordinator (who sees every button and form) and a member (read-mostly):
// each must load and pass the axe-core scan with no violation at all.

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

/** The href of the first element matching `selector` in <main>, failing clearly when there is none. */
async function firstHref(page, selector, what) {
  const link = page.locator(`main ${selector}`).first();
  assert.ok((await link.count()) > 0, `no ${what} on ${page.url()} (selector ${selector}); does the demo data have one?`);
  return link.getAttribute('href');
}

async function tour(page, network, lang) {
  const n = network.path;
  const visited = [];
  const go = async (path) => {
    await visit(page, path, { label: `${lang}: ${path}` });
    assert.equal(await page.locator('html').getAttribute('lang'), lang, `${path} is in ${lang}`);
    assert.equal(await page.locator('main h1').count(), 1, `${path} has one h1 in <main>`);
    visited.push(path);
  };

  await go('/netwerken');
  await go(n);

  await go(`${n}/partners`);
  const partner = await firstHref(page, 'table tbody a[href*="/partners/"]', 'partner in the list');
  await go(`${n}/partners?sort=sector&dir=desc`);
  await go(`${n}/partners?page=2`);
  await go(partner);
  await go(`${partner}/bewerken`);
  await go(`${n}/partners/nieuw`);

  await go(`${n}/personen`);
  const person = await firstHref(page, 'table tbody a[href*="/personen/"]', 'person in the list');
  await go(person);
  await go(`${person}/bewerken`);
  await go(`${n}/personen/nieuw`);

  await go(`${n}/ambitie`);
  const goal = await firstHref(page, 'a[href*="/ambitie/doelen/"]:not([href$="/nieuw"])', 'goal');
  await go(goal);
  await go(`${n}/ambitie/doelen/nieuw`);

  await go(`${n}/belangen`);
  const interest = await firstHref(page, 'a[href*="/belangen/"]:not([href$="/nieuw"]):not([href$="/verwijderen"])', 'interest');
  await go(interest);
  await go(`${interest}/verwijderen`);
  await go(`${n}/belangen/nieuw`);

  await go('/account');
  return visited;
}

for (const lang of ['nl', 'en']) {
  test(`every page a coordinator can reach passes axe (${lang})`, async () => {
    const page = await newPage(browser);
    await login(page, 'coordinator');
    const network = await firstNetwork(page);
    // The parameter sets the language cookie for the rest of the visit.
    await visit(page, `/netwerken?lang=${lang}`);
    const visited = await tour(page, network, lang);
    assert.ok(visited.length >= 20);
    await page.context().close();
  });
}

test('the pages of a member, without edit rights, pass axe', async () => {
  const page = await newPage(browser);
  await login(page, 'member');
  const network = await firstNetwork(page);
  const n = network.path;
  for (const path of [n, `${n}/partners`, `${n}/personen`, `${n}/ambitie`, `${n}/belangen`, '/account']) {
    await visit(page, path);
  }
  // A member may look but not add: no button, and the form itself is refused.
  await visit(page, `${n}/partners`);
  assert.equal(await page.getByRole('link', { name: 'Partner toevoegen' }).count(), 0);
  await visit(page, `${n}/partners/nieuw`, { status: [403] });
  await page.context().close();
});

test('the error pages pass axe too', async () => {
  const page = await newPage(browser);
  await visit(page, '/bestaat-niet', { status: [404] });
  await login(page, 'coordinator');
  await visit(page, '/netwerken/999999999', { status: [404] });
  await visit(page, '/netwerken/999999999?lang=en', { status: [404] });
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await page.context().close();
});

test('the first Tab reaches the skip link, which moves the focus to the content', async () => {
  const page = await newPage(browser);
  await login(page, 'coordinator');
  const network = await firstNetwork(page);
  await visit(page, `${network.path}/partners`);
  await page.keyboard.press('Tab');
  const focused = page.locator(':focus');
  assert.equal(await focused.getAttribute('href'), '#main');
  assert.equal((await focused.innerText()).trim(), 'Naar de inhoud');
  assert.ok(await focused.isVisible(), 'the skip link shows itself when it has the focus');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  await page.context().close();
});
