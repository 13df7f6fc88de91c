// Surveys from start to finish, with real mail: the coordinator starts a
// round of the collaboration scan for six people; the demo server mails the
// invitations through a real SMTP server (aiosmtpd, started by scripts/test,
// which writes a Maildir); the test reads the mails, answers as five of the
// six (one in two sittings, one in English), and the coordinator sees 5 of 6,
// the bands per lens and the sector split with "too few answers". Every page
// is scanned by axe-core, the respondent pages included.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';

import { firstNetwork, launch, login, newPage, scan, unique, visit } from './helpers.mjs';
import { MAILDIR, waitForMails } from './mailbox.mjs';

const SERVER_LOG = process.env.VERBAND_SERVER_LOG || '';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

// ---------------------------------------------------------------- pages

async function submitWith(page, buttonName) {
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.getByRole('button', { name: buttonName, exact: true }).click(),
  ]);
  await page.waitForLoadState('load');
}

/** Answers every statement on the current respondent page with `score` and every open question with `text`. */
async function fillPage(page, score, text) {
  const groups = await page.locator('main input[type="radio"]').evaluateAll((inputs) => [...new Set(inputs.map((i) => i.name))]);
  for (const name of groups) {
    const wanted = page.locator(`main input[type="radio"][name="${name}"][value="${score}"]`);
    // Click the label, as a person would; the radio itself is the fallback for labels laid over it.
    const id = await wanted.getAttribute('id');
    await page.locator(`label[for="${id}"]`).click();
    assert.ok(await wanted.isChecked(), `${name} = ${score}`);
  }
  const areas = page.locator('main textarea');
  for (let i = 0; i < (await areas.count()); i += 1) {
    await areas.nth(i).fill(text);
  }
}

/** Answers pages until the thank-you page; returns how many pages were answered. */
async function answerToTheEnd(page, score, text, { thanks = 'Bedankt!' } = {}) {
  let pages = 0;
  for (;;) {
    if ((await page.locator('main button[name="action"][value="next"]').count()) === 0) {
      assert.match(await page.locator('main').innerText(), new RegExp(thanks), 'the thank-you page');
      return pages;
    }
    assert.ok(pages < 20, 'the questionnaire ends');
    await fillPage(page, score, text);
    // "Next" on every page, "Send" on the last.
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.locator('main button[name="action"][value="next"]').click(),
    ]);
    await page.waitForLoadState('load');
    pages += 1;
    if (pages === 1) await scan(page, 'respondent page 2');
  }
}

test('a round of the collaboration scan, with mail, five answers and results that keep people anonymous', async () => {
  assert.ok(MAILDIR, 'VERBAND_MAILDIR is not set: run the browser tests through scripts/test, which starts the SMTP sink');
  const coordinator = await newPage(browser);
  await login(coordinator, 'coordinator');
  const network = await firstNetwork(coordinator);
  const surveys = `${network.path}/evaluaties`;
  await visit(coordinator, surveys);

  // Start a round: three people of municipalities and three of welfare organisations.
  await coordinator.locator('main a[href$="instrument=builtin-collaboration_scan"]').click();
  await coordinator.waitForLoadState('load');
  await scan(coordinator, 'new round form');
  const label = unique('Samenwerkingsscan najaar');
  await coordinator.getByLabel('Naam van het meetmoment').fill(label);
  const deadline = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  await coordinator.locator('input[name="deadline"]').fill(deadline);
  const persons = await coordinator.locator('input[name="persons"]').evaluateAll((inputs) =>
    inputs.map((i) => ({ id: i.id, label: document.querySelector(`label[for="${i.id}"]`)?.textContent?.trim() || '' })),
  );
  const withMail = (sector) => persons.filter((p) => p.label.includes(`, ${sector} (`) && /@/.test(p.label)).slice(0, 3);
  const municipal = withMail('Gemeente');
  const welfare = withMail('Welzijn');
  assert.equal(municipal.length, 3, 'the demo has three people of municipalities with an e-mail address');
  assert.equal(welfare.length, 3, 'the demo has three people of welfare organisations with an e-mail address');
  for (const p of [...municipal, ...welfare]) await coordinator.locator(`#${p.id}`).check();
  await submitWith(coordinator, 'Meetmoment starten');
  assert.match(new URL(coordinator.url()).pathname, /\/evaluaties\/\d+$/, 'the round page follows');
  const roundPath = new URL(coordinator.url()).pathname;
  await scan(coordinator, 'round page');
  assert.match(await coordinator.locator('main').innerText(), /0 van 6/);

  // Six invitations arrive at the SMTP server, one per chosen address.
  const mails = await waitForMails(label, 6);
  assert.equal(mails.length, 6, `six invitations for ${label} in ${MAILDIR}`);
  const emailOf = (p) => /\(([^()]+@[^()]+)\)$/.exec(p.label)[1];
  const linkFor = new Map();
  for (const mail of mails) {
    const to = /<?([^<>\s]+@[^<>\s]+)>?$/.exec(mail.headers.to)[1];
    const link = /(https?:\/\/\S+\/enquete\/[A-Za-z0-9_-]+)/.exec(mail.body);
    assert.ok(link, `a personal link in the mail to ${to}:\n${mail.body}`);
    assert.match(mail.body, new RegExp(label), 'the mail names the round');
    linkFor.set(to, link[1]);
  }
  assert.deepEqual([...linkFor.keys()].sort(), [...municipal, ...welfare].map(emailOf).sort(), 'one mail per chosen person');

  // Five answer: municipalities 5, 5 and 4; welfare 2 and 2; the third of welfare does not.
  const plan = [
    [municipal[0], '5'],
    [municipal[1], '5'],
    [municipal[2], '4'],
    [welfare[0], '2'],
    [welfare[1], '2'],
  ];
  for (const [i, [person, score]] of plan.entries()) {
    const respondent = await newPage(browser);
    const link = new URL(linkFor.get(emailOf(person)));
    if (i === 1) {
      // In English, through the language choice in the link.
      await visit(respondent, `${link.pathname}?lang=en`, { label: 'respondent page in English' });
      assert.match(await respondent.locator('main').innerText(), /Page 1 of/);
      await answerToTheEnd(respondent, score, 'More joint planning', { thanks: 'Thank you!' });
    } else {
      await visit(respondent, link.pathname, { label: `respondent ${i} page 1` });
      if (i === 0) {
        // Two sittings: one page, then "save and continue later"; the link opens page 2 with page 1 kept.
        await fillPage(respondent, score, 'Meer gezamenlijke planning');
        await submitWith(respondent, 'Volgende');
        await fillPage(respondent, score, 'Meer gezamenlijke planning');
        await submitWith(respondent, 'Opslaan en later verder');
        assert.match(await respondent.locator('main').innerText(), /Je antwoorden zijn bewaard/);
        await scan(respondent, 'saved for later');
        await respondent.context().close();
        const again = await newPage(browser);
        await visit(again, link.pathname, { label: 'respondent back after a break' });
        assert.match(await again.locator('main').innerText(), /Pagina 2 van/, 'back where they stopped');
        await submitWith(again, 'Vorige');
        assert.equal(await again.locator(`main input[type="radio"][value="${score}"]:checked`).count() > 0, true, 'saved answers are shown again');
        await answerToTheEnd(again, score, 'Meer gezamenlijke planning');
        await scan(again, 'thank-you page');
        await again.context().close();
        continue;
      }
      await answerToTheEnd(respondent, score, 'Meer gezamenlijke planning');
    }
    await respondent.context().close();
  }

  // The coordinator sees 5 of 6, never who answered what.
  await visit(coordinator, roundPath);
  assert.match(await coordinator.locator('main').innerText(), /5 van 6/);
  await visit(coordinator, `${roundPath}/resultaten`, { label: 'results' });
  const factors = await coordinator.locator('#factor-results').innerText();
  // Every lens: (5 + 5 + 4 + 2 + 2) / 5 = 3.6 → attention.
  assert.equal((factors.match(/3,6/g) || []).length, 5, factors);
  assert.equal((factors.match(/Aandachtspunt/g) || []).length, 5, factors);
  const sectors = await coordinator.locator('#sector-divergence').innerText();
  // Municipalities (3): (5 + 5 + 4) / 3 = 4.7; welfare (2 answered): too few to show.
  assert.match(sectors, /Gemeente[\s\S]*4,7/, sectors);
  assert.match(sectors, /Welzijn[\s\S]*te weinig antwoorden/, sectors);
  assert.doesNotMatch(sectors, /2,0/, 'the welfare mean must not show');
  const main = await coordinator.locator('main').innerText();
  for (const p of [...municipal, ...welfare]) {
    const name = p.label.split(',')[0];
    assert.ok(!main.includes(name), `the results never name ${name}`);
  }

  // The personal links never reach the server's log.
  if (SERVER_LOG && existsSync(SERVER_LOG)) {
    const log = readFileSync(SERVER_LOG, 'utf8');
    for (const link of linkFor.values()) {
      assert.ok(!log.includes(link.split('/enquete/')[1]), 'a token in the server log');
    }
  }
});

test('an unknown link gets a polite page and no data', async () => {
  const page = await newPage(browser);
  await visit(page, '/enquete/dezelinkbestaatniet0000000000000000000000', { status: [404], label: 'unknown link' });
  assert.match(await page.locator('main h1').innerText(), /Deze link werkt niet/);
});
