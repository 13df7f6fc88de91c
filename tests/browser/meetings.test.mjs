// Meetings: a member proposes an agenda item; the coordinator records the
// meeting with attendance, a decision and two action items; the dashboard's
// vitality panel names real bodies and numbers. Every page is scanned by axe.

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

/** The first upcoming meeting's page, reached through the meetings list. */
async function upcomingMeeting(page, network) {
  await visit(page, `${network.path}/bijeenkomsten`);
  const upcoming = page.locator('main table').first();
  const href = await upcoming.locator('a').first().getAttribute('href');
  assert.ok(href, 'the demo has an upcoming meeting');
  await visit(page, href);
  return href;
}

test('a member proposes, the coordinator records, the dashboard follows', async () => {
  const member = await newPage(browser);
  await login(member, 'member');
  const network = await firstNetwork(member);
  const meetingPath = await upcomingMeeting(member, network);

  const title = unique('Voorstel buurtsportcoach');
  const proposal = member.locator('main form[action$="/agendapunten"]');
  await proposal.locator('[name="title"]').fill(title);
  await proposal.locator('[name="description"]').fill('Kunnen we de beweegmaatjes uitbreiden naar Dijkhoven?');
  await submitIn(member, proposal, 'Agendapunt inbrengen');
  await scan(member, 'meeting after proposing');
  const item = member.locator('ol.agenda li', { hasText: title });
  assert.equal(await item.count(), 1, 'the proposed item is on the agenda');
  assert.match(await item.innerText(), /Welzijn Rivierenland/, 'the item names who brought it in');
  // A member does not record attendance or decisions.
  assert.equal(await member.locator('main form[action$="/aanwezigheid"]').count(), 0);

  const coordinator = await newPage(browser);
  await login(coordinator, 'coordinator');
  await visit(coordinator, meetingPath);
  const attendance = coordinator.locator('main form[action$="/aanwezigheid"]');
  const radios = attendance.locator('input[type="radio"][value="present"]');
  const count = await radios.count();
  assert.ok(count >= 2, 'partners were invited');
  for (let i = 0; i < count; i += 1) {
    if (i % 4 !== 3) await radios.nth(i).check();
  }
  await submitIn(coordinator, attendance, 'Aanwezigheid opslaan');
  await scan(coordinator, 'meeting after attendance');
  assert.equal(await coordinator.locator('main input[type="radio"][value="present"]:checked').count(), count - Math.floor(count / 4));

  const decision = coordinator.locator('main form[action$="/besluiten"]');
  const decisionText = unique('De regiegroep stemt in met de uitbreiding');
  await decision.locator('[name="text"]').fill(decisionText);
  await submitIn(coordinator, decision, 'Besluit vastleggen');
  assert.match(await coordinator.locator('main').innerText(), new RegExp(decisionText));

  for (const [what, owner] of [
    [unique('Plan overleg met de sportverenigingen'), 1],
    [unique('Zet de uitbreiding in de nieuwsbrief'), 2],
  ]) {
    const form = coordinator.locator('main form[action$="/acties"]');
    await form.locator('[name="description"]').fill(what);
    await form.locator('[name="ownerOrganisationId"]').selectOption({ index: owner });
    await form.locator('[name="due"]').fill('2027-01-31');
    await submitIn(coordinator, form, 'Actiepunt toevoegen');
    assert.match(await coordinator.locator('#actions-title + table, main').first().innerText(), new RegExp(what));
  }
  await scan(coordinator, 'meeting with decision and action items');

  // A refused action item keeps what was typed.
  const form = coordinator.locator('main form[action$="/acties"]');
  await form.locator('[name="description"]').fill('Zonder eigenaar');
  await submitIn(coordinator, form, 'Actiepunt toevoegen');
  assert.equal(await coordinator.locator('main form[action$="/acties"] [name="description"]').inputValue(), 'Zonder eigenaar');
  await scan(coordinator, 'meeting with a refused action item');

  await visit(coordinator, network.path);
  const panel = coordinator.locator('section[aria-labelledby="vitality-title"]');
  const text = await panel.innerText();
  assert.match(text, /Vitaliteitsindex/);
  assert.match(text, /\d+ van 100/, 'the index shows a number');
  assert.match(text, /Regiegroep|Werkgroep|Netwerkbijeenkomst/, 'sentences name real bodies');
  assert.match(text, /\d+%/, 'sentences carry numbers');
  assert.ok(await panel.locator('svg[role="img"]').count(), 'the history chart is there');
  assert.ok(await panel.locator('details table').count(), 'with a table that says the same');

  for (const path of ['/acties', '/verhalen', '/organen', '/vitaliteit', '/bijeenkomsten/nieuw']) {
    await visit(coordinator, `${network.path}${path}`);
  }
  await visit(member, `${network.path}/acties`);
  await visit(coordinator, `${network.path}?lang=en`);
  assert.match(await coordinator.locator('section[aria-labelledby="vitality-title"]').innerText(), /Vitality index/);
  await visit(coordinator, `${network.path}?lang=nl`);
});

test('a member shares a story and it reaches the dashboard', async () => {
  const page = await newPage(browser);
  await login(page, 'member');
  const network = await firstNetwork(page);
  await visit(page, `${network.path}/verhalen`);
  const title = unique('Eerste wandelgroep');
  const form = page.locator('main form[method="post"]');
  await form.locator('[name="title"]').fill(title);
  await form.locator('[name="text"]').fill('Twaalf buurtbewoners liepen mee, drie kwamen via de huisarts.');
  await submitIn(page, form, 'Delen');
  await scan(page, 'stories after sharing');
  await visit(page, network.path);
  assert.match(await page.locator('section[aria-labelledby="stories-title"]').innerText(), new RegExp(title));
});
