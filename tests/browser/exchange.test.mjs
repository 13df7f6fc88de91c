// Excel in and out: the coordinator downloads the partner list as XLSX,
// reads it back in (nothing changes), then reads in a CSV with a mistake
// (nothing is saved, the row and column are named) and the corrected CSV
// (one new partner). Every page is scanned by axe.

import assert from 'node:assert/strict';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { firstNetwork, launch, login, newPage, scan, unique, visit } from './helpers.mjs';

let browser;
let dir;
before(async () => {
  browser = await launch();
  dir = await mkdtemp(join(tmpdir(), 'verband-exchange-'));
});
after(async () => {
  await browser?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Chooses the kind and file on the exchange page and sends the form. */
async function readIn(page, kind, file) {
  const form = page.locator('main form[action$="/uitwisselen/inlezen"]');
  await form.getByLabel('Wat staat er in het bestand?').selectOption({ label: kind });
  await form.getByLabel('Bestand', { exact: true }).setInputFiles(file);
  await Promise.all([page.waitForURL(/\/uitwisselen\/inlezen$/), form.getByRole('button', { name: 'Bestand controleren' }).click()]);
  await page.waitForLoadState('load');
}

async function confirm(page) {
  await Promise.all([
    page.waitForURL(/\/uitwisselen\?done=imported/),
    page.getByRole('button', { name: 'Ja, verwerk deze wijzigingen' }).click(),
  ]);
  await page.waitForLoadState('load');
}

test('the coordinator exports partners, reads them back in, and adds one by CSV', async () => {
  const page = await newPage(browser);
  await login(page, 'coordinator');
  const network = await firstNetwork(page);

  // From the partner list to the exchange page.
  await visit(page, `${network.path}/partners`);
  await Promise.all([page.waitForURL(/\/uitwisselen$/), page.getByRole('link', { name: 'Exporteren en importeren (Excel, CSV)' }).click()]);
  await scan(page, 'exchange page');
  assert.equal(await page.locator('h1').innerText(), 'Excel in en uit');

  // Download the partners as Excel.
  const partnersRow = page.locator('main tr', { has: page.locator('th', { hasText: /^Partners$/ }) });
  const [download] = await Promise.all([page.waitForEvent('download'), partnersRow.getByRole('link', { name: /^Excel \(\.xlsx\)/ }).click()]);
  assert.match(download.suggestedFilename(), /-partners-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const xlsx = join(dir, download.suggestedFilename());
  await download.saveAs(xlsx);
  assert.ok((await stat(xlsx)).size > 1000, 'the workbook has content');

  // Reading the same file back in changes nothing.
  await readIn(page, 'Partners', xlsx);
  await scan(page, 'preview of the exported file');
  const summary = await page.locator('#import-summary').innerText();
  const match = /^0 nieuw, 0 bijgewerkt, (\d+) ongewijzigd\.$/.exec(summary);
  assert.ok(match && Number(match[1]) > 0, `an unchanged file: ${summary}`);
  await confirm(page);
  await scan(page, 'exchange page after importing the export');
  assert.match(await page.locator('.flash').innerText(), new RegExp(`Verwerkt: 0 nieuw, 0 bijgewerkt, ${match[1]} ongewijzigd\\.`));

  // A CSV as Dutch Excel saves it, with a mistake in row 3: nothing is saved.
  const name = unique('Stichting Buurtkracht');
  const csv = (sector) =>
    Buffer.from(`\ufeffNaam;Sector;Publiek of privaat;Omschrijving\r\n${name};Welzijn;Privaat;=1+1\r\n${name} 2;${sector};Privaat;\r\n`, 'utf8');
  await readIn(page, 'Partners', { name: 'nieuw.csv', mimeType: 'text/csv', buffer: csv('bakkerij') });
  await scan(page, 'preview with a mistake');
  const problems = page.locator('main table', { has: page.locator('caption', { hasText: 'Fouten in het bestand' }) });
  assert.deepEqual(await problems.locator('tbody tr').first().locator('td').allInnerTexts(), ['3', 'B (Sector)', 'Kies een van de mogelijkheden.']);
  assert.equal(await page.getByRole('button', { name: 'Ja, verwerk deze wijzigingen' }).count(), 0, 'no confirmation for a file with mistakes');

  // Corrected: both new partners are saved, the formula-like text as text.
  await visit(page, `${network.path}/uitwisselen`);
  await readIn(page, 'Partners', { name: 'nieuw.csv', mimeType: 'text/csv', buffer: csv('Onderwijs') });
  await scan(page, 'preview of the corrected file');
  assert.equal(await page.locator('#import-summary').innerText(), '2 nieuw, 0 bijgewerkt, 0 ongewijzigd.');
  await confirm(page);
  assert.match(await page.locator('.flash').innerText(), /Verwerkt: 2 nieuw, 0 bijgewerkt, 0 ongewijzigd\./);
  await Promise.all([page.waitForURL(/\/partners$/), page.locator('.flash').getByRole('link').click()]);
  await visit(page, `${network.path}/partners?q=${encodeURIComponent(name)}`);
  const found = page.locator('main table a', { hasText: name });
  assert.equal(await found.count(), 2);
  await Promise.all([page.waitForURL(/\/partners\/\d+$/), found.first().click()]);
  await scan(page, 'imported partner');
  assert.match(await page.locator('main').innerText(), /=1\+1/);
});

test('a member may download but not read in', async () => {
  const page = await newPage(browser);
  await login(page, 'member');
  const network = await firstNetwork(page);
  await visit(page, `${network.path}/uitwisselen`);
  assert.equal(await page.locator('input[type="file"]').count(), 0);
  assert.match(await page.locator('main').innerText(), /Alleen de coördinator/);
  const personsRow = page.locator('main tr', { has: page.locator('th', { hasText: /^Contactpersonen$/ }) });
  const link = personsRow.getByRole('link', { name: /^CSV voor Excel \(puntkomma\)/ });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  assert.match(download.suggestedFilename(), /-contactpersonen-\d{4}-\d{2}-\d{2}\.csv$/);
});
