// The network map: the coordinator opens the demo map, filters by a sector,
// opens a partner's panel by clicking its node, checks that the equivalent
// table has a row per partner shown, and adds a relationship by hand. Every
// page is scanned by axe.

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

test('the demo map filters by sector, opens a partner panel and has an equivalent table', async () => {
  const page = await newPage(browser);
  await login(page, 'coordinator');
  const network = await firstNetwork(page);

  await visit(page, `${network.path}/kaart`);
  await scan(page, 'network map');
  const nodes = page.locator('#map-canvas svg .node');
  const allNodes = await nodes.count();
  assert.ok(allNodes > 10, `the demo map shows its partners (${allNodes})`);
  assert.equal(await page.locator('#map-table tbody tr').count(), allNodes, 'one table row per node');
  assert.match(await page.locator('#netwerkscores').innerText(), /Dichtheid \d+%/);
  assert.match(await page.locator('#netwerkscores').innerText(), /Vergeleken met de vorige meting/);

  // map.js submits the filter form as soon as a choice changes.
  await Promise.all([page.waitForURL(/sector=welfare/), page.getByLabel('Sector', { exact: true }).selectOption('welfare')]);
  await page.waitForLoadState('load');
  const welfare = await page.locator('#map-canvas svg .node').count();
  assert.ok(welfare > 0 && welfare < allNodes, `only welfare partners remain (${welfare} of ${allNodes})`);
  assert.equal(await page.locator('#map-canvas svg .node[data-sector="welfare"]').count(), welfare);
  const rows = page.locator('#map-table tbody tr');
  assert.equal(await rows.count(), welfare, 'the table shows the same partners as the map');
  for (const sector of await rows.locator('td:nth-child(2)').allInnerTexts()) {
    assert.equal(sector, 'Welzijn');
  }
  await scan(page, 'map filtered by sector');

  // A click on a node opens that partner's panel, keeping the filter.
  const node = page.locator('#map-canvas svg .node').first();
  const id = await node.getAttribute('data-partner');
  await Promise.all([page.waitForURL(new RegExp(`partner=${id}`)), node.locator('circle').click({ force: true })]);
  await page.waitForLoadState('load');
  assert.match(page.url(), /sector=welfare/);
  const panel = page.locator('#partner-panel');
  const name = await page.locator(`#map-table tbody tr[data-partner="${id}"] th`).innerText();
  assert.equal(await panel.locator('h2').innerText(), name);
  assert.match(await panel.innerText(), /Verbindende positie/);
  await scan(page, 'map with a partner panel');

  // The table sorts, without JavaScript, by a column header.
  await Promise.all([page.waitForURL(/sort=graad/), page.locator('#map-table thead').getByRole('link', { name: 'Relaties', exact: true }).click()]);
  const degrees = (await page.locator('#map-table tbody tr td:nth-child(3)').allInnerTexts()).map(Number);
  assert.deepEqual(degrees, [...degrees].sort((a, b) => a - b));

  // The downloads are real pictures.
  const png = await page.request.get(`${network.path}/kaart/kaart.png`);
  assert.equal(png.status(), 200);
  assert.deepEqual([...(await png.body()).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
  const svg = await page.request.get(`${network.path}/kaart/kaart.svg?sector=welfare`);
  assert.match(await svg.text(), /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  await page.close();
});

test('a coordinator adds a relationship by hand and sees it on the map', async () => {
  const page = await newPage(browser);
  await login(page, 'coordinator');
  const network = await firstNetwork(page);
  await visit(page, `${network.path}/relaties`);
  await scan(page, 'relationships');

  // Without choices the form comes back with its problems linked to the fields.
  const form = page.locator('#relatie-toevoegen form');
  await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), form.getByRole('button', { name: 'Relatie opslaan' }).click()]);
  await page.waitForLoadState('load');
  assert.equal(await page.locator('.error-summary a[href="#f-sourceId"]').count(), 1);
  await scan(page, 'relationship form with errors');

  // The partner the demo leaves without ties gets one.
  await visit(page, `${network.path}/kaart?sort=graad`);
  const loner = page.locator('#map-table tbody tr').first();
  const lonerName = await loner.locator('th').innerText();
  assert.equal(await loner.locator('td:nth-child(3)').innerText(), '0');
  await visit(page, `${network.path}/relaties`);
  await page.getByLabel('Partner', { exact: true }).selectOption({ label: lonerName });
  const other = await page.getByLabel('Werkt samen met').locator('option').nth(1).innerText();
  await page.getByLabel('Werkt samen met').selectOption({ index: lonerName === other ? 2 : 1 });
  await page.getByLabel('Soort relatie').selectOption('joint_project');
  await page.getByLabel('Vertrouwen').selectOption('4');
  await Promise.all([page.waitForURL(/done=created/), page.getByRole('button', { name: 'Relatie opslaan' }).click()]);
  assert.match(await page.locator('main').innerText(), new RegExp(lonerName));

  await visit(page, `${network.path}/kaart`);
  const row = page.locator('#map-table tbody tr', { has: page.getByRole('rowheader', { name: lonerName, exact: true }) });
  assert.equal(await row.locator('td:nth-child(3)').innerText(), '1');
  await page.close();
});
