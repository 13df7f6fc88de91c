// Contact persons: added for a new partner through the forms, then found on
// the partner's page and in the person list.

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

async function save(page) {
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.locator('main').getByRole('button', { name: 'Opslaan', exact: true }).click(),
  ]);
  await page.waitForLoadState('load');
}

test('a coordinator adds a contact person to a new partner', async () => {
  const page = await newPage(browser);
  await login(page, 'coordinator');
  const network = await firstNetwork(page);
  const n = network.path;

  const partnerName = unique('Huisartsenpraktijk De Waal');
  await visit(page, `${n}/partners/nieuw`);
  const pf = page.locator('main form[method="post"]');
  await pf.locator('[name="name"]').fill(partnerName);
  await pf.locator('[name="sector"]').selectOption('primary_care');
  await pf.locator('[name="ownership"]').selectOption('private');
  await save(page);
  const partnerPath = new URL(page.url()).pathname;
  assert.match(partnerPath, /\/partners\/\d+$/);
  await scan(page, 'new partner page');

  const personName = unique('Noor Visser');
  await visit(page, `${n}/personen`);
  await Promise.all([page.waitForURL(`**${n}/personen/nieuw`), page.getByRole('link', { name: 'Contactpersoon toevoegen' }).click()]);
  await scan(page, 'new person form');
  const f = page.locator('main form[method="post"]');
  await f.getByLabel('Naam', { exact: true }).fill(personName);
  await f.getByLabel('E-mailadres').fill('noor.visser@dewaal.example');
  await f.getByLabel('Organisatie').selectOption({ label: partnerName });
  await f.getByRole('group', { name: /Rollen in het netwerk/ }).getByLabel('Contactpersoon').check();
  await f.getByLabel(/Bron van de gegevens/).fill('Opgegeven door de praktijk zelf.');
  await save(page);

  assert.match(new URL(page.url()).pathname, new RegExp(`^${n}/personen/\\d+$`), 'after saving, the person page is shown');
  await scan(page, 'new person page');
  assert.equal((await page.getByRole('heading', { level: 1 }).innerText()).trim(), personName);
  const facts = await page.locator('main dl').innerText();
  assert.match(facts, /noor\.visser@dewaal\.example/);
  assert.match(facts, /Contactpersoon/);
  assert.equal(await page.locator('main dl').getByRole('link', { name: partnerName }).getAttribute('href'), partnerPath);

  await visit(page, partnerPath);
  assert.equal(await page.getByRole('region', { name: 'Contactpersonen van deze partner' }).getByRole('link', { name: personName }).count(), 1);

  await visit(page, `${n}/personen?q=${encodeURIComponent(personName)}`);
  assert.equal(await page.locator('main table tbody tr').count(), 1);
  await page.context().close();
});
