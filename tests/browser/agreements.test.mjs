// Agreements: the coordinator records a covenant with two commitments and
// sees agreed against delivered per partner; the member reports a delivery
// on their own organisation's row only. Every page is scanned by axe.

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

async function submitIn(page, form, buttonName) {
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    form.getByRole('button', { name: buttonName, exact: true }).click(),
  ]);
  await page.waitForLoadState('load');
}

/** YYYY-MM-DD of the first day of the quarter `back` quarters before the current one. */
function quarterStart(back) {
  const now = new Date();
  let q = Math.floor(now.getUTCMonth() / 3) - back;
  let year = now.getUTCFullYear();
  while (q < 0) {
    q += 4;
    year -= 1;
  }
  return `${year}-${String(q * 3 + 1).padStart(2, '0')}-01`;
}

test('the coordinator records an agreement, the member reports on their own row', async () => {
  const coordinator = await newPage(browser);
  await login(coordinator, 'coordinator');
  const network = await firstNetwork(coordinator);
  await visit(coordinator, `${network.path}/afspraken`);
  await coordinator.locator('main').getByRole('link', { name: /Afspraak vastleggen|Leg de eerste afspraak vast/ }).first().click();
  await coordinator.waitForLoadState('load');
  await scan(coordinator, 'new agreement form');

  // Sending the form half filled in shows the errors and keeps the title.
  const title = unique('Convenant Samen Gezond');
  const form = coordinator.locator('main form.stack');
  await form.getByLabel('Titel').fill(title);
  await submitIn(coordinator, form, 'Opslaan');
  await scan(coordinator, 'agreement form with errors');
  assert.match(await coordinator.locator('.error-summary').innerText(), /Kies minstens twee partijen/);
  assert.equal(await coordinator.locator('main form.stack').getByLabel('Titel').inputValue(), title);

  // The member's organisation (Welzijn …) and one other partner sign.
  const parties = coordinator.locator('main fieldset#f-partyIds');
  const welzijn = parties.locator('div.checkbox', { hasText: /^Welzijn / }).first();
  assert.equal(await welzijn.count(), 1, 'the demo network has a welfare partner');
  const welzijnName = (await welzijn.innerText()).trim();
  await welzijn.locator('input').check();
  const other = parties.locator('div.checkbox').filter({ hasNotText: /^Welzijn / }).first();
  const otherName = (await other.innerText()).trim();
  await other.locator('input').check();
  const again = coordinator.locator('main form.stack');
  await again.getByLabel('Ingangsdatum').fill(quarterStart(2));
  await again.getByLabel('Einddatum').fill(`${Number(quarterStart(2).slice(0, 4)) + 2}-12-31`);
  await again.getByLabel('Valt buiten de afspraak').fill('Individuele hulpverlening');
  await submitIn(coordinator, again, 'Opslaan');
  await scan(coordinator, 'new agreement');
  const agreementPath = new URL(coordinator.url()).pathname;
  assert.match(agreementPath, /\/afspraken\/\d+$/);
  assert.match(await coordinator.locator('h1').innerText(), new RegExp(title));

  for (const [party, hours, money] of [
    [welzijnName, '8', ''],
    [otherName, '4', '6.000'],
  ]) {
    await coordinator.locator('main').getByRole('link', { name: 'Toezegging toevoegen' }).click();
    await coordinator.waitForLoadState('load');
    await scan(coordinator, 'commitment form');
    const c = coordinator.locator('main form.stack');
    await c.getByLabel('Partij').selectOption({ label: party });
    await c.getByLabel(/^Rol/).fill('Trekker');
    await c.getByLabel(/^Uren per maand/).fill(hours);
    if (money) await c.getByLabel(/^Geld over de hele looptijd/).fill(money);
    await submitIn(coordinator, c, 'Opslaan');
    await scan(coordinator, 'agreement after adding a commitment');
  }

  const table = coordinator.locator('table.balance');
  await table.waitFor();
  assert.match(await table.locator('caption').innerText(), /Afgesproken en geleverd/);
  for (const party of [welzijnName, otherName]) {
    assert.equal(await table.locator('tbody th[scope="row"]', { hasText: party }).count(), 1, `a row for ${party}`);
  }
  assert.match(await coordinator.locator('#balance-summary').innerText(), /2 van de 2 partners lopen achter/);

  // The signed document: a PDF is kept, a web page is refused with a message.
  const upload = () => coordinator.locator('main form[enctype="multipart/form-data"]');
  await upload().getByLabel('Ondertekend document').setInputFiles({
    name: 'convenant.html',
    mimeType: 'text/html',
    buffer: Buffer.from('<!doctype html><title>x</title><script>alert(1)</script>'),
  });
  await submitIn(coordinator, upload(), 'Document uploaden');
  await scan(coordinator, 'agreement with a refused upload');
  assert.match(await coordinator.locator('.error-summary').innerText(), /Dit soort bestand kan niet/);
  await upload().getByLabel('Ondertekend document').setInputFiles({
    name: 'convenant getekend.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer\n%%EOF\n'),
  });
  await submitIn(coordinator, upload(), 'Document uploaden');
  await scan(coordinator, 'agreement with a document');
  assert.equal(await coordinator.locator('ul.documents a', { hasText: 'convenant getekend.pdf' }).count(), 1);

  // Removing a commitment and archiving the agreement ask first.
  await coordinator.locator('article.commitment', { hasText: otherName }).locator('a[href$="/verwijderen"]').click();
  await coordinator.waitForLoadState('load');
  await scan(coordinator, 'remove commitment confirmation');
  await coordinator.getByRole('link', { name: 'Annuleren' }).click();
  await coordinator.waitForLoadState('load');
  await coordinator.locator('main .page-head').getByRole('link', { name: 'Archiveren' }).click();
  await coordinator.waitForLoadState('load');
  await scan(coordinator, 'archive agreement confirmation');
  await coordinator.getByRole('link', { name: 'Annuleren' }).click();
  await coordinator.waitForLoadState('load');

  await visit(coordinator, `${network.path}/afspraken`);
  assert.equal(await coordinator.locator('main table a', { hasText: title }).count(), 1, 'the agreement is listed');

  // The dashboard shows the agreement with how its two partners stand, and links to it.
  await visit(coordinator, network.path);
  await scan(coordinator, 'dashboard with agreements');
  const onDashboard = coordinator.locator('section[aria-labelledby="dash-agreements-title"] li', { hasText: title });
  assert.equal(await onDashboard.count(), 1, 'the agreement is on the dashboard');
  assert.match(await onDashboard.innerText(), /2 partners lopen achter/);
  await onDashboard.getByRole('link', { name: title }).click();
  await coordinator.waitForLoadState('load');
  assert.equal(new URL(coordinator.url()).pathname, agreementPath);

  // The member sees one report form: the one of their own organisation.
  const member = await newPage(browser);
  await login(member, 'member');
  await visit(member, agreementPath);
  const forms = member.locator('main form.delivery-form');
  assert.equal(await forms.count(), 1, 'only the own commitment can be reported on');
  const mine = member.locator('article.commitment', { has: member.locator('form.delivery-form') });
  assert.match(await mine.locator('h3').innerText(), new RegExp(welzijnName));
  const note = unique('Inloopspreekuur en twee buurtbijeenkomsten');
  await forms.getByLabel(/^Uren/).fill('47');
  await forms.getByLabel(/^Toelichting/).fill(note);
  await submitIn(member, forms, 'Levering opslaan');
  await scan(member, 'agreement after reporting a delivery');
  assert.match(await member.locator('main').innerText(), new RegExp(note));
  assert.match(await member.locator('#balance-summary').innerText(), /1 van de 2 partners loopt achter/);
});
