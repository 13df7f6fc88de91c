// The audit log page: a coordinator opens it from the network navigation,
// filters it by kind without JavaScript's help, and finds it accessible.

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

test('a coordinator reads and filters the network audit log', async () => {
  const page = await newPage(browser);
  await login(page, 'coordinator');
  const network = await firstNetwork(page);
  await visit(page, network.path);
  await Promise.all([page.waitForURL(`**${network.path}/logboek`), page.locator('#nav-audit').click()]);
  assert.equal((await page.getByRole('heading', { level: 1 }).innerText()).trim(), 'Logboek');
  assert.ok((await page.locator('#audit-log tbody tr').count()) > 0, 'the demo network has audit rows');
  await scan(page, 'audit log');

  await page.getByLabel('Soort').selectOption('create');
  await Promise.all([page.waitForURL(/soort=create/), page.getByRole('button', { name: 'Toepassen' }).click()]);
  const kinds = await page.locator('#audit-log tbody td:nth-child(3)').allInnerTexts();
  assert.ok(kinds.length > 0 && kinds.every((k) => k.startsWith('maakte ')), kinds.join(' | '));
  await scan(page, 'filtered audit log');
});
