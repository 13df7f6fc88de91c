// The knowledge lab on the demo data: a member opens the Kennislab from the
// network navigation, searches with an inflected word, narrows with a facet,
// opens an item and follows a related item; a new item is found at once;
// the header search finds partners. Every page is scanned by axe-core.

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

/** The number after "Gevonden:" on the lab page. */
async function foundCount(page) {
  const text = await page.locator('main .lab-count').innerText();
  const match = /Gevonden: ([\d.]+)/.exec(text);
  assert.ok(match, `no count in ${text}`);
  return Number(match[1].replace(/\./g, ''));
}

test('a member searches the lab, filters by a facet, opens an item and follows a related one', async () => {
  const page = await newPage(browser);
  await login(page, 'member');
  const network = await firstNetwork(page);
  await visit(page, network.path);
  await Promise.all([
    page.waitForURL('**/kennislab?netwerk=*'),
    page.getByRole('navigation', { name: 'Netwerk' }).getByRole('link', { name: 'Kennislab', exact: true }).click(),
  ]);
  await scan(page, 'lab of the network');
  assert.ok((await foundCount(page)) > 10, 'the demo network has items');

  // Without words: the newest and the most viewed.
  await visit(page, '/kennislab');
  await page.getByRole('heading', { name: 'Nieuwste kennisitems' }).waitFor();
  await page.getByRole('heading', { name: 'Meest bekeken' }).waitFor();

  // A plural finds the singular; the matched words are marked.
  await page.locator('main').getByRole('searchbox', { name: 'Zoeken in het kennislab' }).fill('samenwerkingen');
  await Promise.all([page.waitForURL('**/kennislab?q=samenwerkingen*'), page.locator('main').getByRole('button', { name: 'Zoeken', exact: true }).click()]);
  await scan(page, 'search results');
  const all = await foundCount(page);
  assert.ok(all >= 3, `found ${all}`);
  const marked = await page.locator('main .lab-hits mark').allInnerTexts();
  assert.ok(marked.some((m) => /^samenwerking/i.test(m)), `marked: ${marked.join(', ')}`);

  // A facet narrows the list to its count.
  const kinds = page.getByRole('group', { name: 'Soort' });
  const first = kinds.locator('li').first();
  const label = await first.locator('label').innerText();
  const expected = Number(/\((\d+)\)/.exec(label)[1]);
  await first.locator('input').check();
  await Promise.all([page.waitForURL('**soort=*'), page.getByRole('button', { name: 'Filters toepassen' }).click()]);
  await scan(page, 'search results with a kind chosen');
  assert.equal(await foundCount(page), expected, `the facet said ${label}`);
  assert.ok(expected < all || all === expected);
  assert.ok(await kinds.locator('input:checked').count() === 1, 'the chosen value stays ticked');

  // Open the first hit, then a related item.
  const hit = page.locator('main .lab-hits h3 a').first();
  const hitTitle = (await hit.innerText()).trim();
  await Promise.all([page.waitForURL('**/kennislab/*'), hit.click()]);
  await scan(page, 'an item');
  assert.equal((await page.locator('main h1').innerText()).includes(hitTitle.slice(0, 20)), true);
  const related = page.getByRole('region', { name: 'Verwante items' });
  await related.waitFor();
  const relatedLink = related.locator('h3 a').first();
  const relatedTitle = (await relatedLink.innerText()).trim();
  await Promise.all([page.waitForURL((u) => u.pathname.startsWith('/kennislab/')), relatedLink.click()]);
  await scan(page, 'a related item');
  assert.ok((await page.locator('main h1').innerText()).startsWith(relatedTitle.slice(0, 20)), `opened ${relatedTitle}`);
  await page.close();
});

test('a new item is found at once, and the header search finds partners', async () => {
  const page = await newPage(browser);
  await login(page, 'coordinator');
  const network = await firstNetwork(page);
  const title = unique('Leerervaring valpreventie');
  await visit(page, `${network.path}/kennislab/nieuw`);
  const form = page.locator('main form[method="post"]');
  await form.getByLabel('Titel').fill(title);
  await form.locator('[name="kind"]').selectOption('experience');
  await form.getByLabel('Tekst').fill('Wat we probeerden: **beweeggroepen** voor ouderen in de bibliotheek.');
  await Promise.all([page.waitForURL('**/kennislab/*'), form.getByRole('button', { name: 'Opslaan' }).click()]);
  await scan(page, 'the new item');

  await visit(page, '/kennislab?q=beweeggroep');
  await page.locator('main .lab-hits').getByRole('link', { name: title }).waitFor();

  await page.getByRole('searchbox', { name: 'Zoeken in Verband' }).fill('welzijn');
  await Promise.all([page.waitForURL('**/zoeken?q=welzijn'), page.locator('header').getByRole('button', { name: 'Zoeken' }).click()]);
  await scan(page, 'header search results');
  await page.getByRole('heading', { name: 'Partners' }).waitFor();
  assert.ok((await page.locator('main .search-hits a').count()) > 0);
  await page.close();
});
