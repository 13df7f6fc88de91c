// Projects, coherence and funding, the phase checklist: the coordinator adds a
// project without a goal and money that runs out soon, finds both on the
// coherence page and the dashboard, follows the links back to the project,
// and marks a building block done with the project as evidence. Every page
// is scanned by axe.

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

async function submit(page, form, buttonName) {
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    form.getByRole('button', { name: buttonName }).click(),
  ]);
  await page.waitForLoadState('load');
}

function isoDate(offsetDays) {
  const d = new Date(Date.now() + offsetDays * 24 * 3600 * 1000);
  return d.toISOString().slice(0, 10);
}

test('a project without a goal and with a funding cliff shows up everywhere, with links', async () => {
  const page = await newPage(browser);
  await login(page, 'coordinator');
  const network = await firstNetwork(page);

  await visit(page, `${network.path}/projecten`);
  await Promise.all([page.waitForURL(/\/projecten\/nieuw$/), page.getByRole('link', { name: 'Project toevoegen' }).click()]);
  await scan(page, 'new project form');

  // Without a name the form comes back, with the problem linked to the field.
  const form = page.locator('main form[method="post"]');
  await submit(page, form, 'Opslaan');
  await scan(page, 'project form with errors');
  assert.equal(await page.locator('.error-summary a[href="#f-title"]').count(), 1);

  const title = unique('Pilot zonder doel');
  await page.getByLabel('Naam van het project').fill(title);
  await page.getByLabel('Omschrijving').fill('Een proef met een buurtkamer, nog niet aan een doel gekoppeld.');
  await page.getByLabel('Trekker').selectOption({ index: 1 });
  await page.getByLabel('Status', { exact: true }).selectOption('pilot');
  await page.getByLabel('Begroting').fill('12.500');
  await submit(page, page.locator('main form[method="post"]'), 'Opslaan');
  await scan(page, 'project page');
  const projectPath = new URL(page.url()).pathname;
  assert.match(projectPath, /\/projecten\/\d+$/);
  const main = page.locator('main');
  assert.match(await main.innerText(), /draagt niet bij aan een van de doelen/, 'the project page names its own finding');
  assert.match(await main.innerText(), /€ 12\.500,00/);

  // Money that stops in 40 days, with nothing after it.
  await Promise.all([
    page.waitForURL(/\/financiering\/nieuw$/),
    page.getByRole('link', { name: 'Financieringsstroom toevoegen' }).click(),
  ]);
  await scan(page, 'funding stream form');
  await page.getByLabel('Bron').selectOption('subsidy');
  await page.getByLabel('Financier').fill('Fonds Buurtkracht');
  await page.getByLabel('Bedrag').fill('5.000');
  await page.getByLabel('Soort geld').selectOption('one_off');
  await page.getByLabel('Begindatum').fill(isoDate(-10));
  await page.getByLabel('Einddatum').fill(isoDate(40));
  await submit(page, page.locator('main form[method="post"]'), 'Opslaan');
  await scan(page, 'project page with funding');
  assert.equal(new URL(page.url()).pathname, projectPath);
  assert.match(await page.locator('main .warning').innerText(), /stopt op .* er is nog geen vervolgfinanciering/);

  // The coherence page: the finding as a sentence, the cliff, the chart with its table.
  await visit(page, `${network.path}/portfolio`);
  const sentence = page.locator('#kind-project_without_goal + ul.findings li', { hasText: title });
  assert.equal(await sentence.count(), 1, 'the finding is listed under its kind');
  assert.equal(await sentence.getByRole('link', { name: title }).getAttribute('href'), projectPath);
  const cliff = page.locator('ul.cliffs li', { hasText: title });
  assert.equal(await cliff.count(), 1, 'the funding cliff is listed');
  assert.equal(await page.locator('svg.bar-chart').count(), 1);
  const shareTable = page.locator('table.share-table');
  assert.ok((await shareTable.locator('tbody tr').count()) >= 3, 'a row per year');
  assert.match(await shareTable.innerText(), /€/);

  // The dashboard counts the kind and lists the cliff; both lead back to the project.
  await visit(page, network.path);
  const panel = page.locator('section[aria-labelledby="dash-coherence-title"]');
  const countLink = panel.getByRole('link', { name: /Projecten zonder doel: \d+/ });
  assert.equal(await countLink.count(), 1, 'the dashboard counts projects without a goal');
  const funding = page.locator('section[aria-labelledby="dash-funding-title"]');
  const cliffLink = funding.getByRole('link', { name: title });
  if ((await cliffLink.count()) > 0) {
    assert.equal(await cliffLink.first().getAttribute('href'), projectPath);
  } else {
    assert.match(await funding.innerText(), /Het geld voor/, 'the funding panel lists cliffs');
  }
  await Promise.all([page.waitForURL(/\/portfolio#kind-project_without_goal$/), countLink.click()]);
  await scan(page, 'coherence page from the dashboard');
  await Promise.all([
    page.waitForURL((u) => u.pathname === projectPath),
    page.locator('#kind-project_without_goal + ul.findings li', { hasText: title }).getByRole('link', { name: title }).click(),
  ]);
  await scan(page, 'project page from the finding');

  // The list finds it and shows it as a pilot.
  await visit(page, `${network.path}/projecten?q=${encodeURIComponent(title)}&status=pilot`);
  assert.equal(await page.locator('main table tbody tr').count(), 1);
});

test('the coordinator marks a building block done with a project as evidence', async () => {
  const page = await newPage(browser);
  await login(page, 'coordinator');
  const network = await firstNetwork(page);

  await visit(page, `${network.path}/projecten`);
  const firstProject = page.locator('main table tbody a').first();
  const hasProject = (await firstProject.count()) > 0;
  const projectHref = hasProject ? await firstProject.getAttribute('href') : null;

  await visit(page, `${network.path}/fasechecklist`);
  assert.equal(await page.locator('section.phase.current-phase').count(), 1, 'the current phase stands out');
  const block = page.locator('#block-shared_promise');
  await block.locator('summary').click();
  await block.getByLabel('Status').selectOption('done');
  const evidence = hasProject ? `project:${projectHref.split('/').pop()}` : 'https://intranet.example/belofte.pdf';
  await block.getByLabel('Bewijs').fill(evidence);
  await submit(page, block.locator('form'), 'Opslaan');
  await scan(page, 'checklist after saving a block');
  const saved = page.locator('#block-shared_promise');
  assert.match(await saved.locator('h3').innerText(), /Klaar/);
  if (hasProject) {
    assert.equal(await saved.locator(`.evidence a[href="${projectHref}"]`).count(), 1, 'the evidence links to the project');
  }
  assert.match(await page.locator('#phase-build_up').locator('..').innerText(), /van \d+ bouwstenen klaar \(\d+%\)/);
});

test('a member reads the portfolio pages without forms', async () => {
  const page = await newPage(browser);
  await login(page, 'member');
  const network = await firstNetwork(page);
  for (const path of ['/projecten', '/portfolio', '/fasechecklist']) {
    await visit(page, `${network.path}${path}`);
    assert.equal(await page.locator('main form[method="post"]').count(), 0, `${path} has no forms for a member`);
  }
  await visit(page, `${network.path}/projecten/nieuw`, { status: [403] });
});

test('the demo dashboard shows every kind of coherence finding and the funding cliff, each linked to its objects', async () => {
  const page = await newPage(browser);
  await login(page, 'steering');
  const network = await firstNetwork(page);
  await visit(page, network.path);
  const panel = page.locator('section[aria-labelledby="dash-coherence-title"]');
  // Seven kinds: no goal, no lead, no owner, likely duplicate, overloaded partner,
  // agreement past its evaluation date, goal without a project.
  assert.ok((await panel.locator('ul.finding-counts li').count()) >= 7, 'a count for every kind of finding');
  assert.ok((await page.locator('section[aria-labelledby="dash-funding-title"] ul.cliffs li').count()) >= 2, 'the cliff list');
  await scan(page, 'demo dashboard with findings');

  await visit(page, `${network.path}/portfolio`);
  await scan(page, 'demo portfolio page');
  const kinds = page.locator('main h3[id^="kind-"]');
  assert.ok((await kinds.count()) >= 7, 'a group for every kind of finding');
  for (const id of await kinds.evaluateAll((hs) => hs.map((h) => h.id))) {
    const first = page.locator(`#${id} + ul.findings li`).first();
    assert.ok((await first.locator('a').count()) >= 1, `the ${id} finding links to its objects`);
  }
  // The chart's table equivalent holds the same years as the chart.
  const rows = await page.locator('main table tbody tr').count();
  assert.ok(rows >= 3, 'a table row per year');
  // Follow one duplicate's link to its project.
  const duplicate = page.locator('#kind-likely_duplicate + ul.findings li a').first();
  const href = await duplicate.getAttribute('href');
  await Promise.all([page.waitForURL((u) => u.pathname === href), duplicate.click()]);
  assert.match(await page.locator('h1').innerText(), /\S/);
});
