// The instrument editor: the coordinator copies a built-in questionnaire,
// rewords a statement, adds a choice question (a round trip that keeps what
// was typed), meets the error messages once, saves and reads which version
// was saved; then starts a blank one. Every state of the page is scanned by axe.

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

async function press(page, button) {
  await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), button.click()]);
  await page.waitForLoadState('load');
}

test('a coordinator copies, edits and saves a questionnaire, and starts a blank one', async () => {
  const page = await newPage(browser);
  await login(page, 'coordinator');
  const network = await firstNetwork(page);
  const overview = `${network.path}/evaluaties`;
  await visit(page, overview);

  // A built-in questionnaire is read-only and offers the copy.
  await visit(page, `${overview}/instrumenten/builtin-collaboration_scan`);
  assert.equal(await page.locator('#instrument-form').count(), 0);
  await visit(page, overview);

  const copy = page
    .locator('main form[action$="/instrumenten/kopie"]')
    .filter({ has: page.locator('input[value="builtin-collaboration_scan"]') });
  await press(page, copy.getByRole('button'));
  await scan(page, 'overview after copying');
  const links = page.locator('main a[href*="/instrumenten/"]');
  const hrefs = (await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).filter((h) =>
    /\/instrumenten\/\d+$/.test(h),
  );
  assert.ok(hrefs.length > 0, 'the copy has an edit link');
  const editor = hrefs[hrefs.length - 1];
  await visit(page, editor);

  // Reword the first statement, then add a choice question to the first page.
  const reworded = unique('We hebben een gedeeld doel dat iedereen kent');
  await page.locator('[name="page.0.q.0.text.nl"]').fill(reworded);
  const count = await page.locator('#f-page-0 fieldset.question').count();
  await page.getByLabel('Soort nieuwe vraag').first().selectOption('single');
  await press(page, page.locator('button[value="addquestion-0"]'));
  await scan(page, 'editor after adding a question');
  assert.match(await page.locator('main [role="status"]').innerText(), /Vraag toegevoegd\. Nog niet opgeslagen\./);
  assert.equal(await page.locator('[name="page.0.q.0.text.nl"]').inputValue(), reworded, 'the typed text is kept');
  assert.equal(await page.locator('#f-page-0 fieldset.question').count(), count + 1);

  const added = page.locator(`#question-0-${count}`);
  assert.equal(await added.getByLabel('Soort vraag').inputValue(), 'single');
  await added.getByLabel('Vraag (Nederlands)').fill('Welke rol heb je in het netwerk?');
  await added.getByLabel('Vraag (Engels)').fill('What is your role in the network?');

  // Saving with one choice only is refused, with the message at the field.
  await added.getByLabel('Keuzes').fill('Trekker | Lead');
  await press(page, page.getByRole('button', { name: 'Opslaan', exact: true }).first());
  await scan(page, 'editor with a problem');
  const field = `f-page-0-q-${count}-options`;
  assert.equal(await page.locator(`.error-summary a[href="#${field}"]`).count(), 1);
  assert.equal(await page.locator(`#${field}`).getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('[name="page.0.q.0.text.nl"]').inputValue(), reworded, 'the typed text is kept');

  await page.locator(`#${field}`).fill('Trekker | Lead\nDeelnemer | Member');
  await Promise.all([page.waitForURL(/saved=\d+/), page.getByRole('button', { name: 'Opslaan', exact: true }).first().click()]);
  await scan(page, 'editor after saving');
  assert.match(await page.locator('main [role="status"]').innerText(), /Versie \d+ opgeslagen\./);
  assert.equal(await page.locator('[name="page.0.q.0.text.nl"]').inputValue(), reworded);
  assert.match(await page.locator(`#${field}`).inputValue(), /^trekker \| Trekker \| Lead\ndeelnemer \| Deelnemer \| Member$/);

  // A blank questionnaire opens in the editor, ready to fill in.
  await visit(page, overview);
  await Promise.all([
    page.waitForURL(/\/instrumenten\/\d+\?done=created$/),
    page.getByRole('button', { name: 'Nieuwe lege vragenlijst' }).click(),
  ]);
  await scan(page, 'editor of a blank questionnaire');
  assert.equal(await page.locator('[name="name.nl"]').inputValue(), 'Nieuwe vragenlijst');
});
