// Partners: adding one through the form, finding it again with the search and
// the filters, and a refused form that keeps what the user typed.

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

async function coordinatorOnPartners() {
  const page = await newPage(browser);
  await login(page, 'coordinator');
  const network = await firstNetwork(page);
  await visit(page, network.path);
  await Promise.all([
    page.waitForURL(`**${network.path}/partners`),
    page.getByRole('navigation', { name: 'Netwerk' }).getByRole('link', { name: 'Partners', exact: true }).click(),
  ]);
  await scan(page, 'partner list');
  return { page, network };
}

/** Submits the form in <main> and waits for the page the server answers with. */
async function submit(page, buttonName) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.locator('main').getByRole('button', { name: buttonName, exact: true }).click(),
  ]);
  await page.waitForLoadState('load');
  return response;
}

test('a coordinator adds a partner and finds it with the search and the filters', async () => {
  const { page, network } = await coordinatorOnPartners();
  const name = unique('Buurtkracht Tiel');

  await Promise.all([page.waitForURL(`**${network.path}/partners/nieuw`), page.getByRole('link', { name: 'Partner toevoegen' }).click()]);
  await scan(page, 'new partner form');
  const form = page.locator('main form[method="post"]');
  await form.locator('[name="name"]').fill(name);
  await form.locator('[name="sector"]').selectOption('welfare');
  await form.locator('[name="ownership"]').selectOption('private');
  await form.locator('[name="kvkNumber"]').fill('1234 5678');
  await form.locator('[name="website"]').fill('https://buurtkracht.example.nl');
  await form.locator('[name="description"]').fill('Welzijnswerk in de wijken van Tiel.');
  await form.locator('[name="membershipStatus"]').selectOption('joining');
  await form.locator('[name="memberSince"]').fill('2024-03-01');
  await submit(page, 'Opslaan');

  const url = new URL(page.url());
  assert.match(url.pathname, new RegExp(`^${network.path}/partners/\\d+$`), 'after saving, the partner page is shown');
  await scan(page, 'new partner page');
  assert.equal((await page.getByRole('heading', { level: 1 }).innerText()).trim(), name);
  assert.match(await page.getByRole('status').first().innerText(), /Toegevoegd/);
  const facts = await page.locator('main dl').innerText();
  assert.match(facts, /Welzijn/);
  assert.match(facts, /Privaat/);
  assert.match(facts, /12345678/, 'the KvK number is stored without the space');
  assert.match(facts, /01-03-2024/);
  const partnerPath = url.pathname;

  // The search form on the list, used as a person would.
  await visit(page, `${network.path}/partners`);
  await page.locator('main').getByRole('searchbox', { name: 'Zoeken', exact: true }).fill(name);
  await Promise.all([page.waitForURL((u) => u.searchParams.get('q') === name), page.getByRole('button', { name: 'Toepassen' }).click()]);
  await scan(page, 'partner list with search');
  const rows = page.locator('main table tbody tr');
  assert.equal(await rows.count(), 1, 'the unique name matches exactly one partner');
  const link = rows.first().getByRole('link', { name });
  assert.equal(await link.getAttribute('href'), partnerPath);

  // Part of the name finds it too, and the filters narrow the list.
  const q = encodeURIComponent(name.split(' ').pop());
  await visit(page, `${network.path}/partners?q=${q}&sector=welfare&status=joining`);
  assert.equal(await page.locator('main table tbody tr').getByRole('link', { name }).count(), 1);
  await visit(page, `${network.path}/partners?q=${q}&sector=education`);
  assert.equal(await page.locator('main table tbody tr').count(), 0, 'another sector filters it out');
  assert.match(await page.locator('main').innerText(), /Niets gevonden/);
  await page.context().close();
});

test('a partner form with a 9-digit KvK number and no name shows both messages and keeps the input', async () => {
  const { page, network } = await coordinatorOnPartners();
  const description = unique('Beschrijving die bewaard moet blijven');
  const countBefore = await page.locator('main p.count').innerText();

  await visit(page, `${network.path}/partners/nieuw`);
  const form = page.locator('main form[method="post"]');
  await form.locator('[name="name"]').fill('');
  await form.locator('[name="sector"]').selectOption('education');
  await form.locator('[name="ownership"]').selectOption('public');
  await form.locator('[name="kvkNumber"]').fill('123456789');
  await form.locator('[name="website"]').fill('https://school.example.nl');
  await form.locator('[name="description"]').fill(description);
  await form.locator('[name="membershipStatus"]').selectOption('prospect');
  await form.locator('[name="memberSince"]').fill('2023-09-15');
  const response = await submit(page, 'Opslaan');

  assert.equal(response.status(), 400);
  assert.equal(new URL(page.url()).pathname, `${network.path}/partners/nieuw`, 'nothing was saved');
  await scan(page, 'refused partner form');

  // The summary at the top, announced and linking to each field.
  const summary = page.getByRole('alert');
  await summary.waitFor();
  const summaryText = await summary.innerText();
  assert.match(summaryText, /Naam: Vul dit in\./);
  assert.match(summaryText, /KvK-nummer: Een KvK-nummer heeft precies 8 cijfers\./);
  assert.equal(await summary.locator('a[href="#f-name"]').count(), 1);
  assert.equal(await summary.locator('a[href="#f-kvkNumber"]').count(), 1);

  // Each message sits with its field and is tied to it for screen readers.
  const name = form.locator('[name="name"]');
  const kvk = form.locator('[name="kvkNumber"]');
  assert.equal(await name.getAttribute('aria-invalid'), 'true');
  assert.equal(await kvk.getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator(`#${(await name.getAttribute('aria-describedby')).split(' ')[0]}`).innerText(), /Vul dit in/);
  assert.match(await page.locator(`#${(await kvk.getAttribute('aria-describedby')).split(' ')[0]}`).innerText(), /precies 8 cijfers/);

  // What the user typed is all still there.
  assert.equal(await kvk.inputValue(), '123456789');
  assert.equal(await form.locator('[name="sector"]').inputValue(), 'education');
  assert.equal(await form.locator('[name="ownership"]').inputValue(), 'public');
  assert.equal(await form.locator('[name="website"]').inputValue(), 'https://school.example.nl');
  assert.equal(await form.locator('[name="description"]').inputValue(), description);
  assert.equal(await form.locator('[name="membershipStatus"]').inputValue(), 'prospect');
  assert.equal(await form.locator('[name="memberSince"]').inputValue(), '2023-09-15');
  assert.equal(await form.locator('[name="website"]').getAttribute('aria-invalid'), null, 'valid fields are not marked');

  // Nothing was stored. (The test files run one at a time, so no other test adds a partner meanwhile.)
  await visit(page, `${network.path}/partners`);
  assert.equal(await page.locator('main p.count').innerText(), countBefore);
  await page.context().close();
});
